#include "pack_pages.hpp"

#include <deque>
#include <memory>
#include <optional>

#include "common.hpp"
#include "ess/core/parallel.hpp"
#include "ess/model/byte_codec.hpp"
#include "ess/model/messages.hpp"

namespace ess::cli {

RefusedOnDisk::RefusedOnDisk(BatchRun& batch) {
  std::string last, bytes;  // diagnostics come file by file: a file's first error is the first
  batch.for_each_diagnostic([&](const Diagnostic& d) {
    if (d.severity != Severity::error || d.file.empty() || d.file == last) return;
    last = d.file;
    bytes.clear();
    ByteWriter w(bytes);
    w.text(d.file);
    w.text(d.code);
    w.text(d.message);
    files_.append(bytes);
  });
}

void RefusedOnDisk::for_each(const std::function<void(const RefusedFile&)>& fn) const {
  files_.for_each([&](std::string_view bytes) {
    ByteReader in(bytes);
    RefusedFile f;
    f.file = in.text();
    f.code = in.text();
    f.message = in.text();
    fn(f);
  });
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
    if (!has_page(row)) return;
    chunk.push_back(row);
    if (chunk.size() == rows_at_a_time) flush();
  });
  if (!chunk.empty()) flush();
}

}  // namespace ess::cli
