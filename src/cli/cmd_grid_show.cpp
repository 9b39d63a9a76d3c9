// ess-eval grid show [GRID]: the grid as a Markdown document to publish.
#include <fmt/format.h>

#include <cstdio>

#include "call_grid.hpp"
#include "common.hpp"
#include "ess/model/messages.hpp"
#include "ess/report/grid_show.hpp"
#include "output.hpp"

namespace ess::cli {

int run_grid_show(const Options& options) {
  if (options.paths.size() > 1) return usage_error(options, phrase(Msg::usage_one_grid_at_a_time));
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
  RunOutcome outcome = print_diagnostics(all, options);
  if (!grid || outcome.error) return worse(exit_invalid, exit_code(outcome));
  ReportOptions ro = report_options(options, &grid->grid);
  return emit(options.output, render_grid_markdown(grid->grid, ro.language));
}

}  // namespace ess::cli
