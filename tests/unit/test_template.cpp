// `template`: a dossier skeleton that, filled in, validates and scores against its grid.
#include <regex>

#include "ess/report/template.hpp"
#include "scoring_fixture.hpp"

namespace {

std::string render(ess::Language language) {
  return ess::render_template(test_support::require_grid(two_axes_grid), language);
}

// What an officer does with the skeleton: the identity filled, each score at its best value.
std::string filled(std::string text) {
  auto set = [&](const std::string& key, const std::string& value) {
    text = std::regex_replace(text, std::regex("(\\n *" + key + ": )~"), "$01" + value,
                              std::regex_constants::format_first_only);
  };
  set("dossier", "d1");
  set("title", "T");
  set("applicant", "A");
  set("- assessor", "X");
  set("date", "2026-01-01");
  set("level", "3");    // a1: Exemplaire
  set("value", "yes");  // a2
  set("value", "100");  // b1
  return std::regex_replace(text, std::regex("\\n *evidence: ~"), "");
}

}  // namespace

TEST_CASE("template: every scored leaf once, in the grid's order, with its scale") {
  std::string t = render(ess::Language::fr);
  auto a1 = t.find("\n      a1:\n"), a2 = t.find("\n      a2:\n"), b1 = t.find("\n      b1:\n");
  REQUIRE(a1 != std::string::npos);
  REQUIRE(a2 != std::string::npos);
  REQUIRE(b1 != std::string::npos);
  CHECK(a1 < a2);
  CHECK(a2 < b1);
  CHECK(t.find("\n      a1:\n", a1 + 1) == std::string::npos);
  // The levels of a1, in order, on its value line.
  CHECK(t.find("level: ~  # 0 Absent | 1 Emergent | 2 Etabli | 3 Exemplaire") != std::string::npos);
  CHECK(t.find("grid: g@1.0.0") != std::string::npos);  // pinned to the version it was made for
}

TEST_CASE("template: the skeleton is YAML; filled in, it validates and scores as by hand") {
  std::string t = render(ess::Language::fr);
  ess::Diagnostics diags("template.yaml");
  ess::YamlNode root;
  REQUIRE(ess::parse_yaml(t, ess::ParseLimits{}, root, diags));
  // a1 3 → 1, a2 yes → 1, b1 100 → 1: every leaf at 1, total 100 (and the top band).
  auto scored = score_yaml(two_axes_grid, filled(t));
  REQUIRE(scored->result);
  CHECK(scored->result->total == Approx(100).margin(1e-12));
  CHECK(scored->result->status == ess::DossierStatus::ok);
  CHECK(scored->grid.decision[*scored->result->band].label == "Excellent");
}

TEST_CASE("template: the comments speak the language asked for, the keys stay the same") {
  std::string fr = render(ess::Language::fr), en = render(ess::Language::en);
  CHECK(fr.find("# Dossier à remplir pour la grille g@1.0.0") == 0);
  CHECK(en.find("# Dossier to fill in for grid g@1.0.0") == 0);
  for (const char* key : {"\ndossier: ~", "\ntitle: ~", "\nassessments:", "\n    scores:"}) {
    CHECK(fr.find(key) != std::string::npos);
    CHECK(en.find(key) != std::string::npos);
  }
}
