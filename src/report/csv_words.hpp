#pragma once
// The words of CSV files: stable tokens for scripts in the plain CSV (§4), the report's
// language in the spreadsheet flavour (--spreadsheet), where a person reads the headers.
#include <string>
#include <string_view>

#include "ess/report/report.hpp"

namespace ess {

// The header of a column named by its token (`effective_weight`, `total_before`, ...): the
// token itself, or in the spreadsheet flavour its words ("Poids effectif"). A token without
// words stays as it is.
std::string csv_heading(std::string_view column, const ReportOptions& options);

// The header of a sensitivity column: the probability of one outcome, named by its label.
std::string csv_probability_heading(std::string_view label, const ReportOptions& options);

// A yes/no field: `true`/`false`, or in the spreadsheet flavour Oui/Non, Yes/No.
std::string_view csv_yes_no(bool value, const ReportOptions& options);

// Starts a CSV file with its header row: the flavour's byte-order mark, then each heading.
template <class Columns>
void csv_header_row(std::string& out, const ReportOptions& options, const Columns& columns) {
  out += csv::start(options.csv());
  csv::Row head(out, options.csv());
  for (const auto& c : columns) head.text(csv_heading(c, options));
  head.end();
}

}  // namespace ess
