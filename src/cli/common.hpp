#pragma once
// What every command shares: limits, the grid store, printing diagnostics, the exit code.
#include <string>
#include <vector>

#include "ess/io/grid_store.hpp"
#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"
#include "options.hpp"

namespace ess::cli {

ParseLimits limits_from(const Options& options);

// --grid when given, else $ESS_EVAL_GRID_PATH, ./criteria, the installed grids, the built-in.
GridStore make_grid_store(const Options& options);

// Sorts, applies --strict, prints to stderr in the chosen format. Returns true when any error.
bool report_diagnostics(std::vector<Diagnostic>& items, const Options& options);

// Number of worker threads for --jobs (0: all cores).
unsigned job_count(const Options& options);

// Whether stderr is a terminal that wants progress and colour (and NO_COLOR for colour).
bool stderr_is_terminal();
bool colour_allowed();

}  // namespace ess::cli
