#include "ess/model/csv_writer.hpp"

#include "ess/model/format.hpp"

namespace ess::csv {

void Row::next() {
  if (!first_) out_ += dialect_.separator;
  first_ = false;
}

Row& Row::text(std::string_view field) {
  next();
  out_ += csv_field(field, dialect_.separator);
  return *this;
}

std::string_view start(Dialect dialect) {
  return dialect.spreadsheet ? "\xEF\xBB\xBF" : "";
}

namespace {

std::string rounded(double value, Rounding rounding) {
  switch (rounding) {
    case Rounding::score:
      return format_fixed(value, 1);
    case Rounding::quantity:
      return format_quantity(value);
    case Rounding::exact:
      return format_shortest(value);
    case Rounding::share:
      break;
  }
  std::string out = format_fixed(value, 3);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out == "-0" ? "0" : out;
}

}  // namespace

Row& Row::number(const std::optional<double>& value, Rounding rounding) {
  next();
  if (!value) return *this;
  std::string text = dialect_.spreadsheet ? rounded(*value, rounding) : format_shortest(*value);
  if (dialect_.decimal_mark != '.')
    for (char& c : text)
      if (c == '.') c = dialect_.decimal_mark;
  out_ += csv_field(text, dialect_.separator);
  return *this;
}

Row& Row::integer(const std::optional<std::uint64_t>& value) {
  next();
  if (value) out_ += std::to_string(*value);
  return *this;
}

void Row::end() {
  out_ += "\r\n";
}

}  // namespace ess::csv
