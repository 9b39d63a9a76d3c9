// ess-eval grid show [GRID]: the grid as a Markdown document to publish.
#include <fmt/format.h>

#include <cstdio>

#include "call_grid.hpp"
#include "common.hpp"
#include "ess/report/grid_show.hpp"
#include "ess/report/i18n.hpp"
#include "output.hpp"

namespace ess::cli {

namespace {

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
  std::string ref = !options.paths.empty()  ? options.paths[0]
                    : !options.grid.empty() ? options.grid
                                            : default_grid_id;
  GridStore store = make_grid_store(options);
  if (auto call = call_reference(ref, store, limits_from(options)))
    return show_call_grid(*call, store, options);
  Diagnostics diags(ref);
  const LoadedGrid* grid = store.by_reference(ref, diags);
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
