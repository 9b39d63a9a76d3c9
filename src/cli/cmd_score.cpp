// ess-eval score DOSSIER...: each dossier checked against its grid, scored, and reported in
// Markdown, CSV or JSON: on stdout, in one file (-o), or one file per dossier (--out-dir).
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "common.hpp"
#include "ess/core/parallel.hpp"
#include "ess/core/scoring.hpp"
#include "ess/report/i18n.hpp"
#include "ess/report/report.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "scored_file.hpp"

namespace ess::cli {

namespace {

struct Settings {
  ReportFormat format = ReportFormat::markdown;
  ScoreOptions scoring;
  std::optional<Language> language;  // --lang; otherwise each grid's
  char csv_separator = ',';
};

Settings settings_from(const Options& o) {
  Settings s;
  if (o.format == "csv") s.format = ReportFormat::csv;
  if (o.format == "json") s.format = ReportFormat::json;
  s.scoring = score_options_from(o.consolidate);
  s.language = parse_language(o.lang);
  if (!o.csv_sep.empty()) s.csv_separator = o.csv_sep[0];
  return s;
}

// A dossier with load errors is not matched to a grid: its own errors are the ones to fix.
void load(ScoredFile& it, const ParseLimits& limits, GridStore& store) {
  static const DossierReading reading{GridFiles::refuse_as_grid,
                                      "score takes dossiers; pass a grid with --grid FILE"};
  auto dossier = read_dossier(it.path, limits, it.diags, reading);
  if (!dossier) return;
  it.dossier = std::make_unique<Dossier>(std::move(*dossier));
  if (it.diags.has_errors()) return;
  it.grid = check_against_grid(*it.dossier, store, it.diags);
}

// Dossier ids name report files: two files with one id are both refused, whatever their order.
void refuse_duplicates(std::vector<ScoredFile>& items, bool out_dir) {
  std::map<std::string, std::vector<ScoredFile*>> by_id;
  for (auto& it : items)
    if (it.dossier) by_id[it.dossier->id].push_back(&it);
  for (auto& [id, group] : by_id) {
    for (ScoredFile* it : group) {
      for (ScoredFile* other : group)
        if (other != it)
          it->diags.error("duplicate-dossier", it->dossier->pos,
                          fmt::format("dossier id '{}' is also the id of {}", id, other->path),
                          "give each dossier its own id");
      if (out_dir && id == "index")
        it->diags.error("duplicate-dossier", it->dossier->pos,
                        "dossier id 'index' is the name of the index file of --out-dir",
                        "give the dossier another id");
    }
  }
}

// Under --strict a warning already keeps the dossier from being scored.
void score(ScoredFile& it, const Settings& s, bool strict) {
  if (!it.grid) return;
  if (strict) promote_warnings(it.diags.items());
  score_checked(it, s.scoring);
}

// Paths as given, without the same file twice (a folder and a file in it, or a repeat).
std::vector<std::string> unique_paths(std::vector<std::string> paths) {
  std::set<std::pair<dev_t, ino_t>> seen;
  std::vector<std::string> out;
  for (auto& p : paths) {
    struct stat st {};
    if (p != "-" && ::stat(p.c_str(), &st) == 0 && !seen.insert({st.st_dev, st.st_ino}).second)
      continue;
    out.push_back(std::move(p));
  }
  return out;
}

bool is_folder(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

Language language_of(const Settings& s, const ScoredFile& it) {
  return s.language ? *s.language : it.grid->grid.language;
}

ReportOptions report_options(const Settings& s, Language language, bool decimal_comma) {
  ReportOptions r;
  r.language = language;
  r.csv_separator = s.csv_separator;
  r.decimal_comma = decimal_comma;
  return r;
}

// A decimal comma only with ';' and French words, for the whole output (one CSV, one rule).
bool decimal_comma(const Settings& s, const std::vector<const ScoredFile*>& scored) {
  if (s.csv_separator != ';') return false;
  return std::all_of(scored.begin(), scored.end(),
                     [&](const ScoredFile* it) { return language_of(s, *it) == Language::fr; });
}

std::vector<Diagnostic> sorted_diagnostics(const ScoredFile& it) {
  std::vector<Diagnostic> d = it.diags.items();
  sort_diagnostics(d);
  return d;
}

std::string render_one(const Settings& s, const ScoredFile& it, bool comma) {
  ReportOptions o = report_options(s, language_of(s, it), comma);
  switch (s.format) {
    case ReportFormat::markdown:
      return render_markdown(*it.result, o);
    case ReportFormat::csv:
      return render_csv(*it.result, o);
    case ReportFormat::json:
      return render_json(*it.result, o, sorted_diagnostics(it));
  }
  return {};
}

// Everything on one stream: Markdown reports between rules, one CSV header, a JSON array.
std::string render_all(const Settings& s, const std::vector<const ScoredFile*>& scored,
                       bool as_array) {
  bool comma = decimal_comma(s, scored);
  std::string out;
  if (s.format == ReportFormat::json && as_array) {
    std::vector<JsonReport> reports;
    for (const ScoredFile* it : scored) reports.push_back({&*it->result, sorted_diagnostics(*it)});
    return render_json_array(reports, report_options(s, language_of(s, *scored[0]), comma));
  }
  for (std::size_t i = 0; i < scored.size(); ++i) {
    const ScoredFile& it = *scored[i];
    ReportOptions o = report_options(s, language_of(s, it), comma);
    if (s.format == ReportFormat::csv) {
      if (i == 0) out += csv_header(o);
      out += csv_rows(*it.result, o);
    } else {
      if (i > 0) out += markdown_separator();
      out += render_one(s, it, comma);
    }
  }
  return out;
}

int write_out_dir(const std::string& dir, const Settings& s,
                  const std::vector<const ScoredFile*>& scored, bool show_progress) {
  bool comma = decimal_comma(s, scored);
  std::vector<IndexEntry> index;
  int rc = exit_ok;
  Progress progress(scored.size(), show_progress);
  for (const ScoredFile* it : scored) {
    std::string file = it->dossier->id + "." + report_extension(s.format);
    if (emit(dir + "/" + file, render_one(s, *it, comma), [&] { progress.print(""); }) != exit_ok) {
      rc = exit_io;
      continue;
    }
    index.push_back({&*it->result, file});
    progress.step();
  }
  progress.finish();
  std::string name = dir + "/index." + report_extension(s.format);
  ReportOptions o = report_options(s, language_of(s, *scored[0]), comma);
  if (emit(name, render_index(index, s.format, o)) != exit_ok) rc = exit_io;
  return rc;
}

bool is_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory";
}

// Every file read and checked, duplicates refused, then every file scored. The progress line
// (§3) is for --out-dir runs, which can be long; one per pass.
void check_and_score(std::vector<ScoredFile>& items, const Options& options,
                     const Settings& settings, GridStore& store) {
  ParseLimits limits = limits_from(options);
  unsigned jobs = job_count(options);
  bool show_progress = !options.out_dir.empty() && Progress::wanted(options);
  {
    Progress progress(items.size(), show_progress);
    parallel_for(items.size(), jobs, [&](std::size_t i) {
      load(items[i], limits, store);
      progress.step();
    });
  }
  refuse_duplicates(items, !options.out_dir.empty());
  Progress progress(items.size(), show_progress);
  parallel_for(items.size(), jobs, [&](std::size_t i) {
    score(items[i], settings, options.strict);
    progress.step();
  });
}

int usage_error(const std::string& message) {
  fmt::print(stderr, "ess-eval score: error: {}\nRun 'ess-eval score --help' for usage.\n",
             message);
  return exit_usage;
}

}  // namespace

int run_score(const Options& options) {
  if (!options.output.empty() && !options.out_dir.empty())
    return usage_error("-o and --out-dir cannot be used together");
  if (!options.out_dir.empty() && !is_folder(options.out_dir)) {
    fmt::print(stderr, "ess-eval: error: {}: no such folder (--out-dir never creates one)\n",
               options.out_dir);
    return exit_io;
  }
  std::vector<Diagnostic> all;
  std::vector<std::string> paths = unique_paths(collect_inputs(options, all));
  if (paths.empty() && all.empty()) return usage_error("no dossier to score");

  Settings settings = settings_from(options);
  GridStore store = make_grid_store(options);
  std::vector<ScoredFile> items(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    items[i].path = paths[i];
    items[i].diags = Diagnostics(paths[i]);
  }
  check_and_score(items, options, settings, store);

  std::vector<const ScoredFile*> scored;
  for (const auto& it : items) {
    all.insert(all.end(), it.diags.items().begin(), it.diags.items().end());
    if (it.result) scored.push_back(&it);
  }
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  std::sort(scored.begin(), scored.end(), [](const ScoredFile* a, const ScoredFile* b) {
    return a->dossier->id < b->dossier->id;
  });

  bool failed = report_diagnostics(all, options);
  bool io_failure = std::any_of(all.begin(), all.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error && is_io_code(d.code);
  });
  int rc = exit_ok;
  if (!scored.empty()) {
    rc = options.out_dir.empty()
             ? emit(options.output, render_all(settings, scored, paths.size() > 1))
             : write_out_dir(options.out_dir, settings, scored, Progress::wanted(options));
  }
  if (rc != exit_ok || io_failure) return exit_io;
  return failed ? exit_invalid : exit_ok;
}

}  // namespace ess::cli
