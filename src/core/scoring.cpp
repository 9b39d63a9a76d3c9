// score_dossier: consolidation of assessments per leaf (§2.2), then the tree (scoring_tree),
// thresholds and decision (§2.4), gaps, points to gain and the path to the next band (§2.5).
#include "ess/core/scoring.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ess/core/scale.hpp"
#include "ess/model/messages.hpp"
#include "scoring_tree.hpp"

namespace ess {

std::size_t band_of(const Grid& grid, double total) {
  std::size_t band = 0;
  for (std::size_t i = 0; i < grid.decision.size(); ++i)
    if (grid.decision[i].min <= total + tolerance) band = i;
  return band;
}

bool leaf_below_minimum(const Scale& scale, const Criterion& leaf, double s) {
  return leaf.minimum && s < normalise(scale, *leaf.minimum) - tolerance;
}

bool node_below_minimum(const Criterion& node, double s) {
  return node.minimum && 100 * s < *node.minimum - tolerance;
}

bool is_not_assessed(const Grid& grid, const Dossier& dossier) {
  bool assessed_leaf = false;
  for_each_criterion(grid.criteria, [&](const Criterion& c, int) {
    assessed_leaf = assessed_leaf || (c.is_leaf() && c.from.empty());
  });
  return assessed_leaf && std::none_of(dossier.assessments.begin(), dossier.assessments.end(),
                                       [](const Assessment& a) { return a.role != Role::self; });
}

bool leaves_out(const Assessment& assessment, const Criterion& leaf) {
  return leaf.from.empty() &&
         std::none_of(assessment.scores.begin(), assessment.scores.end(),
                      [&](const ScoreEntry& e) { return e.criterion == leaf.id; });
}

DossierStatus dossier_status(bool not_assessed, bool eliminatory_failure, bool missing) {
  if (not_assessed) return DossierStatus::not_assessed;
  if (eliminatory_failure) return DossierStatus::ineligible;
  if (missing) return DossierStatus::incomplete;
  return DossierStatus::ok;
}

namespace {

// The statistic over assessors' values; `min` takes the most severe judgement (lowest s).
double consolidate(const std::vector<AssessorScore>& scores, Consolidation how) {
  std::vector<double> values;
  for (const auto& a : scores)
    if (!a.na) values.push_back(a.value);
  switch (how) {
    case Consolidation::mean: {
      double sum = 0;
      for (double v : values) sum += v;
      return sum / static_cast<double>(values.size());
    }
    case Consolidation::median: {
      std::sort(values.begin(), values.end());
      std::size_t n = values.size();
      return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
    case Consolidation::min: {
      const AssessorScore* worst = nullptr;
      for (const auto& a : scores)
        if (!a.na && (!worst || a.s < worst->s)) worst = &a;
      return worst->value;
    }
  }
  return 0;
}

std::string label_of(const Scale& scale, double value) {
  if (scale.type == ScaleType::yesno && value != 0 && value != 1) return "";
  return value_label(scale, value);
}

void collect_scores(const Dossier& d, const Criterion& leaf, const Scale& scale, bool self_only,
                    CriterionResult& r) {
  for (std::size_t i = 0; i < d.assessments.size(); ++i) {
    const Assessment& a = d.assessments[i];
    for (const auto& e : a.scores) {
      if (e.criterion != leaf.id) continue;
      AssessorScore score;
      score.assessment = i;
      score.entry = &e;
      score.na = e.kind == ScoreEntry::Kind::na;
      if (!score.na && !e.resolved) continue;  // refused by validation
      score.value = e.value;
      score.s = score.na ? 0 : normalise(scale, e.value);
      bool counted = self_only || a.role != Role::self;
      (counted ? r.counted : r.self).push_back(score);
    }
  }
  for (const auto& e : d.consensus)
    if (e.criterion == leaf.id && e.resolved) r.consensus = &e;
}

// §1.2: the assessments that give the leaf neither a score nor an N/A. The one rule behind the
// missing-score warning's subject (validate_dossier), the omissions the reports name, and the
// reason of a missing leaf; the leaf itself is scored from the others (consolidate).
void note_omissions(const Dossier& d, const Criterion& leaf, CriterionResult& r) {
  for (std::size_t i = 0; i < d.assessments.size(); ++i)
    if (leaves_out(d.assessments[i], leaf)) r.omitted_by.push_back(i);
}

void score_assessed_leaf(const Dossier& d, const Criterion& leaf, const Scale& scale,
                         bool self_only, Consolidation how, CriterionResult& r) {
  collect_scores(d, leaf, scale, self_only, r);
  note_omissions(d, leaf, r);
  std::size_t with_value = 0, with_na = 0;
  double lo = 1, hi = 0;
  for (const auto& a : r.counted) {
    if (a.na) {
      ++with_na;
      continue;
    }
    ++with_value;
    lo = std::min(lo, a.s);
    hi = std::max(hi, a.s);
  }
  if (with_value > 0) {
    r.consolidated = consolidate(r.counted, how);
    r.value = r.consolidated;
    r.partial_na = with_na > 0;
    if (with_value >= 2) r.spread = hi - lo;
  }
  if (r.consensus) r.value = r.consensus->value;
  if (r.value) {
    r.status = CriterionStatus::scored;
    r.s = normalise(scale, *r.value);
  } else {
    r.status = with_na > 0 ? CriterionStatus::na : CriterionStatus::missing;
  }
  std::vector<double> self_values;
  for (const auto& a : r.self)
    if (!a.na) self_values.push_back(a.value);
  if (!self_values.empty()) {
    double sum = 0;
    for (double v : self_values) sum += v;
    r.self_s = normalise(scale, sum / static_cast<double>(self_values.size()));
    if (r.s) r.self_gap = *r.self_s - *r.s;
  }
}

void score_fact_leaf(const GridIndex& index, const Criterion& leaf, const Scale& scale,
                     const std::vector<FactValue>& facts, CriterionResult& r) {
  const FactValue& f = facts[index.facts.at(leaf.from)];
  r.fact_why = f.why;
  r.fact_operand = f.operand;
  r.fact_value = f.value;
  if (f.value && within_bounds(scale, *f.value)) {
    r.value = f.value;
    r.s = normalise(scale, *f.value);
    r.status = CriterionStatus::scored;
  } else {
    r.status = CriterionStatus::missing;
  }
}

// Leaves first: value, s, spread, self gap; target, gap; minimum.
void score_leaves(const GridIndex& index, const Dossier& d, const ScoreOptions& options,
                  DossierResult& result) {
  const Grid& grid = *index.grid;
  for (auto& r : result.criteria) {
    const Criterion& c = *r.criterion;
    if (!c.is_leaf()) continue;
    const Scale& scale = scale_of(grid, c);
    if (c.from.empty())
      score_assessed_leaf(d, c, scale, result.self_only, options.consolidation, r);
    else
      score_fact_leaf(index, c, scale, result.facts, r);
    r.target = c.target  ? *c.target
               : r.value ? nearest_best_value(scale, *r.value)
                         : best_value(scale);
    r.s_target = normalise(scale, *r.target);
    if (r.value) {
      r.level = label_of(scale, *r.value);
      bool below = *r.s < *r.s_target - tolerance;
      r.gap = below ? std::fabs(*r.target - *r.value) : 0.0;
      r.below_minimum = leaf_below_minimum(scale, c, *r.s);
    }
  }
}

std::vector<std::optional<double>> leaf_scores(const DossierResult& result) {
  std::vector<std::optional<double>> s(result.criteria.size());
  for (std::size_t i = 0; i < result.criteria.size(); ++i)
    if (result.criteria[i].is_leaf()) s[i] = result.criteria[i].s;
  return s;
}

void apply_evaluation(const Tree& tree, DossierResult& result) {
  auto leaves = leaf_scores(result);
  Evaluation e = evaluate(tree, leaves);
  result.total = e.total.value_or(0);
  auto ew = effective_weights(tree, e.s);
  std::vector<std::optional<double>> all_in(tree.nodes.size(), 1.0);
  auto nominal = effective_weights(tree, all_in);
  for (std::size_t i = 0; i < result.criteria.size(); ++i) {
    CriterionResult& r = result.criteria[i];
    r.effective_weight = ew[i];
    r.nominal_effective_weight = nominal[i];
    if (r.is_leaf()) continue;
    r.s = e.s[i];
    if (r.s) {
      r.status = CriterionStatus::scored;
      r.below_minimum = node_below_minimum(*r.criterion, *r.s);
    }
  }
  // A node left out is missing when anything under it is missing, else N/A.
  for (std::size_t i = result.criteria.size(); i-- > 0;) {
    CriterionResult& r = result.criteria[i];
    if (r.is_leaf() || r.s) continue;
    bool any_missing = false;
    for (std::size_t k : tree.children[i])
      any_missing = any_missing || result.criteria[k].status == CriterionStatus::missing;
    r.status = any_missing ? CriterionStatus::missing : CriterionStatus::na;
  }
}

}  // namespace

void explain_result(const Tree& tree, DossierResult& result, bool explain);

std::optional<DossierResult> score_dossier(const GridIndex& index, const Dossier& dossier,
                                           const ScoreOptions& options, Diagnostics& diags) {
  const Grid& grid = *index.grid;
  DossierResult result;
  result.dossier = &dossier;
  result.grid = &grid;
  result.consolidation = options.consolidation;
  Tree tree = build_tree(grid);
  result.axes = tree.axes;
  result.criteria.resize(tree.nodes.size());
  for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
    CriterionResult& r = result.criteria[i];
    r.criterion = tree.nodes[i];
    r.weight = r.criterion->weight;
    if (r.path.empty()) r.path = r.criterion->id;
    for (std::size_t k : tree.children[i]) {
      result.criteria[k].parent = i;
      result.criteria[k].depth = r.depth + 1;
      result.criteria[k].path = r.path + "/" + tree.nodes[k]->id;
    }
  }
  result.facts = compute_facts(index, dossier);
  result.self_only = !dossier.assessments.empty() &&
                     std::all_of(dossier.assessments.begin(), dossier.assessments.end(),
                                 [](const Assessment& a) { return a.role == Role::self; });
  score_leaves(index, dossier, options, result);
  apply_evaluation(tree, result);
  bool anything = std::any_of(result.axes.begin(), result.axes.end(), [&](std::size_t a) {
    return result.criteria[a].status == CriterionStatus::scored;
  });
  if (!anything) {
    diags.error(dossier.pos, say(Msg::nothing_scored, fmt::arg("dossier", dossier.id)),
                say(Msg::nothing_scored_hint));
    return std::nullopt;
  }
  explain_result(tree, result, options.explain);
  return result;
}

}  // namespace ess
