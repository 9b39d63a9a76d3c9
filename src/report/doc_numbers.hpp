#pragma once
// Numbers in the documents written for people outside the instruction team (letters, packs,
// public account), as a reader of the document's language expects them (spec §2.7):
// "62,4", "40 000 €", "43,8 %" in French; "62.4", "€40,000", "43.8%" in English.
// The one place these documents write a number: the French-number work on every report will
// take it over, and nothing else in letter_*, pack_* or svg_* formats a number by itself.
#include <string>

#include "ess/model/model.hpp"

namespace ess::doc {

// A number with `decimals` decimals (half away from zero), grouped by thousands (French from
// 10 000 up with U+202F; English from 1,000 up with ',').
std::string number(double value, int decimals, Language language);
// A score or total out of 100: one decimal.
std::string score(double value, Language language);
// An amount in euros, cents only when there are some.
std::string amount(double value, Language language);
// A share (0..1) as a percentage with one decimal.
std::string percent(double fraction, Language language);
// A count or quantity with at most two decimals, trailing zeros dropped ("11,88", "4 300").
std::string quantity(double value, Language language);

}  // namespace ess::doc
