#pragma once
// The fixed words of the letter to an applicant, French first (the words of a careful
// instruction officer writing to an association: « vous », plain, no jargon), then English.
// Sentences with {placeholders} are filled with md::fill.
#include <string_view>

#include "ess/model/model.hpp"

namespace ess {

struct LetterWords {
  std::string_view place_date;  // {place} {date}
  std::string_view date_only;   // {date}
  std::string_view subject;     // {title} {id}
  std::string_view call;        // {call}
  std::string_view reference;   // {reference}
  std::string_view greeting;
  std::string_view intro;  // {grid}

  std::string_view decision_heading;
  std::string_view decision_ok;   // {band}
  std::string_view total_next;    // {total} {next} {min}
  std::string_view total_top;     // {total} {band} {min}
  std::string_view total_only;    // {total}
  std::string_view bands_intro;   // {list}
  std::string_view band_below;    // {band} {next}
  std::string_view band_between;  // {band} {min} {next}
  std::string_view band_from;     // {band} {min}
  std::string_view ineligible;
  std::string_view ineligible_total;  // {total}
  std::string_view incomplete;
  std::string_view incomplete_total;  // {total}
  std::string_view not_assessed;

  std::string_view strengths_heading, strengths_intro, strengths_none;
  std::string_view strength_at_target;  // {criterion} {value}
  std::string_view strength_item;       // {criterion} {value} {target}

  std::string_view support_heading;
  std::string_view path_intro;         // {next} {min}
  std::string_view path_step;          // {criterion} {from} {to} {points}
  std::string_view path_reached;       // {total} {next}
  std::string_view path_out_of_reach;  // {total} {next} {min}
  std::string_view path_none;          // {next}
  std::string_view top_intro, top_none;
  std::string_view gaps_intro;  // an application not yet decided: no band to reach
  std::string_view unit;        // {unit}
  std::string_view and_word;
  std::string_view guidance_lead;

  std::string_view conditions_heading, conditions_intro;
  std::string_view condition_leaf;  // {criterion} {minimum} {value}
  std::string_view condition_node;  // {criterion} {minimum} {score}

  std::string_view missing_heading, missing_intro;
  std::string_view missing_fact;    // {fact} {criteria}
  std::string_view missing_scored;  // {criterion}
  std::string_view na_heading, na_intro;

  std::string_view closing, politeness;
};

const LetterWords& letter_words(Language language);

}  // namespace ess
