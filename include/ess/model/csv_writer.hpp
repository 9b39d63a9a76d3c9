#pragma once
// The one CSV row writer of every CSV output (RFC 4180): fields quoted by csv_field, numbers as
// the shortest text that reads back to the same double, with the dialect's decimal mark (§2.7:
// ',' only in CSV separated by ';' for a French reader), an empty field for what has no value,
// and CRLF after each row. The spreadsheet flavour (§4) starts with a byte-order mark and rounds
// numbers as the Markdown reports do, bare (no grouping, no unit) so that they stay numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ess::csv {

struct Dialect {
  char separator = ',';
  char decimal_mark = '.';
  bool spreadsheet = false;  // byte-order mark, rounded numbers
};

// How the Markdown shows a number of a column, which the spreadsheet flavour follows: a score,
// total or points with one decimal; a quantity in its own units (a value, a weight, an amount)
// with at most two; a share in [0, 1] (Markdown shows it as a percentage with one decimal)
// with at most three; exact where the Markdown shows every digit (a grid's own numbers).
enum class Rounding : std::uint8_t { score, quantity, share, exact };

// What a CSV file starts with: the byte-order mark of the spreadsheet flavour, else nothing.
std::string_view start(Dialect dialect);

// Appends one row to `out`, field by field; end() closes it.
class Row {
 public:
  Row(std::string& out, Dialect dialect) : out_(out), dialect_(dialect) {}
  Row& text(std::string_view field);
  Row& number(const std::optional<double>& value, Rounding rounding = Rounding::quantity);
  Row& integer(const std::optional<std::uint64_t>& value);
  void end();

 private:
  void next();
  std::string& out_;
  Dialect dialect_;
  bool first_ = true;
};

}  // namespace ess::csv
