// Percentages shown side by side add up to 100 % (§2.7), and names match as people type them
// (§2.6): round_shares and match_key.
#include <catch2/catch.hpp>

#include <numeric>
#include <vector>

#include "ess/model/shares.hpp"
#include "ess/model/text.hpp"

namespace {
long sum(const std::vector<long>& v) {
  return std::accumulate(v.begin(), v.end(), 0L);
}
}  // namespace

TEST_CASE("round_shares: largest remainder, in tenths of a percent") {
  // 1/3 each: 333.33 floors to 333 three times, one unit left to the first (ties: earlier).
  CHECK(ess::round_shares({1, 1, 1}, 1000) == std::vector<long>{334, 333, 333});
  // 0.4995 and 0.5005 of 1000: 499.5 and 500.5 → floors 499 + 500, the one unit left goes to
  // the first of the equal remainders; rounded alone they would show 50.0 % + 50.1 %.
  CHECK(ess::round_shares({0.4995, 0.5005}, 1000) == std::vector<long>{500, 500});
  // 0.1555 / 0.3555 / 0.489: 155.5, 355.5, 489 → 155 + 355 + 489 = 999; one unit to the first
  // .5 remainder: 156, 355, 489. Alone: 15.6 + 35.6 + 48.9 = 100.1 %.
  CHECK(ess::round_shares({0.1555, 0.3555, 0.489}, 1000) == std::vector<long>{156, 355, 489});
  CHECK(sum(ess::round_shares({0.1555, 0.3555, 0.489}, 1000)) == 1000);
  CHECK(ess::round_shares({0, 0}, 1000) == std::vector<long>{0, 0});
  CHECK(ess::round_shares({}, 1000).empty());
  CHECK(ess::round_shares({-1, 3}, 1000) == std::vector<long>{0, 1000});  // negative: 0
  CHECK(ess::round_shares({2, 2}, 4) == std::vector<long>{2, 2});         // exact: nothing moves
}

TEST_CASE("round_shares: a share that is not 0 never shows as 0, nor as the whole") {
  // 1 sample in 2000: 0.5 of a unit, largest remainder would give it 1 anyway; 1 in 3000
  // (0.333 of a unit) would get 0: it takes a unit from the largest share.
  CHECK(ess::round_shares({1, 1999}, 1000) == std::vector<long>{1, 999});
  CHECK(ess::round_shares({1, 2999}, 1000) == std::vector<long>{1, 999});
  CHECK(ess::round_shares({2999, 1}, 1000) == std::vector<long>{999, 1});
  // Three tiny ones beside a large one: each gets one unit, the large one 997.
  CHECK(ess::round_shares({1e-9, 1e-9, 1, 1e-9}, 1000) == std::vector<long>{1, 1, 997, 1});
  // More positive parts than units: as many as can be are shown, the sum stays exact.
  auto many = ess::round_shares({1, 1, 1, 1, 1}, 3);
  CHECK(sum(many) == 3);
}

TEST_CASE("match_key: case, accents and typography folded; French order by bytes") {
  CHECK(ess::match_key("Corrèze") == "correze");
  CHECK(ess::match_key("CORRÈZE") == "correze");
  CHECK(ess::match_key(" Haute-Vienne ") == "haute-vienne");
  CHECK(ess::match_key("Œuvre et Cœur") == "oeuvre et coeur");
  CHECK(ess::match_key("Pays d’Ouest") == "pays d'ouest");
  CHECK(ess::match_key("économie\u00a0sociale") == "economie sociale");
  CHECK(ess::match_key("Straße") == "strasse");
  CHECK(ess::match_key("Ÿ Ç Ñ Ø Å Æ") == "y c n o a ae");
  CHECK(ess::match_key("北京") == "北京");  // other scripts as they are
  CHECK(ess::match_key("a\xff"
                       "b") ==
        "a\xff"
        "b");  // bytes that are not UTF-8 too
  CHECK(ess::same_name("correze", "Corrèze"));
  CHECK_FALSE(ess::same_name("Creuse", "Corrèze"));
  // énergie before rénovation before zèbre, whatever the case or the accents.
  CHECK(ess::match_key("énergie") < ess::match_key("Rénovation"));
  CHECK(ess::match_key("Rénovation") < ess::match_key("zèbre"));
  CHECK(ess::match_key("Énergie") < ess::match_key("eoliennes"));
}
