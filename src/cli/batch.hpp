#pragma once
// The one path of every command over many files (§6): the inputs walked as they are read, a
// bounded queue to worker threads, each file reduced by the command's worker to a record (its
// dossier id and a few bytes), the records through an external sort by id (a file reached twice
// counted once; an id in several files an error at every copy, none of them used), the
// diagnostics through their own external sort, printed one at a time. Memory does not grow with
// the number of files: a file's bytes, tree and result live only while a worker holds it.
//
// A command is a worker (path → record, on any thread) and a consumer of the unique records in
// id order (on the calling thread); what it keeps between the two is its own (temporary files
// again, for `rank` and `grid impact`).
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "ess/io/spill.hpp"
#include "ess/model/diagnostic.hpp"
#include "inputs.hpp"
#include "options.hpp"

namespace ess::cli {

// Memory each sorter holds before it writes a run: small enough that a batch of about a
// thousand dossiers already reaches it (a rank row is some 400 bytes; so peak memory is the same
// for 1 000 dossiers as for 1 000 000), large enough that a merge has few runs to read (rank of
// 10 000 dossiers: 8 runs, as fast as the 4 of a 1 MiB budget and 1 MiB smaller).
// $ESS_EVAL_SPILL_BUDGET (bytes), when set, replaces every budget: the tests set it to 1 so
// that a handful of dossiers goes through every run and merge a large batch would.
inline constexpr std::size_t sorter_budget = 512u << 10;
// Diagnostics are rarer than records (a few per faulty or warned file): a smaller budget is
// reached as early in a batch as the records' is.
inline constexpr std::size_t diagnostic_budget = 256u << 10;
std::size_t spill_budget(std::size_t fallback);

// What a worker leaves of one file that names a dossier id.
struct BatchRecord {
  std::string id;          // the dossier id: the key of the id pass
  Pos id_pos;              // the `dossier:` key, where a duplicate is reported
  bool excluded = false;   // left out by a filter (rank --call...): counted, never a duplicate
  std::string bytes;       // what the command keeps of the file
  bool anonymous = false;  // a file without an id that the command still wants (rank's rows of
                           // refused files): consumed once per file, before the ids
};

// One file: read, parse, check, reduce. Problems go to `diags` (whose file is `path`); nothing
// is returned for a file without a dossier id (unreadable, not a dossier, a grid).
using BatchWorker =
    std::function<std::optional<BatchRecord>(const std::string& path, Diagnostics& diags)>;
// Each record whose id no other file has, in id order (anonymous records first).
using BatchConsumer = std::function<void(const std::string& path, const BatchRecord& record)>;
// Each copy of an id that several files have, with the error that refuses it.
using BatchRefused =
    std::function<void(const std::string& path, const BatchRecord& record, const Diagnostic& why)>;

class BatchRun {
 public:
  explicit BatchRun(const Options& options);

  // --strict, applied here once: warnings become errors. Whether the file must be refused;
  // workers ask where they decide (after validation, before scoring).
  bool refuses(Diagnostics& diags) const;

  // Thread-safe; --strict applied.
  void add_diagnostic(Diagnostic diagnostic);
  void add_diagnostics(std::vector<Diagnostic> diagnostics);

  // Every input through `worker` on job_count() threads, then the pass over ids, which calls
  // `consume`. `progress`: a progress line on a terminal (§3).
  void run(const InputStream& inputs, const BatchWorker& worker, const BatchConsumer& consume,
           bool progress);
  // Copies of a duplicate id (without their bytes) are handed to `refused` as well as reported:
  // a command that shows every file read (rank) makes them rows.
  void on_refused(BatchRefused refused) { refused_ = std::move(refused); }

  std::size_t files() const;     // files read; a file reached by two paths counted once
  std::size_t excluded() const;  // records left out by a filter

  // The diagnostics in order (path, line, column, code, message), each once.
  void for_each_diagnostic(const std::function<void(const Diagnostic&)>& fn);
  RunOutcome print_diagnostics();

 private:
  struct Copy;
  struct Group;
  void add_file(const std::string& path, std::optional<BatchRecord> record,
                std::vector<Diagnostic> diags);
  void add_diagnostic_locked(Diagnostic diagnostic);
  void add_copy(Group& group, Copy copy);
  void settle(Group& group, const BatchConsumer& consume);
  void check_ids(const BatchConsumer& consume);

  const Options& options_;
  std::mutex mutex_;
  ExternalSorter by_id_{spill_budget(sorter_budget)};
  ExternalSorter diagnostics_{spill_budget(diagnostic_budget)};
  std::size_t files_ = 0, repeated_ = 0, excluded_ = 0;
  BatchRefused refused_;
};

// The workers of a batch: --jobs (all cores by default), but no more than the files when they
// are all named (one file needs no thread).
unsigned batch_jobs(const Options& options);

// Runs a batch command: a temporary file that cannot be made or written (a full or read-only
// TMPDIR) ends the run with a message and exit 3; nothing has been written then.
int run_batch(const std::function<int()>& command);

// Big-endian, so that the bytes of a key sort as the number does.
void put_ordered(std::string& key, std::uint64_t value);

}  // namespace ess::cli
