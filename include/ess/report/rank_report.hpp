#pragma once
// Reports of `rank`: the ranking in Markdown, CSV or JSON, streamed, and its fixed words.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/core/ranking.hpp"
#include "ess/report/report.hpp"

namespace ess {

struct RankReport {
  const Grid* grid = nullptr;  // the grid every ranked dossier was scored with (none: no dossier)
  const RankedRows* rows = nullptr;  // ranked, decisions resolved
  RankCounts counts;
  FundingLine funding;                   // the line, or with budgets per group their sum
  std::vector<FundingLine> group_lines;  // budgets per group: one line per group, by key
  std::optional<GroupKey> group_by;
  std::vector<GroupSummary> groups;
  // The diagnostics, sorted, for JSON to carry: calls its argument once per diagnostic.
  std::function<void(const std::function<void(const Diagnostic&)>&)> diagnostics;
  std::size_t files = 0;               // files read
  std::size_t filtered_out = 0;        // dossiers left out by --call/--territory/--theme
  std::string call, territory, theme;  // the filters, for the header
  std::string call_title;              // --call with a call file: its title
};

// The report in `options.format` (Markdown, CSV or JSON; ReportOptions and ReportFormat as
// for `score`), handed to `sink` a few kilobytes at a time: a ranking of 50 000 dossiers is
// never held whole in memory.
void render_ranking(const RankReport& report, ReportFormat format, const ReportOptions& options,
                    const std::function<void(std::string_view)>& sink);
std::string render_ranking(const RankReport& report, ReportFormat format,
                           const ReportOptions& options);

// ---------------------------------------------------------------- words (rank_words.cpp)

// The fixed words of a ranking report that score reports do not have; the shared ones
// (ineligible, incomplete, yes, no) come from ess/i18n.hpp.
struct RankWords {
  const char* heading;
  const char* grid;
  // {files} {ranked} {ineligible} {incomplete} {not_assessed} {invalid}
  const char* dossiers;
  const char* filtered;  // {count}: appended to `dossiers` when filters are given
  const char* filters;   // label
  const char* filter_call;
  const char* filter_territory;
  const char* filter_theme;
  const char* other_calls;    // {count}: --call alone, appended to `dossiers` like `filtered`
  const char* call_line;      // label of the call's title
  const char* budget;         // {budget} {count} {funded} {remaining}
  const char* budgets;        // {by} {list} {count} {funded} {remaining}
  const char* budgets_by[3];  // by GroupKey: "par appel", "par territoire", "par thème"
  const char* no_budget;      // a group without a budget
  const char* ranking;
  const char* rank;
  const char* dossier;
  const char* title;
  const char* total;
  const char* decision;
  const char* requested;
  const char* cumulative;
  const char* funded;
  const char* flags;
  const char* no_ranked;
  const char* funding_line;
  const char* funding_line_text;  // {budget} {funded} {remaining} {why}
  const char* funding_line_all;   // {budget} {funded} {remaining}
  const char* line_by_budget;     // why the line is drawn: the next request does not fit
  const char* line_by_band;       // {decision}: the next dossier's band is not fundable
  const char* unfunded[5];        // by Unfunded: "" (none), then each reason, after `no`
  const char* axes_legend;
  const char* weight;
  const char* unranked;
  const char* unranked_intro;
  const char* indicative_total;
  const char* reason;
  const char* eliminatory;  // followed by criterion ids
  const char* missing;
  const char* self_only;      // a not-assessed dossier that its applicant assessed
  const char* no_assessment;  // a not-assessed dossier that nobody assessed
  const char* invalid_file;   // {file} {message} {code}
  const char* below_line;
  const char* below_line_intro;   // {remaining}
  const char* below_line_none;    // {remaining}
  const char* below_line_groups;  // budgets per group: each fits in what its group has left
  const char* left;               // column: what the group's line has left
  const char* group_heading[3];   // by GroupKey: call, territory, theme
  const char* group_column[3];
  const char* budget_column;
  const char* not_given;
  const char* count;
  const char* ranked;
  const char* mean;
  const char* median;
  const char* groups_intro;
  const char* group_rank;
  const char* overall_rank;
  const char* flag_self_only;
  const char* flag_disagreement;
  const char* flag_split_decision;
  const char* flag_partial_na;
  const char* flag_below_minimum;
  const char* flag_na;
  const char* flag_would_fit;
};

const RankWords& rank_words(Language language);

}  // namespace ess
