// The only file that includes yaml-cpp. See ../shared/deps-notes.md §2 for why each guard exists.
#include "ess/io/yaml_tree.hpp"

#include "ess/model/text_checks.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>

namespace ess {

const YamlNode* YamlNode::find(std::string_view key) const {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i].text == key) return &items[i];
  return nullptr;
}

const char* describe_kind(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null:
      return "nothing";
    case YamlNode::Kind::scalar:
      return "a single value";
    case YamlNode::Kind::map:
      return "a mapping";
    case YamlNode::Kind::seq:
      return "a list";
  }
  return "nothing";
}

namespace {

Pos to_pos(const YAML::Mark& m) {
  if (m.line < 0 || m.column < 0) return {};
  return {static_cast<std::uint32_t>(m.line) + 1, static_cast<std::uint32_t>(m.column) + 1};
}

// An istream over bytes we already hold, without the copy an istringstream makes.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

struct Stop {};  // thrown inside the handler to abandon a refused document

// Keys and tags quoted in messages are cut short: a megabyte-long key makes a useless message.
std::string clip_text(const std::string& text) {
  constexpr std::size_t max = 60;
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

// Maps with more keys than this find duplicates through a hash index rather than a scan, so a
// file of a million keys costs a million lookups, not half a trillion comparisons.
constexpr std::size_t linear_key_scan = 16;

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, YamlNode& root, const ParseLimits& limits, Diagnostics& diags)
      : text_(text), root_(root), limits_(limits), diags_(diags) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    YamlNode n;
    n.pos = to_pos(mark);
    add(std::move(n));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    diags_.error("anchor-not-allowed", to_pos(mark),
                 "aliases (*name) are not allowed in ess-eval files",
                 "write the value out in full; grids and dossiers never need anchors");
    throw Stop{};
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    diags_.error("anchor-not-allowed", to_pos(mark),
                 fmt::format("anchors (&{}) are not allowed in ess-eval files", clip_text(name)),
                 "write the value out in full; grids and dossiers never need anchors");
    throw Stop{};
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    YamlNode n;
    n.kind = YamlNode::Kind::scalar;
    n.pos = to_pos(mark);
    if (tag == "!" || tag == "tag:yaml.org,2002:str") {
      n.quoted = true;
      check_closed_quote(mark);
    } else if (tag != "?" && !tag.empty()) {
      refuse_tag(mark, tag);
    }
    if (value.size() > limits_.max_string_bytes) {
      diags_.error("string-too-long", n.pos,
                   fmt::format("a value of {} bytes is longer than the limit of {} bytes",
                               value.size(), limits_.max_string_bytes));
      throw Stop{};
    }
    n.text = value;
    add(std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, YamlNode::Kind::seq, style);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, YamlNode::Kind::map, style);
  }
  void OnMapEnd() override { close(); }

  // A list or mapping used as a key. Only reported once the document has parsed: yaml-cpp
  // also opens a "key" for a '[' that is never closed, and that error is the real one.
  const std::optional<Diagnostic>& complex_key() const { return complex_key_; }

  // The innermost flow collection ('[' or '{') still open: where an unclosed bracket starts.
  std::optional<Pos> open_flow(YamlNode::Kind kind) const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->flow && it->node.kind == kind) return it->node.pos;
    return std::nullopt;
  }

 private:
  struct Frame {
    YamlNode node;
    bool expecting_key = true;  // maps alternate key, value
    bool flow = false;
    std::size_t duplicates = 0;  // reported up to a point: a file of one key repeated is noise
    std::unordered_map<std::string, std::size_t> key_index;  // once keys outgrow a linear scan
  };

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) OnAnchor(mark, "anchor");
  }

  // yaml-cpp 0.7 accepts a quoted text left open at the end of the file when a line end
  // follows it: `a: "x` + newline + `b: 1` reads as a = "x b: 1 ", the rest of the file
  // swallowed. The closing quote is looked for in the source.
  void check_closed_quote(const YAML::Mark& mark) {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return;
    std::size_t i = static_cast<std::size_t>(mark.pos);
    char quote = text_[i];
    if (quote != '"' && quote != '\'') return;  // a block text, or !!str
    for (++i; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;  // an escaped character, '"' included
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;  // '' is a quote inside single quotes
        } else {
          return;
        }
      }
    }
    diags_.error("yaml-syntax", to_pos(mark),
                 fmt::format("not valid YAML: this quoted text is never closed by {}", quote),
                 "close the quote; the rest of the file would be read as part of the text");
    throw Stop{};
  }

  void refuse_tag(const YAML::Mark& mark, const std::string& tag) {
    std::string shown = tag.rfind("tag:yaml.org,2002:", 0) == 0 ? "!!" + tag.substr(18) : tag;
    diags_.error("yaml-syntax", to_pos(mark),
                 fmt::format("YAML tags ({}) are not supported", clip_text(shown)),
                 "remove the tag; write plain values");
    throw Stop{};
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YamlNode::Kind kind, YAML::EmitterStyle::value style) {
    check_anchor(mark, anchor);
    if (tag != "?" && tag != "!" && !tag.empty() && tag != "tag:yaml.org,2002:map" &&
        tag != "tag:yaml.org,2002:seq")
      refuse_tag(mark, tag);
    if (!stack_.empty() && stack_.back().node.is_map() && stack_.back().expecting_key &&
        !complex_key_) {
      Diagnostic d;
      d.code = "complex-key";
      d.file = diags_.file();
      d.pos = to_pos(mark);
      d.message = "a key must be a plain name, not a list or mapping";
      d.hint = "use plain names as keys";
      complex_key_ = std::move(d);
    }
    if (stack_.size() >= limits_.max_depth) {
      diags_.error("nesting-too-deep", to_pos(mark),
                   fmt::format("nesting deeper than {} levels", limits_.max_depth),
                   "no grid or dossier needs that; look for a runaway indentation or bracket");
      throw Stop{};
    }
    count_node(to_pos(mark));
    Frame f;
    f.node.kind = kind;
    f.node.pos = to_pos(mark);
    f.flow = style == YAML::EmitterStyle::Flow;
    stack_.push_back(std::move(f));
  }

  void close() {
    if (stack_.empty()) return;  // never happens with a well-behaved parser
    YamlNode done = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(done));
  }

  void count_node(Pos pos) {
    if (++node_count_ > limits_.max_nodes) {
      diags_.error("too-many-nodes", pos,
                   fmt::format("more than {} values in one file", limits_.max_nodes),
                   "split the file; check that it is the file meant");
      throw Stop{};
    }
  }

  void add(YamlNode n) {
    if (n.kind == YamlNode::Kind::scalar || n.kind == YamlNode::Kind::null) count_node(n.pos);
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.is_seq()) {
      top.node.items.push_back(std::move(n));
      return;
    }
    if (top.expecting_key) {
      add_key(top, std::move(n));
    } else {
      // "a:" followed by a newline is a null whose mark is the next line: point at the key.
      if (n.is_null() && n.pos.line != top.node.keys.back().pos.line)
        n.pos = top.node.keys.back().pos;
      top.node.items.push_back(std::move(n));
      top.expecting_key = true;
    }
  }

  void add_key(Frame& top, YamlNode key) {
    top.expecting_key = false;
    if (!key.is_scalar()) {
      // A list or mapping key (already noted), or "? " with no key at all: kept out of the
      // key set, so that the rest of the file is still read and checked.
      if (key.is_null() && !complex_key_) {
        Diagnostic d;
        d.code = "complex-key";
        d.file = diags_.file();
        d.pos = key.pos;
        d.message = "a key is missing here";
        d.hint = "use plain names as keys";
        complex_key_ = std::move(d);
      }
      top.node.keys.push_back({std::string(), key.pos});
      return;
    }
    if (const YamlKey* first = find_key(top, key.text); first && ++top.duplicates <= 20) {
      diags_.error("duplicate-key", key.pos,
                   fmt::format("duplicate key '{}' (first at line {}, column {})",
                               clip_text(key.text), first->pos.line, first->pos.col),
                   "keep one of the two: YAML tools disagree on which one wins");
      // keep building: the rest of the file may hold more problems
    }
    top.node.keys.push_back({std::move(key.text), key.pos});
    index_last_key(top);
  }

  // The first key with this text, or nullptr.
  static const YamlKey* find_key(const Frame& top, const std::string& text) {
    if (top.node.keys.size() > linear_key_scan) {
      auto it = top.key_index.find(text);
      return it == top.key_index.end() ? nullptr : &top.node.keys[it->second];
    }
    for (const auto& k : top.node.keys)
      if (k.text == text) return &k;
    return nullptr;
  }

  static void index_last_key(Frame& top) {
    const auto& keys = top.node.keys;
    if (keys.size() <= linear_key_scan) return;
    if (top.key_index.empty()) {
      for (std::size_t i = 0; i < keys.size(); ++i) top.key_index.emplace(keys[i].text, i);
    } else {
      top.key_index.emplace(keys.back().text, keys.size() - 1);  // keeps the first if a duplicate
    }
  }

  std::string_view text_;
  YamlNode& root_;
  const ParseLimits& limits_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::size_t node_count_ = 0;
  std::optional<Diagnostic> complex_key_;
};

// Records only that something follows the first document.
class Probe : public YAML::EventHandler {
 public:
  Pos first;
  bool seen = false;
  void note(const YAML::Mark& m) {
    if (!seen) first = to_pos(m);
    seen = true;
  }
  void OnDocumentStart(const YAML::Mark& m) override { note(m); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { note(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { note(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    note(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    note(m);
    throw Stop{};
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    note(m);
    throw Stop{};
  }
  void OnMapEnd() override {}
};

// yaml-cpp's messages are terse ("illegal map value"); say what an author can act on.
std::string explain_parser_message(const std::string& msg) {
  if (msg == "illegal map value")
    return "a value appears where none can stand (is a ':' missing a space, or misaligned?)";
  if (msg == "end of map not found") return "this mapping is not closed or not aligned";
  if (msg == "end of sequence not found") return "this list is not closed or not aligned";
  if (msg == "end of map flow not found") return "a '{' is never closed by '}'";
  if (msg == "end of sequence flow not found") return "a '[' is never closed by ']'";
  if (msg == "illegal flow end") return "a ']' or '}' closes nothing";
  if (msg == "illegal EOF in scalar") return "a quoted text is never closed";
  return msg;
}

// The text of line `line` (1-based), without its line end; empty past the end.
std::string_view line_text(std::string_view text, std::uint32_t line) {
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line; ++l) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t end = text.find('\n', start);
  std::string_view s = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

// yaml-cpp trips over a tab in the indentation ("illegal map value", "illegal tab when
// looking for indentation"), at or just after the line that holds it: point at the tab.
std::optional<Pos> tab_in_indentation(std::string_view text, Pos error, bool said_tab) {
  std::uint32_t first = said_tab && error.line > 1 ? error.line - 1 : error.line;
  for (std::uint32_t line = error.line; line >= first; --line) {
    std::string_view s = line_text(text, line);
    for (std::size_t i = 0; i < s.size() && (s[i] == ' ' || s[i] == '\t'); ++i)
      if (s[i] == '\t') return Pos{line, static_cast<std::uint32_t>(i) + 1};
  }
  return std::nullopt;
}

void report_parser_error(const YAML::Exception& e, std::string_view text,
                         const TreeBuilder& builder, Diagnostics& diags) {
  const std::string& msg = e.msg;
  Pos pos = to_pos(e.mark);
  if (pos.line != 0) {
    bool said_tab = msg.find("tab") != std::string::npos;
    auto tab = tab_in_indentation(text, pos, said_tab);
    if (tab || said_tab) {
      diags.error("tab-indent", tab ? *tab : pos, "tabs are not allowed for indentation",
                  "indent with spaces");
      return;
    }
  }
  // yaml-cpp reports an unclosed bracket at the end of the file; the bracket is more useful.
  std::optional<Pos> opened;
  if (msg == "end of sequence flow not found") opened = builder.open_flow(YamlNode::Kind::seq);
  if (msg == "end of map flow not found") opened = builder.open_flow(YamlNode::Kind::map);
  if (opened) {
    diags.error("yaml-syntax", *opened,
                fmt::format("not valid YAML: {}", explain_parser_message(msg)),
                fmt::format("the file ends at line {} without it", pos.line ? pos.line : 1));
    return;
  }
  // YAML limits implicit keys to 1024 characters: yaml-cpp then sees a value out of place.
  if (msg == "illegal map value" && pos.col > 1024) {
    diags.error("yaml-syntax", pos, "not valid YAML: a key longer than 1024 characters",
                "YAML limits keys written without '? ' to 1024 characters; shorten it");
    return;
  }
  diags.error("yaml-syntax", pos, fmt::format("not valid YAML: {}", explain_parser_message(msg)));
}

bool starts_with_document_marker(std::string_view text, Pos pos) {
  if (pos.line == 0) return false;
  std::string_view s = line_text(text, pos.line);
  if (pos.col - 1 > s.size()) return false;
  s.remove_prefix(pos.col - 1);
  return s.substr(0, 3) == "---" || s.substr(0, 3) == "...";
}

// Whether anything follows the first document: a second document, or a stray token that
// yaml-cpp takes for one (`,` alone is an endless stream of empty documents to LoadAll).
bool check_single_document(YAML::Parser& parser, std::string_view text, Diagnostics& diags) {
  Probe probe;
  bool more = false;
  try {
    more = parser.HandleNextDocument(probe);
  } catch (const Stop&) {
    more = true;
  } catch (const YAML::Exception& e) {
    more = true;
    if (!probe.seen) probe.first = to_pos(e.mark);
  }
  if (!more && !probe.seen) return true;
  Pos at = probe.first.line ? probe.first : Pos{1, 1};
  if (starts_with_document_marker(text, at))
    diags.error("multiple-documents", at, "a second YAML document ('---') after the first",
                "keep one grid or one dossier per file");
  else
    diags.error("multiple-documents", at,
                "content after the end of the document (a stray character, or a line that "
                "belongs to no mapping or list)",
                "check the indentation and the punctuation here; keep one grid or one dossier "
                "per file");
  return false;
}

bool parse_document(std::string_view text, const ParseLimits& limits, YamlNode& root,
                    Diagnostics& diags) {
  ViewBuf buf(text);
  std::istream in(&buf);
  TreeBuilder builder(text, root, limits, diags);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      diags.error("empty-file", {1, 1}, "the file holds no YAML document",
                  "start from `ess-eval template` for a dossier, or an existing grid");
      return false;
    }
    if (!check_single_document(parser, text, diags)) return false;
  } catch (const Stop&) {
    return false;
  } catch (const YAML::DeepRecursion& e) {
    diags.error("nesting-too-deep", to_pos(e.mark), "nesting deeper than the parser allows",
                "no grid or dossier needs that; look for a runaway indentation or bracket");
    return false;
  } catch (const YAML::Exception& e) {
    report_parser_error(e, text, builder, diags);
    return false;
  }
  if (builder.complex_key()) {
    diags.add(*builder.complex_key());
    return false;
  }
  if (root.is_null()) {
    diags.error("empty-file", {1, 1}, "the file holds an empty YAML document",
                "start from `ess-eval template` for a dossier, or an existing grid");
    return false;
  }
  return true;
}

// Where the document's content starts: past blank lines, comments, directives and a '---'.
std::optional<Pos> first_content(std::string_view text) {
  std::uint32_t line = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view s = text.substr(start, end - start);
    std::size_t i = s.find_first_not_of(" \t\r");
    bool skip = i == std::string_view::npos || s[i] == '#' || (i == 0 && s[0] == '%');
    if (!skip && i == 0 && s.substr(0, 3) == "---" &&
        (s.size() == 3 || s[3] == ' ' || s[3] == '\r')) {
      i = s.find_first_not_of(" \t\r", 3);
      skip = i == std::string_view::npos || s[i] == '#';
    }
    if (!skip) return Pos{line, static_cast<std::uint32_t>(i) + 1};
    start = end + 1;
    ++line;
  }
  return std::nullopt;
}

// A list at the top of the file is neither a grid nor a dossier, and yaml-cpp reads a whole
// top-level flow list into memory before its first event (it might be a key): 8 MiB of
// "a, a, ..." took 860 MB. Refused before parsing.
bool refuse_top_level_flow_list(std::string_view text, Diagnostics& diags) {
  auto at = first_content(text);
  if (!at) return false;
  std::string_view line = line_text(text, at->line);
  if (line[at->col - 1] != '[') return false;
  diags.error("unknown-document", *at,
              "this file is a list; a grid or a dossier is a mapping of keys",
              "a grid starts with grid: <id>, a dossier with dossier: <id>");
  return true;
}

}  // namespace

bool parse_yaml(std::string_view bytes, const ParseLimits& limits, YamlNode& root,
                Diagnostics& diags) {
  root = YamlNode{};
  if (bytes.size() > limits.max_file_bytes) {
    diags.error("file-too-large", {},
                fmt::format("the file is {} bytes, over the limit of {} bytes", bytes.size(),
                            limits.max_file_bytes),
                "raise the limit with --max-file-size if the file is genuine");
    return false;
  }
  std::string_view text;
  if (!check_text(bytes, text, diags)) return false;
  if (refuse_top_level_flow_list(text, diags)) return false;
  try {
    return parse_document(text, limits, root, diags);
  } catch (const std::bad_alloc&) {
    root = YamlNode{};
    diags.error("too-many-nodes", {}, "the file needs more memory than is available",
                "split the file; check that it is the file meant");
    return false;
  }
}

}  // namespace ess
