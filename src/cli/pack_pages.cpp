#include "pack_pages.hpp"

#include <deque>
#include <memory>
#include <optional>
#include <set>

#include "common.hpp"
#include "ess/core/parallel.hpp"
#include "ess/model/byte_codec.hpp"
#include "ess/model/messages.hpp"

namespace ess::cli {

std::string encode_note(const DossierResult& result) {
  std::optional<DossierNote> note = PackNotes::note_of(result);
  std::string out;
  if (!note) return out;
  ByteWriter w(out);
  w.texts(note->straddling);
  w.texts(note->omissions);
  w.raw(static_cast<std::uint8_t>(note->not_assessed));
  return out;
}

DossierNote decode_note(std::string_view bytes) {
  ByteReader in(bytes);
  DossierNote note;
  note.straddling = in.texts();
  note.omissions = in.texts();
  note.not_assessed = in.raw<std::uint8_t>() != 0;
  return note;
}

std::vector<RefusedFile> refused_files(BatchRun& batch) {
  std::vector<RefusedFile> out;
  std::set<std::string> seen;
  batch.for_each_diagnostic([&](const Diagnostic& d) {
    if (d.severity != Severity::error || d.file.empty() || !seen.insert(d.file).second) return;
    out.push_back({d.file, d.code, d.message});
  });
  return out;
}

namespace {

// One ranked dossier read and scored again: the dossier lives as long as its result.
struct Rescored {
  std::unique_ptr<Dossier> dossier;
  std::optional<DossierResult> result;
};

// Rows handed to the workers at a time: enough for every core, few enough to hold.
constexpr std::size_t rows_at_a_time = 32;

}  // namespace

void PagePass::run(const RankedRows& rows,
                   const std::function<void(const DossierResult&, const RankRow&)>& page) const {
  const ParseLimits limits = limits_from(options);
  const ScoreOptions score = score_options(options);
  const DossierReading reading;
  std::vector<RankRow> chunk;
  auto rescore = [&](const RankRow& row) {
    Rescored out;
    Diagnostics diags(row.file);
    std::optional<ReadDossier> read = read_dossier(row.file, limits, diags, reading);
    if (!read || read->dossier.id != row.dossier || diags.has_errors()) return out;
    out.dossier = std::make_unique<Dossier>(std::move(read->dossier));
    const LoadedGrid* g = call.check(*out.dossier, grids, diags);
    if (g != &grid || batch.refuses(diags)) return out;
    out.result = score_dossier(grid.index, *out.dossier, score, diags);
    return out;
  };
  auto flush = [&] {
    std::vector<Rescored> done(chunk.size());
    parallel_for(chunk.size(), job_count(options),
                 [&](std::size_t i) { done[i] = rescore(chunk[i]); });
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      if (done[i].result) {
        page(*done[i].result, chunk[i]);
        continue;
      }
      batch.add_diagnostic(make_diagnostic(Severity::error, chunk[i].file, chunk[i].id_pos,
                                           say(Msg::file_changed), say(Msg::file_changed_hint)));
    }
    chunk.clear();
  };
  rows.for_each([&](const RankRow& row) {
    chunk.push_back(row);
    if (chunk.size() == rows_at_a_time) flush();
  });
  if (!chunk.empty()) flush();
}

}  // namespace ess::cli
