#include "batch_grid.hpp"

#include <tuple>

#include <fmt/format.h>

#include "ess/model/messages.hpp"

namespace ess::cli {

void BatchGrid::add(const LoadedGrid* grid) {
  ++counts_[grid];
}

const LoadedGrid* BatchGrid::chosen() const {
  const LoadedGrid* best = nullptr;
  std::size_t best_count = 0;
  auto key = [](const LoadedGrid* g) {
    return std::tie(g->grid.id, g->grid.version, g->grid.file);
  };
  for (const auto& [grid, n] : counts_)
    if (!best || n > best_count || (n == best_count && key(grid) < key(best))) {
      best = grid;
      best_count = n;
    }
  return best;
}

std::size_t BatchGrid::count(const LoadedGrid* grid) const {
  auto it = counts_.find(grid);
  return it == counts_.end() ? 0 : it->second;
}

Diagnostic BatchGrid::refusal(const std::string& file, Pos grid_pos, const LoadedGrid& other,
                              Msg what, Msg hint) const {
  const LoadedGrid& grid = *chosen();
  return make_diagnostic(
      Severity::error, file, grid_pos,
      say(Msg::batch_other_grid, fmt::arg("what", phrase(what)), fmt::arg("grid", grid.grid.id),
          fmt::arg("version", grid.grid.version), fmt::arg("count", count(&grid)),
          fmt::arg("other", other.grid.id), fmt::arg("other_version", other.grid.version)),
      say(hint));
}

}  // namespace ess::cli
