#pragma once
// The one JSON writer of every JSON output (reports, diagnostics): keys in the order written,
// numbers as shortest round trip (null when absent or not finite), text through json_escape.
// A container is laid out as a block (one item a line, two spaces of indentation a level) or
// inline (items on one line, separated by ", "); everything inside an inline one is inline.
// The text is returned by finish(), or handed to a sink a chunk at a time for outputs too
// large to hold (a ranking of 50 000 dossiers).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ess::json {

enum class Layout : std::uint8_t { block, inline_ };

class Writer {
 public:
  Writer() = default;
  // Streams: the sink gets the text in chunks, the last one at finish().
  explicit Writer(std::function<void(std::string_view)> sink);
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  Writer& key(std::string_view name);
  Writer& begin_object(Layout layout = Layout::block);
  Writer& end_object();
  Writer& begin_array(Layout layout = Layout::block);
  Writer& end_array();
  void string(std::string_view text);
  void optional_string(const std::string* text);  // null when nullptr
  void number(double value);
  void number(const std::optional<double>& value);
  void integer(std::uint64_t value);  // counts, ranks, seeds: exact beyond 2^53
  void optional_integer(const std::optional<std::uint64_t>& value);
  void boolean(bool value);
  void null();
  // The document and a final newline: returned (no sink) or handed to the sink.
  std::string finish() &&;

 private:
  void value_start();
  void separate();
  void open(char bracket, Layout layout);
  Writer& close(char bracket);
  void newline();
  void maybe_flush();
  struct Level {
    bool inline_ = false;
    std::size_t items = 0;
  };
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
  std::function<void(std::string_view)> sink_;
};

}  // namespace ess::json
