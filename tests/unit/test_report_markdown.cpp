#include <catch2/catch.hpp>

#include <sstream>

#include "ess/model/format.hpp"
#include "ess/report/report.hpp"
#include "test_report_fixture.hpp"

using Catch::Matchers::Contains;

namespace {

std::string md(const ReportFixture& f, ess::Language language = ess::Language::fr) {
  ess::ReportOptions o;
  o.language = language;
  return ess::render_markdown(f.result, o);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Cell separators of a table line: pipes not escaped by a backslash.
int pipes(const std::string& line) {
  int n = 0;
  for (std::size_t i = 0; i < line.size(); ++i)
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
  return n;
}

}  // namespace

TEST_CASE("markdown: header, verdict and numbers with one decimal") {
  auto f = make_fixture();
  std::string out = md(*f);
  CHECK_THAT(out, Contains("# Dossier T-1, bis — Titre \"cité\" | pipe\n"));
  CHECK_THAT(out, Contains("`essai@1.2.0`, sha256 `0123456789ab`"));
  CHECK_THAT(out, Contains("- **Total :** 62,3 / 100"));  // 62.25: half away from zero
  CHECK_THAT(out, Contains("- **Avis :** Incomplet — dossier ajourné"));
  CHECK_THAT(out, Contains("« Réservé »"));
  CHECK_THAT(out, Contains("| 66,7 | 50,0\u202f% |"));  // axis score and effective weight
  CHECK_THAT(out, Contains("███████░░░"));              // 2/3 → 7 of 10
  CHECK_THAT(out, Contains("| Établi (2) | 66,7 | 2 | 50,0\u202f% | Exemplaire (3) | 1 | 16,7 |"));
  CHECK_THAT(out, Contains("- **Montant demandé :** 12\u202f000\u00a0€"));
}

TEST_CASE("markdown: free text cannot break tables or open Markdown constructs") {
  auto f = make_fixture();
  std::string out = md(*f);
  CHECK_THAT(out, Contains("Critère \\*étoilé\\* \\[lien\\](x) \\<b\\>"));
  CHECK_THAT(out, Contains("Part \\| avec pipe"));
  CHECK_THAT(out, Contains("PV d'AG \\| annexe 2"));  // the newline became a space
  CHECK_THAT(out, Contains("**Gouvernance sur deux lignes**"));
  CHECK_THAT(out, Contains("Association Sur deux lignes"));
  // Every line of a table has as many cell separators as its header.
  int expected = -1;
  for (const auto& line : lines_of(out)) {
    if (line.empty() || line[0] != '|') {
      expected = -1;
      continue;
    }
    if (expected < 0) expected = pipes(line);
    INFO(line);
    CHECK(pipes(line) == expected);
  }
}

TEST_CASE("markdown: sections in the order of the contract") {
  auto f = make_fixture();
  std::string out = md(*f);
  const char* headings[] = {"# Dossier",
                            "## Avis",
                            "## Scores par axe",
                            "## Détail des critères",
                            "## Où l'accompagnement aiderait le plus",
                            "### Chemin vers l'avis suivant",
                            "## Évaluateurs",
                            "## Critères non applicables et manquants",
                            "## Données chiffrées et ressources",
                            "### Hybridation des ressources"};
  std::size_t at = 0;
  for (const char* h : headings) {
    INFO(h);
    std::size_t found = out.find(std::string("\n") + h, at ? at : 0);
    if (at == 0 && out.rfind(h, 0) == 0) found = 0;
    REQUIRE(found != std::string::npos);
    CHECK(found >= at);
    at = found + 1;
  }
  CHECK(out.back() == '\n');
  CHECK(out.find("\n\n\n") == std::string::npos);
}

TEST_CASE("markdown: missing, N/A, path, assessors and resource mix") {
  auto f = make_fixture();
  std::string out = md(*f);
  CHECK_THAT(out, Contains("| Condition | Non applicable |"));
  CHECK_THAT(out,
             Contains("| Part \\| avec pipe | Manquant | non noté par A. Un \\| deux, La structure "
                      "(auto-évaluation) |"));
  CHECK_THAT(out, Contains("| 1 | Critère \\*étoilé\\* \\[lien\\](x) \\<b\\> | Établi (2) → "
                           "Exemplaire (3) | 16,7 | 78,9 |"));
  CHECK_THAT(out, Contains("Total atteint : 78,9, avis « Favorable »."));
  CHECK_THAT(out, Contains("| 2 | 3 | 2 |  |  | +33,3 |  |"));  // raw, self, consolidated
  CHECK_THAT(out, Contains("| Ventes | 1000\u00a0€ | 61,8\u202f% |"));
  CHECK_THAT(out, Contains("**Bénévolat valorisé** : 10\u00a0h × 11,88\u00a0€/h = 118,80\u00a0€"));
  CHECK_THAT(out, Contains("**Part des dons** : 50,0\u202f%"));
  CHECK_THAT(out, Contains("Les éléments manquants doivent de toute façon être fournis"));
}

TEST_CASE("markdown: ineligible dossiers list the eliminatory failures instead of a path") {
  auto f = make_fixture();
  auto& b = f->at("b");
  b.status = ess::CriterionStatus::scored;
  b.value = 0;
  b.s = 0;
  b.level = "no";
  b.below_minimum = true;
  b.eliminatory_failure = true;
  f->result.na.clear();
  f->result.eliminatory_failures = {2};
  f->result.threshold_failures = {2};
  f->result.status = ess::DossierStatus::ineligible;
  std::string out = md(*f);
  CHECK_THAT(out, Contains("- **Avis :** Inéligible"));
  CHECK_THAT(out, Contains("le total seul correspondrait à l'avis « Réservé »"));
  CHECK_THAT(out, Contains("- **Condition** : Non (minimum : Oui)"));
  CHECK_THAT(out, Contains("### Conditions éliminatoires à lever"));
  CHECK_THAT(out, Contains("- **Condition** : Non → Oui"));
  CHECK(out.find("### Chemin vers l'avis suivant") == std::string::npos);
}

TEST_CASE("markdown: English words with --lang en") {
  auto f = make_fixture();
  f->result.status = ess::DossierStatus::ok;
  f->result.missing.clear();
  std::string out = md(*f, ess::Language::en);
  CHECK_THAT(out, Contains("## Decision"));
  CHECK_THAT(out, Contains("- **Decision:** Réservé"));  // the band's label is the grid's
  CHECK_THAT(out, Contains("| 66.7 | 50.0% |"));
  CHECK_THAT(out, Contains("## Where support would help most"));
  CHECK_THAT(out, Contains("To move from “Réservé” (62.3) to “Favorable” (70 or more)"));
  CHECK_THAT(out, Contains("- **Amount requested:** €12,000"));
  CHECK(out.find("Avis") == std::string::npos);
}

TEST_CASE("markdown: the top band has no path") {
  auto f = make_fixture();
  f->result.band = 2;
  f->result.path = {};
  std::string out = md(*f);
  CHECK_THAT(out, Contains("Le dossier est déjà dans la tranche la plus haute : « Favorable »."));
}

TEST_CASE("markdown: reports printed together are separated by a rule pandoc reads as one") {
  CHECK(ess::markdown_separator() == "\n---\n\n");  // a blank line after: never YAML metadata
}

TEST_CASE("markdown: a path that does not reach the next band says so") {
  auto f = make_fixture();
  f->result.path.reachable = false;
  f->result.path.steps = {{1, 1.0 / 6 * 100, 68.96}};
  std::string out = md(*f);
  CHECK_THAT(out, Contains("Hors d'atteinte : même avec tous ces critères à leur cible, le total "
                           "n'atteindrait que 69,0, sous le seuil de l'avis « Favorable » (70)."));
  f->result.path.steps.clear();
  out = md(*f, ess::Language::en);
  CHECK_THAT(out, Contains("Out of reach: no scored criterion is below its target"));
}

TEST_CASE("markdown: helpers of format.hpp used by reports") {
  CHECK(ess::format_quantity(11.88) == "11.88");
  CHECK(ess::format_quantity(51084) == "51084");
  CHECK(ess::format_quantity(0.6617) == "0.66");
  CHECK(ess::format_quantity(2.5) == "2.5");
  CHECK(ess::format_quantity(1425.6000000000001) == "1425.6");
  CHECK(ess::format_quantity(-0.001) == "0");
  CHECK(ess::format_shortest(0.5, ',') == "0,5");
  CHECK(ess::format_shortest(1e21, ',') == "1e+21");
  CHECK(ess::md_text("a*b_c [d](e) <f> `g` ~h~ \\") ==
        "a\\*b\\_c \\[d\\](e) \\<f\\> \\`g\\` \\~h\\~ \\\\");
  CHECK(ess::md_text("two\r\nlines") == "two lines");
}
