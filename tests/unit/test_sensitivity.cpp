// Sensitivity to the weights: the compact record of a dossier, the analysis against hand
// computations and against itself (no spread, any job count), and the percentile tails
// against a full sort.
#include <algorithm>
#include <cmath>
#include <random>

#include "ess/core/percentiles.hpp"
#include "ess/core/sensitivity.hpp"
#include "scoring_fixture.hpp"

using Catch::Detail::Approx;
using ess::DossierStatus;
using ess::SensitivityDossier;

namespace {

// Node A must reach 50 or the dossier is ineligible; A's two leaves weigh 1 and 1.
const char* grid_yaml = R"(
grid: g
version: 1.0.0
title: T
scales:
  oui-non: {type: yesno}
  part: {type: numeric, min: 0, max: 100}
criteria:
  - id: a
    title: A
    weight: 1
    minimum: 50
    eliminatory: true
    children:
      - {id: a1, title: A1, scale: oui-non}
      - {id: a2, title: A2, scale: oui-non}
  - id: b
    title: B
    weight: 1
    children:
      - {id: b1, title: B1, scale: part}
decision:
  - {min: 0, label: Defavorable}
  - {min: 60, label: Favorable}
)";

std::string dossier(const std::string& id, const std::string& a1, const std::string& a2,
                    const std::string& b1) {
  return "dossier: " + id + "\ntitle: T " + id +
         "\ngrid: g\nassessments:\n  - assessor: X\n    role: analyst\n"
         "    date: 2026-01-01\n    scores:\n      a1: {value: " +
         a1 + "}\n      a2: {value: " + a2 + "}\n      b1: {value: " + b1 + "}\n";
}

struct Batch {
  std::vector<std::unique_ptr<Scored>> scored;
  std::vector<SensitivityDossier> dossiers;
  const ess::Grid& grid() const { return scored.front()->grid; }
};

// d1: A = 1, B = 0.8: total 90, Favorable. d2: A = (1 + 0)/2 = 0.5 — exactly the minimum —
// B = 1: total 75. d3: A = 0: ineligible.
std::unique_ptr<Batch> batch() {
  auto b = std::make_unique<Batch>();
  for (auto [id, a1, a2, b1] : {std::tuple{"d1", "yes", "yes", "80"},
                                {"d2", "yes", "no", "100"},
                                {"d3", "no", "no", "100"}}) {
    b->scored.push_back(score_yaml(grid_yaml, dossier(id, a1, a2, b1)));
    REQUIRE(b->scored.back()->result);
    // Every dossier must point into the same grid: score them all against the first one's.
    auto& s = *b->scored.back();
    if (b->scored.size() > 1)
      s.result = ess::score_dossier(b->scored[0]->index, s.dossier, {}, s.diags);
    b->dossiers.push_back(ess::sensitivity_dossier(*s.result));
  }
  return b;
}

}  // namespace

TEST_CASE("sensitivity: a dossier kept as its leaf scores, through bytes and back") {
  auto b = batch();
  const SensitivityDossier& d3 = b->dossiers[2];
  CHECK(d3.id == "d3");
  CHECK(d3.title == "T d3");
  CHECK(d3.status == DossierStatus::ineligible);
  REQUIRE(d3.leaf_s.size() == 5);   // a, a1, a2, b, b1
  CHECK(std::isnan(d3.leaf_s[0]));  // a node: computed again under other weights
  CHECK(d3.leaf_s[1] == 0);
  CHECK(d3.leaf_s[4] == 1);
  CHECK(d3.eliminatory_leaves.empty());  // the failure is the node's: it moves with the weights
  CHECK_FALSE(d3.missing);
  std::string bytes;
  ess::encode_sensitivity_dossier(d3, bytes);
  CHECK(bytes.size() < 128);  // about a hundred bytes: a batch of any size fits
  SensitivityDossier back = ess::decode_sensitivity_dossier(bytes);
  CHECK(back.id == d3.id);
  CHECK(back.total == d3.total);
  CHECK(back.status == d3.status);
  CHECK(back.band == d3.band);
  CHECK(back.leaf_s.size() == d3.leaf_s.size());
  CHECK(back.leaf_s[4] == d3.leaf_s[4]);
  CHECK_THROWS(ess::decode_sensitivity_dossier(bytes.substr(0, bytes.size() - 1)));
}

TEST_CASE("sensitivity: without spread every sample gives the base decision and rank") {
  auto b = batch();
  ess::SensitivityResult r = ess::analyse_sensitivity(b->grid(), b->dossiers, {0.0, 50, 7, 2});
  REQUIRE(r.dossiers.size() == 3);
  CHECK(r.outcome_count == 5);  // Defavorable, Favorable, ineligible, incomplete, not assessed
  // d1: 90, Favorable (band 1), rank 1; d2: 75, Favorable, rank 2; d3 ineligible, unranked.
  CHECK(r.dossiers[0].outcome_probability == std::vector<double>{0, 1, 0, 0, 0});
  CHECK(r.dossiers[0].total_p5 == Approx(90));
  CHECK(r.dossiers[0].total_p95 == Approx(90));
  CHECK(r.dossiers[0].rank_p5 == 1u);
  CHECK(r.dossiers[1].rank_p95 == 2u);
  CHECK(r.dossiers[2].outcome_probability == std::vector<double>{0, 0, 1, 0, 0});
  CHECK_FALSE(r.dossiers[2].rank_p5);
  // Nothing moves: no criterion changes a decision.
  for (const auto& inf : r.influence) CHECK(inf.decisions_changed == 0);
}

TEST_CASE("sensitivity: a node at its eliminatory minimum turns on its children's weights") {
  auto b = batch();
  // One at a time, spread 0.5: a1 × 0.5 → A = (0.5·1 + 1·0)/1.5 = 1/3 < 0.5: d2 ineligible;
  // a1 × 1.5 → A = 1.5/2.5 = 0.6: still eligible. a2 (scored 0 in d2) the other way round.
  ess::SensitivityResult r = ess::analyse_sensitivity(b->grid(), b->dossiers, {0.5, 200, 3, 1});
  auto of = [&](const std::string& id) {
    for (const auto& inf : r.influence)
      if (inf.node->id == id) return inf;
    FAIL("no criterion " << id);
    return r.influence.front();
  };
  CHECK(of("a1").decisions_changed == 1);
  CHECK(of("a2").decisions_changed == 1);
  CHECK(of("a1").path == "a/a1");
  // B × 0.5 or × 1.5: d1 93.3 or 88, d2 66.7 or 80: both stay Favorable (60 and up).
  CHECK(of("b").decisions_changed == 0);
  // Monte Carlo: d2 is sometimes ineligible, sometimes not; d1 and d3 never move.
  const auto& p = r.dossiers[1].outcome_probability;
  CHECK(p[2] > 0);
  CHECK(p[1] > 0);
  CHECK(p[0] + p[1] + p[2] + p[3] == Approx(1));
  CHECK(r.dossiers[0].outcome_probability[1] == 1);
  CHECK(r.dossiers[2].outcome_probability[2] == 1);
}

TEST_CASE("sensitivity: the same numbers for any job count") {
  auto b = batch();
  auto one = ess::analyse_sensitivity(b->grid(), b->dossiers, {0.3, 301, 11, 1});
  auto four = ess::analyse_sensitivity(b->grid(), b->dossiers, {0.3, 301, 11, 4});
  for (std::size_t d = 0; d < 3; ++d) {
    CHECK(one.dossiers[d].outcome_probability == four.dossiers[d].outcome_probability);
    CHECK(one.dossiers[d].total_p5 == four.dossiers[d].total_p5);
    CHECK(one.dossiers[d].total_p95 == four.dossiers[d].total_p95);
    CHECK(one.dossiers[d].rank_p5 == four.dossiers[d].rank_p5);
    CHECK(one.dossiers[d].rank_p95 == four.dossiers[d].rank_p95);
  }
}

TEST_CASE("percentile tails give what a full sort gives, for every count") {
  std::mt19937 rng(5);
  for (std::size_t max : {1u, 2u, 19u, 20u, 21u, 100u, 1000u}) {
    ess::TailSizes sizes = ess::tail_sizes(max, 0.05, 0.95);
    for (std::size_t count : {std::size_t{1}, max / 2 + 1, max}) {
      ess::Tails<double> tails;
      ess::Tails<unsigned> ranks;
      std::vector<double> all;
      std::vector<unsigned> all_ranks;
      for (std::size_t i = 0; i < count; ++i) {
        double v = std::uniform_real_distribution<double>(0, 100)(rng);
        unsigned k = std::uniform_int_distribution<unsigned>(1, 7)(rng);  // many ties
        tails.add(v, sizes);
        ranks.add(k, sizes);
        all.push_back(v);
        all_ranks.push_back(k);
      }
      std::sort(all.begin(), all.end());
      std::sort(all_ranks.begin(), all_ranks.end());
      for (double p : {0.05, 0.95}) {
        std::size_t at = static_cast<std::size_t>(std::ceil(p * static_cast<double>(count)));
        at = std::min(count, std::max<std::size_t>(at, 1)) - 1;
        INFO("max " << max << ", count " << count << ", p " << p);
        CHECK(tails.percentile(p) == all[at]);
        CHECK(ranks.percentile(p) == all_ranks[at]);
      }
    }
  }
  // What a sensitivity of 1000 samples keeps per dossier and per series: 50 + 51 values.
  ess::TailSizes sizes = ess::tail_sizes(1000, 0.05, 0.95);
  CHECK(sizes.low == 50);
  CHECK(sizes.high == 51);
}
