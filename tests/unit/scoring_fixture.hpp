#pragma once
// Builds a grid and a dossier from YAML text and scores it: the unit tests' common ground.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "ess/core/scoring.hpp"
#include "ess/core/validate.hpp"
#include "ess/io/load.hpp"
#include "ess/model/grid_index.hpp"

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
  ess::Diagnostics grid_diags("grid.yaml");
  auto grid = ess::load_grid_bytes(grid_yaml, "grid.yaml", ess::ParseLimits{}, grid_diags);
  INFO(grid_diags.items().size() << " grid diagnostics; first: "
                                 << (grid_diags.empty() ? "" : grid_diags.items()[0].message));
  REQUIRE(grid);
  out->grid = std::move(*grid);
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
