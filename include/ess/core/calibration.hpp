#pragma once
// `grid test`: each calibration dossier validated and scored with its grid, then held to its
// x-expect (ess/model/calibration.hpp).
#include <string>

#include "ess/core/scoring.hpp"
#include "ess/model/calibration.hpp"
#include "ess/model/grid_index.hpp"

namespace ess {

// Validates and scores one calibration dossier with `index` (the dossier must name the grid's
// id; a pinned version is not checked: calibration dossiers belong to the grid and follow it),
// then compares with its x-expect.
CalibrationCase run_calibration_case(const GridIndex& index, CalibrationFile file,
                                     const ScoreOptions& options, Language language);

// Whether `expected` names the outcome of `result`: the band label for an ok dossier; for an
// ineligible or incomplete one, its word in French or English, or its status token.
bool decision_matches(const std::string& expected, const DossierResult& result, Language language);

}  // namespace ess
