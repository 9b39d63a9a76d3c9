#pragma once
// Lookups built once per grid, shared by every dossier of a batch.
#include <string>
#include <unordered_map>
#include <vector>

#include "ess/model/model.hpp"

namespace ess {

struct GridIndex {
  const Grid* grid = nullptr;
  std::unordered_map<std::string, const Criterion*> criteria;  // every node and leaf
  std::vector<const Criterion*> leaves;                        // depth-first, file order
  std::vector<std::string> criterion_ids;                      // for "did you mean"
  std::unordered_map<std::string, std::size_t> facts;          // id -> index in grid->facts
  std::vector<std::string> declared_fact_ids;

  const Criterion* find(const std::string& id) const {
    auto it = criteria.find(id);
    return it == criteria.end() ? nullptr : it->second;
  }
};

GridIndex index_grid(const Grid& grid);

}  // namespace ess
