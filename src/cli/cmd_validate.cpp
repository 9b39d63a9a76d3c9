// ess-eval validate PATH...: every grid and dossier checked, every problem reported. The grids
// among the inputs are found first (validate_grids.hpp); then every file goes through the batch
// pipeline (batch.hpp), dossiers checked against their grids, ids checked across the batch.
#include <fmt/format.h>

#include <cstdio>
#include <mutex>
#include <optional>

#include "batch.hpp"
#include "call_grid.hpp"
#include "common.hpp"
#include "dossier_stage.hpp"
#include "ess/core/validate.hpp"
#include "ess/io/load.hpp"
#include "ess/io/spill.hpp"
#include "ess/model/messages.hpp"
#include "inputs.hpp"
#include "validate_grids.hpp"

namespace ess::cli {

namespace {

// --verbose: "PATH: ok: WHAT" for each file without error, by path.
class OkLines {
 public:
  explicit OkLines(bool wanted) : wanted_(wanted) {}
  void add(const std::string& path, const std::string& what) {
    if (!wanted_) return;
    std::string key;
    append_ordered(key, path);
    std::lock_guard lock(mutex_);
    lines_.add(key, fmt::format("{}: ok: {}\n", path, what));
  }
  void print() {
    lines_.for_each_sorted([](std::string_view, std::string_view line) {
      std::fwrite(line.data(), 1, line.size(), stdout);
    });
  }

 private:
  bool wanted_;
  std::mutex mutex_;
  ExternalSorter lines_{spill_budget(diagnostic_budget)};
};

struct Worker {
  const Options& options;
  InputGrids& grids_given;
  GridCache& grids;
  OkLines& ok;

  std::optional<BatchRecord> operator()(const std::string& path, Diagnostics& diags) const {
    if (grids_given.claimed(path)) return std::nullopt;  // a grid: checked by the first pass
    std::string bytes;
    if (!read(path, bytes, diags)) return std::nullopt;
    YamlNode root;
    if (!parse_yaml(bytes, limits_from(options), root, diags)) return std::nullopt;
    switch (document_kind(root)) {
      case DocumentKind::dossier:
        return check_dossier(root, diags);
      case DocumentKind::grid:
        check_grid(path, root, diags);
        return std::nullopt;
      case DocumentKind::call:
        check_call(path, root, diags);
        return std::nullopt;
      case DocumentKind::unknown:
        break;
    }
    diags.error(root.pos, say(Msg::neither_grid_nor_dossier), say(Msg::top_level_list_hint));
    return std::nullopt;
  }

  // Standard input was read by the first pass: its bytes come from there, once.
  bool read(const std::string& path, std::string& bytes, Diagnostics& diags) const {
    if (path == "-")
      if (auto in = grids_given.take_stdin()) {
        for (auto& d : in->diagnostics) diags.add(std::move(d));
        if (!in->read || in->grid) return false;
        bytes = std::move(in->bytes);
        return true;
      }
    return read_file_bytes(path, options.max_file_size, bytes, diags);
  }

  std::optional<BatchRecord> check_dossier(const YamlNode& root, Diagnostics& diags) const {
    std::optional<Dossier> dossier = load_dossier(root, diags);
    if (!dossier) return std::nullopt;
    BatchRecord record{dossier->id, {}, false, {}};
    for (const auto& key : root.keys)
      if (key.text == "dossier") record.id_pos = key.pos;
    if (dossier->grid_id.empty() || grids_given.refused(dossier->grid_id)) return record;
    const LoadedGrid* g = check_against_grid(*dossier, grids, diags);
    // The line --verbose prints once the ids are checked: the record carries it.
    if (g && !diags.has_errors())
      record.bytes = phrase(Msg::verbose_dossier, fmt::arg("dossier", dossier->id),
                            fmt::arg("grid", g->grid.id), fmt::arg("version", g->grid.version));
    return record;
  }

  // A call: checked with its base grid, its overrides applied (call_grid.hpp). The first pass
  // has preferred the grids among the inputs, so a base given there is found.
  void check_call(const std::string& path, const YamlNode& root, Diagnostics& diags) const {
    std::optional<Call> call = load_call(root, diags);
    if (!call) return;
    call->file = path;
    auto loaded = derive_call_grid(std::move(*call), grids.store(), diags);
    if (loaded && !diags.has_errors())
      ok.add(path, phrase(Msg::verbose_call, fmt::arg("call", loaded->call.id),
                          fmt::arg("grid", loaded->base->grid.id),
                          fmt::arg("version", loaded->base->grid.version)));
  }

  // A grid the first pass could not tell (a file whose first lines are not plain): checked
  // here, though too late to be preferred for the dossiers.
  void check_grid(const std::string& path, const YamlNode& root, Diagnostics& diags) const {
    if (diags.has_errors()) return;
    std::optional<Grid> grid = load_grid(root, diags);
    if (grid && !diags.has_errors())
      ok.add(path, phrase(Msg::verbose_grid, fmt::arg("grid", grid->id),
                          fmt::arg("version", grid->version)));
  }
};

int validate(const Options& options, const InputStream& inputs, std::vector<Diagnostic>& early) {
  GridStore store = make_grid_store(options);
  InputGrids grids_given;
  grids_given.find(inputs, options, store);
  GridCache grids(store);
  OkLines ok(options.verbose);
  BatchRun batch(options);
  batch.add_diagnostics(std::move(early));
  for (const GridFile& g : grids_given.grids()) {
    batch.add_diagnostics(g.diagnostics);
    if (g.grid)  // loaded: no error
      ok.add(g.path, phrase(Msg::verbose_grid, fmt::arg("grid", g.grid->grid.id),
                            fmt::arg("version", g.grid->grid.version)));
  }
  Worker worker{options, grids_given, grids, ok};
  batch.run(
      inputs, std::cref(worker),
      [&](const std::string& path, const BatchRecord& record) {
        if (!record.bytes.empty()) ok.add(path, record.bytes);
      },
      false);
  batch.add_diagnostics(store.grid_diagnostics());
  RunOutcome outcome = batch.print_diagnostics();
  if (options.verbose) {
    ok.print();
    fmt::print("{}\n",
               phrase(Msg::verbose_summary, fmt::arg("files", batch.files()),
                      fmt::arg("errors", outcome.errors), fmt::arg("warnings", outcome.warnings)));
  }
  return exit_code(outcome);
}

}  // namespace

int run_validate(const Options& options) {
  std::vector<Diagnostic> early;
  InputStream inputs(options, early);
  if (!inputs.any() && early.empty()) return usage_error(options, phrase(Msg::usage_no_file));
  return run_batch([&] { return validate(options, inputs, early); });
}

}  // namespace ess::cli
