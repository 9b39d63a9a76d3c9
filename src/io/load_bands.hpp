#pragma once
#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace ess {

// Decision bands: min strictly increasing from 0, labels distinct, `fundable` true or false.
// Shared by grids and by the `decision:` override of a call.
void read_bands(const YamlNode& node, std::vector<Band>& bands, Diagnostics& diags);

}  // namespace ess
