// The SCDL « subventions » 2.1.1 renderer, field by field (§4). The official schema itself
// checks the renderer's output in tests/scdl/.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "ess/model/identifiers.hpp"
#include "ess/report/scdl.hpp"

namespace {

ess::Call call() {
  ess::Call c;
  c.id = "aap-test";
  c.file = "criteria/calls/aap-test.yaml";
  c.pos = {1, 1};
  c.funder = {"Région Nouvelle-Aquitaine", "44306184100047", {}, {}};
  c.decision = ess::CallDecision{"2026-06-15", "CP-2026-06-15-12", {}};
  c.award = ess::AwardTerms{"aide en numéraire", "unique", "2026-07-01/2026-12-31", false, {}};
  return c;
}

ess::AwardLine line(std::string id, std::string title, std::optional<double> amount) {
  ess::AwardLine l;
  l.dossier.dossier = std::move(id);
  l.dossier.file = "d.yaml";
  l.dossier.pos = {2, 1};
  l.dossier.title = std::move(title);
  l.dossier.applicant = "Association Les Cailloux";
  l.dossier.siret = "21060004500392";
  l.amount = amount;
  return l;
}

const std::string header =
    "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,"
    "rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,"
    "notificationUE,pourcentageSubvention,dispositifAide\r\n";

std::string codes(const std::vector<ess::Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += d.file + " " + d.code + "\n";
  return out;
}

}  // namespace

TEST_CASE("scdl: the 16 columns in the schema's order, one row per award, mapped as §4 says") {
  ess::AwardList awards;
  awards.lines.push_back(line("2026-001", "Épicerie solidaire", 20000.5));
  ess::AwardLine rna_only = line("2026-002", "Ressourcerie, atelier \"réparer\"", 8000);
  rna_only.dossier.siret.clear();
  rna_only.dossier.rna = "W872001234";
  rna_only.dossier.applicant = "Association Le Grenier\n  Creusois";  // a folded YAML line
  awards.lines.push_back(rna_only);
  ess::Call c = call();
  c.award->eu_notified = true;
  std::vector<ess::Diagnostic> diags;
  std::string csv = ess::render_scdl(c, awards, diags);
  CHECK(diags.empty());
  CHECK(csv == header +
                   "Région Nouvelle-Aquitaine,44306184100047,2026-06-15,CP-2026-06-15-12,"
                   "Association Les Cailloux,21060004500392,,Épicerie solidaire,20000.5,"
                   "aide en numéraire,unique,2026-07-01/2026-12-31,,oui,1.00,\r\n"
                   "Région Nouvelle-Aquitaine,44306184100047,2026-06-15,CP-2026-06-15-12,"
                   "Association Le Grenier Creusois,,W872001234,"
                   "\"Ressourcerie, atelier \"\"réparer\"\"\",8000,"
                   "aide en numéraire,unique,2026-07-01/2026-12-31,,oui,1.00,\r\n");
}

TEST_CASE("scdl: the funding line's proposal is a warning at the call") {
  ess::AwardList awards;
  awards.proposal = true;
  std::vector<ess::Diagnostic> diags;
  ess::render_scdl(call(), awards, diags);
  CHECK(diags.empty());  // nothing awarded: nothing proposed
  awards.lines.push_back(line("2026-001", "Épicerie", 1000));
  std::string csv = ess::render_scdl(call(), awards, diags);
  CHECK(codes(diags) == "criteria/calls/aap-test.yaml scdl-proposal\n");
  CHECK(diags[0].severity == ess::Severity::warning);
  CHECK(csv.find(",1000,") != std::string::npos);
}

TEST_CASE("scdl: what a dossier lacks is an error naming it and the field; its row left out") {
  ess::AwardList awards;
  awards.lines.push_back(line("A", "Titre", 1000));
  ess::AwardLine no_id = line("B", "Titre", 1000);
  no_id.dossier.siret.clear();
  awards.lines.push_back(no_id);
  ess::AwardLine no_applicant = line("C", "Titre", 1000);
  no_applicant.dossier.applicant = "  ";
  awards.lines.push_back(no_applicant);
  awards.lines.push_back(line("D", "Titre", std::nullopt));
  std::vector<ess::Diagnostic> diags;
  std::string csv = ess::render_scdl(call(), awards, diags);
  REQUIRE(diags.size() == 3);
  CHECK(diags[0].message ==
        "awarded dossier 'B' has no SIRET nor RNA number: SCDL requires idBeneficiaire or "
        "rnaBeneficiaire");
  CHECK(diags[1].message == "awarded dossier 'C' has no applicant: SCDL requires nomBeneficiaire");
  CHECK(diags[2].message == "awarded dossier 'D' has no amount: SCDL requires montant");
  for (const auto& d : diags) {
    CHECK(d.code == "scdl-missing-field");
    CHECK(d.severity == ess::Severity::error);
    CHECK(d.file == "d.yaml");
    CHECK(d.pos == ess::Pos{2, 1});
  }
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 2);  // the header and A's row
}

TEST_CASE("scdl: a call without its decision or award terms writes no row") {
  ess::AwardList awards;
  awards.lines.push_back(line("A", "Titre", 1000));
  ess::Call c = call();
  c.decision.reset();
  c.award->period.clear();
  std::vector<ess::Diagnostic> diags;
  std::string csv = ess::render_scdl(c, awards, diags);
  CHECK(csv == header);
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].message == "call 'aap-test' has no decision date: SCDL requires dateConvention");
  CHECK(diags[1].message ==
        "call 'aap-test' has no award period: SCDL requires datesPeriodeVersement");
  CHECK(diags[0].file == "criteria/calls/aap-test.yaml");
}

TEST_CASE("scdl: objet cut at a word to 256 characters, with a warning") {
  std::string word = "réemploi ";  // 9 characters, 10 bytes
  std::string title;
  for (int i = 0; i < 40; ++i) title += word;  // 360 characters
  ess::AwardList awards;
  awards.lines.push_back(line("A", title, 1000));
  std::vector<ess::Diagnostic> diags;
  std::string csv = ess::render_scdl(call(), awards, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "scdl-objet-cut");
  CHECK(diags[0].severity == ess::Severity::warning);
  // 28 words and their spaces take 252 characters; the 29th would end at 260: cut after the
  // 28th word (251 characters without its space), then "…": 252 characters.
  std::string expected;
  for (int i = 0; i < 28; ++i) expected += word;
  expected.pop_back();
  expected += "…";
  CHECK(ess::utf8_length(expected) == 252);
  CHECK(csv.find("," + expected + ",1000,") != std::string::npos);
  // Exactly 256 characters: kept whole, no warning.
  std::string full(256, 'x');
  awards.lines[0].dossier.title = full;
  diags.clear();
  csv = ess::render_scdl(call(), awards, diags);
  CHECK(diags.empty());
  CHECK(csv.find("," + full + ",") != std::string::npos);
  // One word longer than the limit: cut inside it, 255 characters and "…".
  awards.lines[0].dossier.title = std::string(300, 'y');
  diags.clear();
  csv = ess::render_scdl(call(), awards, diags);
  CHECK(csv.find("," + std::string(255, 'y') + "…,") != std::string::npos);
}
