#include "options.hpp"

#include "ess/model/language.hpp"

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

}  // namespace ess::cli
