#pragma once
// A small JSON writer for reports: two-space indentation, keys in the order written, numbers
// as shortest round trip (null when absent or not finite), text through json_escape.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ess::json {

class Writer {
 public:
  Writer& key(std::string_view name);
  Writer& begin_object();
  Writer& end_object();
  Writer& begin_array();
  Writer& end_array();
  void string(std::string_view text);
  void optional_string(const std::string* text);  // null when nullptr
  void number(double value);
  void number(const std::optional<double>& value);
  void boolean(bool value);
  void null();
  std::string finish() &&;  // the document and a final newline

 private:
  void value_start();
  void newline();
  Writer& close(char bracket);
  struct Level {
    bool object = false;
    std::size_t items = 0;
  };
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace ess::json
