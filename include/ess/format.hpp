#pragma once
// One rule each for numbers and escaping in every output: same bytes on every machine/locale.
#include <string>
#include <string_view>
#include <vector>

#include "ess/diagnostic.hpp"

namespace ess {

// Shortest text that reads back to the same double, always with '.', never "-0" (CSV, JSON).
std::string format_shortest(double value);

// Fixed decimals, rounded half away from zero on the shortest decimal form of the value
// (so 2.25 -> 2.3 and 0.15 -> 0.2, as a reader of the decimal expects). Markdown.
std::string format_fixed(double value, int decimals);

std::string json_escape(std::string_view text);                      // with the surrounding quotes
std::string csv_field(std::string_view text, char separator = ',');  // RFC 4180 quoting
// Escapes text for a Markdown table cell: pipes, newlines, and leading/trailing spaces.
std::string md_cell(std::string_view text);

enum class DiagnosticFormat : std::uint8_t { gnu, github, json };

// path:line:col: severity: message; hint [code] — one per line, in the given order.
std::string format_diagnostics(const std::vector<Diagnostic>& items, DiagnosticFormat format);

}  // namespace ess
