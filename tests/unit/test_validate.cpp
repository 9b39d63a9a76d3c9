// A dossier checked against its grid: every check of validate_dossier and
// check_grid_reference, at the position an author would look. Positions counted by hand.
#include <catch2/catch.hpp>

#include <string>

#include "ess/core/validate.hpp"
#include "ess/io/grid_store.hpp"
#include "ess/io/load.hpp"
#include "ess/model/grid_index.hpp"

using ess::Diagnostics;

namespace {

const std::string grid_text =
    "grid: g\n"
    "version: 1.2.0\n"
    "title: T\n"
    "scales:\n"
    "  niveau:\n"
    "    type: levels\n"
    "    levels:\n"
    "      - {value: 0, label: Absent}\n"
    "      - {value: 1, label: Émergent}\n"
    "      - {value: 2, label: Établi}\n"
    "      - {value: 3, label: Exemplaire}\n"
    "  oui-non: {type: yesno}\n"
    "  part: {type: numeric, unit: \"%\", min: 0, max: 100}\n"
    "  heures: {type: numeric, min: 0, points: [[0, 0], [500, 0.4], [2000, 0.8], [5000, 1]]}\n"
    "facts:\n"
    "  - {id: ventes}\n"
    "  - {id: subventions}\n"
    "  - {id: heures-benevoles}\n"
    "  - {id: taux, value: 10}\n"
    "  - {id: valeur, product: [heures-benevoles, taux]}\n"
    "  - {id: ressources, sum: [ventes, subventions]}\n"
    "  - {id: part-sub, ratio: [subventions, ressources]}\n"
    "criteria:\n"
    "  - id: gouvernance\n"
    "    title: Gouvernance\n"
    "    weight: 2\n"
    "    children:\n"
    "      - {id: participation, title: P, scale: niveau, minimum: 1, eliminatory: true, "
    "evidence: required}\n"
    "      - {id: democratie, title: D, scale: oui-non, allow_na: true}\n"
    "  - id: activite\n"
    "    title: Activité\n"
    "    children:\n"
    "      - {id: taux-ag, title: Taux, scale: part, target: 50}\n"
    "      - {id: benevolat, title: B, scale: heures, from: heures-benevoles}\n"
    "decision:\n"
    "  - {min: 0, label: Défavorable}\n"
    "  - {min: 50, label: Favorable}\n";

const std::string base_dossier =
    "dossier: D-1\n"                                                  // 1
    "title: Dossier\n"                                                // 2
    "grid: g@1.2.0\n"                                                 // 3
    "requested: 25000\n"                                              // 4
    "facts:\n"                                                        // 5
    "  ventes: 1000\n"                                                // 6
    "  subventions: 500\n"                                            // 7
    "  heures-benevoles: 100\n"                                       // 8
    "assessments:\n"                                                  // 9
    "  - assessor: A. Martin\n"                                       // 10
    "    role: analyst\n"                                             // 11
    "    date: 2026-03-12\n"                                          // 12
    "    scores:\n"                                                   // 13
    "      participation: {level: 2, evidence: PV}\n"                 // 14
    "      democratie: {value: yes}\n"                                // 15
    "      taux-ag: {value: 55, comment: ok}\n"                       // 16
    "  - assessor: Les Cailloux\n"                                    // 17
    "    role: self\n"                                                // 18
    "    date: 2026-02-01\n"                                          // 19
    "    scores:\n"                                                   // 20
    "      participation: {level: Établi, evidence: PV}\n"            // 21
    "      democratie: {na: \"Pas encore d'AG\"}\n"                   // 22
    "      taux-ag: {value: 60}\n"                                    // 23
    "consensus:\n"                                                    // 24
    "  participation: {level: 3, note: \"Comité du 2026-04-02\"}\n";  // 25

std::string with(const std::string& from, const std::string& to, std::string text = base_dossier) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

struct Checked {
  ess::Grid grid;
  ess::GridIndex index;
  std::optional<ess::Dossier> dossier;
  Diagnostics diags{"d.yaml"};
  bool grid_matches = false;
};

std::unique_ptr<Checked> check(const std::string& dossier_text,
                               const std::string& grid = grid_text) {
  auto c = std::make_unique<Checked>();
  Diagnostics grid_diags("g.yaml");
  auto g = ess::load_grid_bytes(grid, "g.yaml", ess::ParseLimits{}, grid_diags);
  REQUIRE(g);
  c->grid = std::move(*g);
  c->index = ess::index_grid(c->grid);
  ess::YamlNode root;
  REQUIRE(ess::parse_yaml(dossier_text, ess::ParseLimits{}, root, c->diags));
  c->dossier = ess::load_dossier(root, c->diags);
  REQUIRE(c->dossier);
  c->grid_matches = ess::check_grid_reference(c->grid, *c->dossier, c->diags);
  if (c->grid_matches) ess::validate_dossier(c->index, *c->dossier, c->diags);
  return c;
}

// "line:col code" of every diagnostic, warnings marked, one per line, in the order reported.
std::string found(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) {
    if (!out.empty()) out += "\n";
    out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.code;
    if (d.severity == ess::Severity::warning) out += " (warning)";
  }
  return out;
}

std::string found(const std::string& text) {
  return found(check(text)->diags);
}

std::string hint(const std::string& text) {
  auto c = check(text);
  return c->diags.empty() ? "" : c->diags.items()[0].hint;
}

const ess::ScoreEntry& entry(const Checked& c, std::size_t assessment, const std::string& id) {
  for (const auto& e : c.dossier->assessments[assessment].scores)
    if (e.criterion == id) return e;
  FAIL("no score for " << id);
  return c.dossier->assessments[0].scores[0];
}

}  // namespace

TEST_CASE("validate: the base dossier is valid and every value is resolved on its scale") {
  auto c = check(base_dossier);
  INFO(found(c->diags));
  CHECK(c->diags.empty());
  CHECK(c->grid_matches);
  const auto& p = entry(*c, 0, "participation");
  CHECK(p.resolved);
  CHECK(p.value == 2);
  CHECK(entry(*c, 0, "democratie").value == 1);
  CHECK(entry(*c, 0, "taux-ag").value == 55);
  CHECK(entry(*c, 1, "participation").value == 2);  // by its label, Établi
  CHECK(entry(*c, 1, "democratie").kind == ess::ScoreEntry::Kind::na);
  CHECK(entry(*c, 1, "taux-ag").value == 60);
  REQUIRE(c->dossier->consensus.size() == 1);
  CHECK(c->dossier->consensus[0].resolved);
  CHECK(c->dossier->consensus[0].value == 3);
}

TEST_CASE("validate: the example dossiers against the shipped grid") {
  Diagnostics gd("grid");
  auto grid =
      ess::load_grid_file(std::string(ESS_SOURCE_DIR) + "/criteria/ess-citoyennete-economique.yaml",
                          ess::ParseLimits{}, gd);
  REQUIRE(grid);
  auto index = ess::index_grid(*grid);
  for (const char* name : {"2026-001-epicerie-soupe-aux-cailloux.yaml",
                           "2026-002-ressourcerie-grenier-creusois.yaml"}) {
    std::string path = std::string(ESS_SOURCE_DIR) + "/examples/dossiers/" + name;
    Diagnostics d(path);
    std::string bytes;
    REQUIRE(ess::read_file_bytes(path, 1 << 20, bytes, d));
    ess::YamlNode root;
    REQUIRE(ess::parse_yaml(bytes, ess::ParseLimits{}, root, d));
    auto dossier = ess::load_dossier(root, d);
    REQUIRE(dossier);
    CHECK(ess::check_grid_reference(*grid, *dossier, d));
    ess::validate_dossier(index, *dossier, d);
    INFO(name << "\n" << found(d));
    CHECK_FALSE(d.has_errors());
  }
}

TEST_CASE("validate: scores for criteria the grid cannot take") {
  SECTION("an unknown criterion, with a suggestion; the leaf it meant is then missing") {
    std::string text = with("      participation: {level: 2", "      partcipation: {level: 2");
    CHECK(found(text) == "14:7 unknown-criterion\n10:5 missing-score (warning)");
    CHECK(hint(text) == "did you mean 'participation'?");
  }
  SECTION("an unknown criterion, nothing close") {
    CHECK(hint(with("      participation: {level: 2", "      zzzzzzzzzzzz: {level: 2")) ==
          "run `ess-eval template` to list the criteria");
  }
  SECTION("a node, whose score is computed") {
    CHECK(found(with("      democratie: {value: yes}", "      gouvernance: {level: 2}")) ==
          "15:7 unknown-criterion\n10:5 missing-score (warning)");
  }
  SECTION("a leaf that takes its value from a fact") {
    CHECK(found(with("      taux-ag: {value: 55, comment: ok}\n",
                     "      taux-ag: {value: 55, comment: ok}\n      benevolat: {value: 100}\n")) ==
          "17:7 score-for-derived");
  }
}

TEST_CASE("validate: levels, by value or by label") {
  CHECK(found(with("{level: 2, evidence: PV}", "{level: Excellent, evidence: PV}")) ==
        "14:30 unknown-level");
  CHECK(hint(with("{level: 2, evidence: PV}", "{level: Etabli, evidence: PV}")) ==
        "did you mean 'Établi'?");
  CHECK(found(with("{level: 2, evidence: PV}", "{level: 5, evidence: PV}")) ==
        "14:30 unknown-level");
  CHECK(found(with("{level: 2, evidence: PV}", "{level: 1.5, evidence: PV}")) ==
        "14:30 unknown-level");
  CHECK(found(with("{level: 2, evidence: PV}", "{level: '2', evidence: PV}")) ==
        "14:30 unknown-level");  // quoted: a label, and no level is labelled "2"
  auto c = check(with("{level: 2, evidence: PV}", "{level: Exemplaire, evidence: PV}"));
  CHECK(entry(*c, 0, "participation").value == 3);
  c = check(with("{level: 2, evidence: PV}", "{level: 0, evidence: PV}"));
  CHECK(entry(*c, 0, "participation").value == 0);
}

TEST_CASE("validate: level for a levels scale, value for the others") {
  CHECK(found(with("{value: yes}", "{level: yes}")) == "15:27 wrong-type");
  CHECK(found(with("{level: 2, evidence: PV}", "{value: 2, evidence: PV}")) == "14:30 wrong-type");
}

TEST_CASE("validate: numeric values within the scale's bounds") {
  CHECK(found(with("{value: 55, comment: ok}", "{value: 120, comment: ok}")) ==
        "16:24 value-out-of-range");
  CHECK(found(with("{value: 55, comment: ok}", "{value: -1, comment: ok}")) ==
        "16:24 value-out-of-range");
  CHECK(found(with("{value: 55, comment: ok}", "{value: 100, comment: ok}")).empty());
  CHECK(found(with("{value: 55, comment: ok}", "{value: 0, comment: ok}")).empty());
  CHECK(found(with("{value: 55, comment: ok}", "{value: '55', comment: ok}")) ==
        "16:24 invalid-number");
  CHECK(found(with("{value: 55, comment: ok}", "{value: .nan, comment: ok}")) ==
        "16:24 invalid-number");
  CHECK(found(with("{value: 55, comment: ok}", "{value: 5e1, comment: ok}")).empty());
}

TEST_CASE("validate: yes/no values") {
  CHECK(found(with("{value: yes}", "{value: maybe}")) == "15:27 invalid-value");
  CHECK(found(with("{value: yes}", "{value: 'yes'}")) == "15:27 invalid-value");
  CHECK(found(with("{value: yes}", "{value: 1}")) == "15:27 invalid-value");
  auto c = check(with("{value: yes}", "{value: no}"));
  CHECK(c->diags.empty());
  CHECK(entry(*c, 0, "democratie").value == 0);
  c = check(with("{value: yes}", "{value: true}"));
  CHECK(entry(*c, 0, "democratie").value == 1);
}

TEST_CASE("validate: not applicable only where the grid allows it") {
  CHECK(found(with("{level: 2, evidence: PV}", "{na: x, evidence: PV}")) == "14:27 na-not-allowed");
  CHECK(found(with("{value: yes}", "{na: \"AG en juin\"}")).empty());  // democratie allows it
}

TEST_CASE("validate: evidence where the grid requires it") {
  CHECK(found(with("{level: 2, evidence: PV}", "{level: 2}")) == "14:7 evidence-missing");
  CHECK(found(with("{level: 2, evidence: PV}", "{level: 2, evidence: \"\"}")) ==
        "14:7 evidence-missing");
  CHECK(found(with("{level: 2, evidence: PV}", "{level: 2, comment: PV}")) ==
        "14:7 evidence-missing");
  // The committee's consensus is not an assessment: no evidence asked of it.
  CHECK(found(with("{level: 3, note:", "{level: 3, evidence: PV, note:")).empty());
}

TEST_CASE("validate: a leaf an assessment leaves out is missing: a warning") {
  auto c = check(with("      democratie: {value: yes}\n", ""));
  CHECK(found(c->diags) == "10:5 missing-score (warning)");
  CHECK_FALSE(c->diags.has_errors());
  CHECK(c->diags.items()[0].hint == "score it, or mark it na: \"reason\"");
  c = check(with("      taux-ag: {value: 60}\n", ""));
  CHECK(found(c->diags) == "17:5 missing-score (warning)");
  CHECK(c->diags.items()[0].hint == "score it");
  std::string none = base_dossier.substr(0, base_dossier.find("assessments:")) +
                     "consensus:\n  participation: {level: 3}\n";
  CHECK(found(none) == "1:1 missing-score (warning)");
}

TEST_CASE("validate: facts the dossier gives") {
  CHECK(found(with("  ventes: 1000\n", "  vente: 1000\n")) == "6:3 unknown-fact");
  CHECK(hint(with("  ventes: 1000\n", "  vente: 1000\n")) == "did you mean 'ventes'?");
  CHECK(found(with("  ventes: 1000\n", "  ventes: 1000\n  ressources: 5\n")) == "7:3 unknown-fact");
  CHECK_THAT(check(with("  ventes: 1000\n", "  ventes: 1000\n  ressources: 5\n"))
                 ->diags.items()[0]
                 .message,
             Catch::Contains("computed by the grid"));
  CHECK(found(with("  ventes: 1000\n", "  ventes: 1000\n  taux: 5\n")) == "7:3 unknown-fact");
  // A leaf's fact outside its scale's bounds (heures: min 0), at the fact.
  CHECK(found(with("heures-benevoles: 100", "heures-benevoles: -5")) == "8:3 value-out-of-range");
  // A leaf's fact the dossier does not give: the leaf is missing, a warning.
  CHECK(found(with("  heures-benevoles: 100\n", "")) == "1:1 undefined-fact (warning)");
}

TEST_CASE("validate: the grid the dossier names") {
  SECTION("another grid id") {
    auto c = check(with("grid: g@1.2.0", "grid: autre"));
    CHECK_FALSE(c->grid_matches);
    CHECK(found(c->diags) == "3:7 grid-mismatch");
  }
  SECTION("another pinned version") {
    auto c = check(with("grid: g@1.2.0", "grid: g@1.0.0"));
    CHECK_FALSE(c->grid_matches);
    CHECK(found(c->diags) == "3:7 grid-mismatch");
    CHECK_THAT(c->diags.items()[0].message, Catch::Contains("pinned to g@1.0.0"));
  }
  SECTION("not pinned") {
    auto c = check(with("grid: g@1.2.0", "grid: g"));
    CHECK(c->grid_matches);
    CHECK(c->diags.empty());
  }
}

TEST_CASE("validate: consensus entries") {
  CHECK(found(with("  participation: {level: 3", "  particpation: {level: 3")) ==
        "25:3 unknown-criterion");
  CHECK(found(with("  participation: {level: 3", "  participation: {level: 9")) ==
        "25:26 unknown-level");
  CHECK(found(with("  participation: {level: 3", "  benevolat: {value: 3")) ==
        "25:3 score-for-derived");
  CHECK(found(with("  participation: {level: 3", "  participation: {value: 3")) ==
        "25:26 wrong-type");
  auto c = check(with("  participation: {level: 3", "  taux-ag: {value: 57.5"));
  CHECK(c->diags.empty());
  CHECK(c->dossier->consensus[0].value == 57.5);
}

TEST_CASE("validate: many unknown criteria stay fast, with bounded suggestions") {
  std::string scores;
  for (int i = 0; i < 20000; ++i)
    scores += "      unknown-criterion-" + std::to_string(i) + ": {level: 1}\n";
  auto c = check(with("      taux-ag: {value: 55, comment: ok}\n",
                      "      taux-ag: {value: 55, comment: ok}\n" + scores));
  std::size_t unknown = 0;
  for (const auto& d : c->diags.items()) unknown += d.code == "unknown-criterion";
  CHECK(unknown == 20000);
}

TEST_CASE("validate: a grid id no folder holds is not found, at the dossier's grid key") {
  ess::GridStore store(std::nullopt, {"/nonexistent-folder"}, ess::ParseLimits{});
  auto c = check(with("grid: g@1.2.0", "grid: inconnue"));
  Diagnostics d("d.yaml");
  CHECK(store.for_dossier(*c->dossier, d) == nullptr);
  CHECK(found(d) == "3:7 grid-not-found");
  // The built-in grid is found by its id, wherever the search path points.
  Diagnostics ok("d.yaml");
  auto builtin = check(with("grid: g@1.2.0", "grid: ess-citoyennete-economique"));
  const ess::LoadedGrid* g = store.for_dossier(*builtin->dossier, ok);
  REQUIRE(g);
  CHECK(g->grid.id == "ess-citoyennete-economique");
  CHECK(ok.empty());
}

TEST_CASE("validate: a chain of a thousand derived facts is computed without trouble") {
  // Facts derive from each other as deep as a grid allows (1000 facts): the recursions over
  // them (cycle check, computation) once met 150 000 and overflowed the stack.
  std::string grid =
      "grid: chain\nversion: 1.0.0\ntitle: T\nscales: {u: {type: numeric, min: 0, max: 1}}\n"
      "facts:\n";
  for (int i = 0; i < 999; ++i)
    grid += "  - {id: f" + std::to_string(i) + ", sum: [f" + std::to_string(i + 1) + "]}\n";
  grid +=
      "  - {id: f999}\ncriteria:\n  - {id: a, title: A, scale: u, from: f0}\n"
      "decision:\n  - {min: 0, label: X}\n";
  auto c = check("dossier: d\ntitle: t\ngrid: chain\nfacts: {f999: 0.5}\nassessments: []\n", grid);
  INFO(found(c->diags));
  CHECK(found(c->diags) == "1:1 missing-score (warning)");  // only: no assessment yet
}
