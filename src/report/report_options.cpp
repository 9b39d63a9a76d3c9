#include "ess/report/report.hpp"

namespace ess {

ReportOptions report_options(std::optional<Language> asked, char csv_separator,
                             Language grid_language, bool spreadsheet, std::string_view currency) {
  ReportOptions options;
  options.language = asked.value_or(grid_language);
  options.currency = currency.empty() ? default_currency : currency;
  options.spreadsheet = spreadsheet;
  const bool french = options.language == Language::fr;
  options.csv_separator = spreadsheet ? (french ? ';' : ',') : csv_separator;
  options.decimal_comma = options.csv_separator == ';' && french;
  return options;
}

const char* report_extension(ReportFormat format) {
  switch (format) {
    case ReportFormat::markdown:
      return "md";
    case ReportFormat::csv:
      return "csv";
    case ReportFormat::json:
      return "json";
  }
  return "md";
}

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  for (ReportFormat f : {ReportFormat::markdown, ReportFormat::csv, ReportFormat::json})
    if (name == report_extension(f)) return f;
  return std::nullopt;
}

}  // namespace ess
