#pragma once
// A grid's own consistency, whatever file it came from: ids unique across the tree, scale and
// fact references, fact cycles, sibling weights. The loaders call it on every grid they build.
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace ess {

void check_grid_references(const Grid& grid, Diagnostics& diags);

}  // namespace ess
