// Grid files to model: every check of load_grid, at the position an author would look.
// Each test changes one line of a valid grid; positions are counted by hand on that line.
#include <catch2/catch.hpp>

#include <string>

#include "ess/core/scale.hpp"
#include "ess/io/load.hpp"
#include "test_support.hpp"

using ess::Diagnostics;

namespace {

// Line numbers are in the comments: the expected positions below count on them.
const std::string base_grid =
    "grid: g\n"                                                 // 1
    "version: 1.2.0\n"                                          // 2
    "title: T\n"                                                // 3
    "scales:\n"                                                 // 4
    "  niveau:\n"                                               // 5
    "    type: levels\n"                                        // 6
    "    levels:\n"                                             // 7
    "      - {value: 0, label: Absent}\n"                       // 8
    "      - {value: 1, label: Émergent}\n"                     // 9
    "      - {value: 2, label: Établi}\n"                       // 10
    "      - {value: 3, label: Exemplaire}\n"                   // 11
    "  oui-non: {type: yesno}\n"                                // 12
    "  part: {type: numeric, unit: \"%\", min: 0, max: 100}\n"  // 13
    "  heures: {type: numeric, min: 0, points: [[0, 0], [500, 0.4], [2000, 0.8], [5000, 1]]}\n"
    "facts:\n"                                                // 15
    "  - {id: ventes}\n"                                      // 16
    "  - {id: subventions}\n"                                 // 17
    "  - {id: heures-benevoles}\n"                            // 18
    "  - {id: taux, value: 10}\n"                             // 19
    "  - {id: valeur, product: [heures-benevoles, taux]}\n"   // 20
    "  - {id: ressources, sum: [ventes, subventions]}\n"      // 21
    "  - {id: part-sub, ratio: [subventions, ressources]}\n"  // 22
    "criteria:\n"                                             // 23
    "  - id: gouvernance\n"                                   // 24
    "    title: Gouvernance\n"                                // 25
    "    weight: 2\n"                                         // 26
    "    children:\n"                                         // 27
    "      - {id: participation, title: P, scale: niveau, minimum: 1, eliminatory: true, "
    "evidence: required}\n"                                                       // 28
    "      - {id: democratie, title: D, scale: oui-non, allow_na: true}\n"        // 29
    "  - id: activite\n"                                                          // 30
    "    title: Activité\n"                                                       // 31
    "    children:\n"                                                             // 32
    "      - {id: taux-ag, title: Taux, scale: part, target: 50}\n"               // 33
    "      - {id: benevolat, title: B, scale: heures, from: heures-benevoles}\n"  // 34
    "decision:\n"                                                                 // 35
    "  - {min: 0, label: Défavorable}\n"                                          // 36
    "  - {min: 50, label: Favorable}\n";                                          // 37

// The base grid with `from` replaced by `to` (which must occur exactly once).
std::string with(const std::string& from, const std::string& to, std::string text = base_grid) {
  return test_support::replace_once(std::move(text), from, to);
}

struct Loaded {
  std::optional<ess::Grid> grid;
  Diagnostics diags{"g.yaml"};
};

Loaded load(const std::string& text) {
  Loaded l;
  l.grid = ess::load_grid_bytes(text, "g.yaml", ess::ParseLimits{}, l.diags);
  return l;
}

// "line:col code" of every diagnostic, one per line, in the order reported.
std::string found(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) {
    if (!out.empty()) out += "\n";
    out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.code;
  }
  return out;
}

std::string found(const std::string& text) {
  Loaded l = load(text);
  if (!l.diags.has_errors()) CHECK(l.grid);
  if (l.diags.has_errors()) CHECK_FALSE(l.grid);
  return found(l.diags);
}

std::string hint(const std::string& text) {
  Loaded l = load(text);
  return l.diags.empty() ? "" : l.diags.items()[0].hint;
}

const ess::Criterion* criterion(const ess::Grid& g, const std::string& id) {
  const ess::Criterion* out = nullptr;
  ess::for_each_criterion(g.criteria, [&](const ess::Criterion& c, int) {
    if (c.id == id) out = &c;
  });
  REQUIRE(out);
  return out;
}

std::string pos(ess::Pos p) {
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

}  // namespace

TEST_CASE("grid: the base grid loads, every value where it was written") {
  Loaded l = load(base_grid);
  INFO(found(l.diags));
  REQUIRE(l.grid);
  CHECK(l.diags.empty());
  const ess::Grid& g = *l.grid;
  CHECK(g.id == "g");
  CHECK(g.version == "1.2.0");
  CHECK(g.language == ess::Language::fr);
  CHECK(g.disagreement == 0.34);
  CHECK(g.file == "g.yaml");
  CHECK(g.sha256.size() == 64);
  REQUIRE(g.scales.size() == 4);
  const ess::Scale* niveau = g.find_scale("niveau");
  REQUIRE(niveau);
  CHECK(niveau->type == ess::ScaleType::levels);
  REQUIRE(niveau->levels.size() == 4);
  CHECK(niveau->levels[1].label == "Émergent");
  CHECK(niveau->levels[3].value == 3);
  CHECK(pos(niveau->pos) == "5:3");
  const ess::Scale* part = g.find_scale("part");
  CHECK(part->unit == "%");
  CHECK(*part->min == 0);
  CHECK(*part->max == 100);
  CHECK(g.find_scale("heures")->points.size() == 4);
  CHECK_FALSE(g.find_scale("heures")->max);
  CHECK(g.find_scale("absent") == nullptr);
  REQUIRE(g.facts.size() == 7);
  CHECK(g.find_fact("taux")->op == ess::FactOp::constant);
  CHECK(g.find_fact("taux")->constant == 10);
  CHECK(g.find_fact("valeur")->op == ess::FactOp::product);
  CHECK(g.find_fact("part-sub")->operands == std::vector<std::string>{"subventions", "ressources"});
  CHECK(pos(g.find_fact("ressources")->pos) == "21:10");
  REQUIRE(g.criteria.size() == 2);
  CHECK(g.criteria[0].weight == 2);
  CHECK(g.criteria[1].weight == 1);  // the default
  CHECK(pos(g.criteria[0].pos) == "24:9");
  CHECK(pos(g.criteria[0].weight_pos) == "26:13");
  const ess::Criterion* p = criterion(g, "participation");
  CHECK(pos(p->pos) == "28:14");
  CHECK(*p->minimum == 1);
  CHECK(p->eliminatory);
  CHECK(p->evidence == ess::EvidencePolicy::required);
  CHECK_FALSE(p->target);
  CHECK(criterion(g, "democratie")->allow_na);
  CHECK(criterion(g, "democratie")->evidence == ess::EvidencePolicy::recommended);
  CHECK(*criterion(g, "taux-ag")->target == 50);
  CHECK(criterion(g, "benevolat")->from == "heures-benevoles");
  REQUIRE(g.decision.size() == 2);
  CHECK(g.decision[1].min == 50);
  CHECK(g.decision[0].label == "Défavorable");
}

TEST_CASE("grid: the shipped grids load without a diagnostic") {
  for (const char* file :
       {"/criteria/ess-citoyennete-economique.yaml", "/criteria/ess-economic-citizenship.yaml"}) {
    Diagnostics d(file);
    auto g = ess::load_grid_file(std::string(ESS_SOURCE_DIR) + file, ess::ParseLimits{}, d);
    INFO(file << "\n" << found(d));
    CHECK(g);
    CHECK(d.empty());
  }
}

TEST_CASE("grid: document level keys") {
  CHECK(found(with("grid: g", "grid: G")) == "1:7 invalid-id");
  CHECK(found(with("title: T\n", "")) == "1:1 missing-key");
  CHECK(found(with("title: T\n", "title:\n")) == "3:1 missing-key");  // a key without value
  CHECK(found(with("title: T\n", "title: T\ntitel: X\n")) == "4:1 unknown-key");
  CHECK(hint(with("title: T\n", "title: T\ntitel: X\n")) == "did you mean 'title'?");
  CHECK_FALSE(load(with("title: T\n", "title: T\ntitel: X\n")).grid);  // once slipped through
  CHECK(found(with("title: T\n", "title: T\nx-note: private\n")).empty());
  CHECK(found(with("title: T\n", "title: T\nlanguage: de\n")) == "4:11 invalid-value");
  CHECK(load(with("title: T\n", "title: T\nlanguage: en\n")).grid->language == ess::Language::en);
  CHECK(found(with("title: T\n", "title: T\ndisagreement: 0\n")) == "4:15 invalid-value");
  CHECK(found(with("title: T\n", "title: T\ndisagreement: 1.5\n")) == "4:15 invalid-value");
  CHECK(found(with("title: T\n", "title: T\ndisagreement: .nan\n")) == "4:15 invalid-number");
  CHECK(load(with("title: T\n", "title: T\ndisagreement: 0.5\n")).grid->disagreement == 0.5);
  CHECK(found(with("title: T\n", "title: [T]\n")) == "3:8 wrong-type");
}

TEST_CASE("grid: versions are semantic versions") {
  CHECK(found(with("version: 1.2.0", "version: 1.2")) == "2:10 invalid-version");
  CHECK(found(with("version: 1.2.0", "version: 01.2.0")) == "2:10 invalid-version");
  CHECK(found(with("version: 1.2.0", "version: 1.2.0-beta")) == "2:10 invalid-version");
  CHECK(found(with("version: 1.2.0", "version: v1.2.0")) == "2:10 invalid-version");
  CHECK(found(with("version: 1.2.0", "version: 1..0")) == "2:10 invalid-version");
  CHECK(found(with("version: 1.2.0", "version: 10.20.30")).empty());
  CHECK(found(with("version: 1.2.0", "version: 0.0.0")).empty());
  // Regression: std::regex recursed once per character and crashed on this (SIGSEGV).
  CHECK(found(with("version: 1.2.0", "version: 1" + std::string(200000, '1') + ".0.0")) ==
        "2:10 invalid-version");
}

TEST_CASE("grid: levels scales") {
  SECTION("fewer than two levels") {
    CHECK(found(with("      - {value: 1, label: Émergent}\n      - {value: 2, label: Établi}\n"
                     "      - {value: 3, label: Exemplaire}\n",
                     "")) == "8:7 scale-levels");
  }
  SECTION("two levels with one value") {
    CHECK(found(with("{value: 3, label: Exemplaire}", "{value: 2, label: Exemplaire}")) ==
          "11:17 scale-levels");
  }
  SECTION("two levels with one label") {
    CHECK(found(with("{value: 3, label: Exemplaire}", "{value: 3, label: Établi}")) ==
          "11:27 scale-levels");
  }
  SECTION("a value that is no number") {
    CHECK(found(with("{value: 3, label: Exemplaire}", "{value: x, label: Exemplaire}")) ==
          "11:17 invalid-number");
  }
  SECTION("a level without label") {
    CHECK(found(with("{value: 3, label: Exemplaire}", "{value: 3}")) == "11:9 missing-key");
  }
  SECTION("an unknown type") {
    CHECK(found(with("type: levels", "type: level")) == "6:11 invalid-value");
  }
  SECTION("keys of another type of scale") {
    CHECK(found(with("oui-non: {type: yesno}", "oui-non: {type: yesno, min: 0}")) ==
          "12:26 unknown-key");
  }
  SECTION("a scale id that is not an id") {
    CHECK(found(with("  oui-non: {type: yesno}", "  Oui: {type: yesno}")) ==
          "12:3 invalid-id\n29:43 unknown-scale");
  }
}

TEST_CASE("grid: numeric scales") {
  SECTION("linear without bounds") {
    CHECK(found(with("part: {type: numeric, unit: \"%\", min: 0, max: 100}",
                     "part: {type: numeric, unit: \"%\"}")) == "13:9 scale-bounds");
  }
  SECTION("min not below max") {
    CHECK(found(with("min: 0, max: 100}", "min: 100, max: 0}")) == "13:46 scale-bounds");
  }
  SECTION("points whose x do not increase") {
    CHECK(found(with("[[0, 0], [500, 0.4], [2000, 0.8], [5000, 1]]",
                     "[[0, 0], [2000, 0.8], [500, 0.4], [5000, 1]]")) == "14:66 scale-function");
  }
  SECTION("a point's s outside [0, 1]") {
    CHECK(found(with("[5000, 1]]", "[5000, 1.5]]")) == "14:84 scale-function");
  }
  SECTION("a point that is not a pair") {
    CHECK(found(with("[500, 0.4]", "[500]")) == "14:52 scale-function");
  }
  SECTION("an empty list of points") {
    CHECK(found(with("[[0, 0], [500, 0.4], [2000, 0.8], [5000, 1]]", "[]")) ==
          "14:43 scale-function");
  }
  SECTION("both points and steps") {
    CHECK(found(with("[5000, 1]]}", "[5000, 1]], steps: [[0, 1]]}")) == "14:96 scale-function");
  }
  SECTION("steps instead of points") {
    Loaded l = load(
        with("points: [[0, 0], [500, 0.4], [2000, 0.8], [5000, 1]]", "steps: [[0, 0], [10, 1]]"));
    REQUIRE(l.grid);
    CHECK(l.grid->find_scale("heures")->steps.size() == 2);
    CHECK(l.grid->find_scale("heures")->points.empty());
  }
  SECTION("better") {
    CHECK(found(with("max: 100}", "max: 100, better: worse}")) == "13:62 invalid-value");
    Loaded l = load(with("max: 100}", "max: 100, better: lower}"));
    REQUIRE(l.grid);
    CHECK(l.grid->find_scale("part")->better == ess::Better::lower);
  }
  SECTION("a misspelt key") {
    CHECK(found(with("unit: \"%\"", "unti: \"%\"")) == "13:25 unknown-key");
    CHECK(hint(with("unit: \"%\"", "unti: \"%\"")) == "did you mean 'unit'?");
  }
}

TEST_CASE("grid: facts") {
  SECTION("two operations") {
    CHECK(found(with("{id: taux, value: 10}", "{id: taux, value: 10, sum: [ventes]}")) ==
          "19:27 fact-operation");
  }
  SECTION("a ratio of three") {
    CHECK(found(with("ratio: [subventions, ressources]",
                     "ratio: [subventions, ressources, ventes]")) == "22:27 fact-operation");
  }
  SECTION("an operation without operands") {
    CHECK(found(with("sum: [ventes, subventions]", "sum: []")) == "21:27 fact-operation");
  }
  SECTION("an unknown operand") {
    CHECK(found(with("sum: [ventes, subventions]", "sum: [ventes, subvention]")) ==
          "21:10 unknown-fact");
    CHECK(hint(with("sum: [ventes, subventions]", "sum: [ventes, subvention]")) ==
          "did you mean 'subventions'?");
  }
  SECTION("a fact that is its own operand") {
    Loaded l = load(with("sum: [ventes, subventions]", "sum: [ventes, ressources]"));
    CHECK(found(l.diags) == "21:10 fact-cycle");
    CHECK_THAT(l.diags.items()[0].message, Catch::Contains("ressources -> ressources"));
  }
  SECTION("a cycle through two facts") {
    Loaded l = load(
        with("ratio: [subventions, ressources]", "ratio: [subventions, valeur]",
             with("product: [heures-benevoles, taux]", "product: [heures-benevoles, part-sub]")));
    CHECK(found(l.diags) == "20:10 fact-cycle");
    CHECK_THAT(l.diags.items()[0].message, Catch::Contains("valeur -> part-sub -> valeur"));
  }
  SECTION("an id used twice") {
    CHECK(found(with("{id: subventions}", "{id: ventes}",
                     with("sum: [ventes, subventions]", "sum: [ventes, ventes]",
                          with("ratio: [subventions, ressources]",
                               "ratio: [ventes, ressources]")))) == "17:10 duplicate-id");
  }
  SECTION("a fact without id, a constant that is no number") {
    CHECK(found(with("  - {id: ventes}\n", "  - {id: ventes}\n  - {title: x}\n")) ==
          "17:5 missing-key");
    CHECK(found(with("value: 10", "value: .inf")) == "19:23 invalid-number");
  }
  SECTION("more facts than a grid may hold") {
    std::string many;
    for (int i = 0; i < 1001; ++i) many += "  - {id: f" + std::to_string(i) + "}\n";
    CHECK(found(with("  - {id: ventes}\n", many + "  - {id: ventes}\n")) == "16:3 too-many-nodes");
  }
}

TEST_CASE("grid: leaves and their scales") {
  SECTION("an unknown scale, with a suggestion") {
    CHECK(found(with("scale: oui-non", "scale: oui-nn")) == "29:43 unknown-scale");
    CHECK(hint(with("scale: oui-non", "scale: oui-nn")) == "did you mean 'oui-non'?");
  }
  SECTION("an unknown scale, nothing close") {
    CHECK(hint(with("scale: oui-non", "scale: zzzzzzzzz")) ==
          "defined scales: niveau, oui-non, part, heures");
  }
  SECTION("a scale with an error is reported once, not again at every leaf using it") {
    CHECK(found(with("type: levels", "type: level")) == "6:11 invalid-value");
  }
  SECTION("a leaf without scale or from") {
    CHECK(found(with("scale: oui-non, ", "")) == "29:14 leaf-without-scale");
  }
  SECTION("a leaf from an unknown fact") {
    CHECK(found(with("from: heures-benevoles}", "from: heures-benevole}")) == "34:56 unknown-fact");
    CHECK(hint(with("from: heures-benevoles}", "from: heures-benevole}")) ==
          "did you mean 'heures-benevoles'?");
  }
  SECTION("a leaf from a fact, without a scale, reads the fact on [0, 1]") {
    Loaded l = load(with("scale: heures, from: heures-benevoles", "from: part-sub"));
    REQUIRE(l.grid);
    const ess::Scale& s = ess::scale_of(*l.grid, *criterion(*l.grid, "benevolat"));
    CHECK(s.type == ess::ScaleType::numeric);
    CHECK(*s.min == 0);
    CHECK(*s.max == 1);
  }
}

TEST_CASE("grid: weights") {
  SECTION("all zero among siblings") {
    CHECK(found(with("{id: participation, title: P,", "{id: participation, weight: 0, title: P,",
                     with("{id: democratie, title: D,",
                          "{id: democratie, weight: 0, title: D,"))) == "28:37 weights-all-zero");
  }
  SECTION("all zero at the top") {
    CHECK(found(with("    weight: 2\n", "    weight: 0\n",
                     with("    title: Activité\n", "    title: Activité\n    weight: 0\n"))) ==
          "26:13 weights-all-zero");
  }
  SECTION("one zero among others is an indicator, not an error") {
    CHECK(
        found(with("{id: democratie, title: D,", "{id: democratie, weight: 0, title: D,")).empty());
  }
  SECTION("negative") {
    CHECK(found(with("weight: 2", "weight: -1")) == "26:13 invalid-weight");
  }
  SECTION("quoted") {
    CHECK(found(with("weight: 2", "weight: '2'")) == "26:13 invalid-number");
  }
}

TEST_CASE("grid: targets and minimums on the leaf's scale") {
  SECTION("a target by label") {
    Loaded l = load(with("minimum: 1,", "minimum: Émergent, target: Établi,"));
    REQUIRE(l.grid);
    CHECK(*criterion(*l.grid, "participation")->target == 2);
    CHECK(*criterion(*l.grid, "participation")->minimum == 1);
  }
  SECTION("a target that is not a level") {
    CHECK(found(with("minimum: 1,", "minimum: 1, target: Excellent,")) == "28:74 invalid-target");
  }
  SECTION("a target outside the bounds") {
    CHECK(found(with("target: 50}", "target: 150}")) == "33:57 invalid-target");
  }
  SECTION("a yes/no minimum that is neither") {
    CHECK(found(with("allow_na: true}", "allow_na: true, minimum: maybe}")) ==
          "29:77 invalid-minimum");
  }
  SECTION("a yes/no minimum") {
    Loaded l = load(with("allow_na: true}", "allow_na: true, minimum: yes}"));
    REQUIRE(l.grid);
    CHECK(*criterion(*l.grid, "democratie")->minimum == 1);
  }
  SECTION("eliminatory without a minimum") {
    CHECK(found(with("minimum: 1, eliminatory", "eliminatory")) == "28:54 invalid-minimum");
  }
  SECTION("a node's minimum is a score from 0 to 100") {
    CHECK(found(with("    weight: 2\n", "    weight: 2\n    minimum: 120\n")) ==
          "27:14 invalid-minimum");
    Loaded l = load(with("    weight: 2\n", "    weight: 2\n    minimum: 40\n"));
    REQUIRE(l.grid);
    CHECK(*l.grid->criteria[0].minimum == 40);
  }
}

TEST_CASE("grid: the criteria tree") {
  SECTION("leaf keys on a node") {
    CHECK(found(with("    weight: 2\n", "    weight: 2\n    scale: niveau\n")) ==
          "27:5 unknown-key");
  }
  SECTION("aggregation on a leaf, or unknown") {
    CHECK(found(with("target: 50}", "target: 50, aggregation: min}")) == "33:61 unknown-key");
    CHECK(found(with("    weight: 2\n", "    weight: 2\n    aggregation: mean\n")) ==
          "27:18 invalid-value");
    Loaded l =
        load(with("    weight: 2\n", "    weight: 2\n    aggregation: weighted-geometric\n"));
    REQUIRE(l.grid);
    CHECK(l.grid->criteria[0].aggregation == ess::Aggregation::weighted_geometric);
  }
  SECTION("an id used twice in the tree") {
    CHECK(found(with("{id: democratie,", "{id: participation,")) == "29:14 duplicate-id");
  }
  SECTION("an id that is not an id") {
    CHECK(found(with("{id: participation,", "{id: Participation,")) == "28:14 invalid-id");
  }
  SECTION("children must be a non-empty list") {
    CHECK(found(with("    children:\n      - {id: taux-ag, title: Taux, scale: part, target: 50}\n"
                     "      - {id: benevolat, title: B, scale: heures, from: heures-benevoles}\n",
                     "    children: []\n")) == "32:15 wrong-type");
  }
  SECTION("evidence, allow_na, eliminatory take their own words") {
    CHECK(found(with("evidence: required", "evidence: always")) == "28:95 invalid-value");
    CHECK(found(with("allow_na: true", "allow_na: yes")) == "29:62 wrong-type");
    CHECK(found(with("eliminatory: true", "eliminatory: 'true'")) == "28:79 wrong-type");
  }
  SECTION("a misspelt key") {
    CHECK(found(with("    weight: 2\n", "    wieght: 2\n")) == "26:5 unknown-key");
    CHECK(hint(with("    weight: 2\n", "    wieght: 2\n")) == "did you mean 'weight'?");
  }
  SECTION("criteria that is not a list, or an empty one") {
    CHECK(found("grid: g\nversion: 1.0.0\ntitle: T\ncriteria: {}\n"
                "decision: [{min: 0, label: A}]\n") == "4:11 wrong-type");
    CHECK(found("grid: g\nversion: 1.0.0\ntitle: T\ncriteria: []\n"
                "decision: [{min: 0, label: A}]\n") == "4:11 missing-key");
  }
}

TEST_CASE("grid: decision bands") {
  CHECK(found(with("{min: 0, label: Défavorable}", "{min: 10, label: Défavorable}")) ==
        "36:11 decision-bands");
  CHECK(found(with("{min: 50, label: Favorable}", "{min: 0, label: Favorable}")) ==
        "37:11 decision-bands");
  CHECK(found(with("{min: 50, label: Favorable}", "{min: 150, label: Favorable}")) ==
        "37:11 decision-bands");
  CHECK(found(with("{min: 50, label: Favorable}", "{min: 50, label: Défavorable}")) ==
        "37:22 decision-bands");
  CHECK(found(with("  - {min: 0, label: Défavorable}\n  - {min: 50, label: Favorable}\n",
                   "  []\n")) == "36:3 decision-bands");
  CHECK(found(with("{min: 50, label: Favorable}", "{min: '50', label: Favorable}")) ==
        "37:11 invalid-number");
}

TEST_CASE("grid: a file that is not a grid, or not a clean YAML document") {
  CHECK(found("dossier: x\ntitle: t\n") == "1:1 unknown-document");
  // A duplicate key leaves a tree, but never a grid.
  Loaded l = load(with("title: T\n", "title: T\ntitle: U\n"));
  CHECK_FALSE(l.grid);
  CHECK(found(l.diags) == "4:1 duplicate-key");
  CHECK(found(with("title: T\n", "title: &t T\n")) == "3:8 anchor-not-allowed");
}

TEST_CASE("grid: hostile sizes stay fast and refused") {
  std::string bands = "decision:\n";
  for (int i = 0; i <= 1000; ++i)
    bands += "  - {min: " + std::to_string(i) + ", label: L" + std::to_string(i) + "}\n";
  CHECK(found(with("decision:\n  - {min: 0, label: Défavorable}\n  - {min: 50, label: Favorable}\n",
                   bands)) == "36:3 too-many-nodes");
  std::string levels;
  for (int i = 0; i <= 1000; ++i)
    levels += "      - {value: " + std::to_string(i) + ", label: L" + std::to_string(i) + "}\n";
  CHECK(found(with("      - {value: 0, label: Absent}\n      - {value: 1, label: Émergent}\n"
                   "      - {value: 2, label: Établi}\n      - {value: 3, label: Exemplaire}\n",
                   levels)) == "8:7 too-many-nodes");
}
