// Several reports of `score` on one stream, each added as it is rendered.
#include "ess/report/report.hpp"

namespace ess {

namespace {

// A JSON value as an item of an array: each of its lines one level deeper. A JSON text holds
// no raw line break but between its tokens (json_escape writes \n in strings).
std::string indented(std::string_view value) {
  if (!value.empty() && value.back() == '\n') value.remove_suffix(1);
  std::string out;
  out.reserve(value.size() + value.size() / 8);
  for (char c : value) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

}  // namespace

ReportStream::ReportStream(ReportFormat format, const ReportOptions& options, bool array,
                           std::function<void(std::string_view)> sink)
    : format_(format), options_(options), array_(array), sink_(std::move(sink)) {}

void ReportStream::add(std::string_view report) {
  const bool first = count_++ == 0;
  switch (format_) {
    case ReportFormat::markdown:
      if (!first) sink_(markdown_separator());
      sink_(report);
      break;
    case ReportFormat::csv:
      if (first) sink_(csv_header(options_));
      sink_(report);
      break;
    case ReportFormat::json:
      if (!array_) {
        sink_(report);
        break;
      }
      sink_(first ? "[\n  " : ",\n  ");
      sink_(indented(report));
      break;
  }
}

void ReportStream::finish() {
  if (format_ == ReportFormat::json && array_) sink_(count_ ? "\n]\n" : "[]\n");
}

std::string render_json_array(const std::vector<JsonReport>& reports,
                              const ReportOptions& options) {
  std::string out;
  ReportStream stream(ReportFormat::json, options, true,
                      [&](std::string_view chunk) { out.append(chunk); });
  for (const JsonReport& r : reports) stream.add(render_json(*r.result, options, r.diagnostics));
  stream.finish();
  return out;
}

}  // namespace ess
