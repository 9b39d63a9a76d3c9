#pragma once
// OLD and NEW, the two grids `grid diff` and `grid impact` compare: each a file, '-' or
// REV:PATH (grid_source.hpp), loaded the same way by both commands.
#include <optional>
#include <string>
#include <vector>

#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"
#include "options.hpp"

namespace ess::cli {

struct GridPair {
  Grid old_grid, new_grid;
};

// OLD and NEW from options.paths[0] and [1]; their diagnostics are appended to `all`. Nothing
// when either cannot be used (the reasons are in `all`).
std::optional<GridPair> load_grid_pair(const Options& options, std::vector<Diagnostic>& all);

}  // namespace ess::cli
