#pragma once
// Diagnostics to stderr one at a time, in the format of --diagnostics (§3): GNU lines, GitHub
// annotations, or JSON objects in the one array of the run (write_diagnostics). A diagnostic equal
// to the one before it (the same file met twice) is said once. What was printed decides the exit
// code (RunOutcome).
#include <memory>
#include <optional>

#include "common.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/json_writer.hpp"

namespace ess::cli {

class DiagnosticPrinter {
 public:
  explicit DiagnosticPrinter(const Options& options);
  ~DiagnosticPrinter();
  DiagnosticPrinter(const DiagnosticPrinter&) = delete;
  DiagnosticPrinter& operator=(const DiagnosticPrinter&) = delete;

  void print(const Diagnostic& diagnostic);  // in sorted order
  RunOutcome finish();

 private:
  DiagnosticFormat format_;
  bool colour_;
  bool finished_ = false;
  std::optional<Diagnostic> previous_;
  RunOutcome outcome_;
};

}  // namespace ess::cli
