#pragma once
// One dossier file through the whole pipeline: read, parse, load, find its grid, validate,
// score. Shared by the commands that score (score, sensitivity, grid impact).
#include <memory>
#include <optional>
#include <string>

#include "ess/diagnostic.hpp"
#include "ess/grid_store.hpp"
#include "ess/scoring.hpp"

namespace ess::cli {

struct ScoredFile {
  std::string path;
  Diagnostics diags;
  std::unique_ptr<Dossier> dossier;  // stable address: `result` points into it
  const LoadedGrid* grid = nullptr;
  std::optional<DossierResult> result;  // set when the dossier is valid and scorable
};

// Every problem lands in file.diags; a file that is not a dossier is an error there too.
void score_file(ScoredFile& file, GridStore& store, const ParseLimits& limits,
                const ScoreOptions& options);

// --consolidate mean|median|min.
ScoreOptions score_options_from(const std::string& consolidate);

}  // namespace ess::cli
