// ess-eval grid test [GRID]: every calibration dossier of a grid (or of every grid in
// ./criteria) scored and held to its x-expect. One line per dossier; exit 1 on any failure.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "call_grid.hpp"
#include "common.hpp"
#include "ess/core/calibration.hpp"
#include "ess/io/calibration_files.hpp"
#include "ess/io/grid_source.hpp"
#include "ess/io/load.hpp"
#include "ess/model/messages.hpp"
#include "ess/report/calibration_line.hpp"
#include "inputs.hpp"

namespace ess::cli {

namespace {

namespace fs = std::filesystem;
using namespace fmt::literals;

// The grid files directly in ./criteria (calibration folders hold dossiers, not grids), then
// the calls in ./criteria/calls, whose grids are tested like any grid.
std::vector<std::string> grids_in_criteria() {
  std::vector<std::string> out;
  for (const char* folder : {"criteria", "criteria/calls"}) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (it->is_regular_file(ec) && (name.ends_with(".yaml") || name.ends_with(".yml")))
        files.push_back(std::string(folder) + "/" + name);
    }
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
  }
  return out;
}

struct GridOutcome {
  std::size_t cases = 0, failed = 0;
};

// A grid test that tests nothing must not pass unnoticed: a warning, an error with --strict
// (print_diagnostics), so that a CI job on a grid without reference dossiers says so.
void nothing_tested(const std::string& file, Said message, std::vector<Diagnostic>& all) {
  Diagnostics diags(file);
  diags.warning({}, std::move(message), say(Msg::no_calibration_hint));
  all.insert(all.end(), diags.items().begin(), diags.items().end());
}

GridOutcome test_grid(const LoadedGrid& grid, const Options& options,
                      std::vector<Diagnostic>& all) {
  GridOutcome outcome;
  std::string folder = calibration_folder(grid.grid);
  std::string title = fmt::format("{}@{}", grid.grid.id, grid.grid.version);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    nothing_tested(grid.grid.file, say(Msg::no_calibration, "grid"_a = title, "folder"_a = folder),
                   all);
    return outcome;
  }
  Options inputs = options;
  inputs.paths = {folder};
  inputs.files_from.clear();
  std::vector<std::string> files = collect_inputs(inputs, all);
  const ScoreOptions score = score_options(options);
  const Language language = report_options(options, &grid.grid).language;
  fmt::print("{}\n", phrase(Msg::calibration_found, fmt::arg("grid", title),
                            fmt::arg("count", files.size()), fmt::arg("folder", folder)));
  std::vector<std::string> failures;
  for (const auto& file : files) {
    CalibrationCase c = run_calibration_case(
        grid.index, read_calibration_file(file, limits_from(options)), score, language);
    fmt::print("{}", calibration_line(c));
    all.insert(all.end(), c.diags.items().begin(), c.diags.items().end());
    ++outcome.cases;
    if (!c.ok()) {
      ++outcome.failed;
      failures.push_back(c.dossier.empty() ? file : c.dossier);
    }
  }
  if (files.empty())
    nothing_tested(folder, say(Msg::no_calibration_empty, "grid"_a = title, "folder"_a = folder),
                   all);
  if (outcome.failed == 0)
    fmt::print("{}\n", phrase(Msg::calibration_all_ok, fmt::arg("grid", title),
                              fmt::arg("count", outcome.cases)));
  else
    fmt::print("{}\n", phrase(Msg::calibration_some_failed, fmt::arg("grid", title),
                              fmt::arg("ok", outcome.cases - outcome.failed),
                              fmt::arg("failed", outcome.failed),
                              fmt::arg("ids", fmt::join(failures, ", "))));
  return outcome;
}

}  // namespace

int run_grid_test(const Options& options) {
  GridStore store = make_grid_store(options);
  std::vector<std::string> refs = options.paths;
  if (refs.empty() && !options.grid.empty()) refs.push_back(options.grid);
  bool all_in_criteria = refs.empty();
  if (all_in_criteria) refs = grids_in_criteria();
  if (refs.empty()) return usage_error(options, phrase(Msg::usage_no_grid_to_test));
  std::vector<Diagnostic> all;
  bool failed = false;
  std::vector<std::unique_ptr<CallGridLoad>> calls;  // a call's grid lives as long as the store's
  for (const auto& ref : refs) {
    Diagnostics diags(ref);
    const LoadedGrid* grid = nullptr;
    if (auto call = call_reference(ref, store, limits_from(options))) {
      if (auto loaded = read_call_grid(*call, store, limits_from(options), diags)) {
        grid = &loaded->loaded;
        calls.push_back(std::move(loaded));
      }
    } else {
      grid = all_in_criteria ? store.load_path(ref, &diags) : store.by_reference(ref, diags);
    }
    all.insert(all.end(), diags.items().begin(), diags.items().end());
    // A grid that cannot be loaded has said why in an error.
    if (grid) failed = test_grid(*grid, options, all).failed > 0 || failed;
  }
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  std::fflush(stdout);
  RunOutcome outcome = print_diagnostics(all, options);
  return worse(failed ? exit_invalid : exit_ok, exit_code(outcome));
}

}  // namespace ess::cli
