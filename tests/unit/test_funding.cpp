// The funding line follows the avis (§1.1 fundable, §2.6), budgets per group, and the order of
// unranked rows; every expected value is worked out beside it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ess/core/ranking.hpp"
#include "ess/model/decision.hpp"

using ess::DossierStatus;
using ess::RankRow;
using ess::Unfunded;

namespace {

RankRow row(std::string id, double total, double requested, bool fundable = true,
            std::string territory = "") {
  RankRow r;
  r.dossier = std::move(id);
  r.total = total;
  r.requested = requested;
  r.fundable = fundable;
  r.territory = std::move(territory);
  return r;
}

const RankRow& find(const std::vector<RankRow>& rows, const std::string& id) {
  for (const auto& r : rows)
    if (r.dossier == id) return r;
  FAIL("no row " << id);
  return rows.front();
}

}  // namespace

TEST_CASE("fundable: written on a band, else every band but the lowest") {
  std::vector<ess::Band> bands = {
      {0, "Défavorable", {}}, {50, "Réservé", {}}, {70, "Favorable", {}}};
  CHECK_FALSE(ess::band_fundable(bands, 0));
  CHECK(ess::band_fundable(bands, 1));
  CHECK(ess::band_fundable(bands, 2));
  CHECK_FALSE(ess::band_fundable(bands, 3));  // no such band
  bands[0].fundable = true;
  bands[1].fundable = false;
  CHECK(ess::band_fundable(bands, 0));
  CHECK_FALSE(ess::band_fundable(bands, 1));
}

TEST_CASE("funding: a band that is not fundable draws the line, whatever the budget left") {
  // Budget 1000: a 100 (90), b 100 (80), c 10 (30, not fundable: Défavorable), d 10 (20, not
  // fundable). The money would cover all four; the avis stops the line above c.
  std::vector<RankRow> rows = {row("a", 90, 100), row("b", 80, 100), row("c", 30, 10, false),
                               row("d", 20, 10, false)};
  auto line = ess::rank_rows(rows, 1000.0);
  CHECK(find(rows, "a").funded);
  CHECK(find(rows, "b").funded);
  CHECK_FALSE(find(rows, "c").funded);
  CHECK(find(rows, "c").draws_line);
  CHECK(find(rows, "c").unfunded == Unfunded::not_fundable);
  CHECK(find(rows, "d").unfunded == Unfunded::not_fundable);
  CHECK_FALSE(find(rows, "d").would_fit);  // 10 ≤ 800 left, but never fundable
  CHECK(line.drawn_by == Unfunded::not_fundable);
  CHECK(line.funded_count == 2);
  CHECK(line.funded_total == 200);
  CHECK(line.remaining() == 800);
  CHECK(line.would_fit == 0);
  REQUIRE(line.first_unfunded);
  CHECK(*line.first_unfunded == 2);
}

TEST_CASE("funding: below a line drawn by the budget, each row says why it is not funded") {
  // Budget 150: a 100 funded (100); b 80 does not fit (180 > 150): the line, 50 left; c 40
  // would fit in the 50 left (below-line); d 60 does not (budget); e 10 is not fundable.
  std::vector<RankRow> rows = {row("a", 90, 100), row("b", 80, 80), row("c", 70, 40),
                               row("d", 60, 60), row("e", 10, 10, false)};
  auto line = ess::rank_rows(rows, 150.0);
  CHECK(find(rows, "a").unfunded == Unfunded::none);
  CHECK(find(rows, "b").unfunded == Unfunded::budget);
  CHECK(find(rows, "b").draws_line);
  CHECK(find(rows, "c").unfunded == Unfunded::below_line);
  CHECK(find(rows, "c").would_fit);
  CHECK(find(rows, "d").unfunded == Unfunded::budget);
  CHECK(find(rows, "e").unfunded == Unfunded::not_fundable);
  CHECK(line.drawn_by == Unfunded::budget);
  CHECK(line.remaining() == 50);
  CHECK(line.would_fit == 1);
  CHECK(std::string(ess::unfunded_token(Unfunded::below_line)) == "below-line");
  CHECK(std::string(ess::unfunded_token(Unfunded::no_budget)) == "no-budget");
}

TEST_CASE("funding: without a budget nobody is funded and no reason is given") {
  std::vector<RankRow> rows = {row("a", 90, 100), row("b", 10, 10, false)};
  ess::rank_rows(rows, std::nullopt);
  for (const auto& r : rows) {
    CHECK_FALSE(r.funded);
    CHECK(r.unfunded == Unfunded::none);
  }
}

TEST_CASE("budgets per group: one line per group, names matched ignoring case and accents") {
  // Corrèze 60 (typed "correze"): c1 30 (95), c2 (spelt "CORREZE") 20 → 50, c3 20 → 70 > 60:
  // line, 10 left. Creuse 25: k1 30 > 25 at once: line, 25 left; k2 20 would fit.
  // Haute-Vienne has no budget: h1 not funded (no-budget). "Limousin" has a budget and no row.
  std::vector<RankRow> rows = {
      row("c1", 95, 30, true, "Corrèze"),   row("c2", 90, 20, true, "CORREZE"),
      row("k1", 85, 30, true, "Creuse"),    row("h1", 80, 5, true, "Haute-Vienne"),
      row("c3", 75, 20, true, "Corrèze"),   row("k2", 70, 20, true, "creuse"),
      row("x", 60, 1, true, "Haute-Vienne")};
  ess::FundingPlan plan;
  plan.by = ess::GroupKey::territory;
  plan.budgets = {{"correze", 60, {}}, {"Creuse", 25, {}}, {"Limousin", 100, {}}};
  std::vector<ess::FundingLine> lines;
  auto total = ess::rank_rows(rows, plan, &lines);
  CHECK(find(rows, "c1").funded);
  CHECK(find(rows, "c2").funded);
  CHECK(*find(rows, "c2").cumulative == 50);  // within its group, not over the ranking
  CHECK(find(rows, "c3").draws_line);
  CHECK(find(rows, "c3").unfunded == Unfunded::budget);
  CHECK(find(rows, "k1").draws_line);
  CHECK(find(rows, "k2").would_fit);
  CHECK(find(rows, "h1").unfunded == Unfunded::no_budget);
  CHECK_FALSE(find(rows, "h1").draws_line);
  CHECK(*find(rows, "x").cumulative == 6);
  // Lines by key: correze, creuse, haute-vienne (no budget), limousin.
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].key == "correze");
  CHECK(lines[0].funded_total == 50);
  CHECK(lines[0].remaining() == 10);
  CHECK(lines[1].key == "creuse");
  CHECK(lines[1].funded_count == 0);
  CHECK(lines[1].would_fit == 1);
  CHECK(lines[2].key == "haute-vienne");
  CHECK_FALSE(lines[2].budget);
  CHECK(lines[3].name == "Limousin");
  CHECK(lines[3].ranked == 0);
  // The sum, for the header: budgets 185, funded 50, 135 left.
  CHECK(*total.budget == 185);
  CHECK(total.funded_total == 50);
  CHECK(total.remaining() == 135);
  CHECK(total.would_fit == 1);
}

TEST_CASE("unranked rows: ineligible, incomplete, not assessed, invalid; each by id") {
  std::vector<RankRow> rows = {row("z", 50, 0), row("a", 40, 0)};
  RankRow n = row("n", 99, 0), i = row("i", 10, 0), m = row("m", 20, 0);
  n.status = DossierStatus::not_assessed;
  i.status = DossierStatus::ineligible;
  m.status = DossierStatus::incomplete;
  rows.push_back(n);
  rows.push_back(i);
  rows.push_back(m);
  rows.push_back(ess::invalid_row("dossiers/zz.yaml", nullptr, "yaml-syntax", "not YAML"));
  rows.push_back(ess::invalid_row("dossiers/aa.yaml", nullptr, "empty-file", "empty"));
  ess::Dossier d;
  d.id = "b";
  d.territory = "Creuse";
  rows.push_back(ess::invalid_row("dossiers/b.yaml", &d, "unknown-key", "unknown key"));
  ess::rank_rows(rows, 1000.0);
  std::vector<std::string> order;
  for (const auto& r : rows) order.push_back(r.dossier.empty() ? r.file : r.dossier);
  CHECK(order == std::vector<std::string>{"z", "a", "i", "m", "n", "b", "dossiers/aa.yaml",
                                          "dossiers/zz.yaml"});
  CHECK(rows[4].rank == std::nullopt);  // not assessed: never ranked, never funded
  CHECK_FALSE(rows[4].funded);
  CHECK(rows[5].territory == "Creuse");
  CHECK(rows[5].error_code == "unknown-key");
  ess::RankCounts counts;
  for (const auto& r : rows) counts.add(r);
  CHECK(counts.rows == 8);
  CHECK(counts.ranked + counts.ineligible + counts.incomplete + counts.not_assessed +
            counts.invalid ==
        counts.rows);
  CHECK(counts.not_assessed == 1);
  CHECK(counts.invalid == 3);
  // rank_key sorts the same way: status, then (for invalid rows) those without an id last.
  CHECK(ess::rank_key(rows[5]) < ess::rank_key(rows[6]));
  CHECK(ess::rank_key(rows[4]) < ess::rank_key(rows[5]));
}

TEST_CASE("a refused row keeps who it is and loses its scores") {
  RankRow r = row("d", 72, 100);
  r.axes = {50.0};
  r.missing = {"x"};
  ess::refuse_row(r, "grid-mismatch", "another grid");
  CHECK(r.status == DossierStatus::invalid);
  CHECK(r.dossier == "d");
  CHECK(r.axes.empty());
  CHECK(r.missing.empty());
  CHECK_FALSE(r.fundable);
  CHECK(r.error_message == "another grid");
}

TEST_CASE("group summaries: one group per name whatever its case and accents, French order") {
  // énergie (2) and Énergie (1): one group shown "énergie"; Rénovation before "zèbre", after
  // "énergie" (accents folded), although 'R' < 'z' < 'é' in bytes.
  std::vector<RankRow> rows = {row("a", 90, 1), row("b", 80, 1), row("c", 70, 1), row("d", 60, 1),
                               row("e", 50, 1)};
  const char* themes[] = {"énergie", "Énergie", "zèbre", "Rénovation", "énergie"};
  for (std::size_t k = 0; k < rows.size(); ++k) rows[k].theme = themes[k];
  ess::rank_rows(rows, std::nullopt);
  auto groups = ess::summarise_groups(rows, ess::GroupKey::theme, {});
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].value == "énergie");
  CHECK(groups[0].count == 3);
  CHECK(*groups[0].median == 80);  // 90, 80, 50
  CHECK(groups[1].value == "Rénovation");
  CHECK(groups[2].value == "zèbre");
}
