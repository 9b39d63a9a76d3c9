#pragma once
// `--call CALL` on the commands over dossiers (rank, score, letter, pack), resolved in one
// place (§1.3): a call file, or an id found as calls/<id>.yaml beside the grids, gives the call,
// its grid and its budgets; an id without a call file is a plain filter, as before. Either way
// the run keeps the dossiers whose `call:` is that id; the others are left out and counted.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "call_grid.hpp"
#include "dossier_stage.hpp"
#include "ess/model/group_key.hpp"
#include "options.hpp"

namespace ess::cli {

class CallRun {
 public:
  CallRun() = default;  // no --call: every dossier, each under the grid it names

  const std::string& id() const { return id_; }  // "" without --call
  bool filters() const { return !id_.empty(); }
  // The call read from its file; nullptr without --call or for a plain filter.
  const Call* call() const { return file_ ? &file_->call : nullptr; }
  // The call's grid (its overrides applied), every kept dossier's grid; nullptr without a file.
  const LoadedGrid* grid() const { return file_ ? &file_->loaded : nullptr; }

  // Whether the run keeps this dossier: its `call:` is the call's id, matched as every filter
  // is (same_name: case and accents aside, §2.6).
  bool keeps(const Dossier& dossier) const;

  // The grid a kept dossier is scored with, once validated against it: the call's grid when
  // there is a call file (the dossier's `grid:` must name the call's base grid, at its version
  // when it pins one), else the grid the dossier names (check_against_grid).
  const LoadedGrid* check(Dossier& dossier, GridCache& grids, Diagnostics& diags) const;

 private:
  friend std::optional<CallRun> resolve_call(const Options&, GridStore&, std::vector<Diagnostic>&);
  std::string id_;
  std::shared_ptr<CallGridLoad> file_;
};

// The one reading of --call for every command. Nothing (the diagnostics say why) when the call
// file cannot be read, is not a call, or its grid cannot be derived: the command then stops.
std::optional<CallRun> resolve_call(const Options& options, GridStore& store,
                                    std::vector<Diagnostic>& diags);

// The budgets of a run (§1.3, §2.6): --budget when given (over the call's, with a warning
// budget-overridden), else the call's `budget:` or `budgets: {by, amounts}`.
struct RunBudgets {
  std::optional<double> total;      // one funding line over the whole run
  std::optional<GroupKey> by;       // one funding line per group...
  std::vector<GroupBudget> groups;  // ...with these amounts (a group without one is not funded)
};
RunBudgets run_budgets(const Options& options, const CallRun& call, std::vector<Diagnostic>& diags);

// The options a command runs with once the call is applied: the call's id as the --call filter,
// its budgets (run_budgets) and, when the call budgets per group and no --group-by is given,
// its grouping.
Options options_under_call(const Options& options, const CallRun& call,
                           std::vector<Diagnostic>& diags);

}  // namespace ess::cli
