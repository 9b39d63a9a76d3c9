// The command line: parse options, hand over to one run_<command> per file. Nothing else,
// but for the start-up that makes a hostile environment safe (start_up) and the exit that
// reports every write failure (finish_output).
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <atomic>
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ess/core/parallel.hpp"
#include "ess/io/atomic_file.hpp"
#include "ess/model/amount.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/messages.hpp"
#include "options.hpp"
#include "output.hpp"
#include "split_number.hpp"

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
    {"schema", "Print the JSON Schema of grids, dossiers or calls", "ess-eval schema dossier"},
    {"letter", "One letter per applicant, for the applicant's eyes",
     "ess-eval letter --call aap-2026-transition --out-dir lettres examples/dossiers"},
    {"pack", "The committee's pack of a call (HTML to print), or its public account",
     "ess-eval pack --call aap-2026-transition -o comite.html examples/dossiers"},
};

// `scdl`: rank's --format scdl, the awards of a call as open data.
void add_common(CLI::App* app, Options& o, OptionWords& w, bool formats, bool scdl = false) {
  app->add_option("--grid", o.grid, "Criteria grid file (default: the grid each dossier names)");
  if (formats) {
    std::vector<std::string> words{"md", "csv", "json"};
    if (scdl) words.emplace_back("scdl");
    CLI::Option* format =
        app->add_option("-f,--format", w.format, "Output format")->check(CLI::IsMember(words));
    app->add_option("-o,--output", o.output, "Write to FILE (atomically) instead of stdout");
    CLI::Option* sep =
        app->add_option("--csv-sep", w.csv_sep, "CSV separator: ',' (default) or ';'")
            ->check(CLI::IsMember({",", ";"}));
    app->add_flag("--spreadsheet", w.spreadsheet,
                  "CSV for a spreadsheet: byte-order mark, ';' and decimal comma in French, "
                  "rounded numbers, headers in the report's language")
        ->excludes(format)
        ->excludes(sep);
  }
  app->add_option("--lang", w.lang,
                  "Language of the report's words (default: the grid's) and of the messages")
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

// Commands that search folders for dossiers.
void add_follow(CLI::App* app, Options& o) {
  app->add_flag("--follow", o.follow, "Follow links to folders outside the folders given");
}

void add_consolidate(CLI::App* app, OptionWords& w) {
  app->add_option("--consolidate", w.consolidate, "Statistic over assessors' values")
      ->check(CLI::IsMember({"mean", "median", "min"}));
}

// --call on every command over the dossiers of a call (cli/call_run.hpp).
void add_call(CLI::App* app, Options& o) {
  app->add_option("--call", o.call,
                  "The dossiers of this call for projects: a call file, or an id (calls/ID.yaml "
                  "beside the grids gives its grid and budgets; else a plain filter)");
}

// Every amount option reads through parse_amount: 150000, "150 000", 150000,50, 150000.50.
double amount_option(const std::string& option, const std::string& text) {
  ess::AmountReading amount = ess::parse_amount(text);
  if (!amount.value)
    throw CLI::ValidationError(
        option, amount.problem.text + phrase(ess::Msg::list_separator) + amount.hint.text);
  return *amount.value;
}

// --budget N, or GROUP=N (the name is before the last '=': amounts have none).
void budget_options(const std::vector<std::string>& texts, Options& o) {
  for (const std::string& text : texts) {
    auto eq = text.rfind('=');
    if (eq == std::string::npos) {
      o.budget = amount_option("--budget", text);
      ++o.plain_budgets;
      continue;
    }
    if (eq == 0) throw CLI::ValidationError("--budget", "GROUP=AMOUNT needs the group's name");
    o.group_budgets.push_back(
        {text.substr(0, eq), amount_option("--budget", text.substr(eq + 1)), {}});
  }
}

// The messages' language: --lang when given, else LC_ALL, LC_MESSAGES, LANG (French for fr*).
void use_message_language(const std::string& lang_option) {
  auto env = [](const char* name) {
    const char* value = std::getenv(name);
    return std::string_view(value ? value : "");
  };
  ess::set_message_language(
      ess::choose_message_language(lang_option, env("LC_ALL"), env("LC_MESSAGES"), env("LANG")));
}

// --lang as written on the command line, read before parsing: the usage errors of the parser
// (an unknown command, a missing value) are worded in it too. "" when absent.
std::string lang_in_arguments(int argc, char** argv) {
  std::string lang;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--lang" && i + 1 < argc) lang = argv[i + 1];
    if (arg.starts_with("--lang=")) lang = arg.substr(7);
  }
  return lang;
}

// --budget N, or GROUP=N repeated with --group-by (budget_options).
void add_budget(CLI::App* app, Options& o) {
  app->add_option_function<std::vector<std::string>>(
         "--budget", [&o](const std::vector<std::string>& texts) { budget_options(texts, o); },
         "Draw the funding line under this amount (150000, \"150 000\" or 150000,50); "
         "GROUP=AMOUNT, repeated, with --group-by: one funding line per group; over the "
         "call's budgets")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->expected(1)
      ->allow_extra_args(false);  // one amount a --budget: the paths after it are not amounts
}

void add_group_by(CLI::App* app, OptionWords& w) {
  app->add_option("--group-by", w.group_by, "A ranking and a summary per group")
      ->check(CLI::IsMember({"territory", "theme", "call"}));
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
  if (o.command == "letter") return run_letter(o);
  if (o.command == "pack") return run_pack(o);
  return exit_usage;
}

// The last resort of an exception nothing caught: an exit status and a line, not an abort.
[[noreturn]] void terminate_quietly() {
  static const char text[] = "ess-eval: internal error: unexpected failure\n";
  [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, text, sizeof text - 1);
  std::_Exit(ess::cli::exit_io);
}

void warn_fewer_workers(std::size_t wanted, std::size_t started, const char* why) {
  static std::atomic<bool> said{false};
  if (said.exchange(true)) return;
  ess::cli::report_warning(
      ess::phrase(ess::Msg::fewer_jobs, fmt::arg("started", started), fmt::arg("wanted", wanted),
                  fmt::arg("why", why), fmt::arg("going", std::max<std::size_t>(started, 1))),
      "fewer-jobs");
}

// Under a memory limit (ulimit -v, or -d), each thread's glibc arena reserves 64 MiB of
// address space; once that fails, malloc retries it over and over: one arena for all.
void cap_malloc_arenas() {
  struct rlimit as {
  }, data{};
  bool limited = (::getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) ||
                 (::getrlimit(RLIMIT_DATA, &data) == 0 && data.rlim_cur != RLIM_INFINITY);
  if (limited) ::mallopt(M_ARENA_MAX, 1);
}

// Before anything opens a file or starts a thread.
void start_up() {
  ess::cli::hold_standard_descriptors();
  std::signal(SIGXFSZ, SIG_IGN);  // over `ulimit -f`: EFBIG, a message, exit 3
  ess::remove_temporary_files_on_signals();
  cap_malloc_arenas();
  std::set_terminate(terminate_quietly);
  ess::on_fewer_workers = warn_fewer_workers;
  std::setlocale(LC_ALL, "C");  // same bytes out whatever the user's locale
}

// Commands that print their report on standard output: nowhere to print it when it is closed.
bool report_on_stdout(const Options& o) {
  if (o.command == "validate") return o.verbose;
  if ((o.command == "score" || o.command == "letter") && !o.out_dir.empty()) return false;
  return o.output.empty() || o.output == "-";
}

// --help, --version and usage errors, through the same checks as any other output.
int parse_exit(const CLI::App& app, const CLI::ParseError& e) {
  std::ostringstream out, err;
  int rc = app.exit(e, out, err);
  std::string usage = err.str();
  if (!usage.empty()) std::fwrite(usage.data(), 1, usage.size(), stderr);
  if (!out.str().empty() && ess::cli::emit("", out.str()) != ess::cli::exit_ok)
    return ess::cli::exit_io;
  return rc == 0 ? ess::cli::exit_ok : ess::cli::exit_usage;
}

int run(int argc, char** argv) {
  Options o;
  OptionWords w;
  use_message_language(lang_in_arguments(argc, argv));  // before any thread
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
  add_follow(validate, o);
  validate->add_option("--files-from", o.files_from,
                       "Read paths from LIST, one a line ('-': stdin)");
  validate->add_option("paths", o.paths, "Grid and dossier files or folders ('-': stdin)");

  CLI::App* score = add_command(app, commands[1]);
  add_common(score, o, w, true);
  add_follow(score, o);
  add_consolidate(score, w);
  add_call(score, o);
  score->add_option("--out-dir", o.out_dir, "One report per dossier in DIR, plus an index");
  score->add_option("dossiers", o.paths, "Dossier files or folders ('-': stdin)");

  CLI::App* rank = add_command(app, commands[2]);
  add_common(rank, o, w, true, true);
  add_follow(rank, o);
  add_consolidate(rank, w);
  rank->add_option("--files-from", o.files_from, "Read paths from LIST, one a line ('-': stdin)");
  add_call(rank, o);
  rank->add_option("--territory", o.territory, "Only dossiers of this territory");
  rank->add_option("--theme", o.theme, "Only dossiers of this theme");
  add_group_by(rank, w);
  add_budget(rank, o);
  rank->add_option("paths", o.paths, "Dossier files or folders");

  CLI::App* letter = add_command(app, commands[7]);
  add_common(letter, o, w, false);
  add_follow(letter, o);
  add_consolidate(letter, w);
  add_call(letter, o);
  letter->add_option("--out-dir", o.out_dir,
                     "One letter per dossier in DIR (created if missing); else on stdout");
  letter->add_option("--letterhead", o.letterhead,
                     "YAML file with sender, signature, place (default: the call's)");
  letter->add_option("--date", o.date,
                     "Date of the letters, YYYY-MM-DD (default: the call's "
                     "decision date; never today)");
  letter->add_option("dossiers", o.paths, "Dossier files or folders");

  CLI::App* pack = add_command(app, commands[8]);
  add_common(pack, o, w, false);
  add_follow(pack, o);
  add_consolidate(pack, w);
  add_call(pack, o);
  add_budget(pack, o);
  add_group_by(pack, w);
  pack->add_option("-o,--output", o.output, "Write to FILE (atomically) instead of stdout");
  pack->add_option("-f,--format", w.document, "html (to print, default) or md (for pandoc)")
      ->check(CLI::IsMember({"html", "md"}));
  pack->add_option("--audience", w.audience,
                   "committee (default: every dossier, its assessors) or public (the awards)")
      ->check(CLI::IsMember({"committee", "public"}));
  pack->add_option("paths", o.paths, "Dossier files or folders");

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
  add_follow(impact, o);
  add_consolidate(impact, w);
  impact->add_flag("--fail-on-decision-change", o.fail_on_decision_change,
                   "Exit 1 when a decision changes");
  impact->add_option("old-new-dossiers", o.paths, "OLD NEW DOSSIERS...");

  CLI::App* sens = add_command(app, commands[5]);
  add_common(sens, o, w, true);
  add_follow(sens, o);
  add_consolidate(sens, w);
  sens->add_option("--spread", o.spread, "Relative perturbation of each weight (default 0.2)");
  sens->add_option("--samples", o.samples, "Number of perturbed grids (default 1000)");
  sens->add_option("--seed", o.seed, "Random seed (default 1)");
  sens->add_option("dossiers", o.paths, "Dossier files or folders");

  CLI::App* schema = add_command(app, commands[6]);
  schema->add_option("kind", o.schema_kind, "grid, dossier or call")
      ->required()
      ->check(CLI::IsMember({"grid", "dossier", "call"}));

  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return fmt::format("ess-eval: error: {}\n{}\n", e.what(), ess::phrase(ess::Msg::usage_more));
  });

  if (argc >= 2 && argv[1][0] != '-') {
    std::string word = argv[1];
    bool known = false;
    for (const auto& c : commands) known = known || word == c.name;
    if (!known) {
      std::string close = suggest_command(word);
      fmt::print(stderr, "ess-eval: error: {}\n",
                 close.empty() ? ess::phrase(ess::Msg::unknown_command, fmt::arg("word", word))
                               : ess::phrase(ess::Msg::unknown_command_close,
                                             fmt::arg("word", word), fmt::arg("close", close)));
      return ess::cli::exit_usage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_exit(app, e);
  }

  ess::cli::settle_options(w, o);
  if (!w.lang.empty()) use_message_language(w.lang);
  if (auto error = ess::cli::split_number_error({argv + 1, argv + argc}, o.paths)) {
    fmt::print(stderr, "ess-eval: error: {}\n", *error);
    return ess::cli::exit_usage;
  }
  for (CLI::App* sub : app.get_subcommands()) {
    o.command = sub->get_name();
    for (CLI::App* inner : sub->get_subcommands()) o.command += " " + inner->get_name();
  }
  if (o.command.empty()) {
    int written = ess::cli::emit("", app.help());
    return written == ess::cli::exit_ok ? ess::cli::exit_usage : written;
  }
  ess::cli::set_diagnostics_format(o.diagnostics);
  if (ess::cli::stdout_closed() && report_on_stdout(o)) {
    ess::cli::report_error("", ess::phrase(ess::Msg::stdout_closed_no_report), "io-error");
    return ess::cli::exit_io;
  }
  return dispatch(o);
}

// A failure no command handled: memory, or a bug (`what`: the exception's words, null for an
// exception of no known type). A print that failed is finish_output's.
int unexpected(const char* what, bool bug) {
  using ess::Msg;
  try {
    if (std::ferror(stdout) || std::ferror(stderr)) return ess::cli::exit_io;
    std::string words = what ? std::string(what) : ess::phrase(Msg::unknown_exception);
    ess::cli::report_error("",
                           bug ? ess::phrase(Msg::internal_error, fmt::arg("what", words))
                               : ess::phrase(Msg::no_memory),
                           "io-error");
  } catch (...) {
    static const char text[] = "ess-eval: error: out of memory\n";
    [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, text, sizeof text - 1);
  }
  return ess::cli::exit_io;
}

}  // namespace

int main(int argc, char** argv) {
  start_up();
  int rc = ess::cli::exit_io;
  try {
    rc = run(argc, argv);
  } catch (const std::bad_alloc&) {
    rc = unexpected(nullptr, false);
  } catch (const std::exception& e) {
    rc = unexpected(e.what(), true);
  } catch (...) {
    rc = unexpected(nullptr, true);
  }
  try {
    return ess::cli::finish_output(rc);
  } catch (...) {
    return ess::cli::exit_io;
  }
}
