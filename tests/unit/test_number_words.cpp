// The one formatter of numbers for people (ess/model/number_words.hpp, spec §2.7).
#include <catch2/catch.hpp>

#include "ess/model/number_words.hpp"

using ess::Language;
using ess::NumberWords;

namespace {
const NumberWords fr(Language::fr);
const NumberWords en(Language::en);
}  // namespace

TEST_CASE("numbers: scores with one decimal, half away from zero, decimal comma in French") {
  CHECK(fr.score(73.75) == "73,8");
  CHECK(en.score(73.75) == "73.8");
  CHECK(fr.score(70) == "70,0");
  CHECK(fr.score(-0.04) == "0,0");
  CHECK(fr.signed_score(16.666) == "+16,7");
  CHECK(fr.signed_score(-33.33) == "-33,3");
  CHECK(fr.signed_score(0.01) == "0,0");
  CHECK(en.signed_score(2.25) == "+2.3");
}

TEST_CASE("numbers: thousands grouped by U+202F from 10 000 in French, ',' from 1,000 in English") {
  CHECK(fr.quantity(9999) == "9999");
  CHECK(fr.quantity(10000) == "10\u202f000");
  CHECK(fr.fixed(-1234567.0, 0) == "-1\u202f234\u202f567");
  CHECK(en.quantity(1000) == "1,000");
  CHECK(en.quantity(999) == "999");
  CHECK(fr.quantity(11.88) == "11,88");
  CHECK(fr.quantity(0.5) == "0,5");
  CHECK(fr.count(182084) == "182\u202f084");
  CHECK(fr.exact(0.125) == "0,125");
  CHECK(fr.exact(1e-7) == "1e-07");
}

TEST_CASE("numbers: money in the grid's currency, cents only when there are some") {
  CHECK(fr.amount(40000) == "40\u202f000\u00a0€");
  CHECK(fr.amount(9000) == "9000\u00a0€");
  CHECK(en.amount(40000) == "€40,000");
  CHECK(en.amount(-250) == "-€250");
  CHECK(fr.amount(1234.5) == "1234,50\u00a0€");
  CHECK(fr.amount(0.004) == "0\u00a0€");
  NumberWords chf_fr(Language::fr, "CHF"), chf_en(Language::en, "CHF");
  CHECK(chf_fr.amount(15000) == "15\u202f000\u00a0CHF");
  CHECK(chf_en.amount(15000) == "CHF 15,000");
  CHECK(NumberWords(Language::en, "GBP").amount(12) == "£12");
}

TEST_CASE("numbers: percentages with a narrow no-break space before % in French") {
  CHECK(fr.percent(0.4378) == "43,8\u202f%");
  CHECK(en.percent(0.4378) == "43.8%");
  CHECK(fr.percent(1) == "100,0\u202f%");
}

TEST_CASE("numbers: a value in a grid's unit") {
  CHECK(fr.with_unit(51084, "EUR") == "51\u202f084\u00a0€");
  CHECK(en.with_unit(51084, "EUR") == "€51,084");
  CHECK(fr.with_unit(11.88, "EUR/h") == "11,88\u00a0€/h");
  CHECK(en.with_unit(11.88, "EUR/h") == "€11.88/h");
  CHECK(fr.with_unit(0.379, "ratio") == "37,9\u202f%");
  CHECK(fr.with_unit(55.2, "%") == "55,2\u202f%");
  CHECK(fr.with_unit(0.66, "indice") == "0,66");
  CHECK(fr.with_unit(4300, "h") == "4300\u00a0h");
  CHECK(fr.with_unit(12000, "h/an") == "12\u202f000\u00a0h/an");
  CHECK(fr.with_unit(3, "") == "3");
  // Another currency: EUR is then a unit like any other.
  CHECK(NumberWords(Language::fr, "CHF").with_unit(20, "EUR") == "20\u00a0EUR");
}

TEST_CASE("numbers: shares shown side by side add up to 100 % (largest remainder)") {
  std::vector<double> s = ess::rounded_shares({62000, 69000, 51084});
  REQUIRE(s.size() == 3);
  CHECK(fr.percent(s[0]) == "34,0\u202f%");
  CHECK(fr.percent(s[1]) == "37,9\u202f%");
  CHECK(fr.percent(s[2]) == "28,1\u202f%");
  CHECK(s[0] + s[1] + s[2] == Approx(1.0));
  std::vector<double> thirds = ess::rounded_shares({1, 1, 1});
  CHECK(fr.percent(thirds[0]) == "33,4\u202f%");  // ties: the first takes the rest
  CHECK(fr.percent(thirds[1]) == "33,3\u202f%");
  CHECK(ess::rounded_shares({0, 0}) == std::vector<double>{0, 0});
}

TEST_CASE("numbers: currency codes a grid may name") {
  CHECK(ess::is_currency_code("EUR"));
  CHECK(ess::is_currency_code("XPF"));
  CHECK_FALSE(ess::is_currency_code("eur"));
  CHECK_FALSE(ess::is_currency_code("€"));
  CHECK_FALSE(ess::is_currency_code("EURO"));
}
