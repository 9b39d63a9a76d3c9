#pragma once
#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace ess {

// Decision bands: min strictly increasing from 0, labels distinct.
void read_bands(const YamlNode& node, Grid& grid, Diagnostics& diags);

}  // namespace ess
