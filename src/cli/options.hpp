#pragma once
// Every command's options, filled by main.cpp (the only file that includes CLI11).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ess::cli {

// Exit codes (§3): the contract with scripts and CI.
inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_io = 3;

struct Options {
  std::string command;  // "validate", "score", "grid show", ...
  std::vector<std::string> paths;

  // common
  std::string grid;           // --grid FILE (or id for grid commands)
  std::string format = "md";  // md | csv | json
  std::string output;         // -o FILE
  std::string out_dir;        // --out-dir DIR
  std::string lang;           // fr | en; empty: the grid's
  unsigned jobs = 0;          // 0: all cores
  bool strict = false;
  bool quiet = false;
  bool verbose = false;
  std::string diagnostics = "gnu";  // gnu | github | json
  std::string files_from;           // --files-from LIST
  std::size_t max_file_size = 8u << 20;
  std::string csv_sep = ",";

  // score, rank, impact, sensitivity
  std::string consolidate = "mean";  // mean | median | min

  // rank
  std::string call, territory, theme;
  std::string group_by;  // territory | theme | call
  std::optional<double> budget;

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

}  // namespace ess::cli
