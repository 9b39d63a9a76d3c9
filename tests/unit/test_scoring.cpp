// Every expected value below is computed by hand in the comment beside it.
#include "scoring_fixture.hpp"

using Catch::Detail::Approx;
using ess::CriterionStatus;
using ess::DossierStatus;

namespace {

Approx exact(double v) {
  return Approx(v).margin(1e-12);
}

}  // namespace

TEST_CASE("weighted mean: total, effective weights and points to gain by hand") {
  auto t = score_yaml(two_axes_grid, dossier_with("      a1: {level: 2}\n      a2: {value: yes}\n"
                                                  "      b1: {value: 50}\n"));
  REQUIRE(t->result);
  // s(a1) = 2/3, s(a2) = 1: A = (2·2/3 + 1·1)/3 = 7/9; B = 0.5
  CHECK(t->at("a").s.value() == exact(7.0 / 9));
  // total = 100 · (3·7/9 + 1·0.5)/4 = 100 · 17/24
  CHECK(t->result->total == exact(100.0 * 17 / 24));
  CHECK(t->result->status == DossierStatus::ok);
  CHECK(t->grid.decision[*t->result->band].label == "Favorable");  // 70.83 ≥ 70
  // effective weight of a1 = 3/4 · 2/3 = 1/2; of b1 = 1/4
  CHECK(t->at("a1").effective_weight == exact(0.5));
  CHECK(t->at("b1").effective_weight == exact(0.25));
  // points to gain = 100 · ew · (s_target − s): a1 100·0.5·(1/3); b1 100·0.25·0.5; a2 at target
  CHECK(t->at("a1").points_to_gain.value() == exact(100.0 / 6));
  CHECK(t->at("b1").points_to_gain.value() == exact(12.5));
  CHECK(t->at("a2").points_to_gain.value() == exact(0));
  // gaps in the scale's units: a1 3 − 2 = 1 level; b1 100 − 50 = 50
  CHECK(t->at("a1").gap.value() == exact(1));
  CHECK(t->at("b1").gap.value() == exact(50));
  CHECK(t->at("a1").level == "Etabli");
  // next band 90: a1 first (16.67 > 12.5) → 87.5; then b1 → 100 ≥ 90: reachable in 2 steps
  REQUIRE(t->result->path.steps.size() == 2);
  CHECK(t->result->path.steps[0].total_after == exact(87.5));
  CHECK(t->result->path.reachable);
}

TEST_CASE("N/A leaves are left out and their siblings' weights renormalised") {
  std::string grid = two_axes_grid;
  grid.replace(grid.find("scale: niveau, weight: 2}"), 25,
               "scale: niveau, weight: 2, allow_na: true}");
  auto t = score_yaml(grid, dossier_with("      a1: {na: \"trop jeune\"}\n      a2: {value: no}\n"
                                         "      b1: {value: 100}\n"));
  REQUIRE(t->result);
  CHECK(t->at("a1").status == CriterionStatus::na);
  // A = a2 alone = 0; total = 100 · (3·0 + 1·1)/4 = 25
  CHECK(t->result->total == exact(25));
  CHECK(t->at("a2").effective_weight == exact(0.75));
  CHECK(t->at("a1").effective_weight == exact(0));
  // a1 would have had 3/4 · 2/3 = 1/2 of the total, at A's level (0): 0 points moved
  CHECK(t->at("a1").points_moved.value() == exact(0));
  CHECK(t->result->status == DossierStatus::ok);
}

TEST_CASE("a leaf from an undefined fact is missing and the dossier incomplete") {
  std::string grid = std::string(two_axes_grid) + R"(
facts:
  - {id: ventes, unit: EUR}
  - {id: subventions, unit: EUR}
  - {id: part-sub, ratio: [subventions, ventes]}
)";
  grid.replace(grid.find("{id: b1, title: B1, scale: part}"), 32,
               "{id: b1, title: B1, scale: ratio01, from: part-sub}");
  grid.replace(grid.find("  part: {type: numeric"), 0,
               "  ratio01: {type: numeric, min: 0, max: 1}\n");
  auto t = score_yaml(grid, dossier_with("      a1: {level: 3}\n      a2: {value: yes}\n",
                                         "facts:\n  ventes: 0\n  subventions: 10\n"));
  REQUIRE(t->result);
  CHECK(t->at("b1").status == CriterionStatus::missing);
  CHECK(t->at("b1").fact_why == ess::FactValue::Why::zero_denominator);
  CHECK(t->at("b").status == CriterionStatus::missing);
  // Only A counts: total = 100 · 1
  CHECK(t->result->total == exact(100));
  CHECK(t->result->status == DossierStatus::incomplete);
}

TEST_CASE("weighted geometric: a zero score with weight zeroes the node; weight 0 is ignored") {
  const char* grid = R"(
grid: g
version: 1.0.0
title: T
scales: {yn: {type: yesno}, n: {type: numeric, min: 0, max: 4}}
criteria:
  - id: axe
    title: Axe
    aggregation: weighted-geometric
    children:
      - {id: x, title: X, scale: yn, weight: 1}
      - {id: y, title: Y, scale: n, weight: 3}
      - {id: z, title: Z, scale: yn, weight: 0}
decision: [{min: 0, label: Non}, {min: 50, label: Oui}]
)";
  auto zero = score_yaml(
      grid, dossier_with("      x: {value: no}\n      y: {value: 4}\n      z: {value: yes}\n"));
  CHECK(zero->result->total == exact(0));
  // x = 1, y = 1/4, z (weight 0, s 0) ignored: S = 1^(1/4) · 0.25^(3/4) = 0.25^0.75
  auto mixed = score_yaml(
      grid, dossier_with("      x: {value: yes}\n      y: {value: 1}\n      z: {value: no}\n"));
  CHECK(mixed->result->total == exact(100 * std::pow(0.25, 0.75)));
  // points to gain of y (to 1): S = 1 → 100 − 100·0.25^0.75
  CHECK(mixed->at("y").points_to_gain.value() == exact(100 - 100 * std::pow(0.25, 0.75)));
  // x is at target; z has weight 0: raising it gains nothing
  CHECK(mixed->at("z").points_to_gain.value() == exact(0));
}

TEST_CASE("min aggregation over children with a positive weight") {
  const char* grid = R"(
grid: g
version: 1.0.0
title: T
scales: {n: {type: numeric, min: 0, max: 10}}
criteria:
  - id: axe
    title: Axe
    aggregation: min
    children:
      - {id: x, title: X, scale: n, weight: 2}
      - {id: y, title: Y, scale: n, weight: 1}
      - {id: z, title: Z, scale: n, weight: 0}
decision: [{min: 0, label: Non}, {min: 50, label: Oui}]
)";
  // x = 0.6, y = 0.8, z = 0.1 (weight 0: ignored) → min = 0.6
  auto t = score_yaml(
      grid, dossier_with("      x: {value: 6}\n      y: {value: 8}\n      z: {value: 1}\n"));
  CHECK(t->result->total == exact(60));
  // raising x to 10 → min(1, 0.8) = 0.8: +20; raising y alone changes nothing
  CHECK(t->at("x").points_to_gain.value() == exact(20));
  CHECK(t->at("y").points_to_gain.value() == exact(0));
}

TEST_CASE("consensus replaces the consolidated value; spread and self gap stay visible") {
  std::string dossier = R"(
dossier: d1
title: D
grid: g
assessments:
  - {assessor: A, role: analyst, date: 2026-01-01, scores: {a1: {level: 0}, a2: {value: yes}, b1: {value: 40}}}
  - {assessor: B, role: analyst, date: 2026-01-02, scores: {a1: {level: 3}, a2: {value: yes}, b1: {value: 60}}}
  - {assessor: S, role: self, date: 2026-01-03, scores: {a1: {level: 3}, a2: {value: yes}, b1: {value: 100}}}
consensus:
  a1: {level: 2, note: "Comité du 2026-04-02"}
)";
  auto t = score_yaml(two_axes_grid, dossier);
  const auto& a1 = t->at("a1");
  CHECK(a1.consolidated.value() == exact(1.5));  // mean of 0 and 3; self set apart
  CHECK(a1.value.value() == exact(2));           // the committee's value
  CHECK(a1.spread.value() == exact(1));          // s 0 and 1
  CHECK(a1.disagreement);
  CHECK(a1.self_gap.value() == exact(1 - 2.0 / 3));  // s(self 3) − s(2)
  // b1: mean of 40 and 60 = 50; self 100 → self gap 0.5
  CHECK(t->at("b1").self_gap.value() == exact(0.5));
  CHECK(t->result->total == exact(100.0 * 17 / 24));  // same as the first case
}

TEST_CASE("median and min consolidation") {
  std::string dossier = R"(
dossier: d1
title: D
grid: g
assessments:
  - {assessor: A, role: analyst, date: 2026-01-01, scores: {a1: {level: 0}, a2: {value: yes}, b1: {value: 10}}}
  - {assessor: B, role: analyst, date: 2026-01-02, scores: {a1: {level: 2}, a2: {value: no}, b1: {value: 20}}}
  - {assessor: C, role: partner, date: 2026-01-02, scores: {a1: {level: 3}, a2: {value: yes}, b1: {value: 90}}}
)";
  ess::ScoreOptions median{ess::Consolidation::median};
  auto m = score_yaml(two_axes_grid, dossier, median);
  CHECK(m->at("a1").value.value() == exact(2));
  CHECK(m->at("b1").value.value() == exact(20));
  ess::ScoreOptions low{ess::Consolidation::min};
  auto l = score_yaml(two_axes_grid, dossier, low);
  CHECK(l->at("a1").value.value() == exact(0));
  CHECK(l->at("a2").value.value() == exact(0));
}

TEST_CASE("a total on a band boundary through inexact arithmetic still reaches the band") {
  const char* grid = R"(
grid: g
version: 1.0.0
title: T
scales: {n: {type: numeric, min: 0, max: 1}}
criteria:
  - id: axe
    title: Axe
    children:
      - {id: x, title: X, scale: n}
      - {id: y, title: Y, scale: n}
      - {id: z, title: Z, scale: n}
decision: [{min: 0, label: Non}, {min: 30, label: Oui}]
)";
  // mean of 0.1, 0.2, 0.6 = 0.3 exactly in decimal; in binary 100·0.9/3 may land below 30
  auto t = score_yaml(
      grid, dossier_with("      x: {value: 0.1}\n      y: {value: 0.2}\n      z: {value: 0.6}\n"));
  CHECK(t->result->total == Approx(30).margin(1e-9));
  CHECK(t->grid.decision[*t->result->band].label == "Oui");
}

TEST_CASE("an eliminatory minimum decides ineligible before completeness") {
  std::string grid = two_axes_grid;
  grid.replace(
      grid.find("{id: a1, title: A1, scale: niveau, weight: 2}"), 45,
      "{id: a1, title: A1, scale: niveau, weight: 2, minimum: Emergent, eliminatory: true}");
  auto t = score_yaml(grid, dossier_with("      a1: {level: 0}\n      a2: {value: yes}\n"));
  // b1 is missing too, but the known eliminatory failure decides
  CHECK(t->result->status == DossierStatus::ineligible);
  REQUIRE(t->result->eliminatory_failures.size() == 1);
  CHECK(t->result->criteria[t->result->eliminatory_failures[0]].criterion->id == "a1");
  CHECK(t->result->path.steps.empty());
}

TEST_CASE("yes/no answers consolidate to the share of yes") {
  std::string dossier = R"(
dossier: d1
title: D
grid: g
assessments:
  - {assessor: A, role: analyst, date: 2026-01-01, scores: {a1: {level: 3}, a2: {value: yes}, b1: {value: 100}}}
  - {assessor: B, role: analyst, date: 2026-01-02, scores: {a1: {level: 3}, a2: {value: no}, b1: {value: 100}}}
  - {assessor: C, role: partner, date: 2026-01-02, scores: {a1: {level: 3}, a2: {value: no}, b1: {value: 100}}}
)";
  auto t = score_yaml(two_axes_grid, dossier);
  // a2 = mean(1, 0, 0) = 1/3; A = (2·1 + 1·1/3)/3 = 7/9; total = 100·(3·7/9 + 1)/4 = 250/3
  CHECK(t->at("a2").s.value() == exact(1.0 / 3));
  CHECK(t->result->total == exact(250.0 / 3));
  CHECK(t->at("a2").level.empty());  // no single answer to name
}
