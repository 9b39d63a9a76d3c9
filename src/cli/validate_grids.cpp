#include "validate_grids.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "batch.hpp"
#include "common.hpp"
#include "ess/io/load.hpp"
#include "ess/model/sha256.hpp"
#include "parallel_inputs.hpp"

namespace ess::cli {

namespace {

// What the quick test reads of each file: a dossier's first key comes well before this.
constexpr std::size_t head_bytes = 4096;

// The first bytes of a regular file; nothing for anything else (a FIFO is read once, by the
// second pass).
std::optional<std::string> read_head(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> head;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    std::string bytes(head_bytes, '\0');
    ssize_t n = ::read(fd, bytes.data(), bytes.size());
    if (n >= 0) {
      bytes.resize(static_cast<std::size_t>(n));
      head = std::move(bytes);
    }
  }
  ::close(fd);
  return head;
}

std::optional<std::pair<std::uint64_t, std::uint64_t>> identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return std::pair<std::uint64_t, std::uint64_t>(st.st_dev, st.st_ino);
}

}  // namespace

bool starts_as_dossier(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty()) {
    std::size_t end = head.find('\n');
    if (end == std::string_view::npos) return false;  // the first line may go on: not sure
    std::string_view line = head.substr(0, end);
    head.remove_prefix(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t text = line.find_first_not_of(" \t");
    if (text == std::string_view::npos || line[text] == '#') continue;  // blank, comment
    if (line[0] == '%' || line == "---") continue;  // a directive, the document's start
    return line.starts_with("dossier:") && (line.size() == 8 || line[8] == ' ' || line[8] == '\t');
  }
  return false;
}

bool InputGrids::keep_if_grid(const std::string& path, const std::string& bytes,
                              Diagnostics& read_diags, const Options& options) {
  YamlNode root;
  if (!parse_yaml(bytes, limits_from(options), root, read_diags)) return false;
  if (document_kind(root) != DocumentKind::grid) return false;
  GridFile file;
  file.path = path;
  Diagnostics diags = read_diags;
  std::size_t errors = diags.error_count();
  std::optional<Grid> grid;
  if (!diags.has_errors()) grid = load_grid(root, diags);
  if (grid && diags.error_count() == errors) {
    file.grid = std::make_unique<LoadedGrid>();
    file.grid->grid = std::move(*grid);
    file.grid->grid.file = path;
    file.grid->grid.sha256 = sha256_hex(bytes);
    file.grid->index = index_grid(file.grid->grid);
  } else if (const YamlNode* id = root.find("grid"); id && id->is_scalar()) {
    file.refused_id = id->text;
  }
  file.diagnostics = std::move(diags.items());
  std::lock_guard lock(mutex_);
  grids_.push_back(std::move(file));
  return true;
}

void InputGrids::consider_stdin(const Options& options) {
  {
    std::lock_guard lock(mutex_);
    if (stdin_seen_) return;  // a second '-' is read by the second pass, as any file
    stdin_seen_ = true;
  }
  Stdin in;
  Diagnostics diags("-");
  in.read = read_file_bytes("-", options.max_file_size, in.bytes, diags);
  if (in.read) {
    Diagnostics parse_diags("-");
    in.grid = keep_if_grid("-", in.bytes, parse_diags, options);
  }
  if (in.grid) in.bytes.clear();
  in.diagnostics = std::move(diags.items());
  std::lock_guard lock(mutex_);
  stdin_ = std::move(in);
}

void InputGrids::consider(const std::string& path, const Options& options) {
  if (path == "-") return consider_stdin(options);
  std::optional<std::string> head = read_head(path);
  if (!head || starts_as_dossier(*head)) return;
  auto file = identity(path);
  {
    std::lock_guard lock(mutex_);
    if (file && claimed_files_.count(*file)) {  // the same grid by another path: once
      claimed_paths_.insert(path);
      return;
    }
  }
  std::string bytes;
  Diagnostics diags(path);
  if (!read_file_bytes(path, options.max_file_size, bytes, diags)) return;
  if (!keep_if_grid(path, bytes, diags, options)) return;
  std::lock_guard lock(mutex_);
  claimed_paths_.insert(path);
  if (file) claimed_files_.insert(*file);
}

void InputGrids::find(const InputStream& inputs, const Options& options, GridStore& store) {
  std::vector<Diagnostic> walk_diags;  // the second pass reports them
  for_each_input_parallel(inputs, batch_jobs(options), walk_diags,
                          [&](const std::string& path) { consider(path, options); });
  // By path, whatever the order of the command line or of the walk: with two grids of one id,
  // the first by path wins.
  std::sort(grids_.begin(), grids_.end(),
            [](const GridFile& a, const GridFile& b) { return a.path < b.path; });
  for (const GridFile& g : grids_) {
    if (g.grid) store.prefer(g.grid.get());
    if (!g.refused_id.empty()) refused_ids_.insert(g.refused_id);
  }
  if (!options.grid.empty()) refused_ids_.clear();  // --grid decides for every dossier
  for (const GridFile& g : grids_)
    if (g.grid) refused_ids_.erase(g.grid->grid.id);
}

bool InputGrids::claimed(const std::string& path) const {
  if (claimed_paths_.count(path)) return true;
  if (claimed_files_.empty()) return false;
  auto file = identity(path);
  return file && claimed_files_.count(*file);
}

std::optional<InputGrids::Stdin> InputGrids::take_stdin() {
  std::lock_guard lock(mutex_);
  std::optional<Stdin> in = std::move(stdin_);
  stdin_.reset();
  return in;
}

}  // namespace ess::cli
