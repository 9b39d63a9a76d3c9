// ess-eval grid diff OLD NEW: the semantic diff, and --check-version for CI.
#include <fmt/format.h>

#include <cstdio>

#include "common.hpp"
#include "ess/report/grid_diff_render.hpp"
#include "ess/report/i18n.hpp"
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
  if (options.paths.size() != 2) {
    fmt::print(stderr,
               "ess-eval grid diff: error: give OLD and NEW (files or REV:PATH)\n"
               "Run 'ess-eval grid diff --help' for usage.\n");
    return exit_usage;
  }
  std::vector<Diagnostic> all;
  int failure = exit_ok;
  std::optional<GridPair> grids = load_grid_pair(options, all, failure);
  if (!grids) return failure;
  GridDiff diff = diff_grids(grids->old_grid, grids->new_grid);
  DiffOptions diff_options;
  diff_options.language = parse_language(options.lang).value_or(grids->new_grid.language);
  diff_options.csv_separator = options.csv_sep.empty() ? ',' : options.csv_sep[0];
  std::string text = options.format == "csv"    ? render_diff_csv(diff, diff_options)
                     : options.format == "json" ? render_diff_json(diff, diff_options)
                                                : render_diff_markdown(diff, diff_options);
  if (options.check_version && !diff.version.ok) all.push_back(version_diagnostic(diff));
  bool failed = report_diagnostics(all, options);
  int written = emit(options.output, text);
  if (written != exit_ok) return written;
  return failed ? exit_invalid : exit_ok;
}

}  // namespace ess::cli
