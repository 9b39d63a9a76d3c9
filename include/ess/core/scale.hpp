#pragma once
// What a scale means: values in its own units, and their normalised score s in [0, 1] (§2.1).
#include "ess/model/model.hpp"
#include "ess/model/scale_value.hpp"

namespace ess {

// s for a value in the scale's units (the value is assumed within the scale's bounds).
double normalise(const Scale& scale, double value);

// The value a leaf aims at when the grid gives no target: the scale's best.
double best_value(const Scale& scale);

// The best value nearest to `value`: on a value function with a plateau of best points
// ([0.3, 1], [0.7, 1]) a dossier at 0.75 aims at 0.7, not 0.3. Same s as best_value.
double nearest_best_value(const Scale& scale, double value);

}  // namespace ess
