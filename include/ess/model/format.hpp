#pragma once
// One rule each for numbers and escaping in every output: same bytes on every machine/locale.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/model/diagnostic.hpp"

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

// format_shortest with another decimal mark: ',' for CSV read by spreadsheets set up in French.
std::string format_shortest(double value, char decimal_mark);

// A quantity in its own units, for a reader (Markdown): as written in a grid or dossier, up to
// two decimals (cents, a rate of 11.88 EUR/h, an index of 0.66 that must not read 0.7);
// rounded as format_fixed, trailing zeros dropped. Computed scores use format_fixed(v, 1).
std::string format_quantity(double value);

// Escapes free text for inline Markdown: \ ` * _ [ ] < > ~ lose their meaning, line breaks
// become spaces, so no text of a dossier can open a link, raw HTML or a block. In a table cell:
// md_cell(md_text(text)).
std::string md_text(std::string_view text);

enum class DiagnosticFormat : std::uint8_t { gnu, github, json };

// "gnu" | "github" | "json" (--diagnostics).
std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name);

namespace json {
class Writer;
}
// One diagnostic as the JSON object every JSON output carries (one line: file, line, column,
// severity, code, message, hint).
void write_diagnostic_json(json::Writer& writer, const Diagnostic& diagnostic);

// path:line:col: severity: message; hint [code] — one per line, in the given order.
// `colour` (gnu only): ANSI colours for a terminal, as compilers do; never in files or pipes.
std::string format_diagnostics(const std::vector<Diagnostic>& items, DiagnosticFormat format,
                               bool colour = false);

}  // namespace ess
