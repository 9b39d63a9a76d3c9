#include "split_number.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <string_view>

#include "ess/model/messages.hpp"

namespace ess::cli {

namespace {

// Every option whose value is a number: the ones a thousands separator could split.
constexpr std::string_view numeric_options[] = {
    "--budget", "--jobs", "-j", "--samples", "--seed", "--spread", "--max-file-size"};

bool is_numeric_option(std::string_view word) {
  return std::find(std::begin(numeric_options), std::end(numeric_options), word) !=
         std::end(numeric_options);
}

// Digits, and at most one decimal comma or point inside them: "000", "000,50".
bool is_bare_number(std::string_view word) {
  std::size_t marks = 0;
  for (char c : word) {
    if (c == ',' || c == '.')
      ++marks;
    else if (c < '0' || c > '9')
      return false;
  }
  return !word.empty() && marks <= 1 && word.front() != ',' && word.front() != '.' &&
         word.back() != ',' && word.back() != '.';
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

std::optional<std::string> split_number_error(const std::vector<std::string>& args,
                                              const std::vector<std::string>& paths) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    std::string option = args[i], value;
    std::size_t next = i + 1;
    if (auto eq = option.find('='); option.starts_with("--") && eq != std::string::npos) {
      value = option.substr(eq + 1);
      option.resize(eq);
    } else if (next + 1 < args.size()) {
      value = args[next++];
    }
    // --budget "Creuse=50 000" typed without quotes: the amount is after the group's name.
    if (auto named = value.rfind('='); option == "--budget" && named != std::string::npos)
      value.erase(0, named + 1);
    if (!is_numeric_option(option) || value.empty() || !is_bare_number(value)) continue;
    // "--budget 1 500 000": every group that became a path belongs to the amount.
    std::string joined = value;
    std::size_t end = next;
    for (; end < args.size(); ++end) {
      const std::string& word = args[end];
      if (!is_bare_number(word) || exists(word) ||
          std::find(paths.begin(), paths.end(), word) == paths.end())
        break;
      joined += " " + word;
    }
    if (end == next) continue;
    return phrase(Msg::split_number, fmt::arg("path", args[next]), fmt::arg("option", option),
                  fmt::arg("value", value), fmt::arg("joined", joined));
  }
  return std::nullopt;
}

}  // namespace ess::cli
