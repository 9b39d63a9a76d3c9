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

Row& Row::number(const std::optional<double>& value) {
  next();
  if (value) out_ += csv_field(format_shortest(*value, dialect_.decimal_mark), dialect_.separator);
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
