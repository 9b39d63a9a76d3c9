// `grid test`: calibration dossiers scored with their grid and held to their x-expect.
#include "ess/calibration.hpp"

#include <fmt/format.h>

#include "ess/format.hpp"
#include "ess/grid_store.hpp"
#include "ess/i18n.hpp"
#include "ess/load.hpp"
#include "ess/validate.hpp"
#include "yaml_read.hpp"

namespace ess {

std::optional<CalibrationExpect> read_expectation(const YamlNode& root, Diagnostics& diags) {
  const YamlNode* node = root.find("x-expect");
  if (!node) {
    diags.error("calibration-expect", root.pos,
                "this calibration dossier has no x-expect: nothing to check it against",
                "add x-expect: {decision: <band label>, total: [<min>, <max>]}");
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
      wrong_type(*t, "x-expect total", "a range [min, max]", diags);
    } else {
      expect.total_min = read_number(t->items[0], "the total's min", diags);
      expect.total_max = read_number(t->items[1], "the total's max", diags);
      if (expect.total_min && expect.total_max && *expect.total_min > *expect.total_max)
        diags.error("calibration-expect", t->pos, "x-expect total: min is above max",
                    "write the range lowest first: [min, max]");
    }
  }
  if (diags.error_count() != errors) return std::nullopt;
  return expect;
}

std::string calibration_folder(const Grid& grid) {
  std::string folder = "criteria";
  if (grid.file.rfind(builtin_prefix, 0) != 0) {
    auto slash = grid.file.rfind('/');
    folder = slash == std::string::npos ? "." : slash == 0 ? "" : grid.file.substr(0, slash);
  }
  return folder + "/" + grid.id + ".calibration";
}

bool decision_matches(const std::string& expected, const DossierResult& result, Language language) {
  if (expected == decision_label(result, language)) return true;
  if (result.status == DossierStatus::ok) return false;
  if (expected == status_token(result.status)) return true;
  for (Language l : {Language::fr, Language::en})
    if (expected == decision_label(result, l)) return true;
  return false;
}

namespace {

std::string range_text(const CalibrationExpect& e) {
  return fmt::format("[{}, {}]", format_shortest(*e.total_min), format_shortest(*e.total_max));
}

void compare(CalibrationCase& c, const DossierResult& result, Language language) {
  const CalibrationExpect& e = *c.expect;
  if (!decision_matches(e.decision, result, language))
    c.failures.push_back(fmt::format("decision {} is not {}", c.decision, e.decision));
  if (e.total_min && result.total < *e.total_min - tolerance)
    c.failures.push_back(fmt::format("total {} is below {}", format_fixed(result.total, 1),
                                     format_shortest(*e.total_min)));
  if (e.total_max && result.total > *e.total_max + tolerance)
    c.failures.push_back(fmt::format("total {} is above {}", format_fixed(result.total, 1),
                                     format_shortest(*e.total_max)));
  if (c.failures.empty()) return;
  std::string expected =
      e.total_min ? fmt::format("{} with a total in {}", e.decision, range_text(e)) : e.decision;
  c.diags.error(
      "calibration-failed", e.pos,
      fmt::format("calibration dossier '{}' expects {}, got {} with {}: {}", c.dossier, expected,
                  c.decision, format_fixed(result.total, 1), fmt::join(c.failures, "; ")),
      "a change to the grid moved this reference dossier: review the change, or update "
      "x-expect if the new outcome is the intended one");
}

}  // namespace

CalibrationCase run_calibration_case(const GridIndex& index, const std::string& file,
                                     const ParseLimits& limits, const ScoreOptions& options,
                                     Language language) {
  CalibrationCase c;
  c.file = file;
  c.diags = Diagnostics(file);
  std::string bytes;
  if (!read_file_bytes(file, limits.max_file_bytes, bytes, c.diags)) return c;
  YamlNode root;
  if (!parse_yaml(bytes, limits, root, c.diags)) return c;
  if (document_kind(root) != DocumentKind::dossier) {
    c.diags.error("unknown-document", root.pos,
                  "this file in a calibration folder is not a dossier (no 'dossier:' key)");
    return c;
  }
  c.expect = read_expectation(root, c.diags);
  std::optional<Dossier> dossier = load_dossier(root, c.diags);
  if (!dossier) return c;
  c.dossier = dossier->id;
  const Grid& grid = *index.grid;
  if (dossier->grid_id != grid.id) {
    c.diags.error(
        "grid-mismatch", dossier->grid_pos,
        fmt::format("this calibration dossier names grid '{}', but it sits with grid '{}'",
                    dossier->grid_id, grid.id),
        fmt::format("write grid: {}", grid.id));
    return c;
  }
  validate_dossier(index, *dossier, c.diags);
  if (c.diags.has_errors()) return c;
  std::optional<DossierResult> result = score_dossier(index, *dossier, options, c.diags);
  if (!result) return c;
  c.scored = true;
  c.total = result->total;
  c.status = result->status;
  c.decision = decision_label(*result, language);
  if (c.expect) compare(c, *result, language);
  return c;
}

std::string calibration_line(const CalibrationCase& c) {
  std::string id = c.dossier.empty() ? "?" : c.dossier;
  std::string expected;
  if (c.expect)
    expected = c.expect->total_min
                   ? fmt::format("{}, total in {}", c.expect->decision, range_text(*c.expect))
                   : c.expect->decision;
  if (c.ok())
    return fmt::format("{}: ok: {} {} {} (expected {})\n", c.file, id, c.decision,
                       format_fixed(c.total, 1), expected);
  if (!c.scored || !c.expect) {
    std::string first;
    for (const auto& d : c.diags.items())
      if (d.severity == Severity::error) {
        first = fmt::format("{} [{}]", d.message, d.code);
        break;
      }
    return fmt::format("{}: FAIL: {} could not be checked: {}\n", c.file, id, first);
  }
  return fmt::format("{}: FAIL: {} expected {}; got {} {}: {}\n", c.file, id, expected, c.decision,
                     format_fixed(c.total, 1), fmt::join(c.failures, "; "));
}

}  // namespace ess
