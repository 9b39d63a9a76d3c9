#pragma once
// One dossier file through the whole pipeline: read, parse, load, find its grid, validate,
// score. Shared by the commands that score (score, sensitivity, grid impact); each stage is
// callable alone for a command that does something between two of them.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "ess/core/scoring.hpp"
#include "ess/io/grid_store.hpp"
#include "ess/model/diagnostic.hpp"

namespace ess::cli {

struct ScoredFile {
  std::string path;
  Diagnostics diags;
  std::unique_ptr<Dossier> dossier;     // stable address: `result` points into it
  const LoadedGrid* grid = nullptr;     // set when the dossier names it and is checked against it
  std::optional<DossierResult> result;  // set when the dossier is valid and scorable
};

// Every problem lands in file.diags; a file that is not a dossier is an error there too.
void score_file(ScoredFile& file, GridStore& store, const ParseLimits& limits,
                const ScoreOptions& options);

// ---------------------------------------------------------------- the stages of score_file

// What a command does with a grid file met among its dossiers. Commands word the refusal
// differently (score's wording is pinned by a golden file).
enum class GridFiles : std::uint8_t {
  refuse,          // "this file is not a dossier (no 'dossier:' key)", as any other document
  refuse_as_grid,  // "this file is a grid, not a dossier"
  skip,            // left out without a word: a project folder holds its grids too
};

struct DossierReading {
  GridFiles grids = GridFiles::refuse;
  std::string hint;  // after the unknown-document error, when not empty
};

// Read, parse, load. Nothing when the file cannot be read or parsed or is not a dossier; the
// dossier returned may still carry load errors in `diags`.
std::optional<Dossier> read_dossier(const std::string& path, const ParseLimits& limits,
                                    Diagnostics& diags, const DossierReading& reading = {});

// The grid the dossier names, once the dossier is validated against it; nullptr (with a
// diagnostic) when no grid is found or the one found is not the id or version it names.
const LoadedGrid* check_against_grid(Dossier& dossier, GridStore& store, Diagnostics& diags);

// Scores a file checked against its grid without error; leaves any other file unscored.
void score_checked(ScoredFile& file, const ScoreOptions& options);

// --consolidate mean|median|min.
ScoreOptions score_options_from(const std::string& consolidate);

}  // namespace ess::cli
