#pragma once
// Reports of `score`: pure functions of a DossierResult, one per format (§4). Numbers and
// escaping come from format.hpp, fixed words from i18n.hpp; nothing here reads a file.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/core/scoring.hpp"
#include "ess/model/csv_writer.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"
#include "ess/model/number_words.hpp"

namespace ess {

// What every renderer of every command honours: the language of the fixed words and of the
// numbers, the grid's currency, and the CSV dialect. Built by report_options(), never field by
// field, so that one rule decides.
struct ReportOptions {
  Language language = Language::fr;  // the fixed words; the grid brings its own labels
  std::string currency{default_currency};
  char csv_separator = ',';
  bool decimal_comma = false;  // CSV numbers with ',' (with ';' as separator, in French)
  // --spreadsheet (§4): a byte-order mark, numbers rounded as in Markdown, headers and yes/no
  // in the report's language.
  bool spreadsheet = false;
  csv::Dialect csv() const { return {csv_separator, decimal_comma ? ',' : '.', spreadsheet}; }
  // Numbers for a reader of the report (Markdown and documents).
  NumberWords numbers() const { return NumberWords(language, currency); }
};

// §2.7 and §4: the language asked for (--lang), else the grid's; CSV numbers with a decimal
// comma exactly when the separator is ';' and the report is French, in every command alike.
// The spreadsheet flavour chooses the separator itself: ';' in French, ',' in English.
ReportOptions report_options(std::optional<Language> asked, char csv_separator,
                             Language grid_language, bool spreadsheet = false,
                             std::string_view currency = default_currency);

// Markdown (§4): header, verdict, axes, criteria, where support helps, assessors, N/A and
// missing, facts and resource mix. GitHub-flavoured tables only; one decimal everywhere.
std::string render_markdown(const DossierResult& result, const ReportOptions& options);

// What goes between two Markdown reports printed together: a horizontal rule.
std::string markdown_separator();

// CSV (§4): one row per criterion, nodes included, with the header row first.
std::string render_csv(const DossierResult& result, const ReportOptions& options);
std::string csv_header(const ReportOptions& options);
std::string csv_rows(const DossierResult& result, const ReportOptions& options);

// JSON (§4): one object, keys in the order of §4; `diagnostics` are the
// dossier's own (validation warnings). Ends with a newline.
std::string render_json(const DossierResult& result, const ReportOptions& options,
                        const std::vector<Diagnostic>& diagnostics = {});

struct JsonReport {
  const DossierResult* result = nullptr;
  std::vector<Diagnostic> diagnostics;
};
// Several dossiers: a JSON array of the objects above, in the order given.
std::string render_json_array(const std::vector<JsonReport>& reports, const ReportOptions& options);

enum class ReportFormat : std::uint8_t { markdown, csv, json };

// Reports of several dossiers on one stream, as they come: Markdown reports between rules
// (markdown_separator), CSV rows under one header (csv_header), JSON objects in one array when
// `array` (else the one object as it is). Each report as render_markdown, csv_rows or
// render_json wrote it.
class ReportStream {
 public:
  ReportStream(ReportFormat format, const ReportOptions& options, bool array,
               std::function<void(std::string_view)> sink);
  void add(std::string_view report);
  void finish();  // closes the JSON array

 private:
  ReportFormat format_;
  ReportOptions options_;
  bool array_;
  std::function<void(std::string_view)> sink_;
  std::size_t count_ = 0;
};

// The index of `score --out-dir`: one line per report with its total and decision, written as
// the reports are.
struct IndexLine {
  std::string dossier, title;
  double total = 0;
  std::string decision;
  DossierStatus status = DossierStatus::ok;
  std::string file;  // the report's file name, relative to the index
};
IndexLine index_line(const DossierResult& result, std::string file, Language language);

class IndexStream {
 public:
  IndexStream(ReportFormat format, const ReportOptions& options,
              std::function<void(std::string_view)> sink);
  ~IndexStream();
  void add(const IndexLine& line);
  void finish();

 private:
  struct Json;
  ReportFormat format_;
  ReportOptions options_;
  std::function<void(std::string_view)> sink_;
  std::unique_ptr<Json> json_;
  bool finished_ = false;
};

// The whole index at once.
struct IndexEntry {
  const DossierResult* result = nullptr;
  std::string file;  // the report's file name, relative to the index
};
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

// "md", "csv", "json": the extension of report files, and the words of --format.
const char* report_extension(ReportFormat format);
std::optional<ReportFormat> parse_report_format(std::string_view name);

}  // namespace ess
