#pragma once
// `grid test`: a grid's calibration dossiers — reference applications kept next to the grid in
// criteria/<grid-id>.calibration/, each with the decision (and optionally the total range) it
// must get: `x-expect: {decision: Favorable, total: [70, 80]}`. Unit tests for a grid.
#include <optional>
#include <string>
#include <vector>

#include "ess/diagnostic.hpp"
#include "ess/grid_index.hpp"
#include "ess/model.hpp"
#include "ess/scoring.hpp"
#include "ess/yaml_tree.hpp"

namespace ess {

struct CalibrationExpect {
  std::string decision;  // a band's label, or the word (or status token) for ineligible/incomplete
  std::optional<double> total_min, total_max;  // inclusive, with the scoring tolerance
  Pos pos;                                     // of x-expect, where a failure is reported
};

// x-expect of a parsed dossier; nothing (with an error, code calibration-expect) when it is
// absent or malformed. The dossier loader ignores x- keys: this is their only reader.
std::optional<CalibrationExpect> read_expectation(const YamlNode& root, Diagnostics& diags);

// Where the calibration dossiers of a grid are: <folder of the grid file>/<id>.calibration,
// and criteria/<id>.calibration for a grid built into the binary.
std::string calibration_folder(const Grid& grid);

struct CalibrationCase {
  std::string file;
  std::string dossier;  // id ("" when the file could not be read as a dossier)
  std::optional<CalibrationExpect> expect;
  bool scored = false;
  double total = 0;
  DossierStatus status = DossierStatus::ok;
  std::string decision;               // as a report in `language` shows it
  std::vector<std::string> failures;  // why it left its band; empty when it passes
  Diagnostics diags;                  // reading, validation, x-expect, and the failure itself

  bool ok() const { return scored && expect && failures.empty() && !diags.has_errors(); }
};

// Reads, validates and scores one calibration dossier with `index` (the dossier must name the
// grid's id; a pinned version is not checked: calibration dossiers belong to the grid and
// follow it), then compares with its x-expect.
CalibrationCase run_calibration_case(const GridIndex& index, const std::string& file,
                                     const ParseLimits& limits, const ScoreOptions& options,
                                     Language language);

// Whether `expected` names the outcome of `result`: the band label for an ok dossier; for an
// ineligible or incomplete one, its word in French or English, or its status token.
bool decision_matches(const std::string& expected, const DossierResult& result, Language language);

// One line for a case: "FILE: ok: ID Favorable 81.0 (expected ...)" or "FILE: FAIL: ...".
std::string calibration_line(const CalibrationCase& c);

}  // namespace ess
