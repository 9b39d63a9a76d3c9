// One line of `grid test` per calibration dossier.
#include "ess/report/calibration_line.hpp"

#include <fmt/format.h>

#include "ess/model/format.hpp"

namespace ess {

std::string calibration_line(const CalibrationCase& c) {
  std::string id = c.dossier.empty() ? "?" : c.dossier;
  std::string expected;
  if (c.expect)
    expected = c.expect->total_min ? fmt::format("{}, total in {}", c.expect->decision,
                                                 expected_range_text(*c.expect))
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
