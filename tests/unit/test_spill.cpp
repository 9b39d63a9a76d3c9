// The spill files behind `rank`: every expectation is computed apart from the code under test
// (hand-written lists, or std::stable_sort with an unsigned byte comparison).
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "ess/io/spill.hpp"

using ess::ExternalSorter;
using ess::RecordLog;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

std::vector<std::string> read_log(RecordLog& log) {
  std::vector<std::string> out;
  log.for_each([&](std::string_view record) { out.emplace_back(record); });
  return out;
}

Pairs read_sorted(ExternalSorter& sorter) {
  Pairs out;
  sorter.for_each_sorted([&](std::string_view key, std::string_view payload) {
    out.emplace_back(std::string(key), std::string(payload));
  });
  return out;
}

// Byte order written out by hand, as unsigned bytes, shorter first on a common prefix.
bool bytes_less(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
  });
}

Pairs stable_sorted(Pairs pairs) {
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return bytes_less(a.first, b.first); });
  return pairs;
}

// Short keys over few byte values, 0x00 and 0xFF among them, so that ties and prefixes abound.
Pairs random_pairs(std::size_t count, unsigned seed) {
  static const char alphabet[] = {'\x00', '\x01', 'a', 'b', '\x7F', '\x80', '\xFF'};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> key_size(0, 4);
  std::uniform_int_distribution<std::size_t> letter(0, sizeof alphabet - 1);
  std::uniform_int_distribution<std::size_t> pad_size(0, 40);
  Pairs pairs;
  for (std::size_t i = 0; i < count; ++i) {
    std::string key;
    for (std::size_t n = key_size(rng); n > 0; --n) key += alphabet[letter(rng)];
    pairs.emplace_back(key, std::to_string(i) + std::string(pad_size(rng), 'p'));
  }
  return pairs;
}

void add_all(ExternalSorter& sorter, const Pairs& pairs) {
  for (const auto& [key, payload] : pairs) sorter.add(key, payload);
}

std::string pattern(std::size_t size, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(size, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

}  // namespace

TEST_CASE("RecordLog gives records back in append order, empty and large ones too", "[spill]") {
  RecordLog log;
  CHECK(log.size() == 0);
  CHECK(read_log(log).empty());

  std::vector<std::string> records = {
      "", "first", std::string("nul\0inside", 10), "", pattern(1u << 20, 7), "after the big one",
      ""};
  for (const auto& r : records) log.append(r);
  CHECK(log.size() == records.size());
  CHECK(read_log(log) == records);
  CHECK(read_log(log) == records);  // a second pass reads the same file again

  log.append("late");
  records.push_back("late");
  CHECK(log.size() == records.size());
  CHECK(read_log(log) == records);
}

TEST_CASE("RecordLog records straddling its buffers come back whole", "[spill]") {
  RecordLog log;
  std::vector<std::string> records;
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::size_t> size(0, 3000);
  for (int i = 0; i < 5000; ++i) records.push_back(pattern(size(rng), static_cast<unsigned>(i)));
  for (const auto& r : records) log.append(r);
  REQUIRE(log.size() == records.size());
  CHECK(read_log(log) == records);
}

TEST_CASE("RecordLog moves its records along", "[spill]") {
  RecordLog a;
  a.append("one");
  a.append("two");
  RecordLog b(std::move(a));
  CHECK(b.size() == 2);
  CHECK(read_log(b) == std::vector<std::string>{"one", "two"});

  RecordLog c;
  c.append("dropped");
  c = std::move(b);
  CHECK(c.size() == 2);
  CHECK(read_log(c) == std::vector<std::string>{"one", "two"});
}

TEST_CASE("RecordLog reports a write the disk refuses", "[spill]") {
  // In a child process: the file size limit is process-wide, and SIGXFSZ would kill it.
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{1u << 20, 1u << 20};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(3);
    try {
      RecordLog log;
      std::string chunk(256u << 10, 'x');
      for (int i = 0; i < 16; ++i) log.append(chunk);
      log.for_each([](std::string_view) {});
    } catch (const std::system_error& e) {
      bool named = std::strstr(e.what(), "cannot write the temporary file") != nullptr;
      ::_exit(named ? 0 : 2);
    } catch (...) {
      ::_exit(4);
    }
    ::_exit(1);  // four MiB under a one-MiB limit went through unnoticed
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("ExternalSorter with nothing added calls nothing", "[spill]") {
  ExternalSorter sorter(1024);
  int calls = 0;
  sorter.for_each_sorted([&](std::string_view, std::string_view) { ++calls; });
  CHECK(calls == 0);
  CHECK(sorter.size() == 0);
  CHECK(sorter.runs() == 0);
}

TEST_CASE("ExternalSorter assigned a new one is empty, and its memory is freed", "[spill]") {
  // The arena's own capacity, not malloc's counters: the same under glibc and the sanitizers.
  const std::size_t budget = 1u << 20;
  ExternalSorter sorter(budget);
  for (int i = 0; i < 100; ++i) sorter.add("key" + std::to_string(i), std::string(1000, 'x'));
  REQUIRE(sorter.runs() == 0);  // the records are in memory, in the arena of the whole budget
  REQUIRE(sorter.held_bytes() >= 100 * 1000);
  sorter = ExternalSorter(budget);
  CHECK(sorter.held_bytes() < budget / 2);  // `pack` renders in the memory the ranking leaves
  CHECK(sorter.size() == 0);
  sorter.add("b", "2");
  sorter.add("a", "1");
  CHECK(read_sorted(sorter) == Pairs{{"a", "1"}, {"b", "2"}});
}

TEST_CASE("ExternalSorter sorts in memory while under budget", "[spill]") {
  ExternalSorter sorter;
  sorter.add("pear", "1");
  sorter.add("apple", "2");
  sorter.add("fig", "3");
  sorter.add("apple", "4");
  CHECK(sorter.size() == 4);
  CHECK(read_sorted(sorter) == Pairs{{"apple", "2"}, {"apple", "4"}, {"fig", "3"}, {"pear", "1"}});
  CHECK(sorter.runs() == 0);
}

TEST_CASE("ExternalSorter merges many runs into std::stable_sort's order", "[spill]") {
  Pairs pairs = random_pairs(10000, 2026);
  ExternalSorter sorter(1024);
  add_all(sorter, pairs);
  CHECK(sorter.size() == pairs.size());
  CHECK(sorter.runs() > 100);
  Pairs expected = stable_sorted(pairs);
  CHECK(read_sorted(sorter) == expected);
  CHECK(read_sorted(sorter) == expected);  // the runs are read again, not consumed
}

TEST_CASE("ExternalSorter keeps equal keys in add order across runs", "[spill]") {
  ExternalSorter sorter(256);
  for (int i = 0; i < 600; ++i) sorter.add(i % 3 == 0 ? "b" : "a", std::to_string(i));
  REQUIRE(sorter.runs() > 5);
  std::vector<int> a;
  std::vector<int> b;
  sorter.for_each_sorted([&](std::string_view key, std::string_view payload) {
    (key == "a" ? a : b).push_back(std::stoi(std::string(payload)));
  });
  std::vector<int> expected_a;
  std::vector<int> expected_b;
  for (int i = 0; i < 600; ++i) (i % 3 == 0 ? expected_b : expected_a).push_back(i);
  CHECK(a == expected_a);
  CHECK(b == expected_b);
}

TEST_CASE("ExternalSorter puts a prefix before its extensions", "[spill]") {
  std::size_t budget = GENERATE(std::size_t{1} << 20, std::size_t{1});
  ExternalSorter sorter(budget);
  for (const std::string& key : {std::string("ab"), std::string("b"), std::string("a\0", 2),
                                 std::string(), std::string("a")})
    sorter.add(key, "");
  Pairs expected = {{"", ""}, {"a", ""}, {std::string("a\0", 2), ""}, {"ab", ""}, {"b", ""}};
  CHECK(read_sorted(sorter) == expected);
  CHECK((sorter.runs() == 0) == (budget > 1));
}

TEST_CASE("ExternalSorter compares bytes as unsigned", "[spill]") {
  std::size_t budget = GENERATE(std::size_t{1} << 20, std::size_t{40});
  ExternalSorter sorter(budget);
  const std::string nul(1, '\0');
  for (const std::string& key :
       {std::string("\xFF"), nul, std::string("\x7F"), std::string("\xFF") + nul,
        std::string("\x80"), nul + "\xFF", nul + nul})
    sorter.add(key, key);
  Pairs got = read_sorted(sorter);
  std::vector<std::string> keys;
  for (const auto& [key, payload] : got) {
    CHECK(key == payload);
    keys.push_back(key);
  }
  CHECK(keys == std::vector<std::string>{nul, nul + nul, nul + "\xFF", "\x7F", "\x80", "\xFF",
                                         std::string("\xFF") + nul});
}

TEST_CASE("ExternalSorter takes more records after sorting", "[spill]") {
  std::size_t budget = GENERATE(std::size_t{1} << 24, std::size_t{2048});
  Pairs first = random_pairs(3000, 1);
  Pairs second = random_pairs(3000, 2);
  ExternalSorter sorter(budget);
  add_all(sorter, first);
  CHECK(read_sorted(sorter) == stable_sorted(first));
  add_all(sorter, second);
  Pairs all = first;
  all.insert(all.end(), second.begin(), second.end());
  CHECK(sorter.size() == all.size());
  CHECK(read_sorted(sorter) == stable_sorted(all));
  CHECK((sorter.runs() == 0) == (budget > 2048));
}

TEST_CASE("ExternalSorter spills a record larger than its budget", "[spill]") {
  ExternalSorter sorter(1024);
  Pairs pairs = random_pairs(200, 9);
  pairs.insert(pairs.begin() + 100, {"m", pattern(300u << 10, 3)});
  pairs.push_back({"z", pattern(200u << 10, 4)});  // the last one, still in memory at the merge
  add_all(sorter, pairs);
  CHECK(sorter.runs() > 0);
  CHECK(read_sorted(sorter) == stable_sorted(pairs));
}

TEST_CASE("ExternalSorter handles rank's volume with the default budget", "[spill]") {
  std::mt19937 rng(50000);
  Pairs pairs;
  for (int i = 0; i < 50000; ++i) {
    char key[24];
    std::snprintf(key, sizeof key, "%08x", static_cast<unsigned>(rng() % 20000));
    pairs.emplace_back(key, std::to_string(i) + std::string(390, 'r'));
  }
  ExternalSorter sorter;
  add_all(sorter, pairs);
  CHECK(sorter.runs() >= 4);
  CHECK(read_sorted(sorter) == stable_sorted(pairs));
}

namespace {

// Sets TMPDIR for one scope (each test case runs in a process of its own under CTest).
struct TmpDir {
  explicit TmpDir(const char* value) {
    const char* old = std::getenv("TMPDIR");
    had_ = old != nullptr;
    if (had_) old_ = old;
    ::setenv("TMPDIR", value, 1);
  }
  ~TmpDir() {
    if (had_)
      ::setenv("TMPDIR", old_.c_str(), 1);
    else
      ::unsetenv("TMPDIR");
  }
  bool had_ = false;
  std::string old_;
};

}  // namespace

TEST_CASE("Spill files go to $TMPDIR, or fail naming it: never to /tmp instead", "[spill]") {
  char folder[] = "/tmp/ess-spill-test-XXXXXX";
  REQUIRE(::mkdtemp(folder) != nullptr);
  {
    TmpDir tmp(folder);
    ess::detail::SpillFile file;
    file.open();
    char target[4096] = {};
    std::string link = "/proc/self/fd/" + std::to_string(file.fd());
    REQUIRE(::readlink(link.c_str(), target, sizeof target - 1) > 0);
    CHECK(std::string(target).rfind(std::string(folder) + "/", 0) == 0);
  }
  ::rmdir(folder);  // fails if anything was left in it
  CHECK(::access(folder, F_OK) != 0);
  {
    TmpDir tmp("/nonexistent/ess-tmp");
    try {
      RecordLog log;
      FAIL("a RecordLog was made without its TMPDIR");
    } catch (const std::system_error& e) {
      CHECK(std::string(e.what()).find("$TMPDIR (/nonexistent/ess-tmp)") != std::string::npos);
    }
  }
}
