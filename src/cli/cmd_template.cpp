// ess-eval template [GRID]: a dossier skeleton to fill in. Every value to give is a `~`
// (YAML null), with what it may be as a comment beside it; the grid's guidance, levels and
// thresholds are comments above each criterion. Filled in, it validates.
#include <fmt/format.h>

#include "common.hpp"
#include "ess/model/messages.hpp"
#include "ess/report/template.hpp"
#include "output.hpp"

namespace ess::cli {

int run_template(const Options& options) {
  if (options.paths.size() > 1) return usage_error(options, phrase(Msg::usage_one_grid_at_most));
  std::string ref = !options.paths.empty()  ? options.paths[0]
                    : !options.grid.empty() ? options.grid
                                            : default_grid_id;
  GridStore store = make_grid_store(options);
  Diagnostics diags(ref);
  const LoadedGrid* g = store.by_reference(ref, diags);
  std::vector<Diagnostic> all = diags.items();
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  RunOutcome outcome = print_diagnostics(all, options);
  if (!g || outcome.error) return worse(exit_invalid, exit_code(outcome));
  ReportOptions ro = report_options(options, &g->grid);
  return emit(options.output, render_template(g->grid, ro.language));
}

}  // namespace ess::cli
