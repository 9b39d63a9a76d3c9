#pragma once
// `grid show CALL`: a call's grid as a document to publish — the call (funder, base grid,
// budgets, decision, award), « Ce que cet appel change à la grille » (each override, before ->
// after, and the effective weights that follow), then the whole grid as `grid show` prints it.
#include <string>

#include "ess/core/call_grid.hpp"
#include "ess/model/call.hpp"
#include "ess/model/model.hpp"

namespace ess {

std::string render_call_markdown(const Call& call, const Grid& base, const CallGrid& call_grid,
                                 Language language);

}  // namespace ess
