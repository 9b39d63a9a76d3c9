#include "parallel_inputs.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "ess/core/parallel.hpp"

namespace ess::cli {

namespace {

class PathQueue {
 public:
  explicit PathQueue(std::size_t capacity) : capacity_(capacity) {}
  void push(std::string path) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return;
    items_.push_back(std::move(path));
    ready_.notify_one();
  }
  bool pop(std::string& path) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    path = std::move(items_.front());
    items_.pop_front();
    // The walk is woken when half the queue is free, not at every file: each wake-up takes a
    // core from a worker for a moment.
    if (items_.size() == capacity_ / 2) room_.notify_one();
    return true;
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
    room_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::deque<std::string> items_;
  bool closed_ = false;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
};

}  // namespace

void for_each_input_parallel(const InputStream& inputs, unsigned jobs,
                             std::vector<Diagnostic>& walk_diags,
                             const std::function<void(const std::string&)>& handle) {
  if (jobs <= 1) {
    inputs.for_each([&](std::string path) { handle(path); }, walk_diags);
    return;
  }
  PathQueue queue(std::min<std::size_t>(jobs, max_workers) * 32);
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto fail = [&] {
    std::lock_guard lock(failure_mutex);
    if (!failure) failure = std::current_exception();
    queue.close();
  };
  // Fewer threads than asked when the system refuses more (said by on_fewer_workers); none at
  // all: this thread reads every file itself.
  std::vector<std::thread> pool = start_workers(jobs, [&] {
    try {
      for (std::string path; queue.pop(path);) handle(path);
    } catch (...) {
      fail();
    }
  });
  if (pool.empty()) {
    inputs.for_each([&](std::string path) { handle(path); }, walk_diags);
    return;
  }
  try {
    inputs.for_each([&](std::string path) { queue.push(std::move(path)); }, walk_diags);
  } catch (...) {
    fail();
  }
  queue.close();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace ess::cli
