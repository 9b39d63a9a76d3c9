#pragma once
// Reports of `sensitivity`: md, csv, json of a SensitivityResult.
#include <string>
#include <vector>

#include "ess/core/sensitivity.hpp"
#include "ess/model/model.hpp"
#include "ess/report/report.hpp"

namespace ess {

struct SensitivityReport {
  const Grid* grid = nullptr;                                 // the grid of every dossier
  const std::vector<SensitivityDossier>* dossiers = nullptr;  // ordered by dossier id
  SensitivityResult analysis;                                 // parallel to `dossiers`
  SensitivityOptions options;
  ReportOptions report;
};

std::string render_sensitivity_markdown(const SensitivityReport& report);
std::string render_sensitivity_csv(const SensitivityReport& report);
std::string render_sensitivity_json(const SensitivityReport& report);

}  // namespace ess
