// Reading OLD and NEW for `grid diff` and `grid impact`: a file, '-', or `git show REV:PATH`
// spawned without a shell (posix_spawnp), its output read through pipes.
#include "ess/io/grid_source.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ess/io/load.hpp"
#include "ess/model/messages.hpp"

extern char** environ;

namespace ess {

bool is_git_reference(const std::string& ref) {
  if (ref == "-" || ref.find(':') == std::string::npos) return false;
  struct stat st {};
  return ::stat(ref.c_str(), &st) != 0;  // an existing file with a colon in its name is a file
}

namespace {

// Reads both pipes to their end without letting either fill up and block git.
void drain(int out_fd, int err_fd, std::size_t max_bytes, std::string& out, std::string& err,
           bool& too_large) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open_count = 2;
  char buf[65536];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        fds[i].fd = -1;
        --open_count;
        continue;
      }
      std::string& sink = i == 0 ? out : err;
      std::size_t cap = i == 0 ? max_bytes : 4096;
      std::size_t room = sink.size() < cap ? cap - sink.size() : 0;
      sink.append(buf, std::min(room, static_cast<std::size_t>(n)));
      if (i == 0 && static_cast<std::size_t>(n) > room) too_large = true;
    }
  }
}

// git's own reason: its `fatal:` line when there is one, else its first line.
std::string git_message(const std::string& text) {
  std::size_t start = 0;
  std::string first;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.rfind("fatal: ", 0) == 0) return line.substr(7);
    if (first.empty()) first = line;
    start = end + 1;
  }
  return first;
}

}  // namespace

bool git_show(const std::string& rev_path, std::size_t max_bytes, std::string& bytes,
              std::string& error) {
  if (!rev_path.empty() && rev_path[0] == '-') {
    error = phrase(Msg::revision_dash);
    return false;
  }
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    error = system_reason(errno);
    return false;
  }
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    error = system_reason(errno);
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  // One argument per element: no shell ever sees the reference. No pager, no text conversion
  // filter: the bytes of the blob as committed.
  std::string arg = rev_path;
  const char* argv[] = {"git", "--no-pager", "show", "--no-textconv", arg.c_str(), nullptr};
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, "git", &actions, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    error = phrase(Msg::git_cannot_run, fmt::arg("reason", system_reason(rc)));
    return false;
  }
  std::string err;
  bool too_large = false;
  bytes.clear();
  drain(out_pipe[0], err_pipe[0], max_bytes, bytes, err, too_large);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && err.empty()) {
    error = phrase(Msg::git_not_found);
    return false;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = err.empty() ? phrase(Msg::git_failed) : git_message(err);
    return false;
  }
  if (too_large) {
    error = phrase(Msg::git_file_too_large, fmt::arg("limit", max_bytes));
    return false;
  }
  return true;
}

bool read_source_bytes(const std::string& ref, const ParseLimits& limits, std::string& bytes,
                       Diagnostics& diags) {
  if (!is_git_reference(ref)) return read_file_bytes(ref, limits.max_file_bytes, bytes, diags);
  std::string error;
  if (!git_show(ref, limits.max_file_bytes, bytes, error)) {
    diags.error({}, say(Msg::git_error, fmt::arg("ref", ref), fmt::arg("error", error)),
                say(Msg::git_error_hint));
    return false;
  }
  return true;
}

std::optional<Grid> load_grid_source(const std::string& ref, const ParseLimits& limits,
                                     Diagnostics& diags) {
  if (!is_git_reference(ref)) return load_grid_file(ref, limits, diags);
  std::string bytes;
  if (!read_source_bytes(ref, limits, bytes, diags)) return std::nullopt;
  return load_grid_bytes(bytes, ref, limits, diags);
}

}  // namespace ess
