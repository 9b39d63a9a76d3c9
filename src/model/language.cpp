#include "ess/model/language.hpp"

namespace ess {

std::optional<Language> parse_language(std::string_view code) {
  if (code == "fr") return Language::fr;
  if (code == "en") return Language::en;
  return std::nullopt;
}

const char* language_code(Language language) {
  return language == Language::en ? "en" : "fr";
}

}  // namespace ess
