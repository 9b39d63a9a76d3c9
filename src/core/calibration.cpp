// `grid test`: calibration dossiers scored with their grid and held to their x-expect.
#include "ess/core/calibration.hpp"

#include <fmt/format.h>

#include "ess/core/validate.hpp"
#include "ess/model/call.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/format.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/number_words.hpp"

namespace ess {

using namespace fmt::literals;

std::string expected_range_text(const CalibrationExpect& e) {
  // In the message's language: "[60,5 ; 70]" in French, where a comma is the decimal one.
  NumberWords words(message_language());
  const char* pattern = message_language() == Language::fr ? "[{} ; {}]" : "[{}, {}]";
  return fmt::format(fmt::runtime(pattern), words.exact(*e.total_min), words.exact(*e.total_max));
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

void compare(CalibrationCase& c, const DossierResult& result, Language language) {
  const CalibrationExpect& e = *c.expect;
  if (!decision_matches(e.decision, result, language))
    c.failures.push_back(
        phrase(Msg::decision_is_not, "decision"_a = c.decision, "expected"_a = e.decision));
  std::string total = NumberWords(message_language()).score(result.total);
  if (e.total_min && result.total < *e.total_min - tolerance)
    c.failures.push_back(
        phrase(Msg::total_below, "total"_a = total, "min"_a = format_shortest(*e.total_min)));
  if (e.total_max && result.total > *e.total_max + tolerance)
    c.failures.push_back(
        phrase(Msg::total_above, "total"_a = total, "max"_a = format_shortest(*e.total_max)));
  if (c.failures.empty()) return;
  std::string expected = e.total_min ? phrase(Msg::expected_with_total, "decision"_a = e.decision,
                                              "range"_a = expected_range_text(e))
                                     : e.decision;
  c.diags.error(e.pos,
                say(Msg::calibration_failed, "dossier"_a = c.dossier, "expected"_a = expected,
                    "decision"_a = c.decision, "total"_a = total,
                    "failures"_a = fmt::join(c.failures, phrase(Msg::list_separator))),
                say(Msg::calibration_failed_hint));
}

}  // namespace

CalibrationCase run_calibration_case(const GridIndex& index, CalibrationFile file,
                                     const ScoreOptions& options, Language language) {
  CalibrationCase c;
  c.file = std::move(file.path);
  c.diags = std::move(file.diags);
  c.expect = std::move(file.expect);
  if (!file.dossier) return c;
  Dossier* dossier = &*file.dossier;
  c.dossier = dossier->id;
  const Grid& grid = *index.grid;
  // A call's calibration dossiers name its base grid, as the call's dossiers do.
  if (dossier->grid_id != base_grid_id(grid.id)) {
    c.diags.error(
        dossier->grid_pos,
        say(Msg::calibration_grid_mismatch, "named"_a = dossier->grid_id, "grid"_a = grid.id),
        say(Msg::write_grid_hint, "grid"_a = base_grid_id(grid.id)));
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

}  // namespace ess
