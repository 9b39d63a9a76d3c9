#pragma once
// `grid show`: a grid as a Markdown document to publish (GitHub-flavoured tables only, so it
// goes through pandoc).
#include <map>
#include <string>

#include "ess/model/model.hpp"

namespace ess {

// The whole grid: tree with weights and effective weights, decision bands, thresholds, every
// criterion with its guidance, scales with levels and value functions, facts with formulas.
// `language` chooses the fixed words; the grid's own texts are shown as written.
std::string render_grid_markdown(const Grid& grid, Language language);

}  // namespace ess
