#pragma once
// A report written as it is rendered: text gathers in a buffer and goes to the sink a chunk at
// a time, so that a report on 50 000 dossiers is never held whole in memory.
#include <fmt/format.h>

#include <functional>
#include <iterator>
#include <string>
#include <string_view>

namespace ess {

class ChunkWriter {
 public:
  explicit ChunkWriter(const std::function<void(std::string_view)>& sink) : sink_(sink) {
    buffer_.reserve(chunk + 4096);
  }
  ChunkWriter(const ChunkWriter&) = delete;
  ChunkWriter& operator=(const ChunkWriter&) = delete;
  ~ChunkWriter() { flush(); }

  void add(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= chunk) flush();
  }
  template <class... Args>
  void print(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    if (buffer_.size() >= chunk) flush();
  }
  void flush() {
    if (!buffer_.empty()) sink_(buffer_);
    buffer_.clear();
  }

 private:
  static constexpr std::size_t chunk = 64 * 1024;
  const std::function<void(std::string_view)>& sink_;
  std::string buffer_;
};

}  // namespace ess
