#include "rank_records.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "common.hpp"
#include "ess/model/byte_codec.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/format.hpp"
#include "output.hpp"

namespace ess::cli {

namespace {

// Big-endian, so that the bytes sort as the numbers do.
void put_ordered(std::string& key, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) key += static_cast<char>((value >> shift) & 0xff);
}

void encode_record(const FileRecord& r, std::string& out) {
  out.clear();
  ByteWriter w(out);
  w.raw(static_cast<std::uint8_t>(r.has_id | r.kept << 1 | r.scored << 2));
  w.raw(reinterpret_cast<std::uintptr_t>(r.grid));
  w.raw(r.grid_pos.line);
  w.raw(r.grid_pos.col);
  w.raw(r.device);
  w.raw(r.inode);
  encode_row(r.row, out);
}

FileRecord decode_record(std::string_view bytes) {
  ByteReader in(bytes);
  FileRecord r;
  auto bits = in.raw<std::uint8_t>();
  r.has_id = bits & 1;
  r.kept = bits & 2;
  r.scored = bits & 4;
  r.grid = reinterpret_cast<const LoadedGrid*>(in.raw<std::uintptr_t>());
  r.grid_pos.line = in.raw<decltype(r.grid_pos.line)>();
  r.grid_pos.col = in.raw<decltype(r.grid_pos.col)>();
  r.device = in.raw<std::uint64_t>();
  r.inode = in.raw<std::uint64_t>();
  r.row = decode_row(in.rest());
  return r;
}

void encode_diagnostic(const Diagnostic& d, std::string& out) {
  out.clear();
  ByteWriter w(out);
  w.raw(static_cast<std::uint8_t>(d.severity));
  w.raw(d.pos.line);
  w.raw(d.pos.col);
  w.text(d.code);
  w.text(d.file);
  w.text(d.message);
  w.text(d.hint);
}

Diagnostic decode_diagnostic(std::string_view bytes) {
  ByteReader in(bytes);
  Diagnostic d;
  d.severity = static_cast<Severity>(in.raw<std::uint8_t>());
  d.pos.line = in.raw<decltype(d.pos.line)>();
  d.pos.col = in.raw<decltype(d.pos.col)>();
  d.code = in.text();
  d.file = in.text();
  d.message = in.text();
  d.hint = in.text();
  return d;
}

// The order of sort_diagnostics: path, line, column, code, message.
std::string diagnostic_key(const Diagnostic& d) {
  std::string key;
  append_ordered(key, d.file);
  put_ordered(key, d.pos.line);
  put_ordered(key, d.pos.col);
  append_ordered(key, d.code);
  append_ordered(key, d.message);
  return key;
}

bool same(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.severity, a.file, a.pos.line, a.pos.col, a.code, a.message, a.hint) ==
         std::tie(b.severity, b.file, b.pos.line, b.pos.col, b.code, b.message, b.hint);
}

bool is_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory";
}

std::string where(const RankRow& row) {
  return row.id_pos.line ? fmt::format("{}:{}", row.file, row.id_pos.line) : row.file;
}

}  // namespace

std::size_t spill_budget(std::size_t fallback) {
  const char* text = std::getenv("ESS_EVAL_SPILL_BUDGET");
  if (!text || !*text) return fallback;
  char* end = nullptr;
  unsigned long long value = std::strtoull(text, &end, 10);
  return *end == '\0' && value > 0 ? static_cast<std::size_t>(value) : fallback;
}

// ---------------------------------------------------------------- rows on disk

RankedRowsOnDisk::RankedRowsOnDisk() = default;

void RankedRowsOnDisk::append(const RankRow& row, const std::optional<GroupKey>& group_by) {
  buffer_.clear();
  encode_row(row, buffer_);
  if (group_by) {
    std::string key;
    append_ordered(key, group_value(row, *group_by));
    put_ordered(key, rows_.size());
    grouped_.add(key, buffer_);
  }
  rows_.append(buffer_);
}

void RankedRowsOnDisk::for_each(const std::function<void(const RankRow&)>& fn) const {
  rows_.for_each([&](std::string_view bytes) { fn(decode_row(bytes)); });
}

void RankedRowsOnDisk::for_each_grouped(GroupKey,
                                        const std::function<void(const RankRow&)>& fn) const {
  grouped_.for_each_sorted(
      [&](std::string_view, std::string_view bytes) { fn(decode_row(bytes)); });
}

// ---------------------------------------------------------------- the batch

RankBatch::RankBatch(const Options& options) : options_(options) {
  if (!options.group_by.empty()) group_by_ = parse_group_key(options.group_by);
}

void RankBatch::add_file(FileRecord record, std::vector<Diagnostic> diags) {
  struct stat st {};
  if (record.has_id && record.row.file != "-" && ::stat(record.row.file.c_str(), &st) == 0) {
    record.device = st.st_dev;
    record.inode = st.st_ino;
  }
  std::string key, payload;
  if (record.has_id) {
    append_ordered(key, record.row.dossier);
    put_ordered(key, record.device);
    put_ordered(key, record.inode);
    append_ordered(key, record.row.file);
    encode_record(record, payload);
  }
  std::lock_guard lock(mutex_);
  ++files_;
  if (record.has_id) by_id_.add(key, payload);
  // A file's diagnostics go in together: equal keys keep this order through the sort.
  for (auto& d : diags) add_diagnostic_locked(std::move(d));
}

void RankBatch::add_diagnostic(Diagnostic diagnostic) {
  std::lock_guard lock(mutex_);
  add_diagnostic_locked(std::move(diagnostic));
}

void RankBatch::add_diagnostic_locked(Diagnostic diagnostic) {
  if (options_.strict && diagnostic.severity == Severity::warning)
    diagnostic.severity = Severity::error;
  std::string payload;
  encode_diagnostic(diagnostic, payload);
  diagnostics_.add(diagnostic_key(diagnostic), payload);
}

// The copies of one id, in key order (device, inode, path).
void RankBatch::settle_id(std::vector<FileRecord>& copies) {
  // The same file reached by two paths (a hard link, two spellings): counted once.
  auto same_file = [](const FileRecord& a, const FileRecord& b) {
    return a.inode != 0 && a.device == b.device && a.inode == b.inode;
  };
  std::size_t before = copies.size();
  copies.erase(std::unique(copies.begin(), copies.end(), same_file), copies.end());
  repeated_ += before - copies.size();

  std::vector<FileRecord*> kept;
  for (auto& c : copies) {
    if (c.kept)
      kept.push_back(&c);
    else
      ++filtered_out_;
  }
  if (kept.size() > 1) {
    // Named in path order, whatever the order of the command line.
    std::sort(kept.begin(), kept.end(),
              [](const FileRecord* a, const FileRecord* b) { return a->row.file < b->row.file; });
    for (const FileRecord* c : kept) {
      std::string others;
      for (const FileRecord* o : kept)
        if (o != c) others += (others.empty() ? "" : ", ") + where(o->row);
      add_diagnostic_locked(
          {Severity::error, "duplicate-dossier", c->row.file, c->row.id_pos,
           fmt::format("dossier id '{}' is also the id of {}", c->row.dossier, others),
           "give each dossier its own id; none of these files is ranked"});
    }
    return;
  }
  if (kept.empty() || !kept[0]->scored) return;
  const FileRecord& r = *kept[0];
  ++scored_per_grid_[r.grid];
  if (group_by_ && r.row.status == DossierStatus::ok)
    ++ranked_per_group_[{r.grid, group_value(r.row, *group_by_)}];
  std::string key = rank_key(r.row), payload;
  append_ordered(key, r.row.file);
  encode_record(r, payload);
  ranking_.add(key, payload);
}

const LoadedGrid* RankBatch::check_ids() {
  std::lock_guard lock(mutex_);
  std::vector<FileRecord> copies;
  by_id_.for_each_sorted([&](std::string_view, std::string_view payload) {
    FileRecord r = decode_record(payload);
    if (!copies.empty() && copies.front().row.dossier != r.row.dossier) {
      settle_id(copies);
      copies.clear();
    }
    copies.push_back(std::move(r));
  });
  if (!copies.empty()) settle_id(copies);
  by_id_ = ExternalSorter(spill_budget(sorter_budget));  // its temporary file goes

  // Totals of different grids do not compare: the grid most dossiers use is the ranking's.
  std::size_t best_count = 0;
  for (const auto& [grid, n] : scored_per_grid_) {
    auto key = [](const LoadedGrid* g) {
      return std::tie(g->grid.id, g->grid.version, g->grid.file);
    };
    if (!grid_ || n > best_count || (n == best_count && key(grid) < key(grid_))) {
      grid_ = grid;
      best_count = n;
    }
  }
  return grid_;
}

RankedRowsOnDisk RankBatch::rank(const LoadedGrid* grid, Language language, RankReport& report) {
  std::lock_guard lock(mutex_);
  RankedRowsOnDisk rows;
  std::optional<GroupTally> tally;
  if (group_by_ && grid_) {
    std::map<std::string, std::size_t> ranked;
    for (const auto& [at, n] : ranked_per_group_)
      if (at.first == grid_) ranked[at.second] = n;
    tally.emplace(*group_by_, decision_labels(grid_->grid, language), std::move(ranked));
  }
  RankStream stream(
      options_.budget,
      [&](RankRow&& row) {
        if (grid) resolve_decision(row, grid->grid, language);
        report.counts.add(row);
        if (tally) tally->add(row);
        rows.append(row, group_by_);
      },
      [&](const RankRow& row) {
        if (tally) tally->see_ranked(row);
      });
  const std::size_t best_count = grid_ ? scored_per_grid_[grid_] : 0;
  ranking_.for_each_sorted([&](std::string_view, std::string_view payload) {
    FileRecord r = decode_record(payload);
    if (r.grid == grid_) {
      stream.add(std::move(r.row));
      return;
    }
    add_diagnostic_locked(
        {Severity::error, "grid-mismatch", r.row.file, r.grid_pos,
         fmt::format("this ranking uses grid {}@{} ({} dossiers), but this dossier is scored "
                     "with {}@{}: totals of different grids do not compare",
                     grid_->grid.id, grid_->grid.version, best_count, r.grid->grid.id,
                     r.grid->grid.version),
         "rank the dossiers of each grid separately, or pass --grid"});
  });
  stream.finish();
  ranking_ = ExternalSorter(spill_budget(sorter_budget));
  report.funding = stream.funding();
  if (tally) report.groups = std::move(*tally).finish();
  report.files = files_ - repeated_;
  report.filtered_out = filtered_out_;
  return rows;
}

void RankBatch::for_each_diagnostic(const std::function<void(const Diagnostic&)>& fn) {
  std::lock_guard lock(mutex_);
  std::optional<Diagnostic> previous;
  diagnostics_.for_each_sorted([&](std::string_view, std::string_view payload) {
    Diagnostic d = decode_diagnostic(payload);
    if (previous && same(*previous, d)) return;  // a file met twice says it once
    fn(d);
    previous = std::move(d);
  });
}

DiagnosticOutcome RankBatch::print_diagnostics() {
  DiagnosticFormat format = options_.diagnostics == "github" ? DiagnosticFormat::github
                            : options_.diagnostics == "json" ? DiagnosticFormat::json
                                                             : DiagnosticFormat::gnu;
  const bool colour = format == DiagnosticFormat::gnu && colour_allowed();
  DiagnosticOutcome outcome;
  bool any = false;
  for_each_diagnostic([&](const Diagnostic& d) {
    if (d.severity == Severity::error) {
      outcome.failed = true;
      outcome.io_error = outcome.io_error || is_io_code(d.code);
    }
    std::string text = format_diagnostics({d}, format, colour);
    if (format == DiagnosticFormat::json) {
      // format_diagnostics writes "[\n  {...}\n]\n": the object, in one array for all.
      text = fmt::format("{}\n  {}", any ? "," : "[",
                         text.substr(text.find('{'), text.rfind('}') - text.find('{') + 1));
    }
    write_diagnostics(text);
    any = true;
  });
  if (format == DiagnosticFormat::json) write_diagnostics(any ? "\n]\n" : "[]\n");
  return outcome;
}

}  // namespace ess::cli
