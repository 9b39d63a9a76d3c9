#pragma once
// The two languages of reports and messages, and their codes on the command line and in grids.
#include <optional>
#include <string_view>

#include "ess/model/model.hpp"

namespace ess {

std::optional<Language> parse_language(std::string_view code);  // "fr" | "en"
const char* language_code(Language language);

}  // namespace ess
