#pragma once
// The call's grid (§1.3): the base grid with the call's overrides applied. Pure: the base grid
// and the call come loaded; every refusal is a diagnostic at the override's line in the call's
// file. `grid show`, `grid diff` and `grid test` take the result like any grid.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ess/model/call.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace ess {

// One override as applied: the value before (the base grid's) and after (the call's), in the
// scale's units for a leaf's target or minimum, 0..100 for a node's minimum.
struct OverrideChange {
  enum class Kind : std::uint8_t { weight, target, minimum, eliminatory, decision };
  Kind kind = Kind::weight;
  std::string criterion;                // "" for the decision bands
  std::optional<double> before, after;  // weight, target, minimum; absent: none (a target: the
                                        // scale's best)
  bool was_eliminatory = false;         // eliminatory
  std::vector<Band> bands_before, bands_after;  // decision
  Pos pos;                                      // in the call's file
};

struct CallGrid {
  Grid grid;  // id <base-id>+<call-id>, the base's version, `file` the call's file
  std::vector<OverrideChange> changes;  // weights, targets, minimums, eliminatory, then bands
};

// The base grid with the call's overrides applied, or nothing when one is refused: a criterion
// the base grid does not have, a target or minimum not on the leaf's scale, a node's minimum
// outside 0..100, siblings whose weights all become 0, an eliminatory criterion with no
// minimum to fail. `diags` is the call file's. The derived grid's sha256 is that of the two
// fingerprints (the base's, then the call's, as hex), so it changes when either file does.
std::optional<CallGrid> apply_call(const Grid& base, const Call& call, Diagnostics& diags);

// `<grid-id>+<call-id>`.
std::string call_grid_id(const std::string& base_id, const std::string& call_id);

}  // namespace ess
