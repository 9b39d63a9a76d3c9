#pragma once
// Every message and hint of the diagnostics, in French and in English: one catalogue, worded
// where a message is made, in the language chosen once for the process (as gettext does).
// Threading a language through every loader for words only a human reads would add a parameter
// to fifty functions; diagnostics stay plain values (code, file, position, message, hint).
//
//   using namespace fmt::literals;
//   diags.error(pos, say(Msg::unknown_key, "key"_a = key, "what"_a = what), say(Msg::...));
//
// Texts take named fmt placeholders ({criterion}, {value}...). French texts are written with
// ordinary spaces before ':' ';' '?' '!' and inside « »: the typography (a no-break space) is
// applied once, when the catalogue is read (french_typography).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "ess/model/diagnostic.hpp"
#include "ess/model/message_ids.hpp"
#include "ess/model/model.hpp"

namespace ess {

struct MessageEntry {
  Msg id;
  std::string_view code;  // the diagnostic code it belongs to; empty for a phrase shared by many
  std::string_view fr;
  std::string_view en;
};

std::span<const MessageEntry> message_catalogue();

// The process-wide language of messages: set once in main, before any thread starts.
void set_message_language(Language language);
Language message_language();

// --lang when given ("fr" or "en"); else the first non-empty of LC_ALL, LC_MESSAGES, LANG:
// French when it starts with "fr"; else English.
Language choose_message_language(std::string_view lang_option, std::string_view lc_all,
                                 std::string_view lc_messages, std::string_view lang);

// The text of an entry in a language, French typography applied.
std::string_view message_text(Msg id, Language language);

// Ordinary spaces before ':' ';' '?' '!' and inside « » become no-break spaces (U+00A0).
std::string french_typography(std::string_view text);

std::string word_message(Msg id, Language language, fmt::format_args args);

// A message (or a hint) in the message language, with its entry's code.
template <class... Args>
Said say(Msg id, const Args&... args) {
  return {message_catalogue()[static_cast<std::size_t>(id)].code,
          word_message(id, message_language(), fmt::make_format_args(args...))};
}

// A phrase that goes into a message ("a criterion", "the score of 'x'"): just the words.
template <class... Args>
std::string phrase(Msg id, const Args&... args) {
  return word_message(id, message_language(), fmt::make_format_args(args...));
}

// "did you mean 'word'?", or nothing when there is no word to suggest.
Said did_you_mean(const std::string& word);

// The system's reason for an errno value, in the message language: the C library's English
// words (as strerror gives them in the C locale) or their French; strerror for the rare others.
std::string system_reason(int err);

// A diagnostic worded from the catalogue, for code that builds Diagnostic values itself.
Diagnostic make_diagnostic(Severity severity, std::string file, Pos pos, Said message,
                           Said hint = {});

}  // namespace ess
