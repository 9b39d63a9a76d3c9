#include "ess/model/model.hpp"

#include "ess/model/result.hpp"

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
