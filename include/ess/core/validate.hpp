#pragma once
// A dossier checked against its grid: every score read on its scale, every leaf accounted for.
#include "ess/model/diagnostic.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/model/model.hpp"

namespace ess {

// Resolves each score's value in the scale's units (ScoreEntry::value) and reports what is
// wrong. Leaves an assessment leaves out are warnings (missing-score): the dossier stays
// scorable and its decision becomes "incomplete".
void validate_dossier(const GridIndex& index, Dossier& dossier, Diagnostics& diags);

// Whether the dossier names this grid (id, and version when pinned); a diagnostic if not.
bool check_grid_reference(const Grid& grid, const Dossier& dossier, Diagnostics& diags);

}  // namespace ess
