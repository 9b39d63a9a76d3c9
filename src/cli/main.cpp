// The command line: parse options, hand over to one run_<command> per file. Nothing else.
#include <CLI/CLI.hpp>

#include <clocale>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ess/model/diagnostic.hpp"
#include "options.hpp"

namespace ess::cli {
std::string version_text();
}

namespace {

using ess::cli::Options;
using ess::cli::OptionWords;

struct CommandInfo {
  const char* name;
  const char* summary;
  const char* example;
};

const CommandInfo commands[] = {
    {"validate", "Check grids and dossiers; silent when all is well",
     "ess-eval validate criteria examples/dossiers"},
    {"score", "Score dossiers: total, decision, gaps, path to the next band",
     "ess-eval score examples/dossiers/2026-001-epicerie-soupe-aux-cailloux.yaml"},
    {"rank", "Rank a whole call for projects, with the funding line",
     "ess-eval rank examples/dossiers --budget 100000"},
    {"template", "Print a dossier skeleton to fill for a grid", "ess-eval template > dossier.yaml"},
    {"grid", "Grid commands: show, diff, test, impact", "ess-eval grid show"},
    {"sensitivity", "How robust each decision is to the weights",
     "ess-eval sensitivity examples/dossiers --samples 2000"},
    {"schema", "Print the JSON Schema of grids or dossiers", "ess-eval schema dossier"},
};

void add_common(CLI::App* app, Options& o, OptionWords& w, bool formats) {
  app->add_option("--grid", o.grid, "Criteria grid file (default: the grid each dossier names)");
  if (formats) {
    app->add_option("-f,--format", w.format, "Output format")
        ->check(CLI::IsMember({"md", "csv", "json"}));
    app->add_option("-o,--output", o.output, "Write to FILE (atomically) instead of stdout");
    app->add_option("--csv-sep", w.csv_sep, "CSV separator: ',' (default) or ';'")
        ->check(CLI::IsMember({",", ";"}));
  }
  app->add_option("--lang", w.lang, "Language of the report's words (default: the grid's)")
      ->check(CLI::IsMember({"fr", "en"}));
  app->add_option("-j,--jobs", o.jobs, "Parallel jobs (default: all cores)");
  app->add_flag("--strict", o.strict, "Warnings are errors");
  app->add_flag("-q,--quiet", o.quiet, "No progress, no summary");
  app->add_flag("-v,--verbose", o.verbose, "Say what was checked, even on success");
  app->add_option("--diagnostics", w.diagnostics, "Diagnostics format")
      ->check(CLI::IsMember({"gnu", "github", "json"}));
  app->add_option("--max-file-size", o.max_file_size,
                  "Largest input file, in bytes (default 8 MiB)");
}

void add_consolidate(CLI::App* app, OptionWords& w) {
  app->add_option("--consolidate", w.consolidate, "Statistic over assessors' values")
      ->check(CLI::IsMember({"mean", "median", "min"}));
}

CLI::App* add_command(CLI::App& parent, const CommandInfo& info) {
  CLI::App* app = parent.add_subcommand(info.name, info.summary);
  app->footer(fmt::format("Example:\n  {}", info.example));
  return app;
}

std::string suggest_command(const std::string& word) {
  std::vector<std::string> names;
  for (const auto& c : commands) names.push_back(c.name);
  return ess::closest_match(word, names);
}

int dispatch(const Options& o) {
  using namespace ess::cli;
  if (o.command == "validate") return run_validate(o);
  if (o.command == "score") return run_score(o);
  if (o.command == "rank") return run_rank(o);
  if (o.command == "template") return run_template(o);
  if (o.command == "grid show") return run_grid_show(o);
  if (o.command == "grid diff") return run_grid_diff(o);
  if (o.command == "grid test") return run_grid_test(o);
  if (o.command == "grid impact") return run_grid_impact(o);
  if (o.command == "sensitivity") return run_sensitivity(o);
  if (o.command == "schema") return run_schema(o);
  return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "C");  // same bytes out whatever the user's locale
  Options o;
  OptionWords w;
  CLI::App app{
      "ess-eval — score social and solidarity economy funding applications against a "
      "published criteria grid",
      "ess-eval"};
  // A callback: the built-in grid is parsed for --version only, not on every run.
  app.set_version_flag("--version", [] { return ess::cli::version_text(); });
  app.footer(
      "Exit status: 0 success, 1 invalid input or failed check, 2 usage error, 3 I/O or "
      "internal error.\nSee man ess-eval.");

  CLI::App* validate = add_command(app, commands[0]);
  add_common(validate, o, w, false);
  validate->add_option("--files-from", o.files_from,
                       "Read paths from LIST, one a line ('-': stdin)");
  validate->add_option("paths", o.paths, "Grid and dossier files or folders ('-': stdin)");

  CLI::App* score = add_command(app, commands[1]);
  add_common(score, o, w, true);
  add_consolidate(score, w);
  score->add_option("--out-dir", o.out_dir, "One report per dossier in DIR, plus an index");
  score->add_option("dossiers", o.paths, "Dossier files or folders ('-': stdin)");

  CLI::App* rank = add_command(app, commands[2]);
  add_common(rank, o, w, true);
  add_consolidate(rank, w);
  rank->add_option("--files-from", o.files_from, "Read paths from LIST, one a line ('-': stdin)");
  rank->add_option("--call", o.call, "Only dossiers of this call for projects");
  rank->add_option("--territory", o.territory, "Only dossiers of this territory");
  rank->add_option("--theme", o.theme, "Only dossiers of this theme");
  rank->add_option("--group-by", w.group_by, "A ranking and a summary per group")
      ->check(CLI::IsMember({"territory", "theme", "call"}));
  rank->add_option("--budget", o.budget, "Draw the funding line under this amount");
  rank->add_option("paths", o.paths, "Dossier files or folders");

  CLI::App* tmpl = add_command(app, commands[3]);
  add_common(tmpl, o, w, false);
  tmpl->add_option("-o,--output", o.output, "Write to FILE instead of stdout");
  tmpl->add_option("grid-ref", o.paths, "Grid file or id (default: the built-in grid)");

  CLI::App* grid = add_command(app, commands[4]);
  grid->require_subcommand(1);
  CLI::App* show = grid->add_subcommand("show", "The grid as a Markdown document to publish");
  add_common(show, o, w, false);
  show->add_option("-o,--output", o.output, "Write to FILE instead of stdout");
  show->add_option("grid-ref", o.paths, "Grid file or id (default: the built-in grid)");
  CLI::App* diff =
      grid->add_subcommand("diff", "Semantic diff of two grids, with the bump it needs");
  add_common(diff, o, w, true);
  diff->add_flag("--check-version", o.check_version, "Fail when NEW's version bump is too small");
  diff->add_option("old-new", o.paths, "OLD and NEW: files or REV:PATH")->expected(2);
  CLI::App* test = grid->add_subcommand("test", "Score the grid's calibration dossiers");
  add_common(test, o, w, false);
  test->add_option("grid-ref", o.paths, "Grid file or id (default: every grid in ./criteria)");
  CLI::App* impact = grid->add_subcommand("impact", "Every dossier scored under OLD and NEW");
  add_common(impact, o, w, true);
  add_consolidate(impact, w);
  impact->add_flag("--fail-on-decision-change", o.fail_on_decision_change,
                   "Exit 1 when a decision changes");
  impact->add_option("old-new-dossiers", o.paths, "OLD NEW DOSSIERS...");

  CLI::App* sens = add_command(app, commands[5]);
  add_common(sens, o, w, true);
  add_consolidate(sens, w);
  sens->add_option("--spread", o.spread, "Relative perturbation of each weight (default 0.2)");
  sens->add_option("--samples", o.samples, "Number of perturbed grids (default 1000)");
  sens->add_option("--seed", o.seed, "Random seed (default 1)");
  sens->add_option("dossiers", o.paths, "Dossier files or folders");

  CLI::App* schema = add_command(app, commands[6]);
  schema->add_option("kind", o.schema_kind, "grid or dossier")
      ->required()
      ->check(CLI::IsMember({"grid", "dossier"}));

  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return fmt::format("ess-eval: error: {}\nRun 'ess-eval --help' for usage.\n", e.what());
  });

  if (argc >= 2 && argv[1][0] != '-') {
    std::string word = argv[1];
    bool known = false;
    for (const auto& c : commands) known = known || word == c.name;
    if (!known) {
      std::string close = suggest_command(word);
      fmt::print(stderr, "ess-eval: error: unknown command '{}'{}\n", word,
                 close.empty() ? "" : fmt::format(", did you mean '{}'?", close));
      return ess::cli::exit_usage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? ess::cli::exit_ok : ess::cli::exit_usage;
  }

  ess::cli::settle_options(w, o);
  for (CLI::App* sub : app.get_subcommands()) {
    o.command = sub->get_name();
    for (CLI::App* inner : sub->get_subcommands()) o.command += " " + inner->get_name();
  }
  if (o.command.empty()) {
    fmt::print("{}", app.help());
    return ess::cli::exit_usage;
  }
  try {
    return dispatch(o);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    fmt::print(stderr, "ess-eval: internal error: {}\n", e.what());
    return ess::cli::exit_io;
  }
}
