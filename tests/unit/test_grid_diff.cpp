// grid diff: each class of change alone, with the bump §5 of the spec requires for it.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <utility>

#include "ess/io/grid_source.hpp"
#include "ess/io/load.hpp"
#include "ess/report/grid_diff_render.hpp"
#include "test_support.hpp"

using ess::Bump;
using ess::ChangeSubject;
using ess::GridDiff;

namespace {

const char* base_grid = R"(
grid: g
version: 1.0.0
title: Grille T
description: Une grille de test.
scales:
  niveau:
    type: levels
    levels:
      - {value: 0, label: Absent, description: Rien}
      - {value: 1, label: Emergent}
      - {value: 2, label: Etabli}
      - {value: 3, label: Exemplaire}
  oui-non: {type: yesno}
  part: {type: numeric, unit: "%", min: 0, max: 100}
  heures: {type: numeric, unit: h, min: 0, points: [[0, 0], [500, 0.5], [2000, 1]]}
  inutile: {type: levels, levels: [{value: 0, label: Non}, {value: 1, label: Oui}]}
facts:
  - {id: heures-benevoles, title: Heures, unit: h}
  - {id: ventes, title: Ventes, unit: EUR}
  - {id: dons, title: Dons, unit: EUR}
  - {id: total, sum: [ventes, dons], unit: EUR}
criteria:
  - id: a
    title: A
    weight: 3
    children:
      - {id: a1, title: A1, scale: niveau, weight: 2, minimum: 1, allow_na: true, guidance: Regarder}
      - {id: a2, title: A2, scale: oui-non, weight: 1, minimum: yes, eliminatory: true}
  - id: b
    title: B
    weight: 1
    children:
      - {id: b1, title: B1, scale: part}
      - {id: b2, title: B2, scale: heures, from: heures-benevoles}
decision:
  - {min: 0, label: Defavorable}
  - {min: 50, label: Reserve}
  - {min: 70, label: Favorable}
)";

// The base grid with each `from` replaced by its `to` (each must be found exactly once).
std::string edited(std::initializer_list<std::pair<std::string, std::string>> edits,
                   std::string text = base_grid) {
  for (const auto& [from, to] : edits) text = test_support::replace_once(text, from, to);
  return text;
}

ess::Grid load(const std::string& yaml) {
  return test_support::require_grid(yaml);
}

GridDiff diff_with(std::initializer_list<std::pair<std::string, std::string>> edits) {
  return ess::diff_grids(load(base_grid), load(edited(edits)));
}

// The diff has exactly one change, of this kind and bump.
void check_single(const GridDiff& d, const std::string& kind, Bump bump) {
  INFO("changes: " << d.changes.size()
                   << (d.changes.empty() ? "" : ", first " + d.changes[0].kind));
  REQUIRE(d.changes.size() == 1);
  CHECK(d.changes[0].kind == kind);
  CHECK(d.changes[0].bump == bump);
  CHECK(d.version.required == bump);
}

}  // namespace

TEST_CASE("grid diff: the same grid has no change and needs no bump") {
  GridDiff d = diff_with({});
  CHECK(d.changes.empty());
  CHECK(d.effective_weights.empty());
  CHECK(d.version.required == Bump::none);
  CHECK(d.version.ok);  // same version, nothing to bump
}

TEST_CASE("grid diff: reordered siblings, levels, facts and scales are no change") {
  GridDiff d = diff_with({
      {"      - {id: a1, title: A1, scale: niveau, weight: 2, minimum: 1, allow_na: true, "
       "guidance: Regarder}\n      - {id: a2, title: A2, scale: oui-non, weight: 1, minimum: yes, "
       "eliminatory: true}\n",
       "      - {id: a2, title: A2, scale: oui-non, weight: 1, minimum: yes, eliminatory: true}\n"
       "      - {id: a1, title: A1, scale: niveau, weight: 2, minimum: 1, allow_na: true, "
       "guidance: Regarder}\n"},
      {"      - {value: 2, label: Etabli}\n      - {value: 3, label: Exemplaire}\n",
       "      - {value: 3, label: Exemplaire}\n      - {value: 2, label: Etabli}\n"},
      {"  - {id: ventes, title: Ventes, unit: EUR}\n  - {id: dons, title: Dons, unit: EUR}\n",
       "  - {id: dons, title: Dons, unit: EUR}\n  - {id: ventes, title: Ventes, unit: EUR}\n"},
      {"sum: [ventes, dons]", "sum: [dons, ventes]"},
  });
  CHECK(d.changes.empty());
  CHECK(d.version.required == Bump::none);
}

TEST_CASE("grid diff: a title reworded is a patch") {
  GridDiff d = diff_with({{"{id: b1, title: B1,", "{id: b1, title: B1 reformule,"}});
  check_single(d, "title", Bump::patch);
  CHECK(d.changes[0].subject == ChangeSubject::criterion);
  CHECK(d.changes[0].id == "b1");
  CHECK(d.changes[0].old_value == "B1");
  CHECK(d.changes[0].new_value == "B1 reformule");
}

TEST_CASE("grid diff: wording elsewhere is a patch") {
  check_single(diff_with({{"guidance: Regarder", "guidance: Regarder les PV"}}), "guidance",
               Bump::patch);
  check_single(diff_with({{"description: Une grille de test.", "description: Autre."}}),
               "description", Bump::patch);
  check_single(diff_with({{"unit: \"%\"", "unit: pourcent"}}), "unit", Bump::patch);
  check_single(diff_with({{"description: Rien", "description: Aucune piece"}}), "level-description",
               Bump::patch);
  check_single(diff_with({{"{id: dons, title: Dons,", "{id: dons, title: Dons et mecenat,"}}),
               "title", Bump::patch);
}

TEST_CASE("grid diff: a level relabelled is major (dossiers cite levels by label)") {
  GridDiff d = diff_with({{"label: Emergent", "label: Naissant"}});
  check_single(d, "level-relabelled", Bump::major);
  CHECK(d.changes[0].subject == ChangeSubject::scale);
  CHECK(d.changes[0].id == "niveau");
  CHECK(d.changes[0].old_value == "1 (Emergent)");
  CHECK(d.changes[0].new_value == "1 (Naissant)");
  REQUIRE(d.changes[0].used_by.size() == 1);
  CHECK(d.changes[0].used_by[0] == "a1");
}

TEST_CASE("grid diff: levels removed or revalued are major, a level added is minor") {
  check_single(diff_with({{"      - {value: 3, label: Exemplaire}\n", ""}}), "level-removed",
               Bump::major);
  check_single(diff_with({{"{value: 3, label: Exemplaire}", "{value: 4, label: Exemplaire}"}}),
               "level-revalued", Bump::major);
  check_single(diff_with({{"      - {value: 3, label: Exemplaire}\n",
                           "      - {value: 3, label: Exemplaire}\n"
                           "      - {value: 4, label: Remarquable}\n"}}),
               "level-added", Bump::minor);
}

TEST_CASE("grid diff: a scale no leaf uses binds no dossier") {
  check_single(diff_with({{"label: Non}", "label: Jamais}"}}), "level-relabelled", Bump::patch);
}

TEST_CASE("grid diff: a weight changed is minor, with its effective weight by hand") {
  GridDiff d = diff_with({{"    title: A\n    weight: 3", "    title: A\n    weight: 1"}});
  check_single(d, "weight", Bump::minor);
  const auto& c = d.changes[0];
  CHECK(c.id == "a");
  CHECK(c.old_value == "3");
  CHECK(c.new_value == "1");
  // before: a = 3/(3+1) = 0.75; after: 1/(1+1) = 0.5
  CHECK(c.old_effective_weight.value() == Approx(0.75).margin(1e-12));
  CHECK(c.new_effective_weight.value() == Approx(0.5).margin(1e-12));
  // every criterion's share moved: a, a1, a2, b, b1, b2
  CHECK(d.effective_weights.size() == 6);
  // a1 = 0.75 · 2/3 = 0.5 before, 0.5 · 2/3 = 1/3 after
  for (const auto& w : d.effective_weights)
    if (w.criterion == "a1") {
      CHECK(*w.old_share == Approx(0.5).margin(1e-12));
      CHECK(*w.new_share == Approx(1.0 / 3).margin(1e-12));
    }
}

TEST_CASE("grid diff: a leaf removed is major, a leaf added too") {
  GridDiff removed = diff_with({{"      - {id: b1, title: B1, scale: part}\n", ""}});
  check_single(removed, "leaf-removed", Bump::major);
  CHECK(removed.changes[0].old_value == "b/b1");
  GridDiff added = diff_with({{"      - {id: b1, title: B1, scale: part}\n",
                               "      - {id: b1, title: B1, scale: part}\n"
                               "      - {id: b3, title: B3, scale: niveau}\n"}});
  check_single(added, "leaf-added", Bump::major);
  CHECK(added.changes[0].new_value == "b/b3");
}

TEST_CASE("grid diff: a criterion moved is minor") {
  GridDiff d = diff_with({{"      - {id: b1, title: B1, scale: part}\n", ""},
                          {"    children:\n      - {id: a1,",
                           "    children:\n      - {id: b1, title: B1, scale: part}\n"
                           "      - {id: a1,"}});
  check_single(d, "moved", Bump::minor);
  CHECK(d.changes[0].old_value == "b/b1");
  CHECK(d.changes[0].new_value == "a/b1");
}

TEST_CASE("grid diff: rules of scoring are minor") {
  check_single(diff_with({{"    title: A\n    weight: 3\n",
                           "    title: A\n    weight: 3\n    aggregation: min\n"}}),
               "aggregation", Bump::minor);
  check_single(diff_with({{"{id: b1, title: B1, scale: part}",
                           "{id: b1, title: B1, scale: part, "
                           "target: 80}"}}),
               "target", Bump::minor);
  check_single(diff_with({{"weight: 2, minimum: 1,", "weight: 2, minimum: 2,"}}), "minimum",
               Bump::minor);
  check_single(diff_with({{"minimum: yes, eliminatory: true}", "minimum: yes}"}}), "eliminatory",
               Bump::minor);
  check_single(diff_with({{"{min: 50, label: Reserve}", "{min: 55, label: Reserve}"}}), "band-min",
               Bump::minor);
  check_single(diff_with({{"{min: 50, label: Reserve}", "{min: 50, label: A revoir}"}}),
               "band-label", Bump::minor);
  check_single(diff_with({{"[[0, 0], [500, 0.5], [2000, 1]]", "[[0, 0], [1000, 0.5], [2000, 1]]"}}),
               "value-function", Bump::minor);
  check_single(diff_with({{"sum: [ventes, dons]", "sum: [ventes, dons, heures-benevoles]"}}),
               "formula", Bump::minor);
}

TEST_CASE("grid diff: a target left to its default is no change when the value is the same") {
  // niveau's best value is 3: writing it out changes nothing for a dossier.
  GridDiff d = diff_with({{"weight: 2, minimum: 1,", "weight: 2, target: 3, minimum: 1,"}});
  CHECK(d.changes.empty());
}

TEST_CASE("grid diff: what can make a valid dossier invalid is major") {
  check_single(diff_with({{"allow_na: true, ", ""}}), "allow-na-withdrawn", Bump::major);
  check_single(diff_with({{"{id: b1, title: B1, scale: part}",
                           "{id: b1, title: B1, scale: part, evidence: required}"}}),
               "evidence-required", Bump::major);
  check_single(diff_with({{"min: 0, max: 100}", "min: 0, max: 50}"}}), "bounds-narrowed",
               Bump::major);
  check_single(
      diff_with({{"{id: b1, title: B1, scale: part}", "{id: b1, title: B1, scale: niveau}"}}),
      "scale-replaced", Bump::major);
  check_single(diff_with({{"  - {id: dons, title: Dons, unit: EUR}\n",
                           "  - {id: dons, title: Dons, unit: EUR}\n"
                           "  - {id: legs, title: Legs, unit: EUR}\n"}}),
               "declared-fact-added", Bump::major);
  check_single(diff_with({{"scale: heures, from: heures-benevoles}", "scale: heures}"}}),
               "became-assessed", Bump::major);
}

TEST_CASE("grid diff: a declared fact removed is major") {
  GridDiff d = diff_with(
      {{"  - {id: dons, title: Dons, unit: EUR}\n", ""}, {"sum: [ventes, dons]", "sum: [ventes]"}});
  REQUIRE(d.changes.size() == 2);
  CHECK(d.changes[0].kind == "declared-fact-removed");  // major first
  CHECK(d.changes[0].bump == Bump::major);
  CHECK(d.changes[1].kind == "formula");
  CHECK(d.changes[1].bump == Bump::minor);
  CHECK(d.version.required == Bump::major);
}

TEST_CASE("grid diff: what keeps dossiers valid stays below major") {
  check_single(diff_with({{"min: 0, max: 100}", "min: 0, max: 200}"}}), "bounds-widened",
               Bump::minor);
  check_single(diff_with({{"{id: b1, title: B1, scale: part}",
                           "{id: b1, title: B1, scale: part, allow_na: true}"}}),
               "allow-na-granted", Bump::minor);
  check_single(diff_with({{"{id: b1, title: B1, scale: part}",
                           "{id: b1, title: B1, scale: part, evidence: none}"}}),
               "evidence", Bump::minor);
}

TEST_CASE("grid diff: a scale renamed with the same content is a patch") {
  GridDiff d = diff_with({{"  part: {type: numeric", "  pourcentage: {type: numeric"},
                          {"scale: part}", "scale: pourcentage}"}});
  // scale-removed and scale-added (patch: definitions) and the leaf's scale-renamed (patch)
  REQUIRE(d.changes.size() == 3);
  for (const auto& c : d.changes) CHECK(c.bump == Bump::patch);
  CHECK(d.version.required == Bump::patch);
}

TEST_CASE("grid diff: the bump required is the largest, and the version must follow") {
  GridDiff d = diff_with({{"version: 1.0.0", "version: 1.1.0"},
                          {"{id: b1, title: B1,", "{id: b1, title: B1 bis,"},
                          {"    title: A\n    weight: 3", "    title: A\n    weight: 2"}});
  REQUIRE(d.changes.size() == 2);
  CHECK(d.changes[0].bump == Bump::minor);  // sorted: largest first
  CHECK(d.changes[1].bump == Bump::patch);
  CHECK(d.version.required == Bump::minor);
  CHECK(d.version.actual == Bump::minor);
  CHECK(d.version.ok);
}

TEST_CASE("grid diff: a leaf removed with only a minor bump fails the version check") {
  GridDiff d = diff_with(
      {{"version: 1.0.0", "version: 1.1.0"}, {"      - {id: b1, title: B1, scale: part}\n", ""}});
  CHECK(d.version.required == Bump::major);
  CHECK(d.version.actual == Bump::minor);
  CHECK_FALSE(d.version.ok);
  CHECK(ess::next_version("1.0.0", d.version.required) == "2.0.0");
}

TEST_CASE("grid diff: a version going backwards always fails") {
  GridDiff d = diff_with({{"version: 1.0.0", "version: 0.9.0"}});
  CHECK(d.changes.empty());
  CHECK(d.version.backwards);
  CHECK_FALSE(d.version.ok);
}

TEST_CASE("grid diff: versions compare as numbers, not text") {
  auto v = ess::compare_versions("1.9.0", "1.10.0", Bump::minor);
  REQUIRE(v);
  CHECK(v->actual == Bump::minor);
  CHECK(v->ok);
  v = ess::compare_versions("1.2.3", "2.0.0", Bump::major);
  CHECK(v->actual == Bump::major);
  CHECK(v->ok);
  v = ess::compare_versions("1.2.3", "1.2.4", Bump::minor);
  CHECK(v->actual == Bump::patch);
  CHECK_FALSE(v->ok);
  v = ess::compare_versions("2.0.0", "1.9.9", Bump::none);
  CHECK(v->backwards);
  CHECK_FALSE(v->ok);
  CHECK_FALSE(ess::compare_versions("1.0", "1.0.1", Bump::none));
  CHECK(ess::next_version("1.2.3", Bump::minor) == "1.3.0");
  CHECK(ess::next_version("1.2.3", Bump::patch) == "1.2.4");
}

TEST_CASE("grid diff: the grid's id changed is major") {
  GridDiff d = diff_with({{"grid: g\n", "grid: h\n"}});
  check_single(d, "grid-id", Bump::major);
}

TEST_CASE("grid diff: CSV rows and JSON keys") {
  GridDiff d =
      diff_with({{"version: 1.0.0", "version: 2.0.0"}, {"label: Emergent", "label: Naissant"}});
  ess::ReportOptions options = ess::report_options(ess::Language::en, ',', ess::Language::fr);
  std::string csv = ess::render_diff_csv(d, options);
  CHECK(csv ==
        "bump,subject,id,change,old,new,detail\r\n"
        "major,scale,niveau,level-relabelled,1 (Emergent),1 (Naissant),"
        "level relabelled: 1 (Emergent) → 1 (Naissant)\r\n");
  std::string json = ess::render_diff_json(d, options);
  CHECK(json.find("\"required_bump\": \"major\"") != std::string::npos);
  CHECK(json.find("\"version_bump\": \"major\"") != std::string::npos);
  CHECK(json.find("\"version_ok\": true") != std::string::npos);
  CHECK(json.find("\"used_by\": [\"a1\"]") != std::string::npos);
}

TEST_CASE("grid diff: CSV separated by ';' for a French report writes its numbers with a comma") {
  // The default disagreement is 0.34; a band's minimum moves from 50 to 52.5.
  GridDiff d = diff_with({{"decision:\n", "disagreement: 0.25\ndecision:\n"},
                          {"{min: 50, label: Reserve}", "{min: 52.5, label: Reserve}"}});
  REQUIRE(d.changes.size() == 2);
  CHECK(d.changes[0].old_number == 0.34);
  std::string french =
      ess::render_diff_csv(d, ess::report_options(std::nullopt, ';', ess::Language::fr));
  CHECK(french.find("minor;grid;disagreement;disagreement;0,34;0,25;") != std::string::npos);
  CHECK(french.find("minor;decision;Reserve;band-min;50;52,5;") != std::string::npos);
  // ';' with English words, and ',' in any language: a decimal point.
  std::string english =
      ess::render_diff_csv(d, ess::report_options(ess::Language::en, ';', ess::Language::fr));
  CHECK(english.find(";0.34;0.25;") != std::string::npos);
  std::string comma =
      ess::render_diff_csv(d, ess::report_options(std::nullopt, ',', ess::Language::fr));
  CHECK(comma.find(",0.34,0.25,") != std::string::npos);
}

TEST_CASE("grid diff: git references are told apart from files") {
  CHECK(ess::is_git_reference("origin/main:criteria/g.yaml"));
  CHECK(ess::is_git_reference("HEAD:g.yaml"));
  CHECK_FALSE(ess::is_git_reference("criteria/g.yaml"));
  CHECK_FALSE(ess::is_git_reference("-"));
  std::string bytes, error;
  CHECK_FALSE(ess::git_show("--output=/tmp/x:y", 1024, bytes, error));
  CHECK(error.find("cannot start with '-'") != std::string::npos);
}
