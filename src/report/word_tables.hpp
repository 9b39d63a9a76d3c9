#pragma once
// The fixed word tables of the report layer, each seen as the flat list of its words in one
// language, so that one unit test checks every table: each word exists in French and in
// English, with the same {placeholders} (tests/unit/test_report_i18n.cpp). The tables that a
// .cpp keeps to itself are reached through the accessors below; no report is written from
// these lists.
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ess/model/language.hpp"

namespace ess::word_tables {

using WordList = std::vector<std::string_view>;

namespace detail {

// True when `Words` is brace-initialised by exactly sizeof...(I) values of `Word`: brace
// elision spreads them over arrays and nested structs, and a field of any other type (a
// Language, a bool, a number) refuses a `Word`.
template <class Words, class Word, std::size_t... I>
constexpr bool filled_by(std::index_sequence<I...>) {
  return requires {
    Words{(static_cast<void>(I), Word{})...};
  };
}

}  // namespace detail

// The words of a struct made only of `Word` fields (const char* or std::string_view, arrays
// of them, structs of them), in the order of their declaration. A struct with any other field
// does not compile here, so no field is read as a word by mistake or left out.
template <class Word, class Words>
WordList flatten(const Words& words) {
  constexpr std::size_t count = sizeof(Words) / sizeof(Word);
  static_assert(std::is_aggregate_v<Words> && std::is_standard_layout_v<Words>);
  static_assert(sizeof(Words) == count * sizeof(Word), "a field that is not a Word");
  static_assert(detail::filled_by<Words, Word>(std::make_index_sequence<count>{}),
                "a field that is not a Word");
  // Standard layout, no padding, every field a Word: laid out as Word[count].
  const auto* first = reinterpret_cast<const Word*>(&words);
  WordList out;
  for (std::size_t i = 0; i < count; ++i) {
    if constexpr (std::is_pointer_v<Word>)
      out.emplace_back(first[i] ? std::string_view(first[i]) : std::string_view());
    else
      out.emplace_back(first[i]);
  }
  return out;
}

// The tables private to one .cpp, each defined beside its table.
WordList grid_show_words(Language language);    // grid_show.cpp: Words
WordList call_show_words(Language language);    // call_show.cpp: Words
WordList sensitivity_words(Language language);  // report_sensitivity.cpp: Words
WordList grid_change_words(Language language);  // grid_diff_render.cpp: ChangeWords, by kind
WordList grid_impact_words(Language language);  // grid_impact_render.cpp: ImpactWords
WordList csv_heading_words(Language language);  // csv_words.cpp: Heading, by column token

}  // namespace ess::word_tables
