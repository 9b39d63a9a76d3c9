#include "common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "diagnostic_printer.hpp"
#include "ess/model/format.hpp"
#include "ess/model/messages.hpp"
#include "output.hpp"

namespace ess::cli {

ParseLimits limits_from(const Options& options) {
  ParseLimits limits;
  limits.max_file_bytes = options.max_file_size;
  return limits;
}

namespace {
std::string exe_dir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<std::size_t>(n));
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}
}  // namespace

GridStore make_grid_store(const Options& options) {
  std::optional<std::string> explicit_file;
  if (!options.grid.empty()) explicit_file = options.grid;
  return GridStore(explicit_file, default_grid_dirs(std::getenv("ESS_EVAL_GRID_PATH"), exe_dir()),
                   limits_from(options));
}

ReportOptions report_options(const Options& options, const Grid* grid) {
  return ess::report_options(options.language, options.csv_separator,
                             grid ? grid->language : Language::fr, options.spreadsheet,
                             grid ? std::string_view(grid->currency) : default_currency);
}

ScoreOptions score_options(const Options& options, bool explain) {
  ScoreOptions score;
  score.consolidation = options.consolidation;
  score.explain = explain;
  return score;
}

bool is_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory" || code == "git-error";
}

void RunOutcome::see(const Diagnostic& d) {
  if (d.severity == Severity::warning) ++warnings;
  if (d.severity != Severity::error) return;
  ++errors;
  error = true;
  io_error = io_error || is_io_code(d.code);
}

int exit_code(const RunOutcome& outcome) {
  if (outcome.io_error) return exit_io;
  return outcome.error ? exit_invalid : exit_ok;
}

int worse(int a, int b) {
  auto weight = [](int rc) { return rc == exit_io ? 3 : rc == exit_usage ? 2 : rc ? 1 : 0; };
  return weight(a) >= weight(b) ? a : b;
}

RunOutcome print_diagnostics(std::vector<Diagnostic>& items, const Options& options) {
  if (options.strict) promote_warnings(items);
  sort_diagnostics(items);
  DiagnosticPrinter printer(options);
  for (const Diagnostic& d : items) printer.print(d);
  return printer.finish();
}

unsigned job_count(const Options& options) {
  if (options.jobs > 0) return options.jobs;
  unsigned n = std::thread::hardware_concurrency();
  return n ? n : 1;
}

bool stderr_is_terminal() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) && !(term && std::string(term) == "dumb");
}

bool colour_allowed() {
  const char* no_colour = std::getenv("NO_COLOR");
  return stderr_is_terminal() && !(no_colour && *no_colour);
}

int usage_error(const Options& options, const std::string& message) {
  fmt::print(stderr, "ess-eval {}: error: {}\n{}\n", options.command, message,
             phrase(Msg::usage_more_command, fmt::arg("command", options.command)));
  return exit_usage;
}

}  // namespace ess::cli
