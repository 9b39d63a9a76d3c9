#pragma once
// §2 of the spec as pure functions: a validated dossier and its grid in, every number out.
// Where the spec is silent, the rules are the ones in the man page's SCORING section.
#include <optional>
#include <string>
#include <vector>

#include "ess/core/facts.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/model/model.hpp"
#include "ess/model/result.hpp"

namespace ess {

struct ScoreOptions {
  Consolidation consolidation = Consolidation::mean;
  // Points to gain, the path to the next band, each leaf's straddling and the points an N/A
  // moved: what a report explains, and what a ranking does not show (rank turns it off).
  bool explain = true;
};

// Scores a dossier already checked by validate_dossier. Returns nothing, with a
// diagnostic (nothing-scored), when no criterion at all can be scored.
std::optional<DossierResult> score_dossier(const GridIndex& index, const Dossier& dossier,
                                           const ScoreOptions& options, Diagnostics& diags);

// §2.4, each rule once, for scoring and for every command that rescores (sensitivity):
// The band index of a total (highest band whose min ≤ total, with the tolerance).
std::size_t band_of(const Grid& grid, double total);
// A leaf below its minimum: the minimum is in the scale's units, compared on s.
bool leaf_below_minimum(const Scale& scale, const Criterion& leaf, double s);
// A node below its minimum: the minimum is on 0..100, the node's score s on 0..1.
bool node_below_minimum(const Criterion& node, double s);
// §2.2: a dossier that nobody but its applicant has assessed (no assessment but `self`, or
// none at all) while the grid has leaves that assessors score.
bool is_not_assessed(const Grid& grid, const Dossier& dossier);
// §1.2: an assessment leaves a leaf out when it gives it neither a score nor an N/A (leaves
// taken from a fact are nobody's to score). A warning (missing-score) in every command; the leaf
// is scored from the other assessments, and missing when no counted one gives it anything.
bool leaves_out(const Assessment& assessment, const Criterion& leaf);
// The status: not assessed first (an application is instructed by someone other than its
// applicant), then a known eliminatory failure, which decides before completeness does.
DossierStatus dossier_status(bool not_assessed, bool eliminatory_failure, bool missing);

}  // namespace ess
