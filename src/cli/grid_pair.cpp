#include "grid_pair.hpp"

#include "common.hpp"
#include "ess/io/grid_source.hpp"

namespace ess::cli {

std::optional<GridPair> load_grid_pair(const Options& options, std::vector<Diagnostic>& all,
                                       int& exit_code) {
  ParseLimits limits = limits_from(options);
  std::optional<Grid> grids[2];
  for (int i = 0; i < 2; ++i) {
    Diagnostics diags(options.paths[i]);
    grids[i] = load_grid_source(options.paths[i], limits, diags);
    if (diags.has_errors()) grids[i].reset();
    all.insert(all.end(), diags.items().begin(), diags.items().end());
  }
  if (grids[0] && grids[1]) return GridPair{std::move(*grids[0]), std::move(*grids[1])};
  report_diagnostics(all, options);
  exit_code = exit_invalid;
  for (const auto& d : all)
    if (d.severity == Severity::error && is_grid_io_code(d.code)) exit_code = exit_io;
  return std::nullopt;
}

bool is_grid_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory" ||
         code == "file-too-large" || code == "git-error";
}

}  // namespace ess::cli
