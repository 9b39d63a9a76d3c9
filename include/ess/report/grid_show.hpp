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

// A value in a scale's units as a reader knows it: "3 (Exemplaire)", "oui", "25 %".
std::string scale_value_text(const Scale& scale, double value, Language language);

// The same document with another title (when not empty) and Markdown sections inserted after
// the grid's identity and description: how a call's grid is published (call_show.hpp).
struct GridDocumentParts {
  std::string title;
  std::string preamble;
};
std::string render_grid_markdown(const Grid& grid, Language language,
                                 const GridDocumentParts& parts);

}  // namespace ess
