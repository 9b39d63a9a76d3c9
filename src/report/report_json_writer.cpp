#include "report_json_writer.hpp"

#include <cmath>

#include "ess/model/format.hpp"

namespace ess::json {

void Writer::newline() {
  out_ += '\n';
  out_.append(2 * levels_.size(), ' ');
}

// Before any value: nothing after a key; a comma and a new line between array items.
void Writer::value_start() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (level.items++ > 0) out_ += ',';
  newline();
}

Writer& Writer::key(std::string_view name) {
  Level& level = levels_.back();
  if (level.items++ > 0) out_ += ',';
  newline();
  out_ += json_escape(name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

Writer& Writer::begin_object() {
  value_start();
  out_ += '{';
  levels_.push_back({true, 0});
  return *this;
}

Writer& Writer::close(char bracket) {
  bool had_items = levels_.back().items > 0;
  levels_.pop_back();
  if (had_items) newline();
  out_ += bracket;
  return *this;
}

Writer& Writer::end_object() {
  return close('}');
}

Writer& Writer::begin_array() {
  value_start();
  out_ += '[';
  levels_.push_back({false, 0});
  return *this;
}

Writer& Writer::end_array() {
  return close(']');
}

void Writer::string(std::string_view text) {
  value_start();
  out_ += json_escape(text);
}

void Writer::optional_string(const std::string* text) {
  if (text)
    string(*text);
  else
    null();
}

void Writer::number(double value) {
  value_start();
  out_ += std::isfinite(value) ? format_shortest(value) : "null";
}

void Writer::number(const std::optional<double>& value) {
  if (value)
    number(*value);
  else
    null();
}

void Writer::boolean(bool value) {
  value_start();
  out_ += value ? "true" : "false";
}

void Writer::null() {
  value_start();
  out_ += "null";
}

std::string Writer::finish() && {
  return std::move(out_) + "\n";
}

}  // namespace ess::json
