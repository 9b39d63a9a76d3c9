#include "ess/core/assessor_views.hpp"

#include "ess/core/scoring.hpp"
#include "scoring_tree.hpp"

namespace ess {

std::vector<std::optional<double>> own_leaf_scores(const DossierResult& result,
                                                   std::size_t assessment, bool& scored_any) {
  std::vector<std::optional<double>> s(result.criteria.size());
  scored_any = false;
  for (std::size_t i = 0; i < result.criteria.size(); ++i) {
    const CriterionResult& r = result.criteria[i];
    if (!r.is_leaf()) continue;
    s[i] = r.s;
    for (const auto* list : {&r.counted, &r.self})
      for (const AssessorScore& score : *list) {
        if (score.assessment != assessment) continue;
        scored_any = true;
        if (!score.na && !r.consensus) s[i] = score.s;
      }
  }
  return s;
}

std::vector<AssessorView> assessor_views(const Tree& tree, const DossierResult& result) {
  std::vector<AssessorView> views;
  if (!result.grid || !result.dossier) return views;
  for (std::size_t a = 0; a < result.dossier->assessments.size(); ++a) {
    bool scored = false;
    Evaluation e = evaluate(tree, own_leaf_scores(result, a, scored));
    if (!scored) continue;
    AssessorView view{a, e.total, {}, {}};
    if (e.total) view.band = band_of(*result.grid, *e.total);
    for (std::size_t axis : result.axes) {
      const auto& s = axis < e.s.size() ? e.s[axis] : std::nullopt;
      view.axes.push_back(s ? std::optional<double>(100 * *s) : std::nullopt);
    }
    views.push_back(std::move(view));
  }
  return views;
}

std::vector<AssessorView> assessor_views(const DossierResult& result) {
  if (!result.grid || !result.dossier) return {};
  return assessor_views(build_tree(*result.grid), result);
}

}  // namespace ess
