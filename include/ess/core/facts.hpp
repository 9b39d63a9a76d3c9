#pragma once
// A dossier's facts: declared ones, the grid's constants, and the ones derived from them.
#include <optional>
#include <string>
#include <vector>

#include "ess/model/grid_index.hpp"
#include "ess/model/model.hpp"
#include "ess/model/result.hpp"

namespace ess {

// One value per grid fact, in grid order. Cycles are impossible: the grid loader refuses them.
std::vector<FactValue> compute_facts(const GridIndex& index, const Dossier& dossier);

}  // namespace ess
