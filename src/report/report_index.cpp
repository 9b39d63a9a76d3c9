// The index that `score --out-dir` writes beside the reports: each dossier with its total,
// decision and report file, in the format of the reports.
#include <fmt/format.h>

#include "ess/model/format.hpp"
#include "ess/report/i18n.hpp"
#include "ess/report/report.hpp"
#include "report_json_writer.hpp"

namespace ess {

namespace {

// A link target that survives any dossier id: every byte but unreserved ones percent-encoded.
std::string link_target(std::string_view file) {
  std::string out;
  for (unsigned char c : file) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~';
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

std::string markdown_index(const std::vector<IndexEntry>& entries, const ReportOptions& options) {
  const ReportWords& w = report_words(options.language);
  std::string out = "# " + md_text(w.index_heading) + "\n\n";
  out += "| " + md_cell(w.dossier) + " | " + md_cell(w.title) + " | " + md_cell(w.total) + " | " +
         md_cell(w.decision) + " | " + md_cell(w.report) + " |\n|---|---|---:|---|---|\n";
  for (const IndexEntry& e : entries) {
    const DossierResult& r = *e.result;
    out += "| " + md_cell(md_text(r.dossier->id)) + " | " + md_cell(md_text(r.dossier->title)) +
           " | " + format_fixed(r.total, 1) + " | " +
           md_cell(md_text(decision_label(r, options.language))) + " | [" +
           md_cell(md_text(e.file)) + "](" + link_target(e.file) + ") |\n";
  }
  return out;
}

std::string csv_index(const std::vector<IndexEntry>& entries, const ReportOptions& options) {
  char sep = options.csv_separator;
  auto line = [&](std::initializer_list<std::string> fields) {
    std::string out;
    for (const auto& f : fields) out += (out.empty() ? "" : std::string(1, sep)) + f;
    return out + "\r\n";
  };
  std::string out = line({"dossier", "title", "total", "decision", "status", "file"});
  for (const IndexEntry& e : entries) {
    const DossierResult& r = *e.result;
    out += line({csv_field(r.dossier->id, sep), csv_field(r.dossier->title, sep),
                 csv_field(format_shortest(r.total, options.decimal_comma ? ',' : '.'), sep),
                 csv_field(decision_label(r, options.language), sep),
                 csv_field(status_token(r.status), sep), csv_field(e.file, sep)});
  }
  return out;
}

std::string json_index(const std::vector<IndexEntry>& entries, const ReportOptions& options) {
  json::Writer j;
  j.begin_array();
  for (const IndexEntry& e : entries) {
    const DossierResult& r = *e.result;
    j.begin_object();
    j.key("dossier").string(r.dossier->id);
    j.key("title").string(r.dossier->title);
    j.key("total").number(r.total);
    j.key("decision").string(decision_label(r, options.language));
    j.key("status").string(status_token(r.status));
    j.key("file").string(e.file);
    j.end_object();
  }
  j.end_array();
  return std::move(j).finish();
}

}  // namespace

std::string render_index(const std::vector<IndexEntry>& entries, ReportFormat format,
                         const ReportOptions& options) {
  switch (format) {
    case ReportFormat::markdown:
      return markdown_index(entries, options);
    case ReportFormat::csv:
      return csv_index(entries, options);
    case ReportFormat::json:
      return json_index(entries, options);
  }
  return {};
}

FactCause first_cause(const Grid& grid, const std::vector<FactValue>& values,
                      const std::string& fact) {
  auto find = [&](const std::string& id) -> const FactValue* {
    for (std::size_t i = 0; i < grid.facts.size() && i < values.size(); ++i)
      if (grid.facts[i].id == id) return &values[i];
    return nullptr;
  };
  FactCause cause{fact, FactValue::Why::defined, {}};
  const FactValue* v = find(fact);
  // The grid refuses cycles; the bound only guards against a broken invariant.
  for (std::size_t depth = 0; v && depth <= grid.facts.size(); ++depth) {
    cause.why = v->why;
    cause.operand = v->operand;
    if (v->why != FactValue::Why::undefined_operand) break;
    const FactValue* next = find(v->operand);
    if (!next) break;
    cause.fact = v->operand;
    v = next;
  }
  return cause;
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

}  // namespace ess
