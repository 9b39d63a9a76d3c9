#pragma once
// Reports of `grid impact`.
#include <string>

#include "ess/core/grid_impact.hpp"

namespace ess {

struct ImpactOptions {
  char csv_separator = ',';
};

// Markdown: the two grids, the summary, the decisions that change, one row per dossier, and
// the dossiers NEW makes invalid with their diagnostics.
std::string render_impact_markdown(const ImpactReport& report, const ImpactOptions& options);
// CSV (§5): dossier,total_before,total_after,delta,rank_before,rank_after,decision_before,
// decision_after,status_before,status_after. A dossier invalid on a side has status `invalid`
// and empty total, rank and decision there.
std::string render_impact_csv(const ImpactReport& report, const ImpactOptions& options);
// JSON: {old, new, dossiers, summary, diagnostics}.
std::string render_impact_json(const ImpactReport& report, const ImpactOptions& options);

}  // namespace ess
