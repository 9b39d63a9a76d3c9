// ess-eval grid diff OLD NEW: the semantic diff, and --check-version for CI.
#include <fmt/format.h>

#include <cstdio>

#include "common.hpp"
#include "ess/model/messages.hpp"
#include "ess/report/grid_diff_render.hpp"
#include "grid_pair.hpp"
#include "output.hpp"

namespace ess::cli {

namespace {

Msg bump_word(Bump bump) {
  return bump == Bump::major   ? Msg::bump_major
         : bump == Bump::minor ? Msg::bump_minor
                               : Msg::bump_patch;
}

Msg subject_word(ChangeSubject subject) {
  switch (subject) {
    case ChangeSubject::grid:
      return Msg::subject_grid;
    case ChangeSubject::criterion:
      return Msg::subject_criterion;
    case ChangeSubject::scale:
      return Msg::subject_scale;
    case ChangeSubject::fact:
      return Msg::subject_fact;
    case ChangeSubject::decision:
      break;
  }
  return Msg::subject_decision;
}

// Why the version is refused: every change that needs more than the bump NEW makes.
Diagnostic version_diagnostic(const GridDiff& d) {
  using namespace fmt::literals;
  const VersionCheck& v = d.version;
  if (v.backwards)
    return make_diagnostic(
        Severity::error, d.new_file, {},
        say(Msg::version_backwards, "new"_a = d.new_version, "old"_a = d.old_version),
        say(Msg::version_backwards_hint, "old"_a = d.old_version,
            "next"_a = next_version(d.old_version, std::max(v.required, Bump::patch))));
  std::vector<std::string> why;
  for (const auto& c : d.changes)
    if (c.bump > v.actual)
      why.push_back(phrase(Msg::bump_why, "subject"_a = phrase(subject_word(c.subject)),
                           "id"_a = c.id, "change"_a = describe_change(c, message_language()),
                           "bump"_a = phrase(bump_word(c.bump))));
  std::string actual = v.actual == Bump::none
                           ? phrase(Msg::bump_none)
                           : phrase(Msg::bump_some, "bump"_a = phrase(bump_word(v.actual)));
  return make_diagnostic(
      Severity::error, d.new_file, {},
      say(Msg::version_bump, "old"_a = d.old_version, "new"_a = d.new_version, "actual"_a = actual,
          "required"_a = phrase(bump_word(v.required)),
          "why"_a = fmt::join(why, phrase(Msg::list_separator))),
      say(Msg::version_bump_hint, "next"_a = next_version(d.old_version, v.required),
          "file"_a = d.new_file));
}

}  // namespace

int run_grid_diff(const Options& options) {
  if (options.paths.size() != 2) return usage_error(options, phrase(Msg::usage_diff_pair));
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
