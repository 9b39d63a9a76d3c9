#pragma once
#include <string>

#include "ess/model/calibration.hpp"

namespace ess {

// One line for a case: "FILE: ok: ID Favorable 81.0 (expected ...)" or "FILE: FAIL: ...".
std::string calibration_line(const CalibrationCase& c);

}  // namespace ess
