#pragma once
// Reports of `grid diff`.
#include <string>

#include "ess/core/grid_diff.hpp"
#include "ess/report/report.hpp"

namespace ess {

// Markdown: the two grids, the required bump and the verdict on the version, one table row per
// change, then the leaves whose effective weight moved.
std::string render_diff_markdown(const GridDiff& diff, const ReportOptions& options);
// CSV: bump,subject,id,change,old,new,detail — one row per change, header first; old and new
// values that are numbers with the dialect's decimal mark.
std::string render_diff_csv(const GridDiff& diff, const ReportOptions& options);
// JSON: {old, new, required_bump, version_bump, version_ok, changes, effective_weights}.
std::string render_diff_json(const GridDiff& diff, const ReportOptions& options);

// The human description of one change ("weight 2 → 3"), in the language asked for.
std::string describe_change(const GridChange& change, Language language);

}  // namespace ess
