#include "ess/model/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace ess {

void Diagnostics::error(std::string code, Pos pos, std::string message, std::string hint) {
  items_.push_back(
      {Severity::error, std::move(code), file_, pos, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string code, Pos pos, std::string message, std::string hint) {
  items_.push_back(
      {Severity::warning, std::move(code), file_, pos, std::move(message), std::move(hint)});
}

void Diagnostics::error(Pos pos, Said message, Said hint) {
  error(std::string(message.code), pos, std::move(message.text), std::move(hint.text));
}

void Diagnostics::warning(Pos pos, Said message, Said hint) {
  warning(std::string(message.code), pos, std::move(message.text), std::move(hint.text));
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

void sort_diagnostics(std::vector<Diagnostic>& items) {
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.pos.line, a.pos.col, a.code, a.message) <
           std::tie(b.file, b.pos.line, b.pos.col, b.code, b.message);
  });
}

void promote_warnings(std::vector<Diagnostic>& items) {
  for (auto& d : items)
    if (d.severity == Severity::warning) d.severity = Severity::error;
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diag = up;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace ess
