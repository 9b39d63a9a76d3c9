#include "diagnostic_printer.hpp"

#include <cstdio>
#include <tuple>

#include "ess/model/format.hpp"

namespace ess::cli {

namespace {

void to_stderr(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
}

bool same(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.severity, a.file, a.pos.line, a.pos.col, a.code, a.message, a.hint) ==
         std::tie(b.severity, b.file, b.pos.line, b.pos.col, b.code, b.message, b.hint);
}

}  // namespace

DiagnosticPrinter::DiagnosticPrinter(const Options& options)
    : format_(options.diagnostics),
      colour_(options.diagnostics == DiagnosticFormat::gnu && colour_allowed()) {
  if (format_ == DiagnosticFormat::json) {
    json_ = std::make_unique<json::Writer>(to_stderr);
    json_->begin_array();
  }
}

DiagnosticPrinter::~DiagnosticPrinter() {
  finish();
}

void DiagnosticPrinter::print(const Diagnostic& d) {
  if (previous_ && same(*previous_, d)) return;
  previous_ = d;
  outcome_.see(d);
  if (json_)
    write_diagnostic_json(*json_, d);
  else
    to_stderr(format_diagnostics({d}, format_, colour_));
}

RunOutcome DiagnosticPrinter::finish() {
  if (!finished_) {
    finished_ = true;
    if (json_) {
      json_->end_array();
      std::move(*json_).finish();
    }
    std::fflush(stderr);
  }
  return outcome_;
}

}  // namespace ess::cli
