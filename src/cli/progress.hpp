#pragma once
// "[done/total] rate/s, ~time left" on stderr while a long run goes on, in ninja's LinePrinter
// spirit: one line rewritten in place, only on a terminal, erased at the end, so that what
// stays on the screen (and everything written to a pipe or a file) is the same with or without
// it.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string_view>

#include "options.hpp"

namespace ess::cli {

class Progress {
 public:
  // Whether a command may show progress at all: stderr is a terminal and no --quiet.
  static bool wanted(const Options& options);

  // `enabled` false: a no-op object, so that callers need no branches.
  Progress(std::size_t total, bool enabled);
  ~Progress();  // erases the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // One more item done. Cheap and thread-safe: parallel_for's workers call it directly.
  void step();
  // Erases the line (once); further steps print nothing.
  void finish();
  // Writes `text` to stderr, the line erased first (it comes back at the next update): a
  // message never lands in the middle of the progress line.
  void print(std::string_view text);

 private:
  using Clock = std::chrono::steady_clock;
  void draw(Clock::time_point now);

  const std::size_t total_;
  const bool enabled_;
  const Clock::time_point start_;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::int64_t> next_draw_;  // in Clock ticks since start_: the throttle
  std::mutex mutex_;                     // one writer of the line at a time
  bool drawn_ = false;                   // under mutex_
  bool finished_ = false;                // under mutex_
};

}  // namespace ess::cli
