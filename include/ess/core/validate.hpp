#pragma once
// A dossier checked against its grid: every score read on its scale, every leaf accounted for.
#include "ess/model/diagnostic.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/model/model.hpp"

namespace ess {

// Resolves each score's value in the scale's units (ScoreEntry::value) and reports what is
// wrong. Leaves an assessment leaves out are warnings (missing-score, see leaves_out in
// scoring.hpp): the dossier stays scorable, the leaf is scored from the other assessments, and
// it is missing (the decision "incomplete") only when no counted assessment gives it anything.
void validate_dossier(const GridIndex& index, Dossier& dossier, Diagnostics& diags);

// Whether the dossier names this grid (id, and version when pinned); a diagnostic if not.
bool check_grid_reference(const Grid& grid, const Dossier& dossier, Diagnostics& diags);

}  // namespace ess
