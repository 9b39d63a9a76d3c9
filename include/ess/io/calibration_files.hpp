#pragma once
// Calibration dossiers as files (§5): where a grid keeps them, and each read with its x-expect.
#include <optional>
#include <string>

#include "ess/io/yaml_tree.hpp"
#include "ess/model/calibration.hpp"

namespace ess {

// x-expect of a parsed dossier; nothing (with an error, code calibration-expect) when it is
// absent or malformed.
std::optional<CalibrationExpect> read_expectation(const YamlNode& root, Diagnostics& diags);

// Where the calibration dossiers of a grid are: <folder of the grid file>/<id>.calibration,
// and criteria/<id>.calibration for a grid built into the binary; for a call's grid,
// <folder of the call file>/<call-id>.calibration.
std::string calibration_folder(const Grid& grid);

// Read, parse, load the dossier and its x-expect; every problem in the result's diags.
CalibrationFile read_calibration_file(const std::string& path, const ParseLimits& limits);

}  // namespace ess
