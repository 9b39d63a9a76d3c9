#pragma once
#include <string_view>

#include "ess/model/diagnostic.hpp"

namespace ess {

// Refuses what yaml-cpp would mangle or misreport: NUL bytes, invalid UTF-8, CR-only line
// ends, tabs used for indentation. Accepts and strips a UTF-8 byte-order mark; CRLF is fine.
// On success `text` is the bytes to parse.
bool check_text(std::string_view bytes, std::string_view& text, Diagnostics& diags);

}  // namespace ess
