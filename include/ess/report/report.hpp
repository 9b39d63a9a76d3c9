#pragma once
// Reports of `score`: pure functions of a DossierResult, one per format (§4). Numbers and
// escaping come from format.hpp, fixed words from i18n.hpp; nothing here reads a file.
#include <optional>
#include <string>
#include <vector>

#include "ess/core/scoring.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace ess {

struct ReportOptions {
  Language language = Language::fr;  // the fixed words; the grid brings its own labels
  char csv_separator = ',';
  bool decimal_comma = false;  // CSV numbers with ',' (with ';' as separator, in French)
};

// Markdown (§4): header, verdict, axes, criteria, where support helps, assessors, N/A and
// missing, facts and resource mix. GitHub-flavoured tables only; one decimal everywhere.
std::string render_markdown(const DossierResult& result, const ReportOptions& options);

// What goes between two Markdown reports printed together: a horizontal rule.
std::string markdown_separator();

// CSV (§4): one row per criterion, nodes included, with the header row first.
std::string render_csv(const DossierResult& result, const ReportOptions& options);
std::string csv_header(const ReportOptions& options);
std::string csv_rows(const DossierResult& result, const ReportOptions& options);

// JSON (§4): one object, keys in the order of notes/rules.md; `diagnostics` are the
// dossier's own (validation warnings). Ends with a newline.
std::string render_json(const DossierResult& result, const ReportOptions& options,
                        const std::vector<Diagnostic>& diagnostics = {});

struct JsonReport {
  const DossierResult* result = nullptr;
  std::vector<Diagnostic> diagnostics;
};
// Several dossiers: a JSON array of the objects above, in the order given.
std::string render_json_array(const std::vector<JsonReport>& reports, const ReportOptions& options);

// The index of `score --out-dir`: one line per report with its total and decision.
struct IndexEntry {
  const DossierResult* result = nullptr;
  std::string file;  // the report's file name, relative to the index
};
enum class ReportFormat : std::uint8_t { markdown, csv, json };
std::string render_index(const std::vector<IndexEntry>& entries, ReportFormat format,
                         const ReportOptions& options);

// Why a fact is undefined, down to its first cause: a derived fact is undefined because of an
// operand, which may be undefined because of its own, and so on (valeur-benevolat because
// heures-benevoles is not given). `fact` is where the chain ends.
struct FactCause {
  std::string fact;
  FactValue::Why why = FactValue::Why::defined;
  std::string operand;  // zero_denominator, negative_amount: the operand at fault
};
FactCause first_cause(const Grid& grid, const std::vector<FactValue>& values,
                      const std::string& fact);

// "md", "csv", "json": the extension of report files.
const char* report_extension(ReportFormat format);

}  // namespace ess
