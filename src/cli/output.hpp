#pragma once
// Where reports and messages go: standard output or a file (AtomicFile: whole or not at all,
// special files written through), and standard error. Every write failure, on any of them,
// ends in exit 3 with a message where one can still be written (finish_output).
#include <functional>
#include <string>
#include <string_view>

#include "ess/io/atomic_file.hpp"
#include "ess/model/format.hpp"

namespace ess::cli {

// Start-up, before anything opens a file: notes which of descriptors 0-2 are closed, then
// holds each on /dev/null opened the wrong way round, so that no file of ours ever takes
// their number (a spill file on descriptor 1 would receive the report) and using them still
// fails as on a closed descriptor.
void hold_standard_descriptors();
bool stdout_closed();

// The format of every message on standard error (--diagnostics).
void set_diagnostics_format(DiagnosticFormat format);

// A report: to standard output when `path` is empty, "-" or names standard output
// (/dev/stdout), else to the file (AtomicFile). On failure prints why and returns exit_io;
// `before_error`, when given, runs first (a progress line clears itself).
int emit(const std::string& path, std::string_view content,
         const std::function<void()>& before_error = {});
// The same for a report rendered in pieces: `render` calls the sink with each.
using Sink = std::function<void(std::string_view)>;
int emit_stream(const std::string& path, const std::function<void(const Sink&)>& render,
                const std::function<void()>& before_error = {});

// Diagnostics already formatted (format_diagnostics), whole or in pieces. With
// --diagnostics json, every object goes into one array on standard error, closed by
// finish_output, so that later errors (report_error) still join that one document.
void write_diagnostics(std::string_view formatted);

// A failure outside any input file: "ess-eval: error: FILE: message" (gnu), an annotation, or
// one more JSON object. `file` may be empty.
void report_error(std::string_view file, std::string_view message,
                  std::string_view code = "io-error");
void report_warning(std::string_view message, std::string_view code);

// --out-dir of score and letter: the folder is made when it does not exist yet (with its parents,
// as mkdir -p); a path that cannot be one is an error naming it (report_error), and false: the
// command then stops with exit 3 before anything is read.
bool make_out_dir(const std::string& path);

// At exit: standard output flushed (a failure there reported, once), the JSON array of
// diagnostics closed. Returns `rc`, or exit_io when anything could not be written, to standard
// error included.
int finish_output(int rc);

}  // namespace ess::cli
