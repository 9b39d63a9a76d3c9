#pragma once
// What `pack` needs beyond a ranking (report/pack.hpp): the committee's notes kept beside each
// rank row as the workers score the dossiers; the refused files, from the run's diagnostics;
// and the second pass, which scores each ranked dossier again, in ranking order, for its page
// and the call's sums — a few dossiers at a time on every core, so that no more than a handful
// of DossierResults is ever held, whatever the size of the call.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "batch.hpp"
#include "call_run.hpp"
#include "dossier_stage.hpp"
#include "ess/core/scoring.hpp"
#include "ess/report/pack.hpp"

namespace ess::cli {

// A dossier's note as RankRecord::extra ("" when nothing is worth a line), and back.
std::string encode_note(const DossierResult& result);
DossierNote decode_note(std::string_view bytes);

// Each file with an error, with its first error (path, line, column order): the files the
// committee must know were refused.
std::vector<RefusedFile> refused_files(BatchRun& batch);

// The second pass. `page` gets each ranked row's dossier, scored again, in ranking order; a
// file that no longer reads as it did (changed, moved, another id) is an error file-changed
// in `batch`, and its page is left out.
struct PagePass {
  const Options& options;
  const CallRun& call;
  GridCache& grids;
  const LoadedGrid& grid;  // the ranking's
  BatchRun& batch;
  void run(const RankedRows& rows,
           const std::function<void(const DossierResult&, const RankRow&)>& page) const;
};

}  // namespace ess::cli
