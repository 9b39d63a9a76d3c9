#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>

#include <fmt/format.h>

#include "ess/model/messages.hpp"
#include "options.hpp"

namespace ess::cli {

namespace {

struct StandardStreams {
  bool closed[3] = {false, false, false};  // at start-up
  DiagnosticFormat format = DiagnosticFormat::gnu;
  std::mutex mutex;              // standard error, from any thread
  bool json_open = false;        // "[" written, "]" not yet
  bool json_any = false;         // an object in it
  bool stderr_failed = false;    // a message was lost
  bool stdout_reported = false;  // a failure of standard output already said
};

StandardStreams& streams() {
  static StandardStreams s;
  return s;
}

// Standard error, unbuffered: a failure is remembered for the exit status. Caller locks.
void raw_stderr(std::string_view text) {
  if (text.empty()) return;
  if (std::fwrite(text.data(), 1, text.size(), stderr) != text.size())
    streams().stderr_failed = true;
}

void json_object_locked(std::string_view object) {
  StandardStreams& s = streams();
  std::string out = s.json_open ? "" : "[";
  out += s.json_any ? ",\n  " : "\n  ";
  out += object;
  s.json_open = s.json_any = true;
  raw_stderr(out);
}

// /dev/stdout, /dev/fd/1, /proc/self/fd/1: descriptor `fd` itself, whatever it is open on.
bool names_descriptor(const std::string& path, int fd) {
  return path == (fd == 1 ? "/dev/stdout" : "/dev/stderr") ||
         path == fmt::format("/dev/fd/{}", fd) || path == fmt::format("/proc/self/fd/{}", fd) ||
         path == fmt::format("/proc/{}/fd/{}", ::getpid(), fd);
}

// -o naming the very file standard output is open on is standard output: a shell's `>>`
// keeps what it appended, and a report never lands in a file the shell then truncates.
bool is_standard_output(const std::string& path) {
  if (path.empty() || path == "-" || names_descriptor(path, 1)) return true;
  if (stdout_closed()) return false;
  struct stat out {};
  struct stat named {};
  return ::fstat(STDOUT_FILENO, &out) == 0 && ::stat(path.c_str(), &named) == 0 &&
         out.st_dev == named.st_dev && out.st_ino == named.st_ino;
}

std::string stdout_failure(int err) {
  if (stdout_closed()) return phrase(Msg::stdout_closed);
  if (err == 0) return phrase(Msg::stdout_cannot_write);
  return phrase(Msg::stdout_cannot_write_reason, fmt::arg("reason", system_reason(err)));
}

int fail_stdout(int err, const std::function<void()>& before_error) {
  std::string message = stdout_failure(err);
  if (before_error) before_error();
  report_error("", message);
  streams().stdout_reported = true;
  return exit_io;
}

int emit_to_stdout(const std::function<void(const Sink&)>& render,
                   const std::function<void()>& before_error) {
  if (stdout_closed()) return fail_stdout(EBADF, before_error);
  int err = 0;
  // A pipe whose reader went away (EPIPE, when SIGPIPE is ignored) is a failure too: the
  // report did not reach its reader.
  errno = 0;
  render([&](std::string_view chunk) {
    if (err == 0 && std::fwrite(chunk.data(), 1, chunk.size(), stdout) != chunk.size())
      err = errno ? errno : EIO;
  });
  if (err == 0 && std::fflush(stdout) != 0) err = errno ? errno : EIO;
  return err == 0 ? exit_ok : fail_stdout(err, before_error);
}

}  // namespace

void hold_standard_descriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    streams().closed[fd] = true;
    // Opened the wrong way round: reading 0 or writing 1 and 2 still fails (EBADF).
    int held = ::open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
    if (held < 0) held = ::open("/", O_RDONLY | O_DIRECTORY);  // no /dev: any file holds it
    if (held >= 0 && held != fd) {
      ::dup2(held, fd);
      ::close(held);
    }
  }
}

bool stdout_closed() {
  return streams().closed[1];
}

void set_diagnostics_format(DiagnosticFormat format) {
  streams().format = format;
}

int emit(const std::string& path, std::string_view content,
         const std::function<void()>& before_error) {
  return emit_stream(
      path, [&](const Sink& sink) { sink(content); }, before_error);
}

int emit_stream(const std::string& path, const std::function<void(const Sink&)>& render,
                const std::function<void()>& before_error) {
  if (is_standard_output(path)) return emit_to_stdout(render, before_error);
  if (streams().closed[2] && names_descriptor(path, 2)) {
    // The link to a descriptor that was closed leads to our stand-in: nowhere.
    if (before_error) before_error();
    report_error(path, phrase(Msg::stderr_closed));
    return exit_io;
  }
  AtomicFile file(path);
  render([&](std::string_view chunk) { file.write(chunk); });
  if (file.commit()) return exit_ok;
  if (before_error) before_error();
  report_error(file.path(), file.reason());
  return exit_io;
}

void write_diagnostics(std::string_view formatted) {
  StandardStreams& s = streams();
  std::lock_guard lock(s.mutex);
  if (s.format != DiagnosticFormat::json) {
    raw_stderr(formatted);
    return;
  }
  // format_diagnostics writes one object a line; the brackets and commas around them are
  // written here, so that pieces printed at different times make one array.
  if (!s.json_open) {
    raw_stderr("[");
    s.json_open = true;
  }
  while (!formatted.empty()) {
    std::size_t end = formatted.find('\n');
    std::string_view line = formatted.substr(0, end);
    formatted = end == std::string_view::npos ? std::string_view() : formatted.substr(end + 1);
    std::size_t first = line.find_first_not_of(" ,");
    if (first == std::string_view::npos || line[first] != '{') continue;
    line.remove_prefix(first);
    while (!line.empty() && (line.back() == ',' || line.back() == ' ')) line.remove_suffix(1);
    json_object_locked(line);
  }
}

void report_error(std::string_view file, std::string_view message, std::string_view code) {
  StandardStreams& s = streams();
  if (s.format == DiagnosticFormat::gnu) {
    std::string text = "ess-eval: error: ";
    if (!file.empty()) text += printable_text(file) + ": ";
    text += printable_text(message) + "\n";
    std::lock_guard lock(s.mutex);
    raw_stderr(text);
    return;
  }
  Diagnostic d{Severity::error, std::string(code), std::string(file), {}, std::string(message), ""};
  write_diagnostics(format_diagnostics({d}, s.format));
}

void report_warning(std::string_view message, std::string_view code) {
  StandardStreams& s = streams();
  if (s.format == DiagnosticFormat::gnu) {
    std::lock_guard lock(s.mutex);
    raw_stderr(fmt::format("ess-eval: warning: {}\n", printable_text(message)));
    return;
  }
  Diagnostic d{Severity::warning, std::string(code), "", {}, std::string(message), ""};
  write_diagnostics(format_diagnostics({d}, s.format));
}

int finish_output(int rc) {
  StandardStreams& s = streams();
  bool stdout_failed = std::ferror(stdout) != 0;
  errno = 0;
  if (std::fflush(stdout) != 0) stdout_failed = true;
  int err = stdout_failed ? errno : 0;
  std::cout.flush();
  stdout_failed = stdout_failed || std::cout.fail();
  if (stdout_failed) {
    if (!s.stdout_reported) report_error("", stdout_failure(err));
    s.stdout_reported = true;
    rc = exit_io;
  }
  {
    std::lock_guard lock(s.mutex);
    if (s.json_open) raw_stderr(s.json_any ? "\n]\n" : "]\n");
    s.json_open = false;
  }
  std::cerr.flush();
  if (s.stderr_failed || std::ferror(stderr) || std::cerr.fail()) rc = exit_io;
  return rc;
}

bool make_out_dir(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec, ignored;
  fs::create_directories(path, ec);
  if (fs::is_directory(path, ignored)) return true;
  if (fs::exists(path, ignored))
    report_error(path, phrase(Msg::out_dir_not_folder));
  else
    report_error(path, phrase(Msg::out_dir_cannot_create,
                              fmt::arg("reason", system_reason(ec ? ec.value() : ENOTDIR))));
  return false;
}

}  // namespace ess::cli
