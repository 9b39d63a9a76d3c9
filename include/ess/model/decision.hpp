#pragma once
// The decision as people read it (§2.4): a band's label when the dossier is ok, else the word of
// its status. The one place these words live, for every command and every report.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/model/model.hpp"
#include "ess/model/result.hpp"

namespace ess {

// "Inéligible", "Incomplet", "Non évalué", "Invalide" (and their English words); "" for ok,
// which a band's label names.
std::string_view status_word(DossierStatus status, Language language);

// The band's label for an ok dossier, else status_word.
std::string decision_label(const Grid& grid, DossierStatus status, std::optional<std::size_t> band,
                           Language language);
std::string decision_label(const DossierResult& result, Language language);

// Whether the funding line may fund a dossier in band `index` (§1.1): the band's `fundable:`
// when written, else every band but the lowest.
bool band_fundable(const std::vector<Band>& bands, std::size_t index);

// Every decision a report can show, in report order: bands from the highest down, then the
// word of each status that is not ok (ineligible, incomplete, not assessed, invalid).
std::vector<std::string> decision_labels(const Grid& grid, Language language);

}  // namespace ess
