// ess-eval validate PATH...: every grid and dossier checked, every problem reported.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "call_grid.hpp"
#include "common.hpp"
#include "ess/core/parallel.hpp"
#include "ess/core/validate.hpp"
#include "ess/io/load.hpp"
#include "inputs.hpp"

namespace ess::cli {

namespace {

struct CheckedFile {
  std::string path;
  DocumentKind kind = DocumentKind::unknown;
  std::optional<Dossier> dossier;
  std::optional<Call> call;          // a call file: checked with its base grid (call_grid.hpp)
  std::unique_ptr<LoadedGrid> grid;  // a grid file, loaded from the bytes read once
  std::string refused_grid_id;       // a grid file that has errors: the id it gives
  Diagnostics diags;
  std::string summary;  // for --verbose
};

// Grids are loaded from the bytes already read, not read again by path: standard input and
// pipes can only be read once.
void load_grid_file(CheckedFile& f, const YamlNode& root, const std::string& bytes) {
  std::size_t errors = f.diags.error_count();
  auto grid = load_grid(root, f.diags);
  if (!grid || f.diags.error_count() != errors) return;
  f.grid = std::make_unique<LoadedGrid>();
  f.grid->grid = std::move(*grid);
  f.grid->grid.file = f.path;
  f.grid->grid.sha256 = sha256_hex(bytes);
  f.grid->index = index_grid(f.grid->grid);
  f.summary = fmt::format("grid {}@{}", f.grid->grid.id, f.grid->grid.version);
}

void read_and_load(CheckedFile& f, const ParseLimits& limits) {
  std::string bytes;
  if (!read_file_bytes(f.path, limits.max_file_bytes, bytes, f.diags)) return;
  YamlNode root;
  if (!parse_yaml(bytes, limits, root, f.diags)) return;
  f.kind = document_kind(root);
  if (f.kind == DocumentKind::dossier) {
    f.dossier = load_dossier(root, f.diags);
  } else if (f.kind == DocumentKind::call) {
    f.call = load_call(root, f.diags);
    if (f.call) f.call->file = f.path;
  } else if (f.kind == DocumentKind::grid) {
    if (!f.diags.has_errors()) load_grid_file(f, root, bytes);
    const YamlNode* id = root.find("grid");
    if (!f.grid && id && id->is_scalar()) f.refused_grid_id = id->text;
  } else {
    f.diags.error("unknown-document", root.pos,
                  "this file is neither a grid (no 'grid:' key) nor a dossier (no 'dossier:' key)",
                  "a grid starts with grid: <id>, a dossier with dossier: <id>");
  }
}

// Dossiers naming a grid given on the command line that has errors are not checked: that
// grid's errors are reported, and loading another grid of that id would only confuse.
void check_dossier(CheckedFile& f, GridStore& store, const std::set<std::string>& refused_ids) {
  if (f.call) {
    if (auto loaded = derive_call_grid(std::move(*f.call), store, f.diags))
      f.summary = fmt::format("call {} on {}@{}", loaded->call.id, loaded->base->grid.id,
                              loaded->base->grid.version);
    return;
  }
  if (!f.dossier || f.dossier->grid_id.empty()) return;
  if (refused_ids.count(f.dossier->grid_id)) return;
  const LoadedGrid* g = store.for_dossier(*f.dossier, f.diags);
  if (!g || !check_grid_reference(g->grid, *f.dossier, f.diags)) return;
  validate_dossier(g->index, *f.dossier, f.diags);
  f.summary = fmt::format("dossier {} against {}@{}", f.dossier->id, g->grid.id, g->grid.version);
}

// A dossier id names report files: two files of one batch must not share it.
void check_duplicate_dossiers(std::vector<CheckedFile>& files) {
  std::map<std::string, const CheckedFile*> first;
  for (auto& f : files) {
    if (!f.dossier || f.dossier->id.empty()) continue;
    auto [it, inserted] = first.emplace(f.dossier->id, &f);
    if (inserted) continue;
    const CheckedFile& other = *it->second;
    f.diags.error("duplicate-dossier", f.dossier->pos,
                  fmt::format("dossier id '{}' is also the id of {}", f.dossier->id, other.path),
                  "give each dossier its own id: it names report files");
  }
}

bool is_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory";
}

// The same file named twice (or a --grid also named as an input) says the same things twice.
void remove_repeats(std::vector<Diagnostic>& all) {
  sort_diagnostics(all);
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.file == b.file && a.pos == b.pos && a.code == b.code && a.message == b.message &&
           a.severity == b.severity;
  };
  all.erase(std::unique(all.begin(), all.end(), same), all.end());
}

}  // namespace

int run_validate(const Options& options) {
  std::vector<Diagnostic> all;
  std::vector<std::string> paths = collect_inputs(options, all);
  if (paths.empty() && all.empty()) {
    fmt::print(
        stderr,
        "ess-eval validate: error: no file to check\nRun 'ess-eval validate --help' for usage.\n");
    return exit_usage;
  }
  ParseLimits limits = limits_from(options);
  GridStore store = make_grid_store(options);
  std::vector<CheckedFile> files(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    files[i].path = paths[i];
    files[i].diags = Diagnostics(paths[i]);
  }
  unsigned jobs = job_count(options);
  // Grids first (dossiers may name them), then dossiers against their grids.
  parallel_for(files.size(), jobs, [&](std::size_t i) { read_and_load(files[i], limits); });
  std::set<std::string> refused_ids;
  for (const auto& f : files) {
    if (f.grid) store.prefer(f.grid.get());  // in command-line order: the first one wins
    if (!f.refused_grid_id.empty()) refused_ids.insert(f.refused_grid_id);
  }
  if (!options.grid.empty()) refused_ids.clear();  // --grid decides for every dossier
  for (const auto& f : files)
    if (f.grid) refused_ids.erase(f.grid->grid.id);
  check_duplicate_dossiers(files);
  parallel_for(files.size(), jobs,
               [&](std::size_t i) { check_dossier(files[i], store, refused_ids); });

  for (const auto& f : files) all.insert(all.end(), f.diags.items().begin(), f.diags.items().end());
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  remove_repeats(all);
  bool failed = report_diagnostics(all, options);
  bool io_failure = false;
  for (const auto& d : all)
    io_failure = io_failure || (d.severity == Severity::error && is_io_code(d.code));
  if (options.verbose) {
    for (const auto& f : files)
      if (!f.diags.has_errors() && !f.summary.empty())
        fmt::print("{}: ok: {}\n", f.path, f.summary);
    std::size_t errors = 0, warnings = 0;
    for (const auto& d : all) (d.severity == Severity::error ? errors : warnings) += 1;
    fmt::print("{} file(s) checked: {} error(s), {} warning(s)\n", files.size(), errors, warnings);
  }
  if (io_failure) return exit_io;
  return failed ? exit_invalid : exit_ok;
}

}  // namespace ess::cli
