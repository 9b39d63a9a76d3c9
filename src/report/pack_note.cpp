// What the committee must discuss of one dossier beyond its rank row (DossierNote), as the
// bytes that travel with the row (RankRow::note) from the worker that scored the dossier to
// the section « what the committee must discuss », through the ranking on disk.
#include "doc_values.hpp"
#include "ess/model/byte_codec.hpp"
#include "ess/report/pack.hpp"

namespace ess {

namespace {

// Leaves scored (or N/A) from some assessments that others left out (§1.2 omissions,
// CriterionResult::omitted_by); a leaf nobody scored is missing, a topic of its own.
std::vector<std::string> omissions(const DossierResult& result) {
  std::vector<std::string> out;
  const auto& assessments = result.dossier->assessments;
  for (const CriterionResult& r : result.criteria) {
    if (!r.is_leaf() || !r.omission()) continue;
    for (std::size_t a : r.omitted_by)
      out.push_back(doc::title_of(*r.criterion) + " — " + assessments[a].assessor);
  }
  return out;
}

}  // namespace

std::string encode_note(const DossierResult& result) {
  DossierNote note;
  for (const CriterionResult& r : result.criteria)
    if (r.is_leaf() && r.straddles_band) note.straddling.push_back(doc::title_of(*r.criterion));
  note.omissions = omissions(result);
  note.not_assessed = result.status == DossierStatus::not_assessed;
  std::string out;
  if (note.straddling.empty() && note.omissions.empty() && !note.not_assessed) return out;
  ByteWriter w(out);
  w.texts(note.straddling);
  w.texts(note.omissions);
  w.raw(static_cast<std::uint8_t>(note.not_assessed));
  return out;
}

std::optional<DossierNote> decode_note(std::string_view bytes) {
  if (bytes.empty()) return std::nullopt;
  ByteReader in(bytes);
  DossierNote note;
  note.straddling = in.texts();
  note.omissions = in.texts();
  note.not_assessed = in.raw<std::uint8_t>() != 0;
  return note;
}

}  // namespace ess
