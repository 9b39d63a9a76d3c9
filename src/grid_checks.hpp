#pragma once
#include "ess/diagnostic.hpp"
#include "ess/model.hpp"
#include "ess/yaml_tree.hpp"

namespace ess {

// Decision bands: min strictly increasing from 0, labels distinct.
void read_bands(const YamlNode& node, Grid& grid, Diagnostics& diags);

// Ids unique across the tree, scale and fact references, fact cycles, sibling weights.
void check_grid_references(const Grid& grid, Diagnostics& diags);

}  // namespace ess
