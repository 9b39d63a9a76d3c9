#include "ess/model/json_writer.hpp"

#include <cmath>

#include "ess/model/format.hpp"

namespace ess::json {

namespace {
// A streaming writer hands its text over once this much has gathered.
constexpr std::size_t chunk = 64 * 1024;
}  // namespace

Writer::Writer(std::function<void(std::string_view)> sink) : sink_(std::move(sink)) {
  out_.reserve(chunk + 4096);
}

void Writer::newline() {
  out_ += '\n';
  out_.append(2 * levels_.size(), ' ');
}

void Writer::maybe_flush() {
  if (sink_ && out_.size() >= chunk) {
    sink_(out_);
    out_.clear();
  }
}

// Between the items of a container: ", " inline; a comma and a new line in a block.
void Writer::separate() {
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (level.items++ > 0) out_ += level.inline_ ? ", " : ",";
  if (!level.inline_) newline();
}

// Before any value: nothing after a key, else the separation of an item.
void Writer::value_start() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  separate();
}

Writer& Writer::key(std::string_view name) {
  maybe_flush();
  separate();
  out_ += json_escape(name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

void Writer::open(char bracket, Layout layout) {
  maybe_flush();
  value_start();
  out_ += bracket;
  bool in_inline = !levels_.empty() && levels_.back().inline_;
  levels_.push_back({layout == Layout::inline_ || in_inline, 0});
}

Writer& Writer::begin_object(Layout layout) {
  open('{', layout);
  return *this;
}

Writer& Writer::begin_array(Layout layout) {
  open('[', layout);
  return *this;
}

Writer& Writer::close(char bracket) {
  Level level = levels_.back();
  levels_.pop_back();
  if (level.items > 0 && !level.inline_) newline();
  out_ += bracket;
  return *this;
}

Writer& Writer::end_object() {
  return close('}');
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

void Writer::integer(std::uint64_t value) {
  value_start();
  out_ += std::to_string(value);
}

void Writer::optional_integer(const std::optional<std::uint64_t>& value) {
  if (value)
    integer(*value);
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
  out_ += '\n';
  if (!sink_) return std::move(out_);
  sink_(out_);
  out_.clear();
  return {};
}

}  // namespace ess::json
