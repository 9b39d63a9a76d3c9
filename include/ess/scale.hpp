#pragma once
// What a scale means: values in its own units, and their normalised score s in [0, 1] (§2.1).
#include <optional>
#include <string>

#include "ess/model.hpp"
#include "ess/yaml_tree.hpp"

namespace ess {

// The scale of a leaf; a leaf `from:` a fact without a scale reads the fact as s in [0, 1].
const Scale& scale_of(const Grid& grid, const Criterion& leaf);

// s for a value in the scale's units (the value is assumed within the scale's bounds).
double normalise(const Scale& scale, double value);

// The value a leaf aims at when the grid gives no target: the scale's best.
double best_value(const Scale& scale);

// The best value nearest to `value`: on a value function with a plateau of best points
// ([0.3, 1], [0.7, 1]) a dossier at 0.75 aims at 0.7, not 0.3. Same s as best_value.
double nearest_best_value(const Scale& scale, double value);

// A level value, a level label, yes/no, or a number within the scale's bounds, read from YAML.
// `what` names the value in messages ("target of 'participation'").
std::optional<double> read_scale_value(const Scale& scale, const YamlNode& node,
                                       const std::string& what, Diagnostics& diags);

// The label of a level value, or "" (yes/no for yesno scales).
std::string value_label(const Scale& scale, double value);

// Whether a value is within the scale's declared bounds (levels: one of the level values).
bool within_bounds(const Scale& scale, double value);

}  // namespace ess
