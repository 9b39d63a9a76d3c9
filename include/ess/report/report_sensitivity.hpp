#pragma once
// Reports of `sensitivity`: md, csv, json of a SensitivityResult.
#include <string>
#include <vector>

#include "ess/core/sensitivity.hpp"
#include "ess/model/model.hpp"

namespace ess {

struct SensitivityReport {
  std::vector<const DossierResult*> results;  // ordered by dossier id
  SensitivityResult analysis;
  SensitivityOptions options;
  Language language = Language::fr;
  char csv_separator = ',';
};

std::string render_sensitivity_markdown(const SensitivityReport& report);
std::string render_sensitivity_csv(const SensitivityReport& report);
std::string render_sensitivity_json(const SensitivityReport& report);

}  // namespace ess
