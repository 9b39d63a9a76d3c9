#include "batch.hpp"
#include "output.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <system_error>
#include <tuple>

#include <fmt/format.h>

#include "diagnostic_printer.hpp"
#include "ess/core/ranking.hpp"
#include "ess/model/byte_codec.hpp"
#include "ess/model/messages.hpp"
#include "parallel_inputs.hpp"
#include "progress.hpp"

namespace ess::cli {

void put_ordered(std::string& key, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) key += static_cast<char>((value >> shift) & 0xff);
}

std::size_t spill_budget(std::size_t fallback) {
  const char* text = std::getenv("ESS_EVAL_SPILL_BUDGET");
  if (!text || !*text) return fallback;
  char* end = nullptr;
  unsigned long long value = std::strtoull(text, &end, 10);
  return *end == '\0' && value > 0 ? static_cast<std::size_t>(value) : fallback;
}

namespace {

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

}  // namespace

// One copy of an id, as the id pass reads it back.
struct BatchRun::Copy {
  std::string path;
  std::uint64_t device = 0, inode = 0;  // 0, 0: unknown (standard input)
  BatchRecord record;
};

namespace {

void encode_copy(const std::string& path, std::uint64_t device, std::uint64_t inode,
                 const BatchRecord& r, std::string& out) {
  ByteWriter w(out);
  w.text(path);
  w.raw(device);
  w.raw(inode);
  w.text(r.id);
  w.raw(r.id_pos.line);
  w.raw(r.id_pos.col);
  w.raw(static_cast<std::uint8_t>(r.excluded | r.anonymous << 1));
  w.text(r.bytes);
}

std::string where(const std::string& path, Pos pos) {
  return pos.line ? fmt::format("{}:{}", path, pos.line) : path;
}

}  // namespace

unsigned batch_jobs(const Options& options) {
  const unsigned jobs = job_count(options);
  if (!options.files_from.empty()) return jobs;
  for (const auto& path : options.paths) {
    struct stat st {};
    if (path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return jobs;
  }
  return static_cast<unsigned>(std::clamp<std::size_t>(options.paths.size(), 1, jobs));
}

BatchRun::BatchRun(const Options& options) : options_(options) {}

bool BatchRun::refuses(Diagnostics& diags) const {
  if (options_.strict) promote_warnings(diags.items());
  return diags.has_errors();
}

void BatchRun::add_diagnostic(Diagnostic diagnostic) {
  std::lock_guard lock(mutex_);
  add_diagnostic_locked(std::move(diagnostic));
}

void BatchRun::add_diagnostics(std::vector<Diagnostic> diagnostics) {
  std::lock_guard lock(mutex_);
  for (auto& d : diagnostics) add_diagnostic_locked(std::move(d));
}

void BatchRun::add_diagnostic_locked(Diagnostic diagnostic) {
  if (options_.strict && diagnostic.severity == Severity::warning)
    diagnostic.severity = Severity::error;
  std::string payload;
  encode_diagnostic(diagnostic, payload);
  diagnostics_.add(diagnostic_key(diagnostic), payload);
}

void BatchRun::add_file(const std::string& path, std::optional<BatchRecord> record,
                        std::vector<Diagnostic> diags) {
  std::string key, payload;
  if (record && (!record->id.empty() || record->anonymous)) {
    if (record->anonymous) record->id.clear();  // sorts before every id
    struct stat st {};
    std::uint64_t device = 0, inode = 0;
    if (path != "-" && ::stat(path.c_str(), &st) == 0) {
      device = st.st_dev;
      inode = st.st_ino;
    }
    append_ordered(key, record->id);
    put_ordered(key, device);
    put_ordered(key, inode);
    append_ordered(key, path);
    encode_copy(path, device, inode, *record, payload);
  }
  std::lock_guard lock(mutex_);
  ++files_;
  if (!key.empty()) by_id_.add(key, payload);
  // A file's diagnostics go in together: equal keys keep this order through the sort.
  for (auto& d : diags) add_diagnostic_locked(std::move(d));
}

void BatchRun::run(const InputStream& inputs, const BatchWorker& worker,
                   const BatchConsumer& consume, bool progress) {
  {
    Progress line(progress ? inputs.count() : 0, progress);
    std::vector<Diagnostic> walk_diags;
    for_each_input_parallel(inputs, batch_jobs(options_), walk_diags, [&](const std::string& path) {
      Diagnostics diags(path);
      std::optional<BatchRecord> record = worker(path, diags);
      add_file(path, std::move(record), std::move(diags.items()));
      line.step();
    });
    add_diagnostics(std::move(walk_diags));
  }
  check_ids(consume);
}

// The copies of one id met so far in key order (device, inode, path): their places, and the
// bytes of the first kept copy only — a second kept file makes the id a duplicate, and none of
// its copies is used. Memory: a path per copy, whatever the copies weigh.
struct BatchRun::Group {
  std::string id;
  std::uint64_t device = 0, inode = 0;  // of the copy before
  bool any = false;
  std::vector<std::pair<std::string, Pos>> kept;  // path, id position
  std::optional<Copy> first;                      // while it is the only kept copy
};

void BatchRun::add_copy(Group& g, Copy copy) {
  // The same file reached by two paths (a hard link, two spellings): counted once.
  bool same_file = g.any && copy.inode != 0 && copy.device == g.device && copy.inode == g.inode;
  g.any = true;
  g.device = copy.device;
  g.inode = copy.inode;
  if (same_file) {
    ++repeated_;
    return;
  }
  if (copy.record.excluded) {
    ++excluded_;
    return;
  }
  g.kept.emplace_back(copy.path, copy.record.id_pos);
  if (g.kept.size() == 1)
    g.first = std::move(copy);
  else
    g.first.reset();
}

void BatchRun::settle(Group& g, const BatchConsumer& consume) {
  if (g.kept.size() == 1) {
    consume(g.first->path, g.first->record);
    return;
  }
  // Named in path order, whatever the order of the command line or of the walk; a few of the
  // others, then how many more (a folder of copies must not make the messages quadratic).
  constexpr std::size_t named = 3;
  std::stable_sort(g.kept.begin(), g.kept.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < g.kept.size(); ++i) {
    std::string others;
    std::size_t shown = 0;
    for (std::size_t k = 0; k < g.kept.size() && shown < named; ++k) {
      if (k == i) continue;
      others += (shown++ ? ", " : "") + where(g.kept[k].first, g.kept[k].second);
    }
    if (std::size_t more = g.kept.size() - 1 - shown)
      others = phrase(more > 1 ? Msg::and_more_files : Msg::and_one_more_file,
                      fmt::arg("others", others), fmt::arg("count", more));
    Diagnostic why = make_diagnostic(
        Severity::error, g.kept[i].first, g.kept[i].second,
        say(Msg::duplicate_dossier, fmt::arg("dossier", g.id), fmt::arg("other", others)),
        say(Msg::duplicate_dossier_hint));
    if (refused_) refused_(g.kept[i].first, BatchRecord{g.id, g.kept[i].second, false, {}}, why);
    add_diagnostic_locked(std::move(why));
  }
}

// After the workers: one thread, no lock (the consumer may add diagnostics).
void BatchRun::check_ids(const BatchConsumer& consume) {
  Group group;
  std::uint64_t last_device = 0, last_inode = 0;  // of the anonymous record before
  by_id_.for_each_sorted([&](std::string_view, std::string_view payload) {
    ByteReader in(payload);
    Copy c;
    c.path = in.text();
    c.device = in.raw<std::uint64_t>();
    c.inode = in.raw<std::uint64_t>();
    c.record.id = in.text();
    c.record.id_pos.line = in.raw<decltype(c.record.id_pos.line)>();
    c.record.id_pos.col = in.raw<decltype(c.record.id_pos.col)>();
    const auto bits = in.raw<std::uint8_t>();
    c.record.excluded = bits & 1;
    c.record.anonymous = bits & 2;
    c.record.bytes = in.text();
    if (c.record.anonymous) {  // no id to share: once per file (two paths to it count once)
      bool again = c.inode != 0 && c.device == last_device && c.inode == last_inode;
      last_device = c.device;
      last_inode = c.inode;
      if (again)
        ++repeated_;
      else
        consume(c.path, c.record);
      return;
    }
    if (group.any && group.id != c.record.id) {
      settle(group, consume);
      group = Group();
    }
    if (!group.any) group.id = c.record.id;
    add_copy(group, std::move(c));
  });
  if (group.any) settle(group, consume);
  by_id_ = ExternalSorter(spill_budget(sorter_budget));  // its temporary file goes
}

std::size_t BatchRun::files() const {
  return files_ - repeated_;
}

std::size_t BatchRun::excluded() const {
  return excluded_;
}

void BatchRun::for_each_diagnostic(const std::function<void(const Diagnostic&)>& fn) {
  std::lock_guard lock(mutex_);
  std::optional<Diagnostic> previous;
  diagnostics_.for_each_sorted([&](std::string_view, std::string_view payload) {
    Diagnostic d = decode_diagnostic(payload);
    if (previous &&
        std::tie(previous->severity, previous->file, previous->pos.line, previous->pos.col,
                 previous->code, previous->message, previous->hint) ==
            std::tie(d.severity, d.file, d.pos.line, d.pos.col, d.code, d.message, d.hint))
      return;  // a file met twice says it once
    fn(d);
    previous = std::move(d);
  });
}

RunOutcome BatchRun::print_diagnostics() {
  DiagnosticPrinter printer(options_);
  for_each_diagnostic([&](const Diagnostic& d) { printer.print(d); });
  return printer.finish();
}

int run_batch(const std::function<int()>& command) {
  try {
    return command();
  } catch (const std::system_error& e) {
    // The temporary files (the message names the folder): a full or read-only TMPDIR.
    // Nothing was written.
    report_error("", e.what());
    return exit_io;
  }
}

}  // namespace ess::cli
