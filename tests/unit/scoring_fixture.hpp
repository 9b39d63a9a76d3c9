#pragma once
// Builds a grid and a dossier from YAML text and scores it: the unit tests' common ground.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "ess/core/scoring.hpp"
#include "ess/core/validate.hpp"
#include "ess/io/load.hpp"
#include "ess/model/grid_index.hpp"
#include "test_support.hpp"

struct Scored {
  ess::Grid grid;
  ess::GridIndex index;
  ess::Dossier dossier;
  std::optional<ess::DossierResult> result;
  ess::Diagnostics diags{"test"};

  const ess::CriterionResult& at(const std::string& id) const {
    for (const auto& c : result->criteria)
      if (c.criterion->id == id) return c;
    FAIL("no criterion " << id);
    return result->criteria.front();
  }
};

inline std::unique_ptr<Scored> score_yaml(const std::string& grid_yaml,
                                          const std::string& dossier_yaml,
                                          ess::ScoreOptions options = {}) {
  auto out = std::make_unique<Scored>();
  out->grid = test_support::require_grid(grid_yaml);
  out->index = ess::index_grid(out->grid);
  ess::YamlNode root;
  REQUIRE(ess::parse_yaml(dossier_yaml, ess::ParseLimits{}, root, out->diags));
  auto dossier = ess::load_dossier(root, out->diags);
  REQUIRE(dossier);
  out->dossier = std::move(*dossier);
  ess::validate_dossier(out->index, out->dossier, out->diags);
  INFO((out->diags.has_errors() ? out->diags.items()[0].message : std::string("no errors")));
  REQUIRE(!out->diags.has_errors());
  out->result = ess::score_dossier(out->index, out->dossier, options, out->diags);
  return out;
}

// Two axes (A: a level and a yes/no, weight 3; B: a percentage, weight 1) and four bands.
inline const char* const two_axes_grid = R"(
grid: g
version: 1.0.0
title: T
scales:
  niveau: {type: levels, levels: [{value: 0, label: Absent}, {value: 1, label: Emergent}, {value: 2, label: Etabli}, {value: 3, label: Exemplaire}]}
  oui-non: {type: yesno}
  part: {type: numeric, min: 0, max: 100}
criteria:
  - id: a
    title: A
    weight: 3
    children:
      - {id: a1, title: A1, scale: niveau, weight: 2}
      - {id: a2, title: A2, scale: oui-non, weight: 1}
  - id: b
    title: B
    weight: 1
    children:
      - {id: b1, title: B1, scale: part}
decision:
  - {min: 0, label: Defavorable}
  - {min: 50, label: Reserve}
  - {min: 70, label: Favorable}
  - {min: 90, label: Excellent}
)";

// A dossier of one analyst with these lines under `scores:` (indented six spaces).
inline std::string dossier_with(const std::string& scores, const std::string& extra = "") {
  return "dossier: d1\ntitle: D\ngrid: g\nassessments:\n  - assessor: X\n    role: analyst\n"
         "    date: 2026-01-01\n    scores:\n" +
         scores + extra;
}
