// One line of `grid test` per calibration dossier: "FILE: ok: ..." or "FILE: FAIL: ...", the
// words after the marker in the message language (the markers stay, as error/warning do).
#include "ess/report/calibration_line.hpp"

#include <fmt/format.h>

#include "ess/model/format.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/number_words.hpp"

namespace ess {

using namespace fmt::literals;

std::string calibration_line(const CalibrationCase& c) {
  std::string id = c.dossier.empty() ? "?" : c.dossier;
  std::string expected;
  if (c.expect)
    expected = c.expect->total_min
                   ? phrase(Msg::calibration_expected_total, "decision"_a = c.expect->decision,
                            "range"_a = expected_range_text(*c.expect))
                   : c.expect->decision;
  // The message's language writes the number too: "81,0" in French (§2.7).
  std::string total = NumberWords(message_language()).score(c.total);
  if (c.ok())
    return fmt::format("{}: ok: {}\n", c.file,
                       phrase(Msg::calibration_expected, "id"_a = id, "decision"_a = c.decision,
                              "total"_a = total, "expected"_a = expected));
  if (!c.scored || !c.expect) {
    std::string first;
    for (const auto& d : c.diags.items())
      if (d.severity == Severity::error) {
        first = fmt::format("{} [{}]", d.message, d.code);
        break;
      }
    return fmt::format("{}: FAIL: {}\n", c.file,
                       phrase(Msg::calibration_unchecked, "id"_a = id, "first"_a = first));
  }
  return fmt::format("{}: FAIL: {}\n", c.file,
                     phrase(Msg::calibration_mismatch, "id"_a = id, "expected"_a = expected,
                            "decision"_a = c.decision, "total"_a = total,
                            "failures"_a = fmt::join(c.failures, phrase(Msg::list_separator))));
}

}  // namespace ess
