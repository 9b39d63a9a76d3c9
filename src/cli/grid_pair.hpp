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

// OLD and NEW from options.paths[0] and [1]; their diagnostics are appended to `all`. When
// either cannot be used, prints `all` and returns nullopt with the command's exit code in
// `exit_code`: exit_io when a grid could not be read, exit_invalid when it is wrong.
std::optional<GridPair> load_grid_pair(const Options& options, std::vector<Diagnostic>& all,
                                       int& exit_code);

// Whether a diagnostic code means a file could not be read (exit_io) rather than is wrong.
// Grid commands count a file over --max-file-size and a failing git among them.
bool is_grid_io_code(const std::string& code);

}  // namespace ess::cli
