// ess-eval grid show [GRID]: the grid as a Markdown document to publish.
#include <fmt/format.h>

#include <cstdio>

#include "cli/common.hpp"
#include "cli/output.hpp"
#include "ess/embedded.hpp"
#include "ess/grid_show.hpp"
#include "ess/i18n.hpp"

namespace ess::cli {

namespace {

// The first grid compiled into the binary: the built-in French grid.
std::string builtin_grid_path() {
  for (const auto& f : embedded_files()) {
    std::string_view path = f.path;
    if (path.starts_with("criteria/") && path.ends_with(".yaml"))
      return std::string(builtin_prefix) + std::string(path.substr(9));
  }
  return {};
}

bool is_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory" ||
         code == "file-too-large";
}

}  // namespace

int run_grid_show(const Options& options) {
  if (options.paths.size() > 1) {
    fmt::print(stderr,
               "ess-eval grid show: error: one grid at a time\n"
               "Run 'ess-eval grid show --help' for usage.\n");
    return exit_usage;
  }
  std::string ref = !options.paths.empty() ? options.paths[0] : options.grid;
  GridStore store = make_grid_store(options);
  Diagnostics diags(ref);
  const LoadedGrid* grid =
      ref.empty() ? store.load_path(builtin_grid_path()) : store.by_reference(ref, diags);
  std::vector<Diagnostic> all = diags.items();
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  bool failed = report_diagnostics(all, options);
  if (!grid || failed) {
    for (const auto& d : all)
      if (d.severity == Severity::error && is_io_code(d.code)) return exit_io;
    return exit_invalid;
  }
  Language language = parse_language(options.lang).value_or(grid->grid.language);
  return emit(options.output, render_grid_markdown(grid->grid, language));
}

}  // namespace ess::cli
