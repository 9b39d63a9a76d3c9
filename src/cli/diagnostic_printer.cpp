#include "diagnostic_printer.hpp"

#include <cstdio>
#include <tuple>

#include "ess/model/format.hpp"
#include "output.hpp"

namespace ess::cli {

namespace {

// One JSON object, one line: write_diagnostics gathers the objects of the whole run, from
// any command and any time, into one array on standard error (closed by finish_output).
std::string json_line(const Diagnostic& d) {
  json::Writer writer;
  write_diagnostic_json(writer, d);
  std::string text = std::move(writer).finish();
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text + "\n";
}

bool same(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.severity, a.file, a.pos.line, a.pos.col, a.code, a.message, a.hint) ==
         std::tie(b.severity, b.file, b.pos.line, b.pos.col, b.code, b.message, b.hint);
}

}  // namespace

DiagnosticPrinter::DiagnosticPrinter(const Options& options)
    : format_(options.diagnostics),
      colour_(options.diagnostics == DiagnosticFormat::gnu && colour_allowed()) {
  if (format_ == DiagnosticFormat::json) write_diagnostics("");  // "[]" even when none
}

DiagnosticPrinter::~DiagnosticPrinter() {
  finish();
}

void DiagnosticPrinter::print(const Diagnostic& d) {
  if (previous_ && same(*previous_, d)) return;
  previous_ = d;
  outcome_.see(d);
  write_diagnostics(format_ == DiagnosticFormat::json ? json_line(d)
                                                      : format_diagnostics({d}, format_, colour_));
}

RunOutcome DiagnosticPrinter::finish() {
  if (!finished_) {
    finished_ = true;
    std::fflush(stderr);
  }
  return outcome_;
}

}  // namespace ess::cli
