// ess-eval rank PATH...: every dossier read, checked, scored and reduced to one RankRow, in
// parallel; then ranked, the funding line drawn, and the report written.
// Memory: one RankRow per dossier. The bytes, YAML tree, Dossier and DossierResult of a file
// live only while a worker handles it.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "cli/common.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "ess/load.hpp"
#include "ess/parallel.hpp"
#include "ess/ranking.hpp"
#include "ess/validate.hpp"

namespace ess::cli {

namespace {

// What a file left behind besides its row: enough to check ids and grids across the batch.
struct FileState {
  const LoadedGrid* grid = nullptr;  // the grid it was scored with
  Pos grid_pos;
  bool has_id = false;  // its row holds the dossier id and the `dossier:` position
  bool kept = false;    // passes --call/--territory/--theme
  bool scored = false;  // valid and scored: its row is complete
  std::vector<Diagnostic> diags;
};

// The grid of each `grid:` reference, looked up once: GridStore::for_dossier takes a lock and
// searches the file system (up to eight stat calls) every time, for every dossier.
class GridCache {
 public:
  explicit GridCache(GridStore& store) : store_(store) {}

  const LoadedGrid* for_dossier(const Dossier& dossier, Diagnostics& diags) {
    std::string key = dossier.grid_id + '@' + dossier.grid_version;
    {
      std::shared_lock lock(mutex_);
      auto it = found_.find(key);
      if (it != found_.end()) return it->second;
    }
    const LoadedGrid* grid = store_.for_dossier(dossier, diags);  // failures say why each time
    if (grid) {
      std::unique_lock lock(mutex_);
      found_.emplace(std::move(key), grid);
    }
    return grid;
  }

 private:
  GridStore& store_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, const LoadedGrid*> found_;
};

struct Context {
  const Options& options;
  ParseLimits limits;
  GridCache& grids;
  ScoreOptions score;
};

Consolidation consolidation_of(const std::string& name) {
  if (name == "median") return Consolidation::median;
  if (name == "min") return Consolidation::min;
  return Consolidation::mean;
}

bool passes_filters(const Dossier& d, const Options& o) {
  return (o.call.empty() || d.call == o.call) &&
         (o.territory.empty() || d.territory == o.territory) &&
         (o.theme.empty() || d.theme == o.theme);
}

// The position of the `dossier:` key, where a duplicate id is reported.
Pos id_position(const YamlNode& root) {
  for (const auto& key : root.keys)
    if (key.text == "dossier") return key.pos;
  return root.pos;
}

// read → parse → load → filter → grid → validate → score → one row. Returns early, with the
// reason in `diags`, at the first stage a file cannot pass.
void rank_one(RankRow& row, FileState& state, const Context& ctx, Diagnostics& diags) {
  std::optional<Dossier> dossier;
  {
    std::string bytes;
    if (!read_file_bytes(row.file, ctx.limits.max_file_bytes, bytes, diags)) return;
    YamlNode root;
    if (!parse_yaml(bytes, ctx.limits, root, diags)) return;
    DocumentKind kind = document_kind(root);
    if (kind == DocumentKind::grid) {
      diags.error("unknown-document", root.pos, "this file is a grid; rank takes dossiers",
                  "to score the dossiers with this grid, pass it with --grid FILE");
      return;
    }
    if (kind != DocumentKind::dossier) {
      diags.error("unknown-document", root.pos,
                  "this file is neither a grid (no 'grid:' key) nor a dossier (no 'dossier:' key)",
                  "a dossier starts with dossier: <id>");
      return;
    }
    dossier = load_dossier(root, diags);
    if (!dossier) return;
    if (!dossier->id.empty()) {
      row.dossier = dossier->id;
      row.id_pos = id_position(root);
      state.has_id = true;
    }
  }  // the bytes and the tree go here
  if (!passes_filters(*dossier, ctx.options)) {
    diags.items().clear();  // not part of this ranking
    return;
  }
  state.kept = true;
  const LoadedGrid* grid = ctx.grids.for_dossier(*dossier, diags);
  if (!grid || !check_grid_reference(grid->grid, *dossier, diags)) return;
  validate_dossier(grid->index, *dossier, diags);
  if (ctx.options.strict) promote_warnings(diags.items());
  if (diags.has_errors()) return;
  std::optional<DossierResult> result = score_dossier(grid->index, *dossier, ctx.score, diags);
  if (!result) return;
  Pos id_pos = row.id_pos;
  row = summarise(*result);
  row.id_pos = id_pos;
  state.grid = grid;
  state.grid_pos = dossier->grid_pos;
  state.scored = true;
}

void process(RankRow& row, FileState& state, const Context& ctx) {
  Diagnostics diags(row.file);
  rank_one(row, state, ctx, diags);
  if (ctx.options.strict) promote_warnings(diags.items());
  if (diags.has_errors()) state.scored = false;
  if (!diags.empty()) state.diags = std::move(diags.items());
}

std::string where(const RankRow& row) {
  return row.id_pos.line ? fmt::format("{}:{}", row.file, row.id_pos.line) : row.file;
}

// An id in two files or more: every copy is reported, and none is ranked.
void check_duplicates(const std::vector<RankRow>& rows, std::vector<FileState>& states) {
  std::vector<std::size_t> at;
  std::vector<std::string_view> ids;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!states[i].has_id || !states[i].kept) continue;
    at.push_back(i);
    ids.push_back(rows[i].dossier);
  }
  for (auto group : find_duplicate_ids(ids)) {
    // Named in path order, whatever the order of the command line.
    std::sort(group.begin(), group.end(),
              [&](std::size_t a, std::size_t b) { return rows[at[a]].file < rows[at[b]].file; });
    for (std::size_t g : group) {
      std::size_t i = at[g];
      std::string others;
      for (std::size_t h : group)
        if (h != g) others += (others.empty() ? "" : ", ") + where(rows[at[h]]);
      states[i].diags.push_back(
          {Severity::error, "duplicate-dossier", rows[i].file, rows[i].id_pos,
           fmt::format("dossier id '{}' is also the id of {}", rows[i].dossier, others),
           "give each dossier its own id; none of these files is ranked"});
      states[i].scored = false;
    }
  }
}

// Totals of different grids do not compare: the grid most dossiers use is the ranking's
// (ties: by id, version, then file), the others are reported.
const LoadedGrid* choose_grid(const std::vector<RankRow>& rows, std::vector<FileState>& states) {
  std::map<const LoadedGrid*, std::size_t> count;
  for (const auto& s : states)
    if (s.scored) ++count[s.grid];
  const LoadedGrid* best = nullptr;
  std::size_t best_count = 0;
  for (const auto& [grid, n] : count) {
    auto key = [](const LoadedGrid* g) {
      return std::tie(g->grid.id, g->grid.version, g->grid.file);
    };
    if (!best || n > best_count || (n == best_count && key(grid) < key(best))) {
      best = grid;
      best_count = n;
    }
  }
  for (std::size_t i = 0; i < states.size(); ++i) {
    FileState& s = states[i];
    if (!s.scored || s.grid == best) continue;
    s.diags.push_back(
        {Severity::error, "grid-mismatch", rows[i].file, s.grid_pos,
         fmt::format("this ranking uses grid {}@{} ({} dossiers), but this dossier is scored "
                     "with {}@{}: totals of different grids do not compare",
                     best->grid.id, best->grid.version, best_count, s.grid->grid.id,
                     s.grid->grid.version),
         "rank the dossiers of each grid separately, or pass --grid"});
    s.scored = false;
  }
  return best;
}

// Moves the scored rows to the front, in file order, and drops the others. In place: a
// second array of rows (shrink_to_fit) would double the peak memory of a large batch.
void keep_scored(std::vector<RankRow>& rows, const std::vector<FileState>& states) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (states[i].scored) {
      if (kept != i) rows[kept] = std::move(rows[i]);
      ++kept;
    }
  rows.resize(kept);
}

bool is_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory";
}

// "1234/10000 files, 850/s, about 10 s left" on stderr, a few times a second, then erased.
class Progress {
 public:
  Progress(std::size_t total, bool enabled) : total_(total) {
    if (enabled) thread_ = std::thread([this] { run(); });
  }
  ~Progress() { stop(); }
  void tick() { done_.fetch_add(1, std::memory_order_relaxed); }
  void stop() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    std::fputs("\r\033[K", stderr);
  }

 private:
  void run() {
    auto start = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stopping_; })) {
      std::size_t done = done_.load(std::memory_order_relaxed);
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
      std::string left =
          rate > 0 ? fmt::format(", about {:.0f} s left", static_cast<double>(total_ - done) / rate)
                   : "";
      std::fputs(
          fmt::format("\r\033[Krank: {}/{} files, {:.0f}/s{}", done, total_, rate, left).c_str(),
          stderr);
      std::fflush(stderr);
    }
  }

  std::size_t total_;
  std::atomic<std::size_t> done_{0};
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

ReportFormat format_of(const std::string& name) {
  if (name == "csv") return ReportFormat::csv;
  if (name == "json") return ReportFormat::json;
  return ReportFormat::markdown;
}

// Standard output in chunks as they come; a file whole, atomically, at the end.
int write_report(const RankReport& report, const Options& options, const ReportOptions& ro) {
  ReportFormat format = format_of(options.format);
  if (!options.output.empty() && options.output != "-")
    return emit(options.output, render_ranking(report, format, ro));
  bool ok = true;
  render_ranking(report, format, ro, [&](std::string_view chunk) {
    ok = ok && std::fwrite(chunk.data(), 1, chunk.size(), stdout) == chunk.size();
  });
  ok = ok && std::fflush(stdout) == 0;
  if (!ok && errno != EPIPE) {
    fmt::print(stderr, "ess-eval: error: cannot write to standard output: {}\n",
               std::strerror(errno));
    return exit_io;
  }
  return exit_ok;
}

}  // namespace

int run_rank(const Options& options) {
  std::vector<Diagnostic> all;
  std::vector<std::string> paths = collect_inputs(options, all);
  if (paths.empty() && all.empty()) {
    fmt::print(stderr,
               "ess-eval rank: error: no dossier to rank\nRun 'ess-eval rank --help' for usage.\n");
    return exit_usage;
  }
  if (options.budget && !(std::isfinite(*options.budget) && *options.budget >= 0)) {
    fmt::print(stderr,
               "ess-eval rank: error: --budget must be an amount of 0 or more\n"
               "Run 'ess-eval rank --help' for usage.\n");
    return exit_usage;
  }
  std::optional<GroupKey> group_by;
  if (!options.group_by.empty()) group_by = parse_group_key(options.group_by);

  GridStore store = make_grid_store(options);
  GridCache grids(store);
  Context ctx{options, limits_from(options), grids, {consolidation_of(options.consolidate)}};
  // A file named twice (a folder and a file in it, overlapping globs) is read once.
  {
    std::unordered_set<std::string_view> seen;
    std::vector<std::string> unique;
    unique.reserve(paths.size());
    for (auto& p : paths)
      if (seen.insert(p).second) unique.push_back(p);
    paths = std::move(unique);
  }
  std::vector<RankRow> rows(paths.size());
  std::vector<FileState> states(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) rows[i].file = std::move(paths[i]);
  paths = {};

  {
    Progress progress(rows.size(), !options.quiet && stderr_is_terminal());
    parallel_for(rows.size(), job_count(options), [&](std::size_t i) {
      process(rows[i], states[i], ctx);
      progress.tick();
    });
  }

  check_duplicates(rows, states);
  const LoadedGrid* grid = choose_grid(rows, states);
  std::size_t filtered_out = 0;
  for (const auto& s : states) filtered_out += s.has_id && !s.kept;
  if (!grid && !options.grid.empty()) {
    Diagnostics unused;  // a grid that fails to load is reported through grid_diagnostics
    grid = store.by_reference(options.grid, unused);
  }
  for (auto& s : states) {
    all.insert(all.end(), std::make_move_iterator(s.diags.begin()),
               std::make_move_iterator(s.diags.end()));
    s.diags = {};
  }
  for (auto& d : store.grid_diagnostics()) all.push_back(std::move(d));
  const std::size_t files = rows.size();
  keep_scored(rows, states);
  states = {};

  Language language = options.lang == "en"   ? Language::en
                      : options.lang == "fr" ? Language::fr
                      : grid                 ? grid->grid.language
                                             : Language::fr;

  RankReport report;
  report.grid = grid ? &grid->grid : nullptr;
  report.funding = rank_rows(rows, options.budget);
  if (grid) resolve_decisions(rows, grid->grid, language);
  RankedRowsInMemory ranked(rows);
  report.rows = &ranked;
  for (const auto& row : rows) report.counts.add(row);
  report.group_by = group_by;
  if (group_by && grid)
    report.groups = summarise_groups(rows, *group_by, decision_labels(grid->grid, language));
  report.files = files;
  report.filtered_out = filtered_out;
  report.call = options.call;
  report.territory = options.territory;
  report.theme = options.theme;

  bool failed = report_diagnostics(all, options);
  report.diagnostics = [&](const std::function<void(const Diagnostic&)>& fn) {
    for (const auto& d : all) fn(d);
  };
  ReportOptions ro;
  ro.language = language;
  ro.csv_separator = options.csv_sep.empty() ? ',' : options.csv_sep[0];
  // As `score`: a decimal comma only for ';' and French words (a spreadsheet set up in French).
  ro.decimal_comma = ro.csv_separator == ';' && language == Language::fr;
  int written = write_report(report, options, ro);
  if (written != exit_ok) return written;
  for (const auto& d : all)
    if (d.severity == Severity::error && is_io_code(d.code)) return exit_io;
  return failed ? exit_invalid : exit_ok;
}

}  // namespace ess::cli
