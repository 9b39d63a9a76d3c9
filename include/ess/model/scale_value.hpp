#pragma once
// What a user may write for a value on a scale, and what it reads as: a level's value or label,
// yes/no, or a number within the scale's bounds. Shared by the grid loader (targets, minimums)
// and the validation of dossiers (scores), so both accept and refuse the same words.
#include <optional>
#include <string>
#include <string_view>

#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace ess {

// The scale of a leaf; a leaf `from:` a fact without a scale reads the fact as s in [0, 1].
const Scale& scale_of(const Grid& grid, const Criterion& leaf);

// A value as the user wrote it.
struct ScaleText {
  std::string_view text;
  bool quoted = false;  // quoted in YAML: text, never a number
  Pos pos;
};

// A level value, a level label (in any case: établi is Établi), yes/no (and oui/non on a grid
// in French), or a number within the scale's bounds; nothing, with a diagnostic at the value,
// otherwise. `what` names the value in messages ("'participation'").
std::optional<double> resolve_scale_value(const Scale& scale, Language grid_language,
                                          const ScaleText& value, const std::string& what,
                                          Diagnostics& diags);

// The label of a level value, or "" (yes/no for yesno scales).
std::string value_label(const Scale& scale, double value);

// Whether a value is within the scale's declared bounds (levels: one of the level values).
bool within_bounds(const Scale& scale, double value);

}  // namespace ess
