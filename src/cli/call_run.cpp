#include "call_run.hpp"

#include <sys/stat.h>

#include "common.hpp"
#include "ess/core/validate.hpp"
#include "ess/model/format.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/text.hpp"

namespace ess::cli {

using namespace fmt::literals;

namespace {

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// A reference that can only be a file: an existing one, or one written as a path.
bool names_a_file(const std::string& ref) {
  return is_regular_file(ref) || ref.find('/') != std::string::npos || ref.ends_with(".yaml") ||
         ref.ends_with(".yml");
}

// --budget as given: one amount, or GROUP=AMOUNT for each group.
std::string budget_words(const Options& options) {
  if (options.budget) return format_quantity(*options.budget);
  std::string words;
  for (const GroupBudget& b : options.group_budgets)
    words += (words.empty() ? "" : " ") + b.group + "=" + format_quantity(b.amount);
  return words;
}

}  // namespace

bool CallRun::keeps(const Dossier& dossier) const {
  return id_.empty() || same_name(dossier.call, id_);
}

const LoadedGrid* CallRun::check(Dossier& dossier, GridCache& grids, Diagnostics& diags) const {
  if (!file_) return check_against_grid(dossier, grids, diags);
  // The call's dossiers name the shared grid the call derives from, as they did before the
  // call had a file: the call's grid is that grid with the call's emphasis.
  if (!check_grid_reference(file_->base->grid, dossier, diags)) return nullptr;
  validate_dossier(file_->loaded.index, dossier, diags);
  return &file_->loaded;
}

std::optional<CallRun> resolve_call(const Options& options, GridStore& store,
                                    std::vector<Diagnostic>& diags) {
  CallRun run;
  const std::string& ref = options.call;
  if (ref.empty()) return run;
  std::optional<std::string> path;
  if (names_a_file(ref))
    path = ref;
  else if (is_valid_id(ref))
    path = store.find_call(ref);  // none: a plain filter on the dossiers' `call:`
  if (!path) {
    run.id_ = ref;
    return run;
  }
  Diagnostics read(*path);
  std::unique_ptr<CallGridLoad> loaded = read_call_grid(*path, store, limits_from(options), read);
  diags.insert(diags.end(), read.items().begin(), read.items().end());
  if (!loaded) return std::nullopt;
  run.id_ = loaded->call.id;
  run.file_ = std::move(loaded);
  return run;
}

RunBudgets run_budgets(const Options& options, const CallRun& run, std::vector<Diagnostic>& diags) {
  RunBudgets out;
  const Call* call = run.call();
  const CallBudgets* own = call ? &call->budgets : nullptr;
  bool call_has = own && (own->total || own->by);
  if (options.budget || !options.group_budgets.empty()) {
    out.total = options.budget;
    out.by = options.group_by;
    out.groups = options.group_budgets;
    if (call_has)
      diags.push_back(make_diagnostic(
          Severity::warning, call->file, own->pos,
          say(Msg::budget_overridden, "budget"_a = budget_words(options), "call"_a = call->id),
          say(Msg::budget_overridden_hint)));
    return out;
  }
  if (!call_has) return out;
  out.total = own->total;
  out.by = own->by;
  out.groups = own->amounts;
  return out;
}

Options options_under_call(const Options& options, const CallRun& run,
                           std::vector<Diagnostic>& diags) {
  Options out = options;
  if (run.filters()) out.call = run.id();
  RunBudgets budgets = run_budgets(options, run, diags);
  out.budget = budgets.total;
  if (budgets.by && !out.group_by) out.group_by = budgets.by;
  out.group_budgets = budgets.groups;  // one funding line per group (§2.6)
  return out;
}

}  // namespace ess::cli
