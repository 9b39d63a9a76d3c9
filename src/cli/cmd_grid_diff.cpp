// ess-eval grid diff OLD NEW: the semantic diff, and --check-version for CI.
#include <fmt/format.h>

#include <cstdio>

#include "common.hpp"
#include "ess/report/grid_diff_render.hpp"
#include "grid_pair.hpp"
#include "output.hpp"

namespace ess::cli {

namespace {

// Why the version is refused: every change that needs more than the bump NEW makes.
Diagnostic version_diagnostic(const GridDiff& d) {
  Diagnostic diag;
  diag.file = d.new_file;
  const VersionCheck& v = d.version;
  if (v.backwards) {
    diag.code = "version-backwards";
    diag.message = fmt::format("version {} goes backwards from {}", d.new_version, d.old_version);
    diag.hint = fmt::format("a new version of a grid must be above {}; at least {}", d.old_version,
                            next_version(d.old_version, std::max(v.required, Bump::patch)));
    return diag;
  }
  diag.code = "version-bump";
  std::vector<std::string> why;
  for (const auto& c : d.changes)
    if (c.bump > v.actual)
      why.push_back(fmt::format("{} '{}': {} ({})", subject_token(c.subject), c.id,
                                describe_change(c, Language::en), bump_token(c.bump)));
  diag.message = fmt::format(
      "version {} -> {} is {} bump, but the changes require a {} bump: {}", d.old_version,
      d.new_version, v.actual == Bump::none ? "no" : fmt::format("a {}", bump_token(v.actual)),
      bump_token(v.required), fmt::join(why, "; "));
  diag.hint = fmt::format("set version: {} (or higher) in {}",
                          next_version(d.old_version, v.required), d.new_file);
  return diag;
}

}  // namespace

int run_grid_diff(const Options& options) {
  if (options.paths.size() != 2)
    return usage_error(options, "give OLD and NEW (files or REV:PATH)");
  std::vector<Diagnostic> all;
  std::optional<GridPair> grids = load_grid_pair(options, all);
  if (!grids) return exit_code(print_diagnostics(all, options));
  GridDiff diff = diff_grids(grids->old_grid, grids->new_grid);
  const ReportOptions ro = report_options(options, &grids->new_grid);
  std::string text = options.format == ReportFormat::csv    ? render_diff_csv(diff, ro)
                     : options.format == ReportFormat::json ? render_diff_json(diff, ro)
                                                            : render_diff_markdown(diff, ro);
  if (options.check_version && !diff.version.ok) all.push_back(version_diagnostic(diff));
  RunOutcome outcome = print_diagnostics(all, options);
  return worse(emit(options.output, text), exit_code(outcome));
}

}  // namespace ess::cli
