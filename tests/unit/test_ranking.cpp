// Ranking, funding line and group summaries; every expected value is worked out beside it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ess/model/decision.hpp"
#include "ess/report/rank_report.hpp"
#include "scoring_fixture.hpp"

using ess::DossierStatus;
using ess::RankRow;

namespace {

RankRow row(std::string id, double total, DossierStatus status = DossierStatus::ok,
            std::optional<double> requested = std::nullopt) {
  RankRow r;
  r.dossier = std::move(id);
  r.title = "T " + r.dossier;
  r.total = total;
  r.status = status;
  r.requested = requested;
  return r;
}

std::vector<std::string> ids(const std::vector<RankRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.dossier);
  return out;
}

std::vector<std::optional<std::size_t>> ranks(const std::vector<RankRow>& rows) {
  std::vector<std::optional<std::size_t>> out;
  for (const auto& r : rows) out.push_back(r.rank);
  return out;
}

using Ranks = std::vector<std::optional<std::size_t>>;

ess::Grid three_bands() {
  ess::Grid g;
  g.id = "g";
  g.version = "1.0.0";
  g.decision = {{0, "Defavorable", {}}, {50, "Reserve", {}}, {70, "Favorable", {}}};
  return g;
}

}  // namespace

TEST_CASE("equal totals share a rank (1, 2, 2, 4) and are listed by id") {
  std::vector<RankRow> rows = {row("d", 60), row("z", 70), row("a", 80), row("b", 70)};
  ess::rank_rows(rows, std::nullopt);
  CHECK(ids(rows) == std::vector<std::string>{"a", "b", "z", "d"});
  CHECK(ranks(rows) == Ranks{1, 2, 2, 4});
}

TEST_CASE("0.1 + 0.2 and 0.3 tie: the arithmetic does not split them, the id orders them") {
  // 0.1 + 0.2 = 0.30000000000000004 > 0.3 exactly, yet within 1e-9: a tie, listed a then b.
  std::vector<RankRow> rows = {row("b", 0.1 + 0.2), row("a", 0.3), row("c", 0.2)};
  REQUIRE(rows[0].total > rows[1].total);
  ess::rank_rows(rows, std::nullopt);
  CHECK(ids(rows) == std::vector<std::string>{"a", "b", "c"});
  CHECK(ranks(rows) == Ranks{1, 1, 3});
}

TEST_CASE("ties are walked from one total to the next, within 1e-9 of the previous one") {
  // 50, 50 − 6e-10, 50 − 1.2e-9: each within 1e-9 of the one before: one group of three.
  // 49.99 is not: rank 4. Ids put the group in reverse order of totals.
  std::vector<RankRow> rows = {row("c", 50), row("b", 50 - 6e-10), row("a", 50 - 1.2e-9),
                               row("0", 49.99)};
  ess::rank_rows(rows, std::nullopt);
  CHECK(ids(rows) == std::vector<std::string>{"a", "b", "c", "0"});
  CHECK(ranks(rows) == Ranks{1, 1, 1, 4});
}

TEST_CASE("ineligible then incomplete follow the ranked ones, unranked, each by id") {
  std::vector<RankRow> rows = {
      row("i2", 95, DossierStatus::incomplete, 10), row("e2", 90, DossierStatus::ineligible, 10),
      row("ok2", 20, DossierStatus::ok, 10),        row("e1", 10, DossierStatus::ineligible, 10),
      row("i1", 99, DossierStatus::incomplete, 10), row("ok1", 40, DossierStatus::ok, 10)};
  auto line = ess::rank_rows(rows, 1000.0);
  CHECK(ids(rows) == std::vector<std::string>{"ok1", "ok2", "e1", "e2", "i1", "i2"});
  CHECK(ranks(rows) == Ranks{1, 2, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  // cumulative over the ranked ones only: 10, 20; the unranked are never funded
  CHECK(rows[1].cumulative == 20.0);
  CHECK_FALSE(rows[2].cumulative);
  CHECK(rows[0].funded);
  CHECK(rows[1].funded);
  for (std::size_t i = 2; i < rows.size(); ++i) CHECK_FALSE(rows[i].funded);
  CHECK(line.funded_count == 2);
  CHECK(line.funded_total == 20.0);
  CHECK_FALSE(line.first_unfunded);
}

TEST_CASE("funding line: an exact fit is funded, the next one draws the line") {
  // requested 40, 30, 30, 20 under 100: cumulative 40, 70, 100 (= B: funded), 120 (line).
  // Nothing is left (100 − 100 = 0), so nothing below the line would fit.
  std::vector<RankRow> rows = {
      row("a", 90, DossierStatus::ok, 40), row("b", 80, DossierStatus::ok, 30),
      row("c", 70, DossierStatus::ok, 30), row("d", 60, DossierStatus::ok, 20)};
  auto line = ess::rank_rows(rows, 100.0);
  CHECK(rows[2].funded);
  CHECK(rows[2].cumulative == 100.0);
  CHECK_FALSE(rows[3].funded);
  CHECK(rows[3].cumulative == 120.0);
  REQUIRE(line.first_unfunded);
  CHECK(*line.first_unfunded == 3);
  CHECK(line.funded_count == 3);
  CHECK(line.remaining() == 0.0);
  CHECK(line.would_fit == 0);
}

TEST_CASE("funding line: amounts summing to the budget through rounding still fit") {
  // 0.1 + 0.2 = 0.30000000000000004 > 0.3, within the tolerance: both funded.
  std::vector<RankRow> rows = {row("a", 90, DossierStatus::ok, 0.1),
                               row("b", 80, DossierStatus::ok, 0.2)};
  auto line = ess::rank_rows(rows, 0.3);
  CHECK(rows[0].funded);
  CHECK(rows[1].funded);
  CHECK_FALSE(line.first_unfunded);
}

TEST_CASE("funding line: the first that does not fit draws it; a smaller later one would fit") {
  // requested 50, 40, 30, 10, 25, none under 100: cumulative 50, 90, 120 → c draws the line.
  // 100 − 90 = 10 left: d (10) would fit, e (25) would not, f (none asked: 0) would.
  // None of them is funded: the committee decides on exceptions.
  std::vector<RankRow> rows = {
      row("a", 90, DossierStatus::ok, 50), row("b", 80, DossierStatus::ok, 40),
      row("c", 70, DossierStatus::ok, 30), row("d", 60, DossierStatus::ok, 10),
      row("e", 50, DossierStatus::ok, 25), row("f", 40, DossierStatus::ok, std::nullopt)};
  auto line = ess::rank_rows(rows, 100.0);
  CHECK(rows[0].funded);
  CHECK(rows[1].funded);
  CHECK_FALSE(rows[2].funded);
  CHECK_FALSE(rows[3].funded);
  CHECK(rows[3].would_fit);
  CHECK_FALSE(rows[4].would_fit);
  CHECK(rows[5].would_fit);
  CHECK(rows[5].cumulative == 155.0);  // 50 + 40 + 30 + 10 + 25 + 0
  CHECK(*line.first_unfunded == 2);
  CHECK(line.funded_total == 90.0);
  CHECK(line.remaining() == 10.0);
  CHECK(line.would_fit == 2);
}

TEST_CASE("without a budget nothing is funded and no line is drawn") {
  std::vector<RankRow> rows = {row("a", 90, DossierStatus::ok, 50)};
  auto line = ess::rank_rows(rows, std::nullopt);
  CHECK_FALSE(rows[0].funded);
  CHECK(rows[0].cumulative == 50.0);
  CHECK_FALSE(line.budget);
  CHECK_FALSE(line.first_unfunded);
}

TEST_CASE("duplicate ids: every copy, groups by id") {
  std::vector<std::string_view> all = {"a", "b", "a", "c", "b", "a"};
  auto groups = ess::find_duplicate_ids(all);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0] == std::vector<std::size_t>{0, 2, 5});  // "a"
  CHECK(groups[1] == std::vector<std::size_t>{1, 4});     // "b"
  CHECK(ess::find_duplicate_ids({"x", "y"}).empty());
}

TEST_CASE("decisions: the band's label, or the word of the status") {
  ess::Grid grid = three_bands();
  std::vector<RankRow> rows = {row("a", 75), row("b", 55, DossierStatus::ineligible),
                               row("c", 20, DossierStatus::incomplete)};
  rows[0].band = 2;
  ess::resolve_decisions(rows, grid, ess::Language::fr);
  CHECK(rows[0].decision == "Favorable");
  CHECK(rows[1].decision == "Inéligible");
  CHECK(rows[2].decision == "Incomplet");
  ess::resolve_decisions(rows, grid, ess::Language::en);
  CHECK(rows[1].decision == "Ineligible");
  CHECK(ess::decision_labels(grid, ess::Language::en) ==
        std::vector<std::string>{"Favorable", "Reserve", "Defavorable", "Ineligible", "Incomplete",
                                 "Not assessed", "Invalid"});
  RankRow self = row("d", 90, DossierStatus::not_assessed), broken = row("e", 0);
  ess::refuse_row(broken, "yaml-syntax", "not valid YAML");
  ess::resolve_decision(self, grid, ess::Language::fr);
  ess::resolve_decision(broken, ess::Language::fr);  // no grid needed but for a band
  CHECK(self.decision == "Non évalué");
  CHECK(broken.decision == "Invalide");
}

TEST_CASE("group summaries: count, mean and median of the ranked, decisions, amounts") {
  ess::Grid grid = three_bands();
  // Territory X: ranked 80, 72, 60, 40 (even count: median (72 + 60)/2 = 66; mean 252/4 = 63),
  // plus one ineligible (not in the mean). Y: 90, 50, 45 (median 50, mean 185/3).
  // "" (no territory): one incomplete, nothing ranked.
  std::vector<RankRow> rows = {
      row("x1", 80, DossierStatus::ok, 100),         row("x2", 72, DossierStatus::ok, 100),
      row("x3", 60, DossierStatus::ok, 100),         row("x4", 40, DossierStatus::ok, 100),
      row("x5", 95, DossierStatus::ineligible, 100), row("y1", 90, DossierStatus::ok, 50),
      row("y2", 50, DossierStatus::ok, 50),          row("y3", 45, DossierStatus::ok, std::nullopt),
      row("z1", 30, DossierStatus::incomplete, 10)};
  for (auto& r : rows) {
    r.territory = r.dossier[0] == 'x' ? "X" : r.dossier[0] == 'y' ? "Y" : "";
    r.band = ess::band_of(grid, r.total);
  }
  // Budget 300, in rank order: y1 50, x1 150, x2 250, x3 350 → line at x3.
  ess::rank_rows(rows, 300.0);
  ess::resolve_decisions(rows, grid, ess::Language::fr);
  auto labels = ess::decision_labels(grid, ess::Language::fr);
  auto groups = ess::summarise_groups(rows, ess::GroupKey::territory, labels);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].value == "");
  CHECK(groups[0].count == 1);
  CHECK(groups[0].ranked == 0);
  CHECK_FALSE(groups[0].mean);
  CHECK_FALSE(groups[0].median);

  const auto& x = groups[1];
  CHECK(x.value == "X");
  CHECK(x.count == 5);
  CHECK(x.ranked == 4);
  CHECK(*x.mean == Approx(63).margin(1e-12));
  CHECK(*x.median == Approx(66).margin(1e-12));
  // decisions: Favorable 80 and 72; Reserve 60; Defavorable 40; Ineligible x5.
  CHECK(x.decisions == std::vector<std::pair<std::string, std::size_t>>{{"Favorable", 2},
                                                                        {"Reserve", 1},
                                                                        {"Defavorable", 1},
                                                                        {"Inéligible", 1},
                                                                        {"Incomplet", 0},
                                                                        {"Non évalué", 0},
                                                                        {"Invalide", 0}});
  CHECK(x.requested == 500.0);
  CHECK(x.funded_count == 2);  // x1, x2
  CHECK(x.funded == 200.0);
  // rows of the group in ranking order: x1 (rank 2), x2 (3), x3 (4), x4 (6), then x5
  std::vector<std::string> order;
  ess::RankedRowsInMemory(rows).for_each_grouped(ess::GroupKey::territory, [&](const RankRow& r) {
    if (r.territory == "X") order.push_back(r.dossier);
  });
  CHECK(order == std::vector<std::string>{"x1", "x2", "x3", "x4", "x5"});

  const auto& y = groups[2];
  CHECK(y.count == 3);
  CHECK(*y.median == Approx(50).margin(1e-12));
  CHECK(*y.mean == Approx(185.0 / 3).margin(1e-12));
  CHECK(y.requested == 100.0);  // y3 asks nothing
  CHECK(y.funded == 50.0);      // y1
}

TEST_CASE("summarise keeps what a ranking shows: axes out of 100, flags, failures") {
  const char* grid = R"(
grid: g
version: 1.0.0
title: T
scales:
  niveau: {type: levels, levels: [{value: 0, label: A}, {value: 1, label: B}, {value: 2, label: C}]}
  oui-non: {type: yesno}
criteria:
  - id: a
    title: A
    weight: 1
    minimum: 60
    children:
      - {id: a1, title: A1, scale: niveau}
      - {id: a2, title: A2, scale: niveau, allow_na: true}
  - id: b
    title: B
    weight: 1
    children:
      - {id: b1, title: B1, scale: oui-non}
decision:
  - {min: 0, label: Non}
  - {min: 50, label: Oui}
)";
  const char* dossier = R"(
dossier: D-1
title: Un dossier
grid: g
call: c1
territory: Creuse
requested: 1234.5
assessments:
  - assessor: X
    role: analyst
    date: 2026-01-01
    scores:
      a1: {level: 1}
      a2: {na: "sans objet"}
      b1: {value: yes}
  - assessor: Y
    role: analyst
    date: 2026-01-02
    scores:
      a1: {level: 1}
      a2: {level: 2}
      b1: {value: yes}
)";
  auto t = score_yaml(grid, dossier);
  REQUIRE(t->result);
  RankRow r = ess::summarise(*t->result);
  CHECK(r.dossier == "D-1");
  CHECK(r.title == "Un dossier");
  CHECK(r.call == "c1");
  CHECK(r.territory == "Creuse");
  CHECK(r.requested == 1234.5);
  // a: a1 = 1/2, a2 = 2/2 (Y's value; X said N/A: partial) → (0.5 + 1)/2 = 0.75 → 75;
  // b: 1 → 100; total (75 + 100)/2 = 87.5. a = 75 ≥ 60: no threshold failure.
  REQUIRE(r.axes.size() == 2);
  CHECK(*r.axes[0] == Approx(75).margin(1e-12));
  CHECK(*r.axes[1] == Approx(100).margin(1e-12));
  CHECK(r.total == Approx(87.5).margin(1e-12));
  CHECK(r.status == DossierStatus::ok);
  CHECK(r.band == 1);
  CHECK((r.flags & ess::flag_partial_na) != 0);
  CHECK((r.flags & ess::flag_self_only) == 0);
  CHECK(r.below_minimum.empty());
  CHECK(r.missing.empty());
  CHECK_FALSE(r.rank);
}

TEST_CASE("the CSV has exactly the columns of §4, one per axis") {
  ess::Grid grid = three_bands();
  grid.criteria.resize(2);
  grid.criteria[0].id = "gouvernance";
  grid.criteria[1].id = "incidences";
  std::vector<RankRow> rows = {row("a", 0.1 + 0.2, DossierStatus::ok, 10),
                               row("b, \"c\"", 20, DossierStatus::incomplete)};
  rows[0].axes = {50.0, std::nullopt};
  rows[1].axes = {10.0, 30.0};
  rows[1].missing = {"x"};
  rows[0].file = "dossiers/a.yaml";
  rows[1].file = "dossiers/b,c.yaml";
  auto line = ess::rank_rows(rows, 5.0);
  ess::resolve_decisions(rows, grid, ess::Language::en);
  ess::RankReport report;
  report.grid = &grid;
  ess::RankedRowsInMemory ranked(rows);
  report.rows = &ranked;
  for (const auto& r : rows) report.counts.add(r);
  report.funding = line;
  ess::ReportOptions options;
  options.language = ess::Language::en;
  std::string csv = ess::render_ranking(report, ess::ReportFormat::csv, options);
  CHECK(csv ==
        "rank,dossier,title,total,decision,status,gouvernance,incidences,requested,cumulative,"
        "funded,flags,file\r\n"
        "1,a,T a,0.30000000000000004,Defavorable,ok,50,,10,10,false,unfunded:budget,"
        "dossiers/a.yaml\r\n"
        ",\"b, \"\"c\"\"\",\"T b, \"\"c\"\"\",20,Incomplete,incomplete,10,30,,,false,missing:x,"
        "\"dossiers/b,c.yaml\"\r\n");
}

TEST_CASE("the Markdown draws the funding line where the budget stops") {
  ess::Grid grid = three_bands();
  grid.title = "G";
  grid.criteria.resize(1);
  grid.criteria[0].id = "a";
  grid.criteria[0].title = "A";
  std::vector<RankRow> rows = {row("x", 80, DossierStatus::ok, 60),
                               row("y", 60, DossierStatus::ok, 60),
                               row("z", 55, DossierStatus::ok, 30)};
  for (auto& r : rows) {
    r.axes = {r.total};
    r.band = ess::band_of(grid, r.total);
  }
  auto line = ess::rank_rows(rows, 100.0);
  ess::resolve_decisions(rows, grid, ess::Language::fr);
  ess::RankReport report;
  report.grid = &grid;
  ess::RankedRowsInMemory ranked(rows);
  report.rows = &ranked;
  for (const auto& r : rows) report.counts.add(r);
  report.funding = line;
  std::string md = ess::render_ranking(report, ess::ReportFormat::markdown, {});
  auto at_line = md.find("**Ligne de financement**");
  REQUIRE(at_line != std::string::npos);
  CHECK(md.find("| 1 | x |") < at_line);
  CHECK(md.find("| 2 | y |") > at_line);
  CHECK(md.find("## Hors ligne mais finançables") != std::string::npos);
  CHECK(md.find("| 3 | z | T z | 55,0 | Reserve | 55,0 | 30\u00a0€ | 150\u00a0€ | Non (sous la "
                "ligne) | finançable hors ligne |") != std::string::npos);
  CHECK(md.find("| 2 | y | T y | 60,0 | Reserve | 60,0 | 60\u00a0€ | 120\u00a0€ | Non (dépasse le "
                "reliquat) |") != std::string::npos);
  CHECK(md.find("reliquat 40\u00a0€ ; le dossier suivant demande plus que le reliquat") !=
        std::string::npos);
}
