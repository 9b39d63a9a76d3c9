#pragma once
// `grid show`: a grid as a Markdown document to publish (GitHub-flavoured tables only, so it
// goes through pandoc), and the grid-level numbers other grid commands share.
#include <map>
#include <string>

#include "ess/model.hpp"

namespace ess {

// Effective weight of every criterion (by id) when every criterion is scored: the product of
// w / Σw along its path (§2.3). The weight a criterion carries in the grid as published.
std::map<std::string, double> nominal_effective_weights(const Grid& grid);

// The whole grid: tree with weights and effective weights, decision bands, thresholds, every
// criterion with its guidance, scales with levels and value functions, facts with formulas.
// `language` chooses the fixed words; the grid's own texts are shown as written.
std::string render_grid_markdown(const Grid& grid, Language language);

}  // namespace ess
