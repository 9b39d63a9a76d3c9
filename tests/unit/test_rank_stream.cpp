// What rank needs to keep a batch on disk: rows as bytes and back, a byte key in ranking
// order, and the streamed ranking agreeing with the in-memory one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "ess/report/rank_report.hpp"

using ess::DossierStatus;
using ess::RankRow;

namespace {

RankRow row(std::string id, double total, DossierStatus status = DossierStatus::ok) {
  RankRow r;
  r.dossier = std::move(id);
  r.total = total;
  r.status = status;
  return r;
}

}  // namespace

TEST_CASE("a row survives encoding, every field of it") {
  RankRow r;
  r.dossier = "2026-001";
  r.title = std::string("Épicerie\0solidaire", 18);
  r.file = "a/b.yaml";
  r.id_pos = {3, 1};
  r.call = "AAP 2026";
  r.territory = "Creuse";
  r.theme = "alimentation";
  r.total = 0.1 + 0.2;
  r.status = DossierStatus::ineligible;
  r.band = 2;
  r.decision = "Favorable";
  r.axes = {50.0, std::nullopt, -0.0};
  r.requested = 25000.5;
  r.flags = ess::flag_disagreement | ess::flag_partial_na;
  r.eliminatory = {"gouvernance"};
  r.below_minimum = {"x", ""};
  r.missing = {};
  r.na = {"y"};
  r.rank = 7;
  r.cumulative = 1e300;
  r.funded = false;
  r.would_fit = true;
  r.draws_line = true;
  std::string bytes;
  ess::encode_row(r, bytes);
  RankRow back = ess::decode_row(bytes);
  CHECK(back.dossier == r.dossier);
  CHECK(back.title == r.title);
  CHECK(back.file == r.file);
  CHECK(back.id_pos.line == 3);
  CHECK(back.id_pos.col == 1);
  CHECK(back.call == r.call);
  CHECK(back.territory == r.territory);
  CHECK(back.theme == r.theme);
  CHECK(back.total == 0.1 + 0.2);  // bit for bit, not approximately
  CHECK(back.status == DossierStatus::ineligible);
  CHECK(back.band == 2);
  CHECK(back.decision == "Favorable");
  REQUIRE(back.axes.size() == 3);
  CHECK(*back.axes[0] == 50.0);
  CHECK_FALSE(back.axes[1]);
  CHECK(std::signbit(*back.axes[2]));
  CHECK(*back.requested == 25000.5);
  CHECK(back.flags == r.flags);
  CHECK(back.eliminatory == r.eliminatory);
  CHECK(back.below_minimum == r.below_minimum);
  CHECK(back.missing.empty());
  CHECK(back.na == r.na);
  CHECK(*back.rank == 7);
  CHECK(*back.cumulative == 1e300);
  CHECK_FALSE(back.funded);
  CHECK(back.would_fit);
  CHECK(back.draws_line);

  // Bytes cut short or with a tail are refused, never read as another row.
  CHECK_THROWS_AS(ess::decode_row(std::string_view(bytes).substr(0, bytes.size() - 1)),
                  std::runtime_error);
  CHECK_THROWS_AS(ess::decode_row(bytes + "x"), std::runtime_error);
}

TEST_CASE("rank_key sorts as the ranking does: status, total highest first, then id") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // In the order expected, worked out by hand from §2.6.
  std::vector<RankRow> expected = {
      row("b", 1e300),
      row("a", 80),
      row("c", 80),
      row("a", 0.30000000000000004),
      row("b", 0.3),
      row("a", -0.0),  // -0 and +0 are one total: listed by id
      row("b", 0.0),
      row("z", -1e300),
      row("a", nan),  // a total that is not a number sorts last among the ranked
      row("a", 10, DossierStatus::ineligible),
      row(std::string("a\0b", 3), 5, DossierStatus::ineligible),
      row("ab", 99, DossierStatus::ineligible),
      row("a", 99, DossierStatus::incomplete),
  };
  std::vector<std::string> keys;
  for (const auto& r : expected) keys.push_back(ess::rank_key(r));
  for (std::size_t i = 1; i < keys.size(); ++i) {
    INFO("row " << i << ": " << expected[i].dossier);
    CHECK(keys[i - 1] <= keys[i]);
  }
  // "a" (ineligible) is before "a\0b": the terminator sorts below an escaped NUL.
  CHECK(keys[9] < keys[10]);
  CHECK(keys[10] < keys[11]);
}

TEST_CASE("the stream ranks a shuffled batch as rank_rows does, fed in key order") {
  std::mt19937 random(2026);
  std::uniform_int_distribution<int> totals(0, 20);  // few distinct totals: many ties
  std::uniform_int_distribution<int> statuses(0, 9);
  std::vector<RankRow> rows;
  for (int i = 0; i < 500; ++i) {
    RankRow r = row("d" + std::to_string(i), totals(random) * 5 + (i % 3 ? 0 : 1e-12));
    int s = statuses(random);
    r.status = s == 0   ? DossierStatus::ineligible
               : s == 1 ? DossierStatus::incomplete
                        : DossierStatus::ok;
    r.requested = 1000.0 * (i % 7);
    rows.push_back(r);
  }
  std::vector<RankRow> in_memory = rows;
  ess::FundingLine expected = ess::rank_rows(in_memory, 40000.0);

  std::shuffle(rows.begin(), rows.end(), random);
  std::sort(rows.begin(), rows.end(),
            [](const RankRow& a, const RankRow& b) { return ess::rank_key(a) < ess::rank_key(b); });
  std::vector<RankRow> streamed;
  ess::RankStream stream(ess::FundingPlan{40000.0, {}, {}},
                         [&](RankRow&& r) { streamed.push_back(std::move(r)); });
  for (auto& r : rows) stream.add(std::move(r));
  stream.finish();

  REQUIRE(streamed.size() == in_memory.size());
  for (std::size_t i = 0; i < streamed.size(); ++i) {
    INFO("position " << i);
    CHECK(streamed[i].dossier == in_memory[i].dossier);
    CHECK(streamed[i].rank == in_memory[i].rank);
    CHECK(streamed[i].cumulative == in_memory[i].cumulative);
    CHECK(streamed[i].funded == in_memory[i].funded);
    CHECK(streamed[i].would_fit == in_memory[i].would_fit);
    CHECK(streamed[i].draws_line == in_memory[i].draws_line);
  }
  CHECK(stream.funding().funded_count == expected.funded_count);
  CHECK(stream.funding().first_unfunded == expected.first_unfunded);
  CHECK(stream.funding().would_fit == expected.would_fit);
  // The batch is built so that the line is drawn and something still fits below it.
  CHECK(expected.first_unfunded);
  CHECK(expected.would_fit > 0);
}
