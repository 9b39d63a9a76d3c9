#pragma once
// The shipped examples scored with the core's own functions, for the documents' unit tests (the
// letter and the pack): every dossier of examples/dossiers under the shipped French grid, or
// the calibration dossiers of a grid.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ess/core/ranking.hpp"
#include "ess/core/scoring.hpp"
#include "ess/core/validate.hpp"
#include "ess/io/load.hpp"
#include "ess/io/yaml_tree.hpp"
#include "ess/model/grid_index.hpp"

struct ScoredExamples {
  ess::Grid grid;
  ess::GridIndex index;
  std::deque<ess::Dossier> dossiers;        // stable addresses: results point into them
  std::vector<ess::DossierResult> results;  // in file-name order
  std::vector<ess::RankRow> rows;           // ranked, decisions resolved
  ess::FundingLine funding;

  ScoredExamples(const ScoredExamples&) = delete;
  ScoredExamples() = default;
};

inline std::unique_ptr<ScoredExamples> score_examples(const std::string& grid_file,
                                                      const std::string& folder,
                                                      std::optional<double> budget = {}) {
  auto out = std::make_unique<ScoredExamples>();
  ess::Diagnostics gd(grid_file);
  auto grid = ess::load_grid_file(grid_file, ess::ParseLimits{}, gd);
  if (!grid) throw std::runtime_error("cannot load " + grid_file);
  out->grid = std::move(*grid);
  out->index = ess::index_grid(out->grid);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(folder))
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    ess::Diagnostics d(path);
    std::string bytes;
    ess::YamlNode root;
    if (!ess::read_file_bytes(path, 1 << 20, bytes, d) ||
        !ess::parse_yaml(bytes, ess::ParseLimits{}, root, d))
      throw std::runtime_error("cannot read " + path);
    auto dossier = ess::load_dossier(root, d);
    if (!dossier) throw std::runtime_error("cannot load " + path);
    out->dossiers.push_back(std::move(*dossier));
    ess::validate_dossier(out->index, out->dossiers.back(), d);
    if (d.has_errors()) throw std::runtime_error("invalid " + path);
    auto result = ess::score_dossier(out->index, out->dossiers.back(), ess::ScoreOptions{}, d);
    if (!result) throw std::runtime_error("cannot score " + path);
    out->results.push_back(std::move(*result));
  }
  for (const auto& r : out->results) out->rows.push_back(ess::summarise(r));
  out->funding = ess::rank_rows(out->rows, budget);
  ess::resolve_decisions(out->rows, out->grid, out->grid.language);
  return out;
}

// The result of a row's dossier.
inline const ess::DossierResult& result_of(const ScoredExamples& ex, const ess::RankRow& row) {
  for (const auto& r : ex.results)
    if (r.dossier->id == row.dossier) return r;
  throw std::runtime_error("no result for " + row.dossier);
}
