// RankRow as bytes, for rank's temporary files (byte_codec.hpp).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "ess/core/ranking.hpp"
#include "ess/model/byte_codec.hpp"

namespace ess {

void encode_row(const RankRow& row, std::string& out) {
  ByteWriter w(out);
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
  w.raw(static_cast<std::uint8_t>(row.fundable));
  w.text(row.error_code);
  w.text(row.error_message);
  w.text(row.note);
  w.raw(static_cast<std::uint8_t>(row.rank.has_value()));
  if (row.rank) w.raw(static_cast<std::uint64_t>(*row.rank));
  w.number(row.cumulative);
  w.raw(static_cast<std::uint8_t>(row.funded | row.would_fit << 1 | row.draws_line << 2));
  w.raw(static_cast<std::uint8_t>(row.unfunded));
}

RankRow decode_row(std::string_view bytes) {
  ByteReader r(bytes);
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
  row.fundable = r.raw<std::uint8_t>() != 0;
  row.error_code = r.text();
  row.error_message = r.text();
  row.note = r.text();
  if (r.raw<std::uint8_t>()) row.rank = static_cast<std::size_t>(r.raw<std::uint64_t>());
  row.cumulative = r.number();
  auto bits = r.raw<std::uint8_t>();
  row.funded = bits & 1;
  row.would_fit = bits & 2;
  row.draws_line = bits & 4;
  row.unfunded = static_cast<Unfunded>(r.raw<std::uint8_t>());
  if (!r.done()) throw std::runtime_error("a ranking row in the temporary file has extra bytes");
  return row;
}

}  // namespace ess
