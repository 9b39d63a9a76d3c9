#pragma once
// A call for projects (§1.3): who funds, under which grid and with what emphasis, with what
// money, and what an award looks like once decided. Read by io (load_call), applied to its base
// grid by core (call_grid.hpp), published as open data by report (scdl.hpp). Every value keeps
// the position it was read at: an override is refused at its own line.
#include <optional>
#include <string>
#include <vector>

#include "ess/model/diagnostic.hpp"
#include "ess/model/group_key.hpp"
#include "ess/model/model.hpp"

namespace ess {

struct Funder {
  std::string name;
  std::string siret;  // 14 digits, checked (identifiers.hpp)
  Pos pos, siret_pos;
};

// `weights: {criterion: weight}`.
struct WeightOverride {
  std::string criterion;
  double weight = 0;
  Pos pos;  // of the criterion key
};

// `targets:` and `minimums:` entries stay as written: a leaf's value is read on its scale (a
// level's label, yes/no, a number within bounds), which only the base grid knows.
struct ValueOverride {
  std::string criterion;
  std::string text;
  bool quoted = false;
  Pos pos;        // of the criterion key
  Pos value_pos;  // of the value
};

struct EliminatoryOverride {
  std::string criterion;
  Pos pos;
};

struct CallOverrides {
  std::vector<WeightOverride> weights;
  std::vector<ValueOverride> targets, minimums;
  std::vector<EliminatoryOverride> eliminatory;
  std::optional<std::vector<Band>> decision;  // replaces the base grid's bands
  Pos decision_pos;
  bool empty() const {
    return weights.empty() && targets.empty() && minimums.empty() && eliminatory.empty() &&
           !decision;
  }
};

struct Letterhead {
  std::string sender, signature, place;
  Pos pos;
};

struct GroupBudget {
  std::string group;  // a territory or a theme, as written
  double amount = 0;
  Pos pos;
};

// `budget: N` (one funding line) or `budgets: {by: territory|theme, amounts: {...}}`.
struct CallBudgets {
  std::optional<double> total;
  std::optional<GroupKey> by;
  std::vector<GroupBudget> amounts;
  Pos pos;
};

struct CallDecision {
  std::string date;       // YYYY-MM-DD: the committee's act, the date of the convention
  std::string reference;  // the act's reference (referenceDecision)
  Pos pos;
};

struct AwardTerms {
  std::string nature;   // SCDL vocabulary (scdl_natures)
  std::string payment;  // conditions of payment, at most 256 characters
  std::string period;   // YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD
  bool eu_notified = false;
  Pos pos;
};

struct Call {
  std::string id;
  std::string title;
  Funder funder;
  std::string grid_id, grid_version;  // the base grid, pinned
  CallOverrides overrides;
  std::optional<Letterhead> letterhead;
  CallBudgets budgets;
  std::optional<CallDecision> decision;
  std::optional<AwardTerms> award;
  std::string file;    // where it was read from
  std::string sha256;  // of the bytes as read
  Pos pos, grid_pos;
};

// The values SCDL « subventions » 2.1.1 allows for `nature`.
inline constexpr const char* scdl_natures[] = {"aide en numéraire", "aide en nature",
                                               "aide en numéraire;aide en nature",
                                               "aide en nature;aide en numéraire"};

// A call's grid is named `<grid-id>+<call-id>` (the `+` never appears in a grid file's id):
// the grid id it derives from, or the id itself for a grid read from a file.
std::string base_grid_id(const std::string& grid_id);
// The call id of a derived grid's id, or "".
std::string call_of_grid_id(const std::string& grid_id);

}  // namespace ess
