#pragma once
// The state of one `rank` run between the workers and the report, kept in temporary files
// (ess/spill.hpp) so that memory does not grow with the number of dossiers: what each file
// left behind, sorted by id, then by rank; the ranked rows; the diagnostics.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ess/io/grid_store.hpp"
#include "ess/io/spill.hpp"
#include "ess/report/rank_report.hpp"
#include "options.hpp"

namespace ess::cli {

// Memory each sorter holds before it writes a run: small enough that a batch of a few thousand
// dossiers already reaches it (so peak memory is the same for 10 000 dossiers as for 1 000 000),
// large enough that a merge has few runs to read.
// $ESS_EVAL_SPILL_BUDGET (bytes), when set, replaces both: the tests set it to 1 so that a
// handful of dossiers goes through every run and merge a large batch would.
inline constexpr std::size_t sorter_budget = 1u << 20;
// Diagnostics are rarer than rows (a few per faulty or warned file): a smaller budget is
// reached as early in a batch as the rows' is.
inline constexpr std::size_t diagnostic_budget = 256u << 10;
std::size_t spill_budget(std::size_t fallback);

// What a worker leaves of one file.
struct FileRecord {
  RankRow row;  // `file` always; `dossier` and `id_pos` with has_id; complete when scored
  const LoadedGrid* grid = nullptr;  // the grid it was scored with
  Pos grid_pos;
  bool has_id = false;  // the file names a dossier id
  bool kept = false;    // it passes --call/--territory/--theme
  bool scored = false;  // valid and scored
  // The file's identity, to count a file reached by two paths once (0, 0: unknown).
  std::uint64_t device = 0, inode = 0;
};

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

struct DiagnosticOutcome {
  bool failed = false;    // an error
  bool io_error = false;  // a file that could not be read
};

class RankBatch {
 public:
  explicit RankBatch(const Options& options);

  // From the workers: thread-safe.
  void add_file(FileRecord record, std::vector<Diagnostic> diags);
  void add_diagnostic(Diagnostic diagnostic);

  // The pass over ids: a file met twice counted once, an id in several files reported in each
  // (none of them ranked). Returns the ranking's grid: the one most dossiers are scored with
  // (ties: by id, version, then file); none when no dossier is scored.
  const LoadedGrid* check_ids();

  // The pass in rank order: rows of other grids reported, the rest ranked, decided and
  // written to the returned rows; fills the report's counts, funding, groups and file counts.
  RankedRowsOnDisk rank(const LoadedGrid* grid, Language language, RankReport& report);

  // The diagnostics in order (path, line, column, code, message), each once.
  void for_each_diagnostic(const std::function<void(const Diagnostic&)>& fn);
  DiagnosticOutcome print_diagnostics();

 private:
  void settle_id(std::vector<FileRecord>& copies);
  void add_diagnostic_locked(Diagnostic diagnostic);

  const Options& options_;
  std::optional<GroupKey> group_by_;
  std::mutex mutex_;
  ExternalSorter by_id_{spill_budget(sorter_budget)};
  ExternalSorter ranking_{spill_budget(sorter_budget)};
  ExternalSorter diagnostics_{spill_budget(diagnostic_budget)};
  std::size_t files_ = 0, repeated_ = 0, filtered_out_ = 0;
  std::map<const LoadedGrid*, std::size_t> scored_per_grid_;
  std::map<std::pair<const LoadedGrid*, std::string>, std::size_t> ranked_per_group_;
  const LoadedGrid* grid_ = nullptr;
};

}  // namespace ess::cli
