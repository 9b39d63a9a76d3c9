#include "scored_file.hpp"

#include "ess/core/validate.hpp"
#include "ess/io/load.hpp"

namespace ess::cli {

void score_file(ScoredFile& file, GridStore& store, const ParseLimits& limits,
                const ScoreOptions& options) {
  file.diags = Diagnostics(file.path);
  auto dossier = read_dossier(file.path, limits, file.diags);
  if (!dossier) return;
  file.dossier = std::make_unique<Dossier>(std::move(*dossier));
  file.grid = check_against_grid(*file.dossier, store, file.diags);
  score_checked(file, options);
}

std::optional<Dossier> read_dossier(const std::string& path, const ParseLimits& limits,
                                    Diagnostics& diags, const DossierReading& reading) {
  std::string bytes;
  if (!read_file_bytes(path, limits.max_file_bytes, bytes, diags)) return std::nullopt;
  YamlNode root;
  if (!parse_yaml(bytes, limits, root, diags)) return std::nullopt;
  DocumentKind kind = document_kind(root);
  if (kind == DocumentKind::dossier) return load_dossier(root, diags);
  bool grid_like = kind == DocumentKind::grid || kind == DocumentKind::call;  // a call names one
  if (grid_like && reading.grids == GridFiles::skip) return std::nullopt;
  bool as_grid = kind == DocumentKind::grid && reading.grids == GridFiles::refuse_as_grid;
  diags.error("unknown-document", root.pos,
              as_grid ? "this file is a grid, not a dossier"
                      : "this file is not a dossier (no 'dossier:' key)",
              reading.hint);
  return std::nullopt;
}

const LoadedGrid* check_against_grid(Dossier& dossier, GridStore& store, Diagnostics& diags) {
  const LoadedGrid* grid = store.for_dossier(dossier, diags);
  if (!grid || !check_grid_reference(grid->grid, dossier, diags)) return nullptr;
  validate_dossier(grid->index, dossier, diags);
  return grid;
}

void score_checked(ScoredFile& file, const ScoreOptions& options) {
  if (!file.grid || file.diags.has_errors()) return;
  file.result = score_dossier(file.grid->index, *file.dossier, options, file.diags);
}

ScoreOptions score_options_from(const std::string& consolidate) {
  ScoreOptions options;
  if (consolidate == "median") options.consolidation = Consolidation::median;
  if (consolidate == "min") options.consolidation = Consolidation::min;
  return options;
}

}  // namespace ess::cli
