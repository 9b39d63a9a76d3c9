#include "grid_pair.hpp"

#include "call_grid.hpp"
#include "common.hpp"
#include "ess/io/grid_source.hpp"

namespace ess::cli {

namespace {

// A grid file, '-', REV:PATH, or a call (file or id: call_grid.hpp) whose grid is derived.
std::optional<Grid> load_side(const std::string& ref, GridStore& store, const ParseLimits& limits,
                              Diagnostics& diags) {
  auto call_path = ref == "-" ? std::nullopt : call_reference(ref, store, limits);
  if (!call_path) return load_grid_source(ref, limits, diags);
  auto call = read_call_grid(*call_path, store, limits, diags);
  if (!call) return std::nullopt;
  return std::move(call->derived.grid);
}

}  // namespace

std::optional<GridPair> load_grid_pair(const Options& options, std::vector<Diagnostic>& all) {
  ParseLimits limits = limits_from(options);
  GridStore store = make_grid_store(options);
  std::optional<Grid> grids[2];
  for (int i = 0; i < 2; ++i) {
    Diagnostics diags(options.paths[i]);
    grids[i] = load_side(options.paths[i], store, limits, diags);
    if (diags.has_errors()) grids[i].reset();
    all.insert(all.end(), diags.items().begin(), diags.items().end());
  }
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  if (grids[0] && grids[1]) return GridPair{std::move(*grids[0]), std::move(*grids[1])};
  return std::nullopt;
}

}  // namespace ess::cli
