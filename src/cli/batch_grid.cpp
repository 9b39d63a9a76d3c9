#include "batch_grid.hpp"

#include <tuple>

#include <fmt/format.h>

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
                              const char* what, const char* hint) const {
  const LoadedGrid& grid = *chosen();
  return {Severity::error,
          "grid-mismatch",
          file,
          grid_pos,
          fmt::format("{} uses grid {}@{} ({} dossiers), but this dossier is scored with {}@{}: "
                      "totals of different grids do not compare",
                      what, grid.grid.id, grid.grid.version, count(&grid), other.grid.id,
                      other.grid.version),
          hint};
}

}  // namespace ess::cli
