#pragma once
// User errors are values: collected, sorted, printed at the edge. Never thrown across the core.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ess {

// 1-based line and column (columns count bytes, as editors and compilers do); 0 = unknown.
struct Pos {
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  friend bool operator==(const Pos&, const Pos&) = default;
};

enum class Severity : std::uint8_t { error, warning, note };

// A message worded from the catalogue (messages.hpp), with the code of its entry.
struct Said {
  std::string_view code;
  std::string text;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  // stable, listed in the man page: "duplicate-key"
  std::string file;
  Pos pos;
  std::string message;
  std::string hint;  // how to fix it, when we know; printed as a note
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

  void error(std::string code, Pos pos, std::string message, std::string hint = {});
  void warning(std::string code, Pos pos, std::string message, std::string hint = {});
  // A worded message: the code is its catalogue entry's, so that the two cannot disagree.
  void error(Pos pos, Said message, Said hint = {});
  void warning(Pos pos, Said message, Said hint = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  const std::string& file() const { return file_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool empty() const { return items_.empty(); }

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
};

// Sorted by file, line, column, then code: the same bytes whatever the order of work.
void sort_diagnostics(std::vector<Diagnostic>& items);

// Under --strict a warning fails the run like an error.
void promote_warnings(std::vector<Diagnostic>& items);

const char* severity_name(Severity s);

// "did you mean" for a misspelt id: the closest candidate within a small edit distance.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace ess
