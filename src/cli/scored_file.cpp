#include "cli/scored_file.hpp"

#include "ess/load.hpp"
#include "ess/validate.hpp"

namespace ess::cli {

void score_file(ScoredFile& file, GridStore& store, const ParseLimits& limits,
                const ScoreOptions& options) {
  file.diags = Diagnostics(file.path);
  std::string bytes;
  if (!read_file_bytes(file.path, limits.max_file_bytes, bytes, file.diags)) return;
  YamlNode root;
  if (!parse_yaml(bytes, limits, root, file.diags)) return;
  if (document_kind(root) != DocumentKind::dossier) {
    file.diags.error("unknown-document", root.pos,
                     "this file is not a dossier (no 'dossier:' key)");
    return;
  }
  auto dossier = load_dossier(root, file.diags);
  if (!dossier) return;
  file.dossier = std::make_unique<Dossier>(std::move(*dossier));
  file.grid = store.for_dossier(*file.dossier, file.diags);
  if (!file.grid || !check_grid_reference(file.grid->grid, *file.dossier, file.diags)) return;
  validate_dossier(file.grid->index, *file.dossier, file.diags);
  if (file.diags.has_errors()) return;
  file.result = score_dossier(file.grid->index, *file.dossier, options, file.diags);
}

ScoreOptions score_options_from(const std::string& consolidate) {
  ScoreOptions options;
  if (consolidate == "median") options.consolidation = Consolidation::median;
  if (consolidate == "min") options.consolidation = Consolidation::min;
  return options;
}

}  // namespace ess::cli
