#include "grid_pair.hpp"

#include "common.hpp"
#include "ess/io/grid_source.hpp"

namespace ess::cli {

std::optional<GridPair> load_grid_pair(const Options& options, std::vector<Diagnostic>& all) {
  ParseLimits limits = limits_from(options);
  std::optional<Grid> grids[2];
  for (int i = 0; i < 2; ++i) {
    Diagnostics diags(options.paths[i]);
    grids[i] = load_grid_source(options.paths[i], limits, diags);
    if (diags.has_errors()) grids[i].reset();
    all.insert(all.end(), diags.items().begin(), diags.items().end());
  }
  if (grids[0] && grids[1]) return GridPair{std::move(*grids[0]), std::move(*grids[1])};
  return std::nullopt;
}

}  // namespace ess::cli
