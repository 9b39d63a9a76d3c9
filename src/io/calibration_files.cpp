// Calibration dossiers as files: where they are, and their x-expect (the dossier loader
// ignores x- keys: this is their only reader).
#include "ess/io/calibration_files.hpp"

#include <fmt/format.h>

#include "ess/io/grid_store.hpp"
#include "ess/io/load.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/call.hpp"
#include "yaml_read.hpp"

namespace ess {

std::optional<CalibrationExpect> read_expectation(const YamlNode& root, Diagnostics& diags) {
  const YamlNode* node = root.find("x-expect");
  if (!node) {
    diags.error(root.pos, say(Msg::no_expectation), say(Msg::no_expectation_hint));
    return std::nullopt;
  }
  std::size_t errors = diags.error_count();
  MapReader r(*node, "x-expect", diags, {"decision", "total"});
  if (!r.ok()) return std::nullopt;
  CalibrationExpect expect;
  for (std::size_t i = 0; i < root.keys.size(); ++i)
    if (root.keys[i].text == "x-expect") expect.pos = root.keys[i].pos;
  if (const YamlNode* d = r.require("decision")) read_text(*d, "decision", diags, expect.decision);
  if (const YamlNode* t = r.get("total")) {
    if (!t->is_seq() || t->items.size() != 2) {
      wrong_type(*t, phrase(Msg::what_expected_total), phrase(Msg::expect_range), diags);
    } else {
      expect.total_min = read_number(t->items[0], phrase(Msg::what_total_min), diags);
      expect.total_max = read_number(t->items[1], phrase(Msg::what_total_max), diags);
      if (expect.total_min && expect.total_max && *expect.total_min > *expect.total_max)
        diags.error(t->pos, say(Msg::expected_range_reversed), say(Msg::expected_range_hint));
    }
  }
  if (diags.error_count() != errors) return std::nullopt;
  return expect;
}

CalibrationFile read_calibration_file(const std::string& path, const ParseLimits& limits) {
  CalibrationFile f;
  f.path = path;
  f.diags = Diagnostics(path);
  std::string bytes;
  if (!read_file_bytes(path, limits.max_file_bytes, bytes, f.diags)) return f;
  YamlNode root;
  if (!parse_yaml(bytes, limits, root, f.diags)) return f;
  if (document_kind(root) != DocumentKind::dossier) {
    f.diags.error(root.pos, say(Msg::calibration_not_dossier));
    return f;
  }
  f.expect = read_expectation(root, f.diags);
  f.dossier = load_dossier(root, f.diags);
  return f;
}

std::string calibration_folder(const Grid& grid) {
  std::string folder = "criteria";
  if (grid.file.rfind(builtin_prefix, 0) != 0) {
    auto slash = grid.file.rfind('/');
    folder = slash == std::string::npos ? "." : slash == 0 ? "" : grid.file.substr(0, slash);
  }
  // A call's grid (`<grid-id>+<call-id>`, read from the call's file) keeps them beside the
  // call: criteria/calls/<call-id>.calibration.
  std::string call = call_of_grid_id(grid.id);
  return folder + "/" + (call.empty() ? grid.id : call) + ".calibration";
}

}  // namespace ess
