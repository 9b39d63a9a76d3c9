#include "dossier_stage.hpp"

#include <mutex>

#include "ess/core/validate.hpp"
#include "ess/io/load.hpp"
#include "ess/model/messages.hpp"

namespace ess::cli {

namespace {

// The position of the `dossier:` key, where a duplicate id is reported.
Pos id_position(const YamlNode& root) {
  for (const auto& key : root.keys)
    if (key.text == "dossier") return key.pos;
  return root.pos;
}

}  // namespace

std::optional<ReadDossier> read_dossier(const std::string& path, const ParseLimits& limits,
                                        Diagnostics& diags, const DossierReading& reading) {
  std::string bytes;
  if (!read_file_bytes(path, limits.max_file_bytes, bytes, diags)) return std::nullopt;
  YamlNode root;
  if (!parse_yaml(bytes, limits, root, diags)) return std::nullopt;
  bytes = std::string();  // the tree holds what is needed: the bytes go before loading
  DocumentKind kind = document_kind(root);
  if (kind == DocumentKind::dossier) {
    std::optional<Dossier> dossier = load_dossier(root, diags);
    if (!dossier) return std::nullopt;
    return ReadDossier{std::move(*dossier), id_position(root)};
  }
  bool grid_like = kind == DocumentKind::grid || kind == DocumentKind::call;  // a call names one
  if (grid_like && reading.skip_grids) return std::nullopt;
  bool grid = kind == DocumentKind::grid;
  std::optional<Msg> hint = grid ? reading.grid_hint : reading.other_hint;
  diags.error(root.pos, say(grid ? reading.grid_message : reading.other_message),
              hint ? say(*hint) : Said{});
  return std::nullopt;
}

const LoadedGrid* GridCache::for_dossier(const Dossier& dossier, Diagnostics& diags) {
  std::string key = dossier.grid_id + '@' + dossier.grid_version;
  {
    std::shared_lock lock(mutex_);
    auto it = found_.find(key);
    if (it != found_.end()) return it->second;
  }
  const LoadedGrid* grid = store_.for_dossier(dossier, diags);  // failures say why each time
  if (grid) {
    std::unique_lock lock(mutex_);
    found_.emplace(std::move(key), grid);
  }
  return grid;
}

const LoadedGrid* check_against_grid(Dossier& dossier, GridCache& grids, Diagnostics& diags) {
  const LoadedGrid* grid = grids.for_dossier(dossier, diags);
  if (!grid || !check_grid_reference(grid->grid, dossier, diags)) return nullptr;
  validate_dossier(grid->index, dossier, diags);
  return grid;
}

}  // namespace ess::cli
