// RankRow as bytes, for rank's temporary files: fixed-width numbers in the machine's own
// order (the bytes never leave the process), strings with their length before them.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "ess/ranking.hpp"

namespace ess {

namespace {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
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

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
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

 private:
  void need(std::size_t n) const {
    if (in_.size() < n)
      throw std::runtime_error("a ranking row in the temporary file is cut short");
  }
  std::string_view in_;
};

}  // namespace

void encode_row(const RankRow& row, std::string& out) {
  Writer w(out);
  w.text(row.dossier);
  w.text(row.title);
  w.text(row.file);
  w.raw(row.id_pos.line);
  w.raw(row.id_pos.col);
  w.text(row.call);
  w.text(row.territory);
  w.text(row.theme);
  w.raw(row.total);
  w.raw(static_cast<std::uint8_t>(row.status));
  w.raw(static_cast<std::uint64_t>(row.band));
  w.text(row.decision);
  w.raw(static_cast<std::uint32_t>(row.axes.size()));
  for (const auto& axis : row.axes) w.number(axis);
  w.number(row.requested);
  w.raw(row.flags);
  w.texts(row.eliminatory);
  w.texts(row.below_minimum);
  w.texts(row.missing);
  w.texts(row.na);
  w.raw(static_cast<std::uint8_t>(row.rank.has_value()));
  if (row.rank) w.raw(static_cast<std::uint64_t>(*row.rank));
  w.number(row.cumulative);
  w.raw(static_cast<std::uint8_t>(row.funded | row.would_fit << 1 | row.draws_line << 2));
}

RankRow decode_row(std::string_view bytes) {
  Reader r(bytes);
  RankRow row;
  row.dossier = r.text();
  row.title = r.text();
  row.file = r.text();
  row.id_pos.line = r.raw<decltype(row.id_pos.line)>();
  row.id_pos.col = r.raw<decltype(row.id_pos.col)>();
  row.call = r.text();
  row.territory = r.text();
  row.theme = r.text();
  row.total = r.raw<double>();
  row.status = static_cast<DossierStatus>(r.raw<std::uint8_t>());
  row.band = static_cast<std::size_t>(r.raw<std::uint64_t>());
  row.decision = r.text();
  auto axes = r.raw<std::uint32_t>();
  row.axes.reserve(std::min<std::size_t>(axes, bytes.size()));
  for (std::uint32_t i = 0; i < axes; ++i) row.axes.push_back(r.number());
  row.requested = r.number();
  row.flags = r.raw<std::uint8_t>();
  row.eliminatory = r.texts();
  row.below_minimum = r.texts();
  row.missing = r.texts();
  row.na = r.texts();
  if (r.raw<std::uint8_t>()) row.rank = static_cast<std::size_t>(r.raw<std::uint64_t>());
  row.cumulative = r.number();
  auto bits = r.raw<std::uint8_t>();
  row.funded = bits & 1;
  row.would_fit = bits & 2;
  row.draws_line = bits & 4;
  if (!r.done()) throw std::runtime_error("a ranking row in the temporary file has extra bytes");
  return row;
}

}  // namespace ess
