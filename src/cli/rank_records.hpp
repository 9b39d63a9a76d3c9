#pragma once
// What `rank` keeps between its workers and its report, in temporary files (ess/io/spill.hpp)
// so that memory does not grow with the number of dossiers: each scored dossier's row, sorted by
// rank; then the ranked rows of the report.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "batch.hpp"
#include "batch_grid.hpp"
#include "ess/io/grid_store.hpp"
#include "ess/io/spill.hpp"
#include "ess/report/rank_report.hpp"
#include "options.hpp"

namespace ess::cli {

// What a worker leaves of one file (BatchRecord::bytes): a scored dossier's row, or the row of
// a file refused by validation (status invalid).
struct RankRecord {
  bool scored = false;               // valid and scored: grid and grid_pos are set only then
  const LoadedGrid* grid = nullptr;  // the grid it was scored with
  Pos grid_pos;
  RankRow row;
  std::string extra;  // what the command keeps beside the row, not ranked with it (rank
                      // --format scdl: the dossier's award candidate)
};
void encode_rank_record(const RankRecord& record, std::string& out);
RankRecord decode_rank_record(std::string_view bytes);

// The rows of a ranking read back from the temporary files, as often as the report needs.
class RankedRowsOnDisk final : public RankedRows {
 public:
  RankedRowsOnDisk();
  void append(const RankRow& row, const std::optional<GroupKey>& group_by);
  void for_each(const std::function<void(const RankRow&)>& fn) const override;
  void for_each_grouped(GroupKey key, const std::function<void(const RankRow&)>& fn) const override;

 private:
  mutable RecordLog rows_;  // report order
  mutable ExternalSorter grouped_{
      spill_budget(sorter_budget)};  // by group value, then position in the report
  std::string buffer_;
};

// The money of a ranking: --budget N, or --budget GROUP=N with --group-by.
FundingPlan funding_plan(const Options& options);

class RankPass {
 public:
  explicit RankPass(const Options& options) : options_(options) {}

  // The batch's consumer: each file whose id is unique (or that has none), in id order.
  void consume(const BatchRecord& record);
  // A copy of a duplicate id (BatchRun::on_refused): an invalid row.
  void refuse(const std::string& path, const BatchRecord& record, const Diagnostic& why);

  // The ranking's grid: the one most dossiers are scored with (BatchGrid).
  const LoadedGrid* grid() const { return grids_.chosen(); }

  // The pass in rank order: rows of other grids refused (an error into `batch`, an invalid
  // row), the rest ranked, decided and written to the returned rows; fills the report's counts,
  // funding lines and groups.
  RankedRowsOnDisk rank(const LoadedGrid* grid, Language language, RankReport& report,
                        BatchRun& batch);

 private:
  void add(const RankRow& row, std::string_view bytes);

  const Options& options_;
  ExternalSorter ranking_{spill_budget(sorter_budget)};
  ExternalSorter invalid_{spill_budget(sorter_budget)};  // refused rows, in their report order
  BatchGrid grids_;
  std::map<std::pair<const LoadedGrid*, std::string>, std::size_t> ranked_per_group_;
};

}  // namespace ess::cli
