#include "ess/model/call.hpp"

namespace ess {

std::string base_grid_id(const std::string& grid_id) {
  return grid_id.substr(0, grid_id.find('+'));
}

std::string call_of_grid_id(const std::string& grid_id) {
  auto plus = grid_id.find('+');
  return plus == std::string::npos ? std::string() : grid_id.substr(plus + 1);
}

}  // namespace ess
