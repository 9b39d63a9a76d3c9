#pragma once
// Records of rank's temporary files: fixed-width numbers in the machine's own order (the bytes
// never leave the process) and strings with their length before them.
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ess {

class ByteWriter {
 public:
  explicit ByteWriter(std::string& out) : out_(out) {}
  template <class T>
  void raw(T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out_.append(bytes, sizeof(T));
  }
  void text(std::string_view s) {
    raw(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void number(std::optional<double> v) {
    raw(static_cast<std::uint8_t>(v.has_value()));
    if (v) raw(*v);
  }
  void texts(const std::vector<std::string>& items) {
    raw(static_cast<std::uint32_t>(items.size()));
    for (const auto& s : items) text(s);
  }

 private:
  std::string& out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  template <class T>
  T raw() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return value;
  }
  std::string text() {
    auto n = raw<std::uint32_t>();
    need(n);
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  std::optional<double> number() {
    if (!raw<std::uint8_t>()) return std::nullopt;
    return raw<double>();
  }
  std::vector<std::string> texts() {
    auto n = raw<std::uint32_t>();
    need(std::size_t{n} * sizeof(std::uint32_t));  // a length each: a corrupt count fails here
    std::vector<std::string> items;
    items.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) items.push_back(text());
    return items;
  }
  bool done() const { return in_.empty(); }
  std::string_view rest() const { return in_; }

 private:
  void need(std::size_t n) const {
    if (in_.size() < n) throw std::runtime_error("a record in rank's temporary file is cut short");
  }
  std::string_view in_;
};

}  // namespace ess
