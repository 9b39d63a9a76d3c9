#pragma once
// What every command shares: limits, the grid store, the report options, scoring options, the
// outcome of a run and its exit code, and printing a list of diagnostics.
#include <string>
#include <vector>

#include "ess/core/scoring.hpp"
#include "ess/io/grid_store.hpp"
#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/report/report.hpp"
#include "options.hpp"

namespace ess::cli {

ParseLimits limits_from(const Options& options);

// --grid when given, else $ESS_EVAL_GRID_PATH, ./criteria, the installed grids, the built-in.
GridStore make_grid_store(const Options& options);

// The report options of every renderer (report_options, §2.7): --lang else the grid's language,
// the grid's currency, --csv-sep or --spreadsheet, and the decimal comma that follows.
ReportOptions report_options(const Options& options, const Grid* grid);

// --consolidate; `explain`: a report's explanations (points to gain, path to the next band).
ScoreOptions score_options(const Options& options, bool explain = true);

// What a run's diagnostics decide (§3): an error whose code says a file could not be read is an
// I/O fault (exit 3); any other error is invalid input (exit 1). A file over --max-file-size is
// the user's input, not a fault of the machine: exit 1, in every command.
struct RunOutcome {
  bool error = false;
  bool io_error = false;
  std::size_t errors = 0, warnings = 0;
  void see(const Diagnostic& diagnostic);
};
bool is_io_code(const std::string& code);  // io-error, not-found, is-directory, git-error
// The one exit-code function: 3 for an I/O fault, 1 for an error, else 0.
int exit_code(const RunOutcome& outcome);
// The worse of two exit codes (3 over 1 over 0): a failed write and an invalid file, say.
int worse(int a, int b);

// --strict applied, sorted, each once, printed to stderr in the chosen format.
RunOutcome print_diagnostics(std::vector<Diagnostic>& items, const Options& options);

// Number of worker threads for --jobs (0: all cores).
unsigned job_count(const Options& options);

// Whether stderr is a terminal that wants progress and colour (and NO_COLOR for colour).
bool stderr_is_terminal();
bool colour_allowed();

// "ess-eval COMMAND: error: MESSAGE" and the hint to --help; returns exit_usage.
int usage_error(const Options& options, const std::string& message);

}  // namespace ess::cli
