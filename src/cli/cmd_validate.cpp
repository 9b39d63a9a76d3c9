// ess-eval validate PATH...: every grid and dossier checked, every problem reported.
#include <fmt/format.h>

#include <cstdio>
#include <optional>

#include "cli/common.hpp"
#include "cli/inputs.hpp"
#include "ess/load.hpp"
#include "ess/parallel.hpp"
#include "ess/validate.hpp"

namespace ess::cli {

namespace {

struct CheckedFile {
  std::string path;
  DocumentKind kind = DocumentKind::unknown;
  std::optional<Dossier> dossier;
  Diagnostics diags;
  std::string summary;  // for --verbose
};

void read_and_load(CheckedFile& f, const ParseLimits& limits, GridStore& store) {
  std::string bytes;
  if (!read_file_bytes(f.path, limits.max_file_bytes, bytes, f.diags)) return;
  YamlNode root;
  if (!parse_yaml(bytes, limits, root, f.diags)) return;
  f.kind = document_kind(root);
  if (f.kind == DocumentKind::dossier) {
    f.dossier = load_dossier(root, f.diags);
  } else if (f.kind == DocumentKind::grid) {
    if (f.diags.has_errors()) return;  // e.g. a duplicate key: already said
    // Loaded once more through the store, so dossiers in the same run can use it.
    Diagnostics grid_diags(f.path);
    const LoadedGrid* g = store.load_path(f.path, &grid_diags);
    f.diags.append(grid_diags);
    if (g) {
      store.prefer(g);
      f.summary = fmt::format("grid {}@{}", g->grid.id, g->grid.version);
    }
  } else {
    f.diags.error("unknown-document", root.pos,
                  "this file is neither a grid (no 'grid:' key) nor a dossier (no 'dossier:' key)",
                  "a grid starts with grid: <id>, a dossier with dossier: <id>");
  }
}

void check_dossier(CheckedFile& f, GridStore& store) {
  if (!f.dossier) return;
  const LoadedGrid* g = store.for_dossier(*f.dossier, f.diags);
  if (!g || !check_grid_reference(g->grid, *f.dossier, f.diags)) return;
  validate_dossier(g->index, *f.dossier, f.diags);
  f.summary = fmt::format("dossier {} against {}@{}", f.dossier->id, g->grid.id, g->grid.version);
}

bool is_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory";
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
  parallel_for(files.size(), jobs, [&](std::size_t i) { read_and_load(files[i], limits, store); });
  parallel_for(files.size(), jobs, [&](std::size_t i) { check_dossier(files[i], store); });

  for (const auto& f : files) all.insert(all.end(), f.diags.items().begin(), f.diags.items().end());
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
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
