#pragma once
// Diagnostics to stderr one at a time, in the format of --diagnostics (§3): GNU lines, GitHub
// annotations, or one JSON array written as it goes. A diagnostic equal to the one before it
// (the same file met twice) is said once. What was printed decides the exit code (RunOutcome).
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
  RunOutcome finish();                       // closes the JSON array

 private:
  DiagnosticFormat format_;
  bool colour_;
  bool finished_ = false;
  std::optional<Diagnostic> previous_;
  std::unique_ptr<json::Writer> json_;
  RunOutcome outcome_;
};

}  // namespace ess::cli
