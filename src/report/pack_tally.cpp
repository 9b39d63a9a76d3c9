// What the pack gathers dossier by dossier, so that no DossierResult outlives its page:
// the committee's notes (first pass) and the call's sums (second pass).
#include "ess/report/pack.hpp"

#include "doc_values.hpp"
#include "ess/model/text.hpp"

namespace ess {

namespace {

// Leaves scored (or N/A) from some assessments that others left out (§1.2 omissions,
// CriterionResult::omitted_by); a leaf nobody scored is missing, a topic of its own.
std::vector<std::string> omissions(const DossierResult& result) {
  std::vector<std::string> out;
  const auto& assessments = result.dossier->assessments;
  for (const CriterionResult& r : result.criteria) {
    if (!r.is_leaf() || !r.omission()) continue;
    for (std::size_t a : r.omitted_by)
      out.push_back(doc::title_of(*r.criterion) + " — " + assessments[a].assessor);
  }
  return out;
}

}  // namespace

std::optional<DossierNote> PackNotes::note_of(const DossierResult& result) {
  DossierNote note;
  for (const CriterionResult& r : result.criteria)
    if (r.is_leaf() && r.straddles_band) note.straddling.push_back(doc::title_of(*r.criterion));
  note.omissions = omissions(result);
  note.not_assessed = result.status == DossierStatus::not_assessed;
  if (note.straddling.empty() && note.omissions.empty() && !note.not_assessed) return std::nullopt;
  return note;
}

void PackNotes::add(const DossierResult& result) {
  if (auto note = note_of(result)) add(result.dossier->id, std::move(*note));
}

void PackNotes::add(const std::string& dossier, DossierNote note) {
  notes_[dossier] = std::move(note);
}

const DossierNote* PackNotes::find(const std::string& dossier) const {
  auto it = notes_.find(dossier);
  return it == notes_.end() ? nullptr : &it->second;
}

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
  double amount = row.requested.value_or(0);
  for (Group* g : {&territory, &theme}) ++g->funded, g->awarded += amount;
  const Dossier& d = *result.dossier;
  awards_.push_back({d.applicant, d.title.empty() ? d.id : d.title, d.territory, amount});
  for (std::size_t i = 0; i < result.facts.size() && i < funded_facts_.size(); ++i)
    if (result.facts[i].value) {
      funded_facts_[i] += *result.facts[i].value;
      ++funded_fact_counts_[i];
    }
}

}  // namespace ess
