// SIRET, RNA, SCDL dates and periods (ess/model/identifiers.hpp), and the dossier keys that
// carry them. Every SIRET below was checked by hand: the Luhn sum is written beside it.
#include <catch2/catch.hpp>

#include <string>

#include "ess/io/load.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/identifiers.hpp"

using ess::IdentifierProblem;

TEST_CASE("luhn: the sum of digits, every second from the right doubled") {
  CHECK(ess::luhn_valid("79927398713"));  // the textbook example
  CHECK_FALSE(ess::luhn_valid("79927398710"));
  CHECK(ess::luhn_valid("0"));
  CHECK_FALSE(ess::luhn_valid(""));
  CHECK_FALSE(ess::luhn_valid("7992739871a"));
}

TEST_CASE("siret: 14 digits and Luhn, each problem named") {
  // 44306184100047 (the spec's example), each digit as Luhn counts it, the doubled ones (every
  // second from the right) less 9 when above 9: 8 4 6 0 3 1 7 4 2 0 0 0 8 7, sum 50.
  CHECK(ess::check_siret("44306184100047") == IdentifierProblem::none);
  CHECK(ess::check_siret("21060004500392") == IdentifierProblem::none);  // SCDL example
  CHECK(ess::check_siret("44306184100048") == IdentifierProblem::checksum);
  // The last two digits swapped: ... 0 0 5 4, sum 44.
  CHECK(ess::check_siret("44306184100074") == IdentifierProblem::checksum);
  CHECK(ess::check_siret("4430618410004") == IdentifierProblem::length);
  CHECK(ess::check_siret("443061841000470") == IdentifierProblem::length);
  CHECK(ess::check_siret("") == IdentifierProblem::length);
  CHECK(ess::check_siret("443 061 841 00047") == IdentifierProblem::non_digit);
  CHECK(ess::check_siret("4430618410004A") == IdentifierProblem::non_digit);
}

TEST_CASE("siret: La Poste's establishments add up to a multiple of 5, its head office is Luhn") {
  // 35600000000100: digits 3+5+6+1 = 15, a multiple of 5; Luhn counts 6 5 3 0...0 1 0 0 = 15.
  CHECK_FALSE(ess::luhn_valid("35600000000100"));
  CHECK(ess::check_siret("35600000000100") == IdentifierProblem::none);
  // 35600000000113: Luhn counts 6 5 3 0...0 1 2 3 = 20 and passes, but the digit sum
  // 3+5+6+1+1+3 = 19 is not a multiple of 5.
  CHECK(ess::luhn_valid("35600000000113"));
  CHECK(ess::check_siret("35600000000113") == IdentifierProblem::checksum);
  // The head office 356 000 000 00048: digit sum 26, yet valid: it follows Luhn.
  CHECK(ess::check_siret("35600000000048") == IdentifierProblem::none);
  // Another SIREN (356000010) is never judged by the digit sum: 35600001000100 sums to 15,
  // Luhn counts 16.
  CHECK(ess::check_siret("35600001000100") == IdentifierProblem::checksum);
}

TEST_CASE("rna: W then 9 digits") {
  CHECK(ess::check_rna("W872001234") == IdentifierProblem::none);
  CHECK(ess::check_rna("w872001234") == IdentifierProblem::prefix);
  CHECK(ess::check_rna("872001234") == IdentifierProblem::prefix);
  CHECK(ess::check_rna("") == IdentifierProblem::prefix);
  CHECK(ess::check_rna("W87200123") == IdentifierProblem::length);
  CHECK(ess::check_rna("W8720012345") == IdentifierProblem::length);
  CHECK(ess::check_rna("W8720O1234") == IdentifierProblem::non_digit);
}

TEST_CASE("dates and periods as SCDL writes them; characters counted in UTF-8") {
  CHECK(ess::is_iso_date_or_period("2026-07-01"));
  CHECK(ess::is_iso_date_or_period("2026-07-01/2026-12-31"));
  CHECK(ess::is_iso_date_or_period("2026-07-01/2026-07-01"));
  CHECK_FALSE(ess::is_iso_date_or_period("2026-12-31/2026-07-01"));  // start first
  CHECK_FALSE(ess::is_iso_date_or_period("2026-02-30"));
  CHECK_FALSE(ess::is_iso_date_or_period("2026-07-01/"));
  CHECK_FALSE(ess::is_iso_date_or_period("2026-07-01 / 2026-12-31"));
  CHECK(ess::utf8_length("échelonné") == 9);
  CHECK(ess::utf8_length("a…") == 2);
}

TEST_CASE("bands: fundable as written, else every band but the lowest") {
  std::vector<ess::Band> bands(3);
  CHECK_FALSE(ess::band_fundable(bands, 0));
  CHECK(ess::band_fundable(bands, 1));
  CHECK(ess::band_fundable(bands, 2));
  CHECK_FALSE(ess::band_fundable(bands, 3));  // no such band
  bands[1].fundable = false;
  bands[0].fundable = true;
  CHECK(ess::band_fundable(bands, 0));
  CHECK_FALSE(ess::band_fundable(bands, 1));
}

namespace {

std::string found(const std::string& extra) {
  std::string text =
      "dossier: D-1\n"     // 1
      "title: Dossier\n"   // 2
      "grid: g@1.2.0\n" +  // 3
      extra;               // 4...
  ess::Diagnostics diags("d.yaml");
  ess::YamlNode root;
  REQUIRE(ess::parse_yaml(text, ess::ParseLimits{}, root, diags));
  auto d = ess::load_dossier(root, diags);
  REQUIRE(d);
  std::string out;
  for (const auto& item : diags.items())
    out += std::to_string(item.pos.line) + ":" + std::to_string(item.pos.col) + " " + item.code +
           " " + item.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("dossier: siret, rna, project_cost and awarded, each refusal at its value") {
  CHECK(found("siret: \"44306184100047\"\nrna: W872001234\nproject_cost: 61000\n"
              "awarded: 20000\n") == "");
  CHECK(found("siret: 44306184100047\n") == "");  // unquoted: read as written
  CHECK(found("siret: \"44306184100048\"\n") ==
        "4:8 invalid-siret the applicant's SIRET '44306184100048' fails the Luhn check (a digit "
        "is wrong or two are swapped)\n");
  CHECK(found("siret: \"443061841\"\n") ==
        "4:8 invalid-siret the applicant's SIRET '443061841' has 9 digits, not 14\n");
  CHECK(found("siret: \"443 061 841 00047\"\n") ==
        "4:8 invalid-siret the applicant's SIRET '443 061 841 00047' has characters other than "
        "digits\n");
  CHECK(found("rna: W87200123\n") ==
        "4:6 invalid-rna the RNA number 'W87200123' has 8 digits after the W, not 9\n");
  CHECK(found("rna: 872001234\n") ==
        "4:6 invalid-rna the RNA number '872001234' does not start with W\n");
  CHECK(found("project_cost: -1\n") ==
        "4:15 invalid-value the project's cost cannot be negative\n");
  CHECK(found("awarded: -1\n") == "4:10 invalid-value the amount awarded cannot be negative\n");
  CHECK(found("awarded: \"20000\"\n").find("4:10 invalid-number") == 0);
}

TEST_CASE("dossier: the identity keys are kept with their positions") {
  std::string text =
      "dossier: D-1\ntitle: T\ngrid: g\nsiret: \"44306184100047\"\nrna: W872001234\n"
      "project_cost: 61000\nawarded: 0\n";
  ess::Diagnostics diags("d.yaml");
  ess::YamlNode root;
  REQUIRE(ess::parse_yaml(text, ess::ParseLimits{}, root, diags));
  auto d = ess::load_dossier(root, diags);
  REQUIRE(d);
  CHECK(diags.empty());
  CHECK(d->siret == "44306184100047");
  CHECK(d->siret_pos == ess::Pos{4, 8});
  CHECK(d->rna == "W872001234");
  CHECK(d->rna_pos == ess::Pos{5, 6});
  CHECK(d->project_cost == 61000);
  CHECK(d->awarded == 0);
  CHECK(d->awarded_pos == ess::Pos{7, 10});
}
