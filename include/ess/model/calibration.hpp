#pragma once
// Calibration dossiers (§5): reference applications kept next to a grid in
// criteria/<grid-id>.calibration/, each with the decision (and optionally the total range) it
// must get: `x-expect: {decision: Favorable, total: [70, 80]}`. Unit tests for a grid.
#include <optional>
#include <string>
#include <vector>

#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"
#include "ess/model/result.hpp"

namespace ess {

struct CalibrationExpect {
  std::string decision;  // a band's label, or the word (or status token) for ineligible/incomplete
  std::optional<double> total_min, total_max;  // inclusive, with the scoring tolerance
  Pos pos;                                     // of x-expect, where a failure is reported
};

// A calibration file as read: the dossier and its x-expect, or why they could not be read.
struct CalibrationFile {
  std::string path;
  std::optional<Dossier> dossier;
  std::optional<CalibrationExpect> expect;
  Diagnostics diags;
};

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

// "[70, 80]": an expected total range as written.
std::string expected_range_text(const CalibrationExpect& expect);

}  // namespace ess
