// CSV of `score` (§4): one row per criterion, nodes included, RFC 4180 (CRLF, quoting by
// csv_field), shortest round-trip numbers, an empty field for what has no value.
#include <optional>

#include "ess/model/format.hpp"
#include "ess/report/report.hpp"

namespace ess {

namespace {

constexpr const char* columns[] = {
    "dossier",          "criterion", "path", "level",          "value",  "s",        "weight",
    "effective_weight", "target",    "gap",  "points_to_gain", "spread", "self_gap", "status"};

class CsvLine {
 public:
  explicit CsvLine(const ReportOptions& options) : options_(options) {}
  void text(std::string_view field) { add(csv_field(field, options_.csv_separator)); }
  void number(const std::optional<double>& value) {
    add(value ? csv_field(format_shortest(*value, options_.decimal_comma ? ',' : '.'),
                          options_.csv_separator)
              : std::string());
  }
  std::string finish() && { return std::move(line_) + "\r\n"; }

 private:
  void add(const std::string& field) {
    if (!first_) line_ += options_.csv_separator;
    first_ = false;
    line_ += field;
  }
  const ReportOptions& options_;
  std::string line_;
  bool first_ = true;
};

std::string row(const DossierResult& result, const CriterionResult& r,
                const ReportOptions& options) {
  CsvLine line(options);
  line.text(result.dossier->id);
  line.text(r.criterion->id);
  line.text(r.path);
  line.text(r.level);
  line.number(r.value);
  line.number(r.s);
  line.number(r.weight);
  line.number(r.effective_weight);
  line.number(r.target);
  line.number(r.gap);
  line.number(r.points_to_gain);
  line.number(r.spread);
  line.number(r.self_gap);
  line.text(criterion_status_token(r.status));
  return std::move(line).finish();
}

}  // namespace

std::string csv_header(const ReportOptions& options) {
  CsvLine line(options);
  for (const char* c : columns) line.text(c);
  return std::move(line).finish();
}

std::string csv_rows(const DossierResult& result, const ReportOptions& options) {
  std::string out;
  for (const auto& r : result.criteria) out += row(result, r, options);
  return out;
}

std::string render_csv(const DossierResult& result, const ReportOptions& options) {
  return csv_header(options) + csv_rows(result, options);
}

}  // namespace ess
