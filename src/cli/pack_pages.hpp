#pragma once
// What `pack` needs beyond a ranking (report/pack.hpp): the refused files, from the run's
// diagnostics; and the second pass, which scores each ranked dossier again, in ranking order,
// for its page and the call's sums — a few dossiers at a time on every core, so that no more
// than a handful of DossierResults is ever held, whatever the size of the call.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "batch.hpp"
#include "call_run.hpp"
#include "dossier_stage.hpp"
#include "ess/core/scoring.hpp"
#include "ess/io/spill.hpp"
#include "ess/report/pack.hpp"

namespace ess::cli {

// Each file with an error, with its first error (path, line, column order): the files the
// committee must know were refused, as the run's diagnostics stand when it is made, kept in a
// temporary file (there may be as many as there are files).
class RefusedOnDisk final : public RefusedFiles {
 public:
  explicit RefusedOnDisk(BatchRun& batch);
  std::size_t size() const override { return files_.size(); }
  void for_each(const std::function<void(const RefusedFile&)>& fn) const override;

 private:
  mutable RecordLog files_;
};

// The second pass. `page` gets the dossier of each row that has a page (has_page), scored
// again, in ranking order; a file that no longer reads as it did (changed, moved, another id)
// is an error file-changed in `batch`, and its page is left out.
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
