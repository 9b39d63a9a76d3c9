#pragma once
// What `grid impact` keeps between its workers and its report, in temporary files: each row
// (a dossier under both grids) sorted by its OLD ranking, then by its NEW ranking (the ranks
// given on the way, §2.6), then in report order; the changes of decision by (before, after,
// id); the dossiers NEW makes invalid, by id. Memory: the summary's counts and two ranks per
// dossier for Kendall's tau.
#include <string>

#include "batch.hpp"
#include "ess/core/grid_impact.hpp"
#include "ess/io/spill.hpp"
#include "ess/report/grid_impact_render.hpp"
#include "options.hpp"

namespace ess::cli {

class ImpactPasses {
 public:
  ImpactPasses(const Options& options, BatchRun& batch) : options_(options), batch_(batch) {}

  // The batch's consumer: each dossier whose id is unique, in id order.
  void consume(const BatchRecord& record);

  // Both rankings, the report order and the summary; then the report reads the files.
  ImpactReport finish(const Grid& old_grid, const Grid& new_grid);

 private:
  const Options& options_;
  BatchRun& batch_;
  ExternalSorter by_old_rank_{spill_budget(sorter_budget)};
  ExternalSorter by_new_rank_{spill_budget(sorter_budget)};
  ExternalSorter in_order_{spill_budget(sorter_budget)};
  ExternalSorter changed_{spill_budget(sorter_budget)};
  RecordLog invalid_;
  std::string buffer_;
  std::size_t rows_ = 0;
};

}  // namespace ess::cli
