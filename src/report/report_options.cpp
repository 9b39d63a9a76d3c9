#include "ess/report/report.hpp"

namespace ess {

ReportOptions report_options(std::optional<Language> asked, char csv_separator,
                             Language grid_language) {
  ReportOptions options;
  options.language = asked.value_or(grid_language);
  options.csv_separator = csv_separator;
  options.decimal_comma = csv_separator == ';' && options.language == Language::fr;
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
