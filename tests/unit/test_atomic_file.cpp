// AtomicFile: what -o and --out-dir leave on disk. Each expectation is the state of the file
// system after the write, read back with stat and plain reads.
#include <catch2/catch.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ess/io/atomic_file.hpp"

namespace {

struct Folder {
  Folder() {
    char name[] = "/tmp/ess-atomic-test-XXXXXX";
    REQUIRE(::mkdtemp(name) != nullptr);
    path = name;
  }
  ~Folder() { [[maybe_unused]] int rc = std::system(("rm -rf '" + path + "'").c_str()); }
  std::string operator/(const std::string& name) const { return path + "/" + name; }
  // Every entry, hidden ones included: a temporary file left behind shows here.
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    DIR* d = ::opendir(path.c_str());
    for (dirent* e; d && (e = ::readdir(d));)
      if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") out.push_back(e->d_name);
    if (d) ::closedir(d);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string path;
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

struct stat lstat_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st;
}

}  // namespace

TEST_CASE("AtomicFile: a new file appears whole, with nothing beside it") {
  Folder dir;
  ess::AtomicFile file(dir / "out.csv");
  file.write("a,b\n");
  file.write("1,2\n");
  CHECK(dir.entries().empty());  // nothing shows while it is written
  REQUIRE(file.commit());
  CHECK(read(dir / "out.csv") == "a,b\n1,2\n");
  CHECK(dir.entries() == std::vector<std::string>{"out.csv"});
  CHECK_FALSE(file.written_through());
}

TEST_CASE("AtomicFile: unfinished or failed, the old file stays and nothing is left") {
  Folder dir;
  put(dir / "out.csv", "old\n");
  {
    ess::AtomicFile file(dir / "out.csv");
    file.write("new, never committed");
  }
  CHECK(read(dir / "out.csv") == "old\n");
  CHECK(dir.entries() == std::vector<std::string>{"out.csv"});

  std::string error;
  CHECK_FALSE(ess::write_file_atomic(dir / "missing/out.csv", "x", error));
  CHECK(error == dir / "missing/out.csv: cannot write: No such file or directory");
  ess::AtomicFile folder(dir.path);
  CHECK_FALSE(folder.commit());
  CHECK(folder.reason() == "cannot write: Is a directory");
}

TEST_CASE("AtomicFile: a link is followed, its target keeps its mode; hard links part") {
  Folder dir;
  put(dir / "target", "old\n");
  REQUIRE(::chmod((dir / "target").c_str(), 0600) == 0);
  REQUIRE(::symlink("target", (dir / "link").c_str()) == 0);
  REQUIRE(::link((dir / "target").c_str(), (dir / "hard").c_str()) == 0);
  std::string error;
  REQUIRE(ess::write_file_atomic(dir / "link", "new\n", error));
  CHECK(S_ISLNK(lstat_of(dir / "link").st_mode));  // still a link, to the new target
  CHECK(read(dir / "target") == "new\n");
  CHECK((lstat_of(dir / "target").st_mode & 07777) == 0600);
  CHECK(read(dir / "hard") == "old\n");  // a replace cannot keep a hard link (man page)
  CHECK(dir.entries() == std::vector<std::string>{"hard", "link", "target"});

  // A link to nothing yet: its target is created.
  REQUIRE(::symlink("made", (dir / "dangling").c_str()) == 0);
  REQUIRE(ess::write_file_atomic(dir / "dangling", "made\n", error));
  CHECK(read(dir / "made") == "made\n");
  CHECK(S_ISLNK(lstat_of(dir / "dangling").st_mode));
}

TEST_CASE("AtomicFile: a FIFO and a device are written through, never replaced") {
  Folder dir;
  std::string fifo = dir / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string got;
  std::thread reader([&] { got = read(fifo); });
  std::string error;
  CHECK(ess::write_file_atomic(fifo, "through the pipe\n", error));
  reader.join();
  CHECK(got == "through the pipe\n");
  CHECK(S_ISFIFO(lstat_of(fifo).st_mode));

  // As root, devices of our own: an AtomicFile that replaced them (as it once did) must not
  // break the machine's /dev/null. Others cannot replace entries of /dev at all.
  std::string null_path = "/dev/null", full_path = "/dev/full";
  if (::geteuid() == 0) {
    null_path = dir / "null";
    full_path = dir / "full";
    REQUIRE(::mknod(null_path.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) == 0);
    REQUIRE(::mknod(full_path.c_str(), S_IFCHR | 0666, ::makedev(1, 7)) == 0);
  }
  ess::AtomicFile null(null_path);
  null.write("gone");
  CHECK(null.commit());
  CHECK(null.written_through());
  CHECK(S_ISCHR(lstat_of(null_path).st_mode));

  ess::AtomicFile full(full_path);
  full.write("no room");
  CHECK_FALSE(full.commit());
  CHECK(full.error() == full_path + ": cannot write: No space left on device");
  CHECK(S_ISCHR(lstat_of(full_path).st_mode));
}
