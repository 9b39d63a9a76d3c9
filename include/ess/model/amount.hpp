#pragma once
// Numbers as people type them: `150 000`, `150000,50`, `150000.50`. One parser for every amount
// on the command line (parse_amount), and the shape that lets the loaders recognise a number
// written the French way in a YAML file and say how to write it there.
#include <optional>
#include <string>
#include <string_view>

#include "ess/model/diagnostic.hpp"

namespace ess {

// Digits, grouped in threes by spaces (U+0020, U+00A0 or U+202F) or not, then at most one
// decimal mark (',' or '.') and more digits. A leading '-' or '+' is kept apart.
struct WrittenNumber {
  bool negative = false;
  bool grouped = false;  // spaces between groups of three digits
  char mark = 0;         // ',' or '.', 0 without decimals
  std::string whole;     // the integer digits, without the spaces
  std::string decimals;  // the digits after the mark
};
std::optional<WrittenNumber> scan_written_number(std::string_view text);

// A comma or a point before exactly three digits, with no spaces to say which separates the
// thousands (150,000 or 150.000): a reader cannot tell thousands from decimals.
bool is_ambiguous(const WrittenNumber& n);

// The number as a YAML file or a C locale writes it: digits, '.', decimals.
std::string plain_text(const WrittenNumber& n);

struct AmountReading {
  std::optional<double> value;
  Said problem;  // in the message language, when there is no value
  Said hint;
};

// An amount of money, 0 or more: `150 000`, `150000`, `150000,50`, `150000.50`; `150,000` is
// refused as ambiguous, with a hint that says how to write either reading.
AmountReading parse_amount(std::string_view text);

}  // namespace ess
