// ess-eval template [GRID]: a dossier skeleton to fill in. Every value to give is a `~`
// (YAML null), with what it may be as a comment beside it; the grid's guidance, levels and
// thresholds are comments above each criterion. Filled in, it validates.
#include <fmt/format.h>

#include <algorithm>

#include "common.hpp"
#include "ess/model/language.hpp"
#include "ess/report/template.hpp"
#include "output.hpp"

namespace ess::cli {

namespace {

bool is_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory";
}

}  // namespace

int run_template(const Options& options) {
  if (options.paths.size() > 1) {
    fmt::print(stderr,
               "ess-eval template: error: one grid at most\nRun 'ess-eval template --help' for "
               "usage.\n");
    return exit_usage;
  }
  std::string ref = !options.paths.empty()  ? options.paths[0]
                    : !options.grid.empty() ? options.grid
                                            : default_grid_id;
  GridStore store = make_grid_store(options);
  Diagnostics diags(ref);
  const LoadedGrid* g = store.by_reference(ref, diags);
  std::vector<Diagnostic> all = diags.items();
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  bool failed = report_diagnostics(all, options);
  if (!g || failed) {
    bool io = std::any_of(all.begin(), all.end(), [](const Diagnostic& d) {
      return d.severity == Severity::error && is_io_code(d.code);
    });
    return io ? exit_io : exit_invalid;
  }
  std::optional<Language> language = parse_language(options.lang);
  return emit(options.output, render_template(g->grid, language ? *language : g->grid.language));
}

}  // namespace ess::cli
