#include "options.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "ess/model/format.hpp"
#include "ess/model/language.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/text.hpp"

namespace ess::cli {

void settle_options(const OptionWords& words, Options& options) {
  // --spreadsheet is a CSV: the flavour of §4, whose separator report_options chooses.
  options.spreadsheet = words.spreadsheet;
  options.format = words.spreadsheet
                       ? ReportFormat::csv
                       : parse_report_format(words.format).value_or(ReportFormat::markdown);
  options.scdl = words.format == "scdl";  // rank only: the CSV of SCDL « subventions »
  if (options.scdl) options.format = ReportFormat::csv;
  options.pack_format = words.document == "md" ? PackFormat::markdown : PackFormat::html;
  options.audience = words.audience == "public" ? Audience::public_account : Audience::committee;
  options.diagnostics = parse_diagnostic_format(words.diagnostics).value_or(DiagnosticFormat::gnu);
  options.consolidation = parse_consolidation(words.consolidate).value_or(Consolidation::mean);
  options.group_by = parse_group_key(words.group_by);
  options.language = parse_language(words.lang);
  options.csv_separator = words.csv_sep.empty() ? ',' : words.csv_sep[0];
}

std::optional<std::string> budget_usage(const Options& options) {
  if (options.budget && !(std::isfinite(*options.budget) && *options.budget >= 0))
    return phrase(Msg::usage_budget);
  if (options.plain_budgets > 1) return phrase(Msg::budget_twice);
  if (options.group_budgets.empty()) return std::nullopt;
  if (options.budget)
    return phrase(Msg::budget_mixed, fmt::arg("amount", format_shortest(*options.budget)));
  if (!options.group_by)
    return phrase(Msg::budget_needs_group_by,
                  fmt::arg("budget", clip(options.group_budgets.front().group + "=...")));
  std::map<std::string, std::string> seen;
  for (const GroupBudget& b : options.group_budgets)
    if (!seen.emplace(match_key(b.group), b.group).second)
      return phrase(Msg::budget_group_twice, fmt::arg("group", clip(b.group)));
  return std::nullopt;
}

}  // namespace ess::cli
