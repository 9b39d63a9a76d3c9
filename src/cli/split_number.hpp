#pragma once
// `--budget 150 000` typed without quotes: the shell gives `--budget 150` and a path `000`.
#include <optional>
#include <string>
#include <vector>

namespace ess::cli {

// When a bare number that names no file follows a numeric option's value on the command line
// and was taken as a path, the error to print instead of running ("did you mean --budget
// \"150 000\"?"), in the message language; nothing otherwise.
std::optional<std::string> split_number_error(const std::vector<std::string>& args,
                                              const std::vector<std::string>& paths);

}  // namespace ess::cli
