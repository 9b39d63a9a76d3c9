#pragma once
// External-memory storage for `rank`: rows go to an unlinked temporary file rather than RAM,
// so memory stays flat however many dossiers a folder holds. Not thread-safe: callers lock.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ess {

namespace detail {

// An unnamed temporary file in $TMPDIR, else /tmp (nothing is left behind, even on a crash),
// appended to through a buffer and read back with pread, so readers never move a shared
// file position. After a failed write the logical end does not move: nothing half-written
// is ever read back.
class SpillFile {
 public:
  SpillFile() = default;
  SpillFile(SpillFile&& other) noexcept;
  SpillFile& operator=(SpillFile&& other) noexcept;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;
  ~SpillFile();

  void open();  // throws std::system_error naming the folder ($TMPDIR or /tmp)
  bool is_open() const { return file_ != nullptr; }
  int fd() const;
  std::uint64_t end() const { return written_ + buffer_.size(); }  // pending bytes included
  // Appends `head` then `body` as one unit: on failure neither is appended.
  void append(std::string_view head, std::string_view body);
  void flush();

 private:
  std::FILE* file_ = nullptr;
  std::uint64_t written_ = 0;
  std::string buffer_;
  std::string folder_;  // for messages: "$TMPDIR (/path)" or "/tmp"
};

}  // namespace detail

// Byte-string records appended to an unlinked temporary file, read back in append order as
// many times as needed.
class RecordLog {
 public:
  RecordLog();  // throws std::system_error if no temporary file can be made
  RecordLog(RecordLog&& other) noexcept;
  RecordLog& operator=(RecordLog&& other) noexcept;
  RecordLog(const RecordLog&) = delete;
  RecordLog& operator=(const RecordLog&) = delete;
  ~RecordLog();

  void append(std::string_view record);
  std::size_t size() const { return count_; }
  // fn(record) for every record in append order; the view is valid only during the call.
  void for_each(const std::function<void(std::string_view)>& fn);

 private:
  detail::SpillFile file_;
  std::size_t count_ = 0;
};

// Sorts (key, payload) records by key in byte order (the order of std::string_view::compare),
// equal keys in add() order. Records stay in memory up to `memory_budget` bytes, then that run
// is sorted and written to a temporary file; for_each_sorted merges the runs. Memory stays
// about memory_budget + runs × read buffer whatever the number of records.
class ExternalSorter {
 public:
  explicit ExternalSorter(std::size_t memory_budget = 4u << 20);
  ExternalSorter(ExternalSorter&& other) noexcept = default;
  // `sorter = ExternalSorter(...)` empties a sorter and frees its memory: the two swap, and the
  // old records leave with `other`. (A std::string moved onto keeps its own buffer when the
  // other one's is short: the arena's whole budget would stay.)
  ExternalSorter& operator=(ExternalSorter&& other) noexcept;

  void add(std::string_view key, std::string_view payload);
  std::size_t size() const { return count_; }
  std::size_t runs() const { return runs_.size(); }  // 0: everything still in memory
  // The bytes its in-memory run holds (the arena's capacity), whatever the allocator.
  std::size_t held_bytes() const { return arena_.capacity(); }
  // fn(key, payload) in sorted order; the views are valid only during the call. May be
  // called more than once, and add() may still be called after it.
  void for_each_sorted(
      const std::function<void(std::string_view key, std::string_view payload)>& fn);

 private:
  struct Entry {
    std::uint64_t offset;  // into arena_: key, then payload
    std::uint32_t key_size;
    std::uint32_t payload_size;
  };
  struct Run {
    std::uint64_t begin;
    std::uint64_t end;
  };

  std::string_view key_of(std::uint32_t i) const;
  std::string_view payload_of(std::uint32_t i) const;
  void sort_tail();
  void spill();

  std::size_t budget_;
  // The in-memory run, compact: one arena and fixed-size entries, sorted through order_.
  std::string arena_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> order_;  // a sorted permutation of a prefix of entries_
  std::size_t tail_bytes_ = 0;
  std::vector<Run> runs_;
  std::size_t count_ = 0;
  detail::SpillFile file_;  // opened at the first spill: small sorts never touch the disk
};

}  // namespace ess
