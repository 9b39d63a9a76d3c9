// §1.2 omissions and each assessor's own total. Every expected value is computed by hand in
// the comment beside it, on two_axes_grid (scoring_fixture.hpp): A = (2·s(a1) + 1·s(a2)) / 3,
// B = s(b1) = b1 / 100, total = 100 · (3·A + 1·B) / 4; bands 0, 50, 70, 90.
#include "ess/core/assessor_views.hpp"
#include "ess/report/report.hpp"
#include "scoring_fixture.hpp"

using Catch::Detail::Approx;
using Catch::Matchers::Contains;
using ess::CriterionStatus;
using ess::DossierStatus;

namespace {

Approx exact(double v) {
  return Approx(v).margin(1e-12);
}

// X scores everything; Y leaves a1 out; the self-assessment S leaves b1 out.
const char* const omitting = R"(
dossier: d1
title: D
grid: g
assessments:
  - {assessor: X, role: analyst, date: 2026-01-01, scores: {a1: {level: 2}, a2: {value: yes}, b1: {value: 40}}}
  - {assessor: Y, role: analyst, date: 2026-01-02, scores: {a2: {value: no}, b1: {value: 60}}}
  - {assessor: S, role: self, date: 2026-01-03, scores: {a1: {level: 3}, a2: {value: yes}}}
)";

std::size_t count_code(const ess::Diagnostics& diags, const std::string& code) {
  std::size_t n = 0;
  for (const auto& d : diags.items())
    if (d.code == code && d.severity == ess::Severity::warning) ++n;
  return n;
}

}  // namespace

TEST_CASE("omission: a leaf one analyst left out is scored from the one who scored it") {
  auto t = score_yaml(two_axes_grid, omitting);
  REQUIRE(t->result);
  // validate warns once per assessment and leaf left out: Y on a1, S on b1
  CHECK(count_code(t->diags, "missing-score") == 2);
  // a1 from X alone: 2 → s 2/3; scored, not missing; Y (index 1) named
  const auto& a1 = t->at("a1");
  CHECK(a1.status == CriterionStatus::scored);
  CHECK(a1.value.value() == exact(2));
  CHECK(a1.omitted_by == std::vector<std::size_t>{1});
  CHECK(a1.omission());
  CHECK_FALSE(a1.spread);  // one value: no spread to show
  // a2: mean of yes (1) and no (0) = 0.5; b1: mean of 40 and 60 = 50, left out by S (index 2)
  CHECK(t->at("a2").value.value() == exact(0.5));
  CHECK(t->at("b1").omitted_by == std::vector<std::size_t>{2});
  CHECK(t->at("a2").omitted_by.empty());
  // A = (2·2/3 + 0.5)/3 = 11/18; total = 100·(3·11/18 + 0.5)/4 = 100·14/24 = 58.33
  CHECK(t->result->total == exact(100.0 * 14 / 24));
  CHECK(t->result->status == DossierStatus::ok);  // an omission is not a missing leaf
  CHECK(t->result->missing.empty());
  CHECK(t->grid.decision[*t->result->band].label == "Reserve");
}

TEST_CASE("omission: the total is the one those who scored the leaf give, not a zero") {
  // Had Y scored a1 at 0: a1 = 1 → 1/3, A = (2/3 + 1/2)/3 = 7/18, total = 100·(7/6 + 1/2)/4
  // = 41.67. Leaving it out is not scoring it 0: the omission gives 58.33, X's value alone.
  std::string scored_zero = omitting;
  scored_zero = test_support::replace_once(scored_zero, "scores: {a2: {value: no}",
                                           "scores: {a1: {level: 0}, a2: {value: no}");
  auto t = score_yaml(two_axes_grid, scored_zero);
  CHECK(t->result->total == exact(100.0 * 10 / 24));
  CHECK(t->at("a1").omitted_by.empty());
}

TEST_CASE("a leaf every counted assessment leaves out is missing, whoever else scored it") {
  std::string dossier = omitting;
  dossier = test_support::replace_once(dossier, "scores: {a1: {level: 2}, a2", "scores: {a2");
  auto t = score_yaml(two_axes_grid, dossier);
  REQUIRE(t->result);
  // X and Y leave a1 out; S scores it but a self-assessment is set apart: missing
  const auto& a1 = t->at("a1");
  CHECK(a1.status == CriterionStatus::missing);
  CHECK(a1.omitted_by == std::vector<std::size_t>{0, 1});
  CHECK_FALSE(a1.omission());
  CHECK(t->result->status == DossierStatus::incomplete);
  // A = a2 alone = 0.5; total = 100·(1.5 + 0.5)/4 = 50
  CHECK(t->result->total == exact(50));
}

TEST_CASE("N/A from one, left out by another: N/A, and the omission is still named") {
  std::string grid = two_axes_grid;
  grid = test_support::replace_once(grid, "scale: niveau, weight: 2}",
                                    "scale: niveau, weight: 2, allow_na: true}");
  std::string dossier = omitting;
  dossier = test_support::replace_once(dossier, "a1: {level: 2}", "a1: {na: \"sans objet\"}");
  auto t = score_yaml(grid, dossier);
  const auto& a1 = t->at("a1");
  CHECK(a1.status == CriterionStatus::na);
  CHECK(a1.omitted_by == std::vector<std::size_t>{1});
  CHECK(a1.omission());
}

TEST_CASE("a leaf taken from a fact is nobody's to score: never left out") {
  ess::Criterion leaf;
  leaf.id = "x";
  leaf.from = "heures";
  ess::Assessment empty;
  CHECK_FALSE(ess::leaves_out(empty, leaf));
  leaf.from.clear();
  CHECK(ess::leaves_out(empty, leaf));
  ess::ScoreEntry na;
  na.criterion = "x";
  na.kind = ess::ScoreEntry::Kind::na;
  empty.scores.push_back(na);
  CHECK_FALSE(ess::leaves_out(empty, leaf));  // an N/A accounts for the leaf
}

TEST_CASE("each assessor's own total: its values, the value used where it gives none") {
  auto t = score_yaml(two_axes_grid, omitting);
  std::vector<ess::AssessorView> views = ess::assessor_views(*t->result);
  REQUIRE(views.size() == 3);
  // X: a1 2/3, a2 1, b1 0.4: A = (4/3 + 1)/3 = 7/9, total = 100·(7/3 + 0.4)/4 = 68.33, Reserve
  CHECK(views[0].assessment == 0);
  CHECK(views[0].total.value() == exact(100 * (7.0 / 3 + 0.4) / 4));
  CHECK(t->grid.decision[views[0].band.value()].label == "Reserve");
  // Y: a1 left out → the value used, 2/3; a2 0; b1 0.6: A = 4/9,
  // total = 100·(4/3 + 0.6)/4 = 48.33, Defavorable
  CHECK(views[1].total.value() == exact(100 * (4.0 / 3 + 0.6) / 4));
  CHECK(t->grid.decision[views[1].band.value()].label == "Defavorable");
  // S: a1 1, a2 1, b1 left out → 0.5: A = 1, total = 100·(3 + 0.5)/4 = 87.5, Favorable
  CHECK(views[2].total.value() == exact(87.5));
  CHECK(t->grid.decision[views[2].band.value()].label == "Favorable");
  // X (Reserve) and Y (Defavorable) straddle a band; S is set apart
  CHECK(t->result->assessors_straddle_band);
  // per axis: X's A = 7/9 → 77.78, B = 40
  CHECK(views[0].axes[0].value() == exact(700.0 / 9));
  CHECK(views[0].axes[1].value() == exact(40));
}

TEST_CASE("own totals: a consensus replaces every assessor's value of its leaf") {
  std::string dossier = omitting;
  dossier += "consensus:\n  a2: {value: yes, note: \"Comité\"}\n";
  auto t = score_yaml(two_axes_grid, dossier);
  std::vector<ess::AssessorView> views = ess::assessor_views(*t->result);
  REQUIRE(views.size() == 3);
  // Y with a2 = yes (the consensus): A = (4/3 + 1)/3 = 7/9, total = 100·(7/3 + 0.6)/4 = 73.33
  CHECK(views[1].total.value() == exact(100 * (7.0 / 3 + 0.6) / 4));
  // X with a2 = yes as before: 68.33, Reserve; Y now Favorable: they still straddle a band
  CHECK(t->grid.decision[views[1].band.value()].label == "Favorable");
  CHECK(t->result->assessors_straddle_band);
}

TEST_CASE("markdown: omissions named beside the criterion and in the N/A and missing section") {
  auto t = score_yaml(two_axes_grid, omitting);
  std::string out = ess::render_markdown(*t->result, ess::ReportOptions{});
  // the criteria table names who left a1 and b1 out
  CHECK_THAT(out, Contains("| A1 (non noté par Y) | Etabli (2) |"));
  CHECK_THAT(out, Contains("| B1 (non noté par S (auto-évaluation)) | 50 |"));
  // the section lists them, and never says everything is assessed
  CHECK_THAT(out, Contains("| A1 | Omission | non noté par Y : retenu d'après les autres "
                           "évaluations | 50,0\u202f% | — |"));
  CHECK_THAT(out, Contains("| B1 | Omission | non noté par S (auto-évaluation) : retenu"));
  CHECK(out.find("Aucun : tous les critères sont évalués.") == std::string::npos);
  // the assessors' table: "non noté" where Y gave nothing, the flag on the row
  CHECK_THAT(out, Contains("| A1 | 2 | non noté | 3 | 2 |  |  | +33,3 | omission |"));
  // own totals (hand-computed above): 68.3 Reserve, 48.3 Defavorable, 87.5 Favorable
  CHECK_THAT(out, Contains("| X | chargé·e d'instruction | 2026-01-01 | 68,3 | Reserve |"));
  CHECK_THAT(out, Contains("| Y | chargé·e d'instruction | 2026-01-02 | 48,3 | Defavorable |"));
  CHECK_THAT(out, Contains("| S | auto-évaluation | 2026-01-03 | 87,5 | Favorable |"));
  CHECK_THAT(out, Contains("| **Total retenu** |  |  | 58,3 | Reserve |"));
  // the verdict's remark points at the assessors' section, which says it too
  CHECK_THAT(out, Contains("Voir « Évaluateurs »."));
  std::size_t section = out.find("## Évaluateurs");
  REQUIRE(section != std::string::npos);
  CHECK(out.find("Les totaux propres des évaluateurs relèvent d'avis différents.", section) !=
        std::string::npos);
}

TEST_CASE("markdown: a dossier every assessment scores in full says so") {
  auto t = score_yaml(two_axes_grid, dossier_with("      a1: {level: 2}\n      a2: {value: yes}\n"
                                                  "      b1: {value: 50}\n"));
  std::string out = ess::render_markdown(*t->result, ess::ReportOptions{});
  CHECK_THAT(out, Contains("Aucun : tous les critères sont évalués."));
  CHECK(out.find("| non noté |") == std::string::npos);
  CHECK(out.find("non noté par") == std::string::npos);
  // one assessor: own total = the total, 100·17/24 = 70.83
  CHECK_THAT(out, Contains("| X | chargé·e d'instruction | 2026-01-01 | 70,8 | Favorable |"));
}

TEST_CASE("json: omitted_by per criterion and assessors with their own totals") {
  auto t = score_yaml(two_axes_grid, omitting);
  std::string out = ess::render_json(*t->result, ess::ReportOptions{});
  CHECK_THAT(out, Contains("\"status\": \"scored\",\n      \"omitted_by\": [\n        \"Y\"\n"
                           "      ],"));
  CHECK_THAT(out, Contains("\"omitted_by\": [\n        \"S\"\n      ],"));
  CHECK_THAT(out, Contains("\"omitted_by\": [],"));  // a2, and every node
  CHECK_THAT(out, Contains("\"omitted\""));
  // assessors: 87.5 is exact in binary; the others are checked by their band
  CHECK_THAT(out, Contains("\"assessor\": \"S\",\n      \"role\": \"self\",\n      \"date\": "
                           "\"2026-01-03\",\n      \"total\": 87.5,\n      \"decision\": "
                           "\"Favorable\",\n      \"counted\": false"));
  CHECK_THAT(out, Contains("\"decision\": \"Defavorable\",\n      \"counted\": true"));
}
