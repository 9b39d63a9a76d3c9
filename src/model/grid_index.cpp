#include "ess/model/grid_index.hpp"

namespace ess {

GridIndex index_grid(const Grid& grid) {
  GridIndex index;
  index.grid = &grid;
  for_each_criterion(grid.criteria, [&](const Criterion& c, int) {
    index.criteria.emplace(c.id, &c);
    index.criterion_ids.push_back(c.id);
    if (c.is_leaf()) index.leaves.push_back(&c);
  });
  for (std::size_t i = 0; i < grid.facts.size(); ++i) {
    index.facts.emplace(grid.facts[i].id, i);
    if (grid.facts[i].op == FactOp::declared) index.declared_fact_ids.push_back(grid.facts[i].id);
  }
  return index;
}

}  // namespace ess
