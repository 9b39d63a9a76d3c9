// CSV of `score` (§4): one row per criterion, nodes included, through the one CSV row writer
// (ess/model/csv_writer.hpp).
#include "csv_words.hpp"
#include "ess/model/csv_writer.hpp"
#include "ess/report/report.hpp"

namespace ess {

namespace {

constexpr const char* columns[] = {
    "dossier",          "criterion", "path", "level",          "value",  "s",        "weight",
    "effective_weight", "target",    "gap",  "points_to_gain", "spread", "self_gap", "status"};

void row(const DossierResult& result, const CriterionResult& r, csv::Dialect dialect,
         std::string& out) {
  csv::Row line(out, dialect);
  line.text(result.dossier->id).text(r.criterion->id).text(r.path).text(r.level);
  using csv::Rounding;
  line.number(r.value).number(r.s, Rounding::share).number(r.weight);
  line.number(r.effective_weight, Rounding::share).number(r.target).number(r.gap);
  line.number(r.points_to_gain, Rounding::score).number(r.spread, Rounding::share);
  line.number(r.self_gap, Rounding::share).text(criterion_status_token(r.status));
  line.end();
}

}  // namespace

std::string csv_header(const ReportOptions& options) {
  std::string out;
  csv_header_row(out, options, columns);
  return out;
}

std::string csv_rows(const DossierResult& result, const ReportOptions& options) {
  std::string out;
  for (const auto& r : result.criteria) row(result, r, options.csv(), out);
  return out;
}

std::string render_csv(const DossierResult& result, const ReportOptions& options) {
  return csv_header(options) + csv_rows(result, options);
}

}  // namespace ess
