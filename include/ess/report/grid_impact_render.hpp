#pragma once
// Reports of `grid impact`, rendered as they stream: the rows, the changes of decision and the
// dossiers NEW makes invalid are read once each, in order, from wherever the command keeps them
// (temporary files for a batch of any size; memory in the tests).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/core/grid_impact.hpp"
#include "ess/report/report.hpp"

namespace ess {

using TransitionVisitor =
    std::function<void(const std::string& before, const std::string& after, const std::string& id)>;

struct ImpactReport {
  GridIdentity old_grid, new_grid;
  ImpactSummary summary;
  // Every row in report order (impact_row_key): calls its argument once per row.
  std::function<void(const std::function<void(const ImpactRow&)>&)> rows;
  // Every dossier whose decision changes, by (before, after, id), as summary.transitions groups.
  std::function<void(const TransitionVisitor&)> changed;
  // The dossiers NEW makes invalid, by id, with the diagnostics of their NEW side.
  std::function<void(const std::function<void(const ImpactRow&)>&)> invalid_under_new;
  // Every diagnostic of the run, sorted (JSON carries them).
  std::function<void(const std::function<void(const Diagnostic&)>&)> diagnostics;
};

// A report over tables held in memory (both must outlive it).
ImpactReport impact_report(const ImpactTables& tables, const std::vector<Diagnostic>& diagnostics);

// Markdown: the two grids, the summary, the decisions that change, one row per dossier, and
// the dossiers NEW makes invalid with their diagnostics.
// CSV (§5): dossier,total_before,total_after,delta,rank_before,rank_after,decision_before,
// decision_after,status_before,status_after. A dossier invalid on a side has status `invalid`
// and empty total, rank and decision there.
// JSON: {old, new, dossiers, summary, diagnostics}.
// Handed to `sink` a chunk at a time.
void render_impact(const ImpactReport& report, ReportFormat format, const ReportOptions& options,
                   const std::function<void(std::string_view)>& sink);
std::string render_impact(const ImpactReport& report, ReportFormat format,
                          const ReportOptions& options);

}  // namespace ess
