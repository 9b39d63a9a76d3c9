// The call's sums, gathered dossier by dossier as the pages are written, so that no
// DossierResult outlives its page: per criterion and per group, never per dossier.
#include "ess/report/pack.hpp"

#include "ess/model/text.hpp"

namespace ess {

PackTally::PackTally(const Grid& grid)
    : grid_(grid),
      funded_facts_(grid.facts.size(), 0.0),
      funded_fact_counts_(grid.facts.size(), 0) {}

void PackTally::add(const DossierResult& result, const RankRow& row) {
  Group& territory = territory_[match_key(row.territory)];
  Group& theme = theme_[match_key(row.theme)];
  for (auto [g, name] : {std::pair{&territory, &row.territory}, std::pair{&theme, &row.theme}}) {
    ++g->applications;
    std::size_t n = ++g->spellings[*name];
    const std::size_t shown = g->name == *name ? 0 : g->spellings[g->name];
    if (n > shown || (n == shown && *name < g->name)) g->name = *name;
  }
  if (!result.self_only) {
    ++assessed_;
    for (const CriterionResult& r : result.criteria) {
      if (!r.is_leaf() || !r.points_to_gain || *r.points_to_gain <= tolerance) continue;
      for (auto* needs : {&needs_, &territory.needs, &theme.needs}) {
        Need& need = (*needs)[r.criterion->id];
        need.points += *r.points_to_gain;
        ++need.dossiers;
      }
    }
  }
  if (!row.funded) return;
  ++funded_;
  double amount = row.requested.value_or(0);
  for (Group* g : {&territory, &theme}) ++g->funded, g->awarded += amount;
  for (std::size_t i = 0; i < result.facts.size() && i < funded_facts_.size(); ++i)
    if (result.facts[i].value) {
      funded_facts_[i] += *result.facts[i].value;
      ++funded_fact_counts_[i];
    }
}

}  // namespace ess
