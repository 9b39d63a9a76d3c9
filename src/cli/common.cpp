#include "common.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "ess/model/format.hpp"
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

bool report_diagnostics(std::vector<Diagnostic>& items, const Options& options) {
  if (options.strict) promote_warnings(items);
  sort_diagnostics(items);
  DiagnosticFormat format = options.diagnostics == "github" ? DiagnosticFormat::github
                            : options.diagnostics == "json" ? DiagnosticFormat::json
                                                            : DiagnosticFormat::gnu;
  if (!items.empty() || format == DiagnosticFormat::json) {
    std::string text =
        format_diagnostics(items, format, format == DiagnosticFormat::gnu && colour_allowed());
    write_diagnostics(text);
  }
  for (const auto& d : items)
    if (d.severity == Severity::error) return true;
  return false;
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

}  // namespace ess::cli
