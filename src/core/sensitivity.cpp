#include "ess/core/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "ess/core/parallel.hpp"
#include "scoring_tree.hpp"

namespace ess {

namespace {

struct Outcome {
  double total = 0;
  std::size_t outcome = 0;  // band index, or bands + 0 (ineligible) / bands + 1 (incomplete)
};

std::vector<std::optional<double>> leaf_scores(const DossierResult& r) {
  std::vector<std::optional<double>> s(r.criteria.size());
  for (std::size_t i = 0; i < r.criteria.size(); ++i)
    if (r.criteria[i].is_leaf()) s[i] = r.criteria[i].s;
  return s;
}

// The decision under other weights: leaf thresholds and missing leaves do not move; node
// minimums are checked again on the new node scores.
Outcome outcome_under(const Tree& tree, const DossierResult& r,
                      const std::vector<std::optional<double>>& leaves) {
  Evaluation e = evaluate(tree, leaves);
  Outcome o;
  o.total = e.total.value_or(0);
  std::size_t bands = r.grid->decision.size();
  bool ineligible = false;
  for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
    const Criterion& c = *tree.nodes[i];
    if (!c.eliminatory || !c.minimum) continue;
    if (c.is_leaf())
      ineligible = ineligible || r.criteria[i].eliminatory_failure;
    else if (e.s[i])
      ineligible = ineligible || 100 * *e.s[i] < *c.minimum - tolerance;
  }
  if (ineligible)
    o.outcome = bands;
  else if (!r.missing.empty())
    o.outcome = bands + 1;
  else
    o.outcome = band_of(*r.grid, o.total);
  return o;
}

// Uniform in [0, 1) from 53 random bits: the same numbers with every standard library.
double uniform(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

unsigned percentile(std::vector<unsigned> values, double p) {
  std::sort(values.begin(), values.end());
  std::size_t rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
  return values[std::min(values.size(), std::max<std::size_t>(rank, 1)) - 1];
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  std::size_t rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
  return values[std::min(values.size(), std::max<std::size_t>(rank, 1)) - 1];
}

// Competition ranks (1, 2, 2, 4) of the ok outcomes of one sample; 0 for the others.
std::vector<unsigned> ranks_of(const std::vector<Outcome>& outcomes, std::size_t bands) {
  std::vector<std::size_t> order;
  for (std::size_t d = 0; d < outcomes.size(); ++d)
    if (outcomes[d].outcome < bands) order.push_back(d);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return outcomes[a].total > outcomes[b].total;
  });
  std::vector<unsigned> ranks(outcomes.size(), 0);
  for (std::size_t k = 0; k < order.size(); ++k) {
    bool tied = k > 0 && outcomes[order[k - 1]].total - outcomes[order[k]].total < tolerance;
    ranks[order[k]] = tied ? ranks[order[k - 1]] : static_cast<unsigned>(k + 1);
  }
  return ranks;
}

std::vector<CriterionInfluence> one_at_a_time(
    const Tree& base, const std::vector<const DossierResult*>& results,
    const std::vector<std::vector<std::optional<double>>>& leaves, double spread) {
  std::vector<CriterionInfluence> influence;
  for (std::size_t c = 0; c < base.nodes.size(); ++c) {
    CriterionInfluence inf;
    inf.criterion = c;
    double sum = 0;
    for (double factor : {1 - spread, 1 + spread}) {
      Tree tree = base;
      tree.weights[c] *= factor;
      for (std::size_t d = 0; d < results.size(); ++d) {
        Outcome before = outcome_under(base, *results[d], leaves[d]);
        Outcome after = outcome_under(tree, *results[d], leaves[d]);
        sum += std::fabs(after.total - before.total);
        if (after.outcome != before.outcome) ++inf.decisions_changed;
      }
    }
    inf.mean_abs_delta = results.empty() ? 0 : sum / (2.0 * static_cast<double>(results.size()));
    influence.push_back(inf);
  }
  std::stable_sort(influence.begin(), influence.end(), [](const auto& a, const auto& b) {
    if (a.decisions_changed != b.decisions_changed)
      return a.decisions_changed > b.decisions_changed;
    return a.mean_abs_delta > b.mean_abs_delta + tolerance;
  });
  return influence;
}

}  // namespace

SensitivityResult analyse_sensitivity(const std::vector<const DossierResult*>& results,
                                      const SensitivityOptions& options,
                                      const std::function<void()>& on_sample) {
  SensitivityResult out;
  if (results.empty()) return out;
  const Grid& grid = *results.front()->grid;
  Tree base = build_tree(grid);
  std::size_t bands = grid.decision.size();
  out.outcome_count = bands + 2;
  std::vector<std::vector<std::optional<double>>> leaves;
  for (const auto* r : results) leaves.push_back(leaf_scores(*r));

  // Draw every factor first, in one sequence: the result does not depend on --jobs.
  std::mt19937_64 rng(options.seed);
  std::vector<std::vector<double>> factors(options.samples, std::vector<double>(base.nodes.size()));
  for (auto& sample : factors)
    for (double& f : sample) f = 1 - options.spread + 2 * options.spread * uniform(rng);

  std::vector<std::vector<Outcome>> outcomes(options.samples);
  parallel_for(options.samples, options.jobs, [&](std::size_t k) {
    Tree tree = base;
    for (std::size_t c = 0; c < tree.weights.size(); ++c) tree.weights[c] *= factors[k][c];
    outcomes[k].reserve(results.size());
    for (std::size_t d = 0; d < results.size(); ++d)
      outcomes[k].push_back(outcome_under(tree, *results[d], leaves[d]));
    if (on_sample) on_sample();
  });

  out.dossiers.resize(results.size());
  std::vector<std::vector<unsigned>> ranks(results.size());
  std::vector<std::vector<double>> totals(results.size());
  for (const auto& sample : outcomes) {
    auto sample_ranks = ranks_of(sample, bands);
    for (std::size_t d = 0; d < results.size(); ++d) {
      auto& p = out.dossiers[d].outcome_probability;
      p.resize(out.outcome_count, 0.0);
      p[sample[d].outcome] += 1.0;  // a count; divided once at the end
      totals[d].push_back(sample[d].total);
      if (sample_ranks[d]) ranks[d].push_back(sample_ranks[d]);
    }
  }
  for (std::size_t d = 0; d < results.size(); ++d) {
    auto& ds = out.dossiers[d];
    for (double& p : ds.outcome_probability) p /= static_cast<double>(options.samples);
    if (!totals[d].empty()) {
      ds.total_p5 = percentile(totals[d], 0.05);
      ds.total_p95 = percentile(totals[d], 0.95);
    }
    if (!ranks[d].empty()) {
      ds.rank_p5 = percentile(ranks[d], 0.05);
      ds.rank_p95 = percentile(ranks[d], 0.95);
    }
  }
  out.influence = one_at_a_time(base, results, leaves, options.spread);
  return out;
}

}  // namespace ess
