#include "ess/model/model.hpp"

#include "ess/model/result.hpp"
#include "ess/model/text.hpp"

namespace ess {

const Scale* Grid::find_scale(const std::string& wanted) const {
  for (const auto& s : scales)
    if (s.id == wanted) return &s;
  return nullptr;
}

const Fact* Grid::find_fact(const std::string& wanted) const {
  for (const auto& f : facts)
    if (f.id == wanted) return &f;
  return nullptr;
}

const char* role_name(Role r) {
  switch (r) {
    case Role::analyst:
      return "analyst";
    case Role::self:
      return "self";
    case Role::partner:
      return "partner";
    case Role::committee:
      return "committee";
  }
  return "analyst";
}

namespace {
struct RoleWord {
  std::string_view word;
  Role role;
};
constexpr RoleWord role_table[] = {
    {"analyst", Role::analyst},      {"analyste", Role::analyst},     {"self", Role::self},
    {"auto-évaluation", Role::self}, {"auto-evaluation", Role::self}, {"partner", Role::partner},
    {"partenaire", Role::partner},   {"committee", Role::committee},  {"comité", Role::committee},
    {"comite", Role::committee},
};
}  // namespace

std::optional<Role> parse_role(std::string_view word) {
  std::string folded = fold_case(word);
  for (const auto& w : role_table)
    if (folded == w.word) return w.role;
  return std::nullopt;
}

std::vector<std::string> role_words() {
  std::vector<std::string> words;
  for (const auto& w : role_table) words.emplace_back(w.word);
  return words;
}

const char* aggregation_name(Aggregation a) {
  switch (a) {
    case Aggregation::weighted_mean:
      return "weighted-mean";
    case Aggregation::weighted_geometric:
      return "weighted-geometric";
    case Aggregation::min:
      return "min";
  }
  return "weighted-mean";
}

const char* status_token(DossierStatus status) {
  switch (status) {
    case DossierStatus::ok:
      return "ok";
    case DossierStatus::ineligible:
      return "ineligible";
    case DossierStatus::incomplete:
      return "incomplete";
    case DossierStatus::not_assessed:
      return "not-assessed";
    case DossierStatus::invalid:
      return "invalid";
  }
  return "ok";
}

const char* criterion_status_token(CriterionStatus status) {
  switch (status) {
    case CriterionStatus::scored:
      return "scored";
    case CriterionStatus::na:
      return "na";
    case CriterionStatus::missing:
      return "missing";
  }
  return "missing";
}

const char* consolidation_token(Consolidation c) {
  switch (c) {
    case Consolidation::mean:
      return "mean";
    case Consolidation::median:
      return "median";
    case Consolidation::min:
      return "min";
  }
  return "mean";
}

std::optional<Consolidation> parse_consolidation(std::string_view name) {
  for (Consolidation c : {Consolidation::mean, Consolidation::median, Consolidation::min})
    if (name == consolidation_token(c)) return c;
  return std::nullopt;
}

}  // namespace ess
