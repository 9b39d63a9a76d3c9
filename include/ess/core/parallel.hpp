#pragma once
// The one way ess-eval uses several cores: workers take the next index until none is left.
// Results go to per-index slots, so the output never depends on which worker ran what.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace ess {

// More workers than this only wait on each other: --jobs above it counts as it.
inline constexpr std::size_t max_workers = 256;

// Told when the system starts fewer threads than asked for (a process limit, memory): the
// work goes on with those it has (none: the calling thread alone). main.cpp sets it to print
// a warning; `why` is the system's reason.
inline void (*on_fewer_workers)(std::size_t wanted, std::size_t started, const char* why) = nullptr;

// Up to `wanted` threads (at most max_workers) running `body`; fewer when the system refuses.
template <class Body>
std::vector<std::thread> start_workers(std::size_t wanted, const Body& body) {
  wanted = std::min(wanted, max_workers);
  std::vector<std::thread> pool;
  pool.reserve(wanted);
  for (std::size_t t = 0; t < wanted; ++t) {
    try {
      pool.emplace_back(body);
    } catch (const std::system_error& e) {
      if (on_fewer_workers) on_fewer_workers(wanted, pool.size(), e.what());
      break;
    }
  }
  return pool;
}

template <class Fn>
void parallel_for(std::size_t count, unsigned jobs, Fn&& fn) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;
      }
    }
  };
  std::size_t threads = std::min<std::size_t>(std::max(1u, jobs), count);
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool = start_workers(threads, worker);
    if (pool.empty()) worker();
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace ess
