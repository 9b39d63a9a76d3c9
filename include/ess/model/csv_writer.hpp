#pragma once
// The one CSV row writer of every CSV output (RFC 4180): fields quoted by csv_field, numbers as
// the shortest text that reads back to the same double, with the dialect's decimal mark (§2.7:
// ',' only in CSV separated by ';' for a French reader), an empty field for what has no value,
// and CRLF after each row.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ess::csv {

struct Dialect {
  char separator = ',';
  char decimal_mark = '.';
};

// Appends one row to `out`, field by field; end() closes it.
class Row {
 public:
  Row(std::string& out, Dialect dialect) : out_(out), dialect_(dialect) {}
  Row& text(std::string_view field);
  Row& number(const std::optional<double>& value);
  Row& integer(const std::optional<std::uint64_t>& value);
  void end();

 private:
  void next();
  std::string& out_;
  Dialect dialect_;
  bool first_ = true;
};

}  // namespace ess::csv
