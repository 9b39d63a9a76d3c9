#pragma once
// The weight each criterion carries in the grid as published (§2.3).
#include <map>
#include <string>

#include "ess/model/model.hpp"

namespace ess {

// Effective weight of every criterion (by id) when every criterion is scored: the product of
// w / Σw along its path (§2.3). The weight a criterion carries in the grid as published.
std::map<std::string, double> nominal_effective_weights(const Grid& grid);

}  // namespace ess
