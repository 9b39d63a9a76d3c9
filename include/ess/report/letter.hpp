#pragma once
// The letter to an applicant (spec §7): what is theirs to see and nothing else — the avis and
// the total against the bands' thresholds, strengths, where support would help most, what is
// missing with what to send, the conditions not met. Never an assessor's name, an individual
// assessment, a spread, a committee note, a comment or an evidence text: the renderer reads
// only consolidated values, the grid's words and the dossier's own header.
#include <optional>
#include <string>

#include "ess/model/call.hpp"  // Letterhead: the call's, or --letterhead
#include "ess/model/model.hpp"
#include "ess/model/result.hpp"

namespace ess {

struct LetterInput {
  const DossierResult* result = nullptr;
  Language language = Language::fr;      // report_options(): --lang, else the grid's
  std::optional<Letterhead> letterhead;  // the call's `letterhead:` or --letterhead; none: left out
  std::string date;        // ISO: the call's decision date or --date, never today; "": left out
  std::string reference;   // the committee's act (the call's decision reference); "": none
  std::string call_title;  // "": none
  // An application that nobody but its applicant has assessed (status not-assessed, §2.2).
  // Today: DossierResult::self_only; the decision rules will set it from the status.
  bool not_assessed = false;
};

// One letter, Markdown for pandoc, ending with a newline.
std::string render_letter(const LetterInput& input);

// The letter's input for a scored dossier without a call: the language of report_options (the
// one asked for, else the grid's), no letterhead, no date (the command warns about what is
// missing).
LetterInput letter_input(const DossierResult& result, std::optional<Language> asked = {});

}  // namespace ess
