#include "progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "common.hpp"
#include "ess/model/messages.hpp"

namespace ess::cli {

namespace {

// Nothing for the first half second, so that a short run never flashes a line; then about ten
// updates a second, enough to look alive without costing the workers anything.
constexpr std::chrono::steady_clock::duration first_draw = std::chrono::milliseconds(500);
constexpr std::chrono::steady_clock::duration between_draws = std::chrono::milliseconds(100);

std::string duration_text(double seconds) {
  long s = std::lround(std::ceil(seconds));
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, s % 3600 / 60);
}

// With the decimal mark of the message language: 2.5 or 2,5.
std::string rate_text(double per_second) {
  std::string text =
      per_second < 10 ? fmt::format("{:.1f}", per_second) : fmt::format("{:.0f}", per_second);
  if (message_language() == Language::fr) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace

bool Progress::wanted(const Options& options) {
  return !options.quiet && stderr_is_terminal();
}

Progress::Progress(std::size_t total, bool enabled)
    : total_(total), enabled_(enabled), start_(Clock::now()), next_draw_(first_draw.count()) {}

Progress::~Progress() {
  finish();
}

void Progress::step() {
  if (!enabled_) return;
  done_.fetch_add(1, std::memory_order_relaxed);
  Clock::time_point now = Clock::now();
  std::int64_t elapsed = (now - start_).count();
  std::int64_t due = next_draw_.load(std::memory_order_relaxed);
  if (elapsed < due) return;
  // One worker wins this update; the others go straight back to work.
  if (!next_draw_.compare_exchange_strong(due, elapsed + between_draws.count())) return;
  draw(now);
}

void Progress::draw(Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (finished_) return;
  std::size_t done = done_.load(std::memory_order_relaxed);
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  std::string line = phrase(Msg::progress_line, fmt::arg("done", done), fmt::arg("total", total_),
                            fmt::arg("rate", rate_text(rate)));
  if (rate > 0 && done < total_)
    line = phrase(Msg::progress_left, fmt::arg("line", line),
                  fmt::arg("left", duration_text(static_cast<double>(total_ - done) / rate)));
  line = "\r" + line + "\033[K";  // \033[K: what a longer previous line left beyond this one
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  if (finished_) return;
  finished_ = true;
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

void Progress::print(std::string_view text) {
  std::lock_guard lock(mutex_);
  if (drawn_ && !finished_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace ess::cli
