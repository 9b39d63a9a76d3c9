// The index that `score --out-dir` writes beside the reports: each dossier with its total,
// decision and report file, in the format of the reports, written as the reports are.
#include <fmt/format.h>

#include "csv_words.hpp"
#include "ess/model/csv_writer.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/format.hpp"
#include "ess/model/json_writer.hpp"
#include "ess/report/i18n.hpp"
#include "ess/report/report.hpp"

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

std::string markdown_head(const ReportOptions& options) {
  const ReportWords& w = report_words(options.language);
  std::string out = "# " + md_text(w.index_heading) + "\n\n";
  out += "| " + md_cell(w.dossier) + " | " + md_cell(w.title) + " | " + md_cell(w.total) + " | " +
         md_cell(w.decision) + " | " + md_cell(w.report) +
         " |\n|---|------------|--:|---|------|\n";
  return out;
}

std::string markdown_line(const IndexLine& e, const ReportOptions& options) {
  return "| " + md_cell(md_text(e.dossier)) + " | " + md_cell(md_text(e.title)) + " | " +
         options.numbers().score(e.total) + " | " + md_cell(md_text(e.decision)) + " | [" +
         md_cell(md_text(e.file)) + "](" + link_target(e.file) + ") |\n";
}

}  // namespace

struct IndexStream::Json {
  explicit Json(const std::function<void(std::string_view)>& sink) : writer(sink) {}
  json::Writer writer;
};

IndexLine index_line(const DossierResult& r, std::string file, Language language) {
  return {r.dossier->id, r.dossier->title, r.total, decision_label(r, language),
          r.status,      std::move(file)};
}

IndexStream::IndexStream(ReportFormat format, const ReportOptions& options,
                         std::function<void(std::string_view)> sink)
    : format_(format), options_(options), sink_(std::move(sink)) {
  switch (format_) {
    case ReportFormat::markdown:
      sink_(markdown_head(options_));
      break;
    case ReportFormat::csv: {
      std::string out;
      constexpr const char* columns[] = {"dossier", "title", "total", "decision", "status", "file"};
      csv_header_row(out, options_, columns);
      sink_(out);
      break;
    }
    case ReportFormat::json:
      json_ = std::make_unique<Json>(sink_);
      json_->writer.begin_array();
      break;
  }
}

IndexStream::~IndexStream() = default;

void IndexStream::add(const IndexLine& e) {
  switch (format_) {
    case ReportFormat::markdown:
      sink_(markdown_line(e, options_));
      break;
    case ReportFormat::csv: {
      std::string out;
      csv::Row line(out, options_.csv());
      line.text(e.dossier).text(e.title).number(e.total, csv::Rounding::score).text(e.decision);
      line.text(status_token(e.status)).text(e.file);
      line.end();
      sink_(out);
      break;
    }
    case ReportFormat::json: {
      json::Writer& j = json_->writer;
      j.begin_object();
      j.key("dossier").string(e.dossier);
      j.key("title").string(e.title);
      j.key("total").number(e.total);
      j.key("decision").string(e.decision);
      j.key("status").string(status_token(e.status));
      j.key("file").string(e.file);
      j.end_object();
      break;
    }
  }
}

void IndexStream::finish() {
  if (finished_) return;
  finished_ = true;
  if (json_) {
    json_->writer.end_array();
    std::move(json_->writer).finish();
  }
}

std::string render_index(const std::vector<IndexEntry>& entries, ReportFormat format,
                         const ReportOptions& options) {
  std::string out;
  IndexStream index(format, options, [&](std::string_view chunk) { out.append(chunk); });
  for (const IndexEntry& e : entries) index.add(index_line(*e.result, e.file, options.language));
  index.finish();
  return out;
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

}  // namespace ess
