#pragma once
// Each assessment's own view of a dossier: the total and the axis scores it would give on its
// own — its values where it gave one, the consolidated value (or the committee's consensus)
// elsewhere, so a leaf it left out or marked N/A counts as the others scored it. The one rule
// for assessors' own totals: the score report's "Assessors" section and JSON `assessors`, the
// check that assessors straddle a band, the marks of the committee's profile chart; the
// self-assessment's view is there too, set apart by its role.
#include <optional>
#include <vector>

#include "ess/model/result.hpp"

namespace ess {

struct AssessorView {
  std::size_t assessment = 0;               // index in Dossier::assessments
  std::optional<double> total;              // 0..100
  std::optional<std::size_t> band;          // band_of(total): index in Grid::decision
  std::vector<std::optional<double>> axes;  // 0..100, one per DossierResult::axes
};

// One view per assessment that scored at least one leaf, in the dossier's order.
std::vector<AssessorView> assessor_views(const DossierResult& result);

}  // namespace ess
