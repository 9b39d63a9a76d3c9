#pragma once
// Every command's options, filled by main.cpp (the only file that includes CLI11). Words with a
// fixed set of values (--format, --diagnostics, --consolidate, --group-by, --lang, --csv-sep)
// are parsed into values once, by settle_options, right after CLI11 has checked them: no command
// compares option strings.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ess/core/ranking.hpp"
#include "ess/model/format.hpp"
#include "ess/model/model.hpp"
#include "ess/model/result.hpp"
#include "ess/report/pack.hpp"
#include "ess/report/report.hpp"

namespace ess::cli {

// Exit codes (§3): the contract with scripts and CI.
inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_io = 3;

// The options as typed, for those that become values.
struct OptionWords {
  std::string format = "md";           // md | csv | json | scdl (rank)
  std::string diagnostics = "gnu";     // gnu | github | json
  std::string consolidate = "mean";    // mean | median | min
  std::string group_by;                // territory | theme | call
  std::string lang;                    // fr | en; empty: the grid's
  std::string csv_sep = ",";           // , | ;
  bool spreadsheet = false;            // --spreadsheet
  std::string document = "html";       // pack --format: html | md
  std::string audience = "committee";  // pack --audience: committee | public
};

struct Options {
  std::string command;  // "validate", "score", "grid show", ...
  std::vector<std::string> paths;

  // common
  std::string grid;  // --grid FILE (or id for grid commands)
  ReportFormat format = ReportFormat::markdown;
  std::string output;                // -o FILE
  std::string out_dir;               // --out-dir DIR
  std::optional<Language> language;  // --lang; none: the grid's
  unsigned jobs = 0;                 // 0: all cores
  bool strict = false;
  bool quiet = false;
  bool verbose = false;
  DiagnosticFormat diagnostics = DiagnosticFormat::gnu;
  std::string files_from;  // --files-from LIST
  bool follow = false;     // --follow: links to folders outside those given
  std::size_t max_file_size = 8u << 20;
  char csv_separator = ',';
  bool spreadsheet = false;  // --spreadsheet: CSV for a spreadsheet (report_options)

  // score, rank, impact, sensitivity
  Consolidation consolidation = Consolidation::mean;

  // rank
  std::string call, territory, theme;  // --call also on score, letter and pack (call_run.hpp)
  std::optional<GroupKey> group_by;
  std::optional<double> budget;            // --budget N: one funding line
  std::vector<GroupBudget> group_budgets;  // --budget GROUP=N, repeated: one line per group
  std::size_t plain_budgets = 0;           // how many --budget N were given (one at most)
  bool scdl = false;  // rank --format scdl: the call's awards as open data (§4)

  // letter
  std::string letterhead;  // --letterhead FILE
  std::string date;        // --date YYYY-MM-DD

  // pack
  PackFormat pack_format = PackFormat::html;
  Audience audience = Audience::committee;

  // grid diff / impact
  bool check_version = false;
  bool fail_on_decision_change = false;

  // sensitivity
  double spread = 0.2;
  unsigned samples = 1000;
  unsigned long long seed = 1;

  // schema
  std::string schema_kind;  // grid | dossier | call
};

// The one place where option words become values. CLI11 has already refused any other word.
void settle_options(const OptionWords& words, Options& options);

// The usage of --budget (§2.6), one rule for every command that takes it (rank, pack): one
// plain amount of 0 or more, or GROUP=AMOUNT per group with --group-by, each group once. The
// message of the first rule broken; nothing when the budgets can be used.
std::optional<std::string> budget_usage(const Options& options);

int run_validate(const Options& options);
int run_score(const Options& options);
int run_rank(const Options& options);
int run_template(const Options& options);
int run_grid_show(const Options& options);
int run_grid_diff(const Options& options);
int run_grid_test(const Options& options);
int run_grid_impact(const Options& options);
int run_sensitivity(const Options& options);
int run_schema(const Options& options);
int run_letter(const Options& options);
int run_pack(const Options& options);

}  // namespace ess::cli
