#pragma once
// The files a command reads: paths as given, folders walked, --files-from lists.
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "ess/diagnostic.hpp"

namespace ess::cli {

// Files in a stable order: named files as given, each folder's *.yaml/*.yml sorted by path
// (symbolic links to folders followed once; loops skipped). Unreadable paths are diagnostics.
std::vector<std::string> collect_inputs(const Options& options, std::vector<Diagnostic>& diags);

}  // namespace ess::cli
