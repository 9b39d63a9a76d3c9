// Record framing on disk: native-endian 32-bit sizes then the bytes (the file never outlives
// the process, so no portable format is needed). Log records: size, record. Sorter records:
// key size, payload size, key, payload.
#include "ess/io/spill.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <queue>
#include <stdexcept>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "ess/model/messages.hpp"

namespace ess {

namespace {

constexpr std::size_t kBufferSize = 64u << 10;
// Many runs share the memory budget for their read buffers, down to this floor.
constexpr std::size_t kMinReadBuffer = 4u << 10;

// A system_error (what callers catch: batch.cpp) whose text is worded from the catalogue: the
// reason in the message language, where std::system_error would append strerror's English.
class SpillFailure : public std::system_error {
 public:
  SpillFailure(int err, std::string text)
      : std::system_error(err, std::generic_category()), text_(std::move(text)) {}
  const char* what() const noexcept override { return text_.c_str(); }

 private:
  std::string text_;
};

// `message`: an entry with a {reason} (and a {folder}, given as `folder`).
[[noreturn]] void throw_errno(int err, Msg message, std::string_view folder = {}) {
  throw SpillFailure(
      err, phrase(message, fmt::arg("folder", folder), fmt::arg("reason", system_reason(err))));
}

void write_at(int fd, std::uint64_t offset, std::string_view bytes, std::string_view folder) {
  auto fail = [&](int err) { throw_errno(err, Msg::spill_cannot_write, folder); };
  while (!bytes.empty()) {
    ssize_t n = ::pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno);
    }
    // A regular file accepting nothing is full.
    if (n == 0) fail(ENOSPC);
    offset += static_cast<std::uint64_t>(n);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::uint32_t checked_size(std::size_t size) {
  if (size > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error(phrase(Msg::spill_record_too_large));
  return static_cast<std::uint32_t>(size);
}

void put_u32(char* out, std::uint32_t value) {
  std::memcpy(out, &value, sizeof value);
}

std::uint32_t get_u32(const char* in) {
  std::uint32_t value;
  std::memcpy(&value, in, sizeof value);
  return value;
}

// Reads one byte range of a file sequentially through its own buffer. What take() returns
// stays valid until the next take(), which is what lets a merge hold one record per run.
class RangeReader {
 public:
  RangeReader(int fd, std::uint64_t begin, std::uint64_t end, std::size_t buffer_size)
      : fd_(fd), next_(begin), end_(end), buffer_(buffer_size) {}

  bool at_end() const { return pos_ == len_ && next_ == end_; }

  std::string_view take(std::size_t n) {
    if (len_ - pos_ < n) refill(n);
    std::string_view bytes(buffer_.data() + pos_, n);
    pos_ += n;
    return bytes;
  }

 private:
  void refill(std::size_t n) {
    std::size_t have = len_ - pos_;
    std::memmove(buffer_.data(), buffer_.data() + pos_, have);
    pos_ = 0;
    len_ = have;
    // A record larger than the buffer grows it: records are never split across calls.
    if (buffer_.size() < n) buffer_.resize(n);
    while (len_ < n) {
      std::uint64_t left = end_ - next_;
      if (left == 0) throw_errno(EIO, Msg::spill_mid_record);
      std::size_t want = static_cast<std::size_t>(
          std::min<std::uint64_t>(left, static_cast<std::uint64_t>(buffer_.size() - len_)));
      ssize_t got = ::pread(fd_, buffer_.data() + len_, want, static_cast<off_t>(next_));
      if (got < 0) {
        if (errno == EINTR) continue;
        throw_errno(errno, Msg::spill_cannot_read);
      }
      if (got == 0) throw_errno(EIO, Msg::spill_short);
      len_ += static_cast<std::size_t>(got);
      next_ += static_cast<std::uint64_t>(got);
    }
  }

  int fd_;
  std::uint64_t next_;  // file offset of the first byte not yet in the buffer
  std::uint64_t end_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
};

}  // namespace

namespace detail {

SpillFile::SpillFile(SpillFile&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      written_(std::exchange(other.written_, 0)),
      buffer_(std::move(other.buffer_)),
      folder_(std::move(other.folder_)) {
  other.buffer_.clear();
}

SpillFile& SpillFile::operator=(SpillFile&& other) noexcept {
  if (this != &other) {
    if (file_) std::fclose(file_);
    file_ = std::exchange(other.file_, nullptr);
    written_ = std::exchange(other.written_, 0);
    buffer_ = std::move(other.buffer_);
    folder_ = std::move(other.folder_);
    other.buffer_.clear();
  }
  return *this;
}

SpillFile::~SpillFile() {
  if (file_) std::fclose(file_);
}

// In $TMPDIR when set (a batch machine's /tmp may be small), else /tmp, and nowhere else: a
// TMPDIR that cannot be used is an error naming it, never a silent move to /tmp. O_TMPFILE:
// the file never has a name, so nothing is left behind even if the process is killed; a file
// system without it gets a named file, unlinked at once.
void SpillFile::open() {
  if (file_) return;
  const char* dir = std::getenv("TMPDIR");
  bool from_env = dir && *dir;
  folder_ = from_env ? fmt::format("$TMPDIR ({})", dir) : "/tmp";
  std::string folder = from_env ? dir : "/tmp";
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    std::string name = folder + "/.ess-eval-spill-XXXXXX";
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(name.c_str());
  }
  if (fd >= 0) {
    file_ = ::fdopen(fd, "w+b");
    if (!file_) ::close(fd);
  }
  if (!file_) throw_errno(errno, Msg::spill_cannot_create, folder_);
}

int SpillFile::fd() const {
  return file_ ? ::fileno(file_) : -1;
}

void SpillFile::append(std::string_view head, std::string_view body) {
  open();
  std::size_t total = head.size() + body.size();
  if (buffer_.size() + total > kBufferSize) flush();
  if (total <= kBufferSize) {
    if (buffer_.capacity() < kBufferSize) buffer_.reserve(kBufferSize);
    buffer_.append(head);
    buffer_.append(body);
    return;
  }
  // Too large to buffer: written in place. written_ only moves once both parts are down, so
  // a failure leaves bytes past the logical end, to be overwritten by the next append.
  write_at(fd(), written_, head, folder_);
  write_at(fd(), written_ + head.size(), body, folder_);
  written_ += total;
}

void SpillFile::flush() {
  if (buffer_.empty()) return;
  write_at(fd(), written_, buffer_, folder_);
  written_ += buffer_.size();
  buffer_.clear();
}

}  // namespace detail

RecordLog::RecordLog() {
  file_.open();
}

RecordLog::RecordLog(RecordLog&& other) noexcept
    : file_(std::move(other.file_)), count_(std::exchange(other.count_, 0)) {}

RecordLog& RecordLog::operator=(RecordLog&& other) noexcept {
  if (this != &other) {
    file_ = std::move(other.file_);
    count_ = std::exchange(other.count_, 0);
  }
  return *this;
}

RecordLog::~RecordLog() = default;

void RecordLog::append(std::string_view record) {
  char head[4];
  put_u32(head, checked_size(record.size()));
  file_.append({head, sizeof head}, record);
  ++count_;
}

void RecordLog::for_each(const std::function<void(std::string_view)>& fn) {
  if (count_ == 0) return;
  file_.flush();
  RangeReader reader(file_.fd(), 0, file_.end(), kBufferSize);
  while (!reader.at_end()) {
    std::uint32_t size = get_u32(reader.take(4).data());
    fn(reader.take(size));
  }
}

ExternalSorter::ExternalSorter(std::size_t memory_budget) : budget_(memory_budget) {}

ExternalSorter& ExternalSorter::operator=(ExternalSorter&& other) noexcept {
  std::swap(budget_, other.budget_);
  arena_.swap(other.arena_);
  entries_.swap(other.entries_);
  order_.swap(other.order_);
  std::swap(tail_bytes_, other.tail_bytes_);
  runs_.swap(other.runs_);
  std::swap(count_, other.count_);
  std::swap(file_, other.file_);
  return *this;
}

std::string_view ExternalSorter::key_of(std::uint32_t i) const {
  const Entry& e = entries_[i];
  return {arena_.data() + e.offset, e.key_size};
}

std::string_view ExternalSorter::payload_of(std::uint32_t i) const {
  const Entry& e = entries_[i];
  return {arena_.data() + e.offset + e.key_size, e.payload_size};
}

void ExternalSorter::add(std::string_view key, std::string_view payload) {
  Entry entry{0, checked_size(key.size()), checked_size(payload.size())};
  // The arena, the entry and its slot in order_: what one more record costs in memory.
  std::size_t cost = key.size() + payload.size() + sizeof(Entry) + sizeof(std::uint32_t);
  // Spilling before the record goes in keeps add() all-or-nothing when the disk fails. A record
  // over the budget on its own stays until the next add(), which spills it as a run of one.
  if (!entries_.empty() && tail_bytes_ + cost > budget_) spill();
  if (entries_.size() == std::numeric_limits<std::uint32_t>::max()) spill();
  if (arena_.capacity() < budget_ && cost <= budget_) {
    // The whole budget at once: an arena grown by doubling leaves freed blocks behind it in
    // the heap, and a long batch's memory creeps up with them. Pages are only touched as
    // records arrive, so a small sort still costs little.
    arena_.reserve(budget_);
    entries_.reserve(budget_ / 128);
  }
  entry.offset = arena_.size();
  arena_.append(key);
  arena_.append(payload);
  entries_.push_back(entry);
  tail_bytes_ += cost;
  ++count_;
}

void ExternalSorter::sort_tail() {
  std::size_t sorted = order_.size();
  if (sorted == entries_.size()) return;
  order_.reserve(entries_.size());
  for (std::size_t i = sorted; i < entries_.size(); ++i)
    order_.push_back(static_cast<std::uint32_t>(i));
  auto less = [this](std::uint32_t a, std::uint32_t b) { return key_of(a) < key_of(b); };
  // Records added after an earlier for_each_sorted are sorted apart then merged in: both
  // steps are stable, and the older records win ties.
  std::stable_sort(order_.begin() + static_cast<std::ptrdiff_t>(sorted), order_.end(), less);
  std::inplace_merge(order_.begin(), order_.begin() + static_cast<std::ptrdiff_t>(sorted),
                     order_.end(), less);
}

void ExternalSorter::spill() {
  sort_tail();
  file_.open();
  std::uint64_t begin = file_.end();
  char head[8];
  for (std::uint32_t i : order_) {
    const Entry& e = entries_[i];
    put_u32(head, e.key_size);
    put_u32(head + 4, e.payload_size);
    file_.append({head, sizeof head},
                 {arena_.data() + e.offset, std::size_t{e.key_size} + e.payload_size});
  }
  file_.flush();
  runs_.push_back({begin, file_.end()});
  entries_.clear();
  order_.clear();
  tail_bytes_ = 0;
  // A record over the budget must not pin its arena for the rest of the sort.
  if (arena_.capacity() / 2 > budget_)
    std::string().swap(arena_);
  else
    arena_.clear();
}

void ExternalSorter::for_each_sorted(
    const std::function<void(std::string_view key, std::string_view payload)>& fn) {
  sort_tail();
  if (runs_.empty()) {
    for (std::uint32_t i : order_) fn(key_of(i), payload_of(i));
    return;
  }
  file_.flush();
  // A quarter of the budget for all the read buffers together, so that a merge costs the same
  // memory with 5 runs as with 50: only past ~64 runs does the 4 KiB floor make it grow.
  std::size_t buffer_size = std::clamp(budget_ / 4 / runs_.size(), kMinReadBuffer, kBufferSize);
  std::vector<RangeReader> readers;
  readers.reserve(runs_.size());
  for (const Run& run : runs_) readers.emplace_back(file_.fd(), run.begin, run.end, buffer_size);

  // Sources 0..runs-1 are the runs on disk, source `runs` the in-memory tail: the tail holds
  // the latest records, so on equal keys the lower source, the earlier record, goes first.
  struct Head {
    std::string_view key;
    std::string_view payload;
    std::size_t source;
  };
  auto later = [](const Head& a, const Head& b) {
    int c = a.key.compare(b.key);
    return c != 0 ? c > 0 : a.source > b.source;
  };
  std::priority_queue<Head, std::vector<Head>, decltype(later)> heads(later);
  const std::size_t tail = runs_.size();
  std::size_t tail_next = 0;
  auto advance = [&](std::size_t source) {
    if (source == tail) {
      if (tail_next < order_.size()) {
        std::uint32_t i = order_[tail_next++];
        heads.push({key_of(i), payload_of(i), source});
      }
      return;
    }
    RangeReader& reader = readers[source];
    if (reader.at_end()) return;
    std::string_view head = reader.take(8);
    std::uint32_t key_size = get_u32(head.data());
    std::uint32_t payload_size = get_u32(head.data() + 4);
    std::string_view record = reader.take(std::size_t{key_size} + payload_size);
    heads.push({record.substr(0, key_size), record.substr(key_size), source});
  };
  for (std::size_t source = 0; source <= tail; ++source) advance(source);
  while (!heads.empty()) {
    Head top = heads.top();
    heads.pop();
    fn(top.key, top.payload);
    // Only now may that source's buffer move: fn has finished with the views.
    advance(top.source);
  }
}

}  // namespace ess
