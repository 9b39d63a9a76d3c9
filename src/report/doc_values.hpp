#pragma once
// A criterion's value as a person outside the instruction team reads it, in the document's
// language: « Exemplaire », entre « Établi » et « Exemplaire », « Oui », 55,2 %, 30 888 €.
// Numbers go through the one formatter, ess/model/number_words.hpp.
#include <string>
#include <string_view>
#include <vector>

#include "ess/model/model.hpp"
#include "ess/model/number_words.hpp"
#include "ess/model/result.hpp"

namespace ess::doc {

// « text » with no-break spaces inside the guillemets in French, “text” in English: a quoted
// label never leaves its guillemet alone at the end of a line.
std::string quoted(std::string_view text, Language language);

// French typography on a text: a no-break space before « : », a narrow one before « ; » « ! »
// « ? », and no-break spaces inside guillemets, so that no line starts with a colon.
std::string french_spacing(std::string_view text);

// `value` in the leaf's scale units, in the language of `numbers`.
std::string value_text(const Grid& grid, const Criterion& leaf, double value,
                       const NumberWords& numbers);

// "15 juin 2026", "le 1er juillet 2026" is the caller's; "15 June 2026". Not an ISO date: as is.
std::string long_date(std::string_view iso, Language language);

// A criterion's title, else its id.
std::string title_of(const Criterion& c);

// Leaves at or above their target, scored, carrying weight: the dossier's strengths.
std::vector<std::size_t> strengths(const DossierResult& result);
// Leaves below their target, most points to gain first (ties by id).
std::vector<std::size_t> gaps(const DossierResult& result);

}  // namespace ess::doc
