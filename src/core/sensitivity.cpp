// Sensitivity to the weights: every rule it applies is the scoring core's own (the tree's
// aggregation, band_of, node_below_minimum, dossier_status) and the ranking's
// (CompetitionRanks), so a perturbed grid decides exactly as `score` and `rank` would.
#include "ess/core/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "ess/core/parallel.hpp"
#include "ess/core/percentiles.hpp"
#include "ess/core/ranking.hpp"
#include "ess/model/byte_codec.hpp"
#include "scoring_tree.hpp"

namespace ess {

SensitivityDossier sensitivity_dossier(const DossierResult& r) {
  SensitivityDossier d;
  d.id = r.dossier->id;
  d.title = r.dossier->title;
  d.total = r.total;
  d.status = r.status;
  d.band = r.band.value_or(0);
  d.leaf_s.assign(r.criteria.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < r.criteria.size(); ++i) {
    const CriterionResult& c = r.criteria[i];
    if (!c.is_leaf()) continue;
    if (c.s) d.leaf_s[i] = *c.s;
    if (c.eliminatory_failure) d.eliminatory_leaves.push_back(static_cast<std::uint32_t>(i));
  }
  d.missing = !r.missing.empty();
  return d;
}

void encode_sensitivity_dossier(const SensitivityDossier& d, std::string& out) {
  ByteWriter w(out);
  w.text(d.id);
  w.text(d.title);
  w.raw(d.total);
  w.raw(static_cast<std::uint8_t>(d.status));
  w.raw(static_cast<std::uint64_t>(d.band));
  w.raw(static_cast<std::uint32_t>(d.leaf_s.size()));
  for (double s : d.leaf_s) w.raw(s);
  w.raw(static_cast<std::uint32_t>(d.eliminatory_leaves.size()));
  for (std::uint32_t i : d.eliminatory_leaves) w.raw(i);
  w.raw(static_cast<std::uint8_t>(d.missing));
}

SensitivityDossier decode_sensitivity_dossier(std::string_view bytes) {
  ByteReader r(bytes);
  SensitivityDossier d;
  d.id = r.text();
  d.title = r.text();
  d.total = r.raw<double>();
  d.status = static_cast<DossierStatus>(r.raw<std::uint8_t>());
  d.band = static_cast<std::size_t>(r.raw<std::uint64_t>());
  auto leaves = r.raw<std::uint32_t>();
  d.leaf_s.reserve(std::min<std::size_t>(leaves, bytes.size()));
  for (std::uint32_t i = 0; i < leaves; ++i) d.leaf_s.push_back(r.raw<double>());
  auto failing = r.raw<std::uint32_t>();
  for (std::uint32_t i = 0; i < failing; ++i)
    d.eliminatory_leaves.push_back(r.raw<std::uint32_t>());
  d.missing = r.raw<std::uint8_t>() != 0;
  if (!r.done()) throw std::runtime_error("a sensitivity record has extra bytes");
  return d;
}

namespace {

struct Outcome {
  double total = 0;
  // band index, or bands + 0 (ineligible) / bands + 1 (incomplete) / bands + 2 (not assessed)
  std::size_t outcome = 0;
};

// The decision under other weights (§2.4 through the scoring core's functions): leaf
// thresholds and missing leaves do not move; node minimums are checked on the new node scores.
// `scratch` is the caller's, reused from one call to the next (no allocation per sample).
Outcome outcome_under(const Tree& tree, const Grid& grid, const SensitivityDossier& d,
                      std::vector<std::optional<double>>& scratch) {
  scratch.assign(d.leaf_s.size(), std::nullopt);
  for (std::size_t i = 0; i < d.leaf_s.size(); ++i)
    if (!std::isnan(d.leaf_s[i])) scratch[i] = d.leaf_s[i];
  Evaluation e = evaluate(tree, std::move(scratch));
  Outcome o;
  o.total = e.total.value_or(0);
  bool ineligible = !d.eliminatory_leaves.empty();
  for (std::size_t i = 0; i < tree.nodes.size() && !ineligible; ++i) {
    const Criterion& c = *tree.nodes[i];
    if (c.eliminatory && !c.is_leaf() && e.s[i]) ineligible = node_below_minimum(c, *e.s[i]);
  }
  scratch = std::move(e.s);
  const std::size_t bands = grid.decision.size();
  // Not assessed stays so under any weights: nobody but the applicant has scored it.
  switch (dossier_status(d.status == DossierStatus::not_assessed, ineligible, d.missing)) {
    case DossierStatus::ineligible:
      o.outcome = bands;
      break;
    case DossierStatus::incomplete:
      o.outcome = bands + 1;
      break;
    case DossierStatus::not_assessed:
    case DossierStatus::invalid:  // never a scored dossier's
      o.outcome = bands + 2;
      break;
    case DossierStatus::ok:
      o.outcome = band_of(grid, o.total);
      break;
  }
  return o;
}

// Uniform in [0, 1) from 53 random bits: the same numbers with every standard library.
double uniform(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

constexpr double low_p = 0.05, high_p = 0.95;

// Competition ranks (§2.6) of the ok outcomes of one sample, in input order among equal totals
// (the input is by id); 0 for the others.
std::vector<unsigned> ranks_of(const std::vector<Outcome>& outcomes, std::size_t bands) {
  std::vector<std::size_t> order;
  for (std::size_t d = 0; d < outcomes.size(); ++d)
    if (outcomes[d].outcome < bands) order.push_back(d);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return outcomes[a].total > outcomes[b].total;
  });
  std::vector<unsigned> ranks(outcomes.size(), 0);
  CompetitionRanks ranker;
  for (std::size_t d : order) ranks[d] = static_cast<unsigned>(ranker.next(outcomes[d].total));
  return ranks;
}

std::vector<std::string> paths_of(const Tree& tree) {
  std::vector<std::string> paths(tree.nodes.size());
  for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
    if (paths[i].empty()) paths[i] = tree.nodes[i]->id;  // an axis: parents come first
    for (std::size_t k : tree.children[i]) paths[k] = paths[i] + "/" + tree.nodes[k]->id;
  }
  return paths;
}

std::vector<CriterionInfluence> one_at_a_time(const Tree& base, const Grid& grid,
                                              const std::vector<SensitivityDossier>& dossiers,
                                              double spread) {
  std::vector<std::optional<double>> scratch;
  std::vector<Outcome> before;
  for (const auto& d : dossiers) before.push_back(outcome_under(base, grid, d, scratch));
  std::vector<std::string> paths = paths_of(base);
  std::vector<CriterionInfluence> influence;
  for (std::size_t c = 0; c < base.nodes.size(); ++c) {
    CriterionInfluence inf;
    inf.criterion = c;
    inf.node = base.nodes[c];
    inf.path = paths[c];
    double sum = 0;
    for (double factor : {1 - spread, 1 + spread}) {
      Tree tree = base;
      tree.weights[c] *= factor;
      for (std::size_t d = 0; d < dossiers.size(); ++d) {
        Outcome after = outcome_under(tree, grid, dossiers[d], scratch);
        sum += std::fabs(after.total - before[d].total);
        if (after.outcome != before[d].outcome) ++inf.decisions_changed;
      }
    }
    inf.mean_abs_delta = dossiers.empty() ? 0 : sum / (2.0 * static_cast<double>(dossiers.size()));
    influence.push_back(std::move(inf));
  }
  std::stable_sort(influence.begin(), influence.end(), [](const auto& a, const auto& b) {
    if (a.decisions_changed != b.decisions_changed)
      return a.decisions_changed > b.decisions_changed;
    return a.mean_abs_delta > b.mean_abs_delta + tolerance;
  });
  return influence;
}

// Every factor drawn first, in one sequence: the result does not depend on --jobs.
std::vector<std::vector<double>> draw_factors(const SensitivityOptions& options,
                                              std::size_t nodes) {
  std::mt19937_64 rng(options.seed);
  std::vector<std::vector<double>> factors(options.samples, std::vector<double>(nodes));
  for (auto& sample : factors)
    for (double& f : sample) f = 1 - options.spread + 2 * options.spread * uniform(rng);
  return factors;
}

Tree weighted(const Tree& base, const std::vector<double>& factors) {
  Tree tree = base;
  for (std::size_t c = 0; c < tree.weights.size(); ++c) tree.weights[c] *= factors[c];
  return tree;
}

// First pass, sample by sample (a few at a time, one per job): every dossier scored, the ok ones
// ranked; each dossier's outcome counted and its rank kept in its tails. Memory: per dossier the
// counts and the rank tails (about 400 bytes for 1000 samples); per job one sample.
void count_outcomes_and_ranks(const Grid& grid, const Tree& base,
                              const std::vector<SensitivityDossier>& dossiers,
                              const std::vector<std::vector<double>>& factors, unsigned jobs,
                              const std::function<void()>& on_sample, SensitivityResult& out) {
  const std::size_t n = dossiers.size(), bands = grid.decision.size();
  const TailSizes sizes = tail_sizes(factors.size(), low_p, high_p);
  std::vector<std::uint32_t> counts(n * out.outcome_count, 0);
  std::vector<Tails<unsigned>> ranks(n);
  std::vector<std::vector<Outcome>> outcomes(jobs);
  std::vector<std::vector<unsigned>> sample_ranks(jobs);
  for (std::size_t first = 0; first < factors.size(); first += jobs) {
    const std::size_t count = std::min<std::size_t>(jobs, factors.size() - first);
    parallel_for(count, jobs, [&](std::size_t b) {
      const Tree tree = weighted(base, factors[first + b]);
      std::vector<std::optional<double>> scratch;
      outcomes[b].clear();
      for (const auto& d : dossiers) outcomes[b].push_back(outcome_under(tree, grid, d, scratch));
      sample_ranks[b] = ranks_of(outcomes[b], bands);
      if (on_sample) on_sample();
    });
    parallel_for(jobs, jobs, [&](std::size_t slice) {
      for (std::size_t d = slice * n / jobs; d < (slice + 1) * n / jobs; ++d)
        for (std::size_t b = 0; b < count; ++b) {
          ++counts[d * out.outcome_count + outcomes[b][d].outcome];
          if (sample_ranks[b][d]) ranks[d].add(sample_ranks[b][d], sizes);
        }
    });
  }
  for (std::size_t d = 0; d < n; ++d) {
    DossierSensitivity& ds = out.dossiers[d];
    for (std::size_t k = 0; k < out.outcome_count; ++k)
      ds.outcome_probability.push_back(
          factors.empty() ? 0.0
                          : static_cast<double>(counts[d * out.outcome_count + k]) /
                                static_cast<double>(factors.size()));
    if (ranks[d].count()) {
      ds.rank_p5 = ranks[d].percentile(low_p);
      ds.rank_p95 = ranks[d].percentile(high_p);
    }
  }
}

// Second pass, dossier by dossier: its total under every sample again, in a buffer of the job
// that scores it, for the percentiles of its total. Computing the totals twice costs less than
// keeping a tenth of them for every dossier between the passes.
void total_percentiles(const Grid& grid, const Tree& base,
                       const std::vector<SensitivityDossier>& dossiers,
                       const std::vector<std::vector<double>>& factors, unsigned jobs,
                       SensitivityResult& out) {
  if (factors.empty()) return;
  std::vector<Tree> trees;
  trees.reserve(factors.size());
  for (const auto& f : factors) trees.push_back(weighted(base, f));
  const std::size_t n = dossiers.size();
  parallel_for(jobs, jobs, [&](std::size_t slice) {
    std::vector<double> totals(factors.size());
    std::vector<std::optional<double>> scratch;
    for (std::size_t d = slice * n / jobs; d < (slice + 1) * n / jobs; ++d) {
      for (std::size_t k = 0; k < trees.size(); ++k)
        totals[k] = outcome_under(trees[k], grid, dossiers[d], scratch).total;
      for (double p : {low_p, high_p}) {
        auto at = totals.begin() + static_cast<std::ptrdiff_t>(percentile_index(totals.size(), p));
        std::nth_element(totals.begin(), at, totals.end());
        (p == low_p ? out.dossiers[d].total_p5 : out.dossiers[d].total_p95) = *at;
      }
    }
  });
}

}  // namespace

SensitivityResult analyse_sensitivity(const Grid& grid,
                                      const std::vector<SensitivityDossier>& dossiers,
                                      const SensitivityOptions& options,
                                      const std::function<void()>& on_sample) {
  SensitivityResult out;
  if (dossiers.empty()) return out;
  const Tree base = build_tree(grid);
  out.outcome_count = grid.decision.size() + 3;
  out.dossiers.resize(dossiers.size());
  const auto factors = draw_factors(options, base.nodes.size());
  const unsigned jobs = std::max(1u, options.jobs);
  count_outcomes_and_ranks(grid, base, dossiers, factors, jobs, on_sample, out);
  total_percentiles(grid, base, dossiers, factors, jobs, out);
  out.influence = one_at_a_time(base, grid, dossiers, options.spread);
  return out;
}

}  // namespace ess
