#pragma once
// The awards of a call as open data (§4): SCDL « subventions » 2.1.1, the national format in
// which French public funders publish the essential data of their subsidy agreements.
// CSV with ',', '.' decimals, UTF-8 without BOM, CRLF line ends (RFC 4180), the schema's 16
// columns in its order. Pure: the call and the chosen awards (core/awards.hpp) in, text out.
#include <string>
#include <vector>

#include "ess/core/awards.hpp"
#include "ess/model/call.hpp"
#include "ess/model/diagnostic.hpp"

namespace ess {

// The schema's columns, in its order.
extern const char* const scdl_columns[16];

// One row per awarded dossier. What the format requires and the call or a dossier lacks is an
// error naming the file, the dossier and the field (scdl-missing-field), and the row is left
// out: never a silently invalid row. An `objet` over 256 characters is cut at a word (warning
// scdl-objet-cut); amounts that are the funding line's proposal are a warning (scdl-proposal).
std::string render_scdl(const Call& call, const AwardList& awards,
                        std::vector<Diagnostic>& diagnostics);

}  // namespace ess
