// The only file that includes yaml-cpp 0.7. Each guard below (depth, aliases, duplicate keys,
// positions) says beside it which trap of that version it closes.
#include "ess/io/yaml_tree.hpp"

#include "ess/model/messages.hpp"
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

std::string describe_kind(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null:
      return phrase(Msg::kind_nothing);
    case YamlNode::Kind::scalar:
      return phrase(Msg::kind_scalar);
    case YamlNode::Kind::map:
      return phrase(Msg::kind_map);
    case YamlNode::Kind::seq:
      return phrase(Msg::kind_seq);
  }
  return phrase(Msg::kind_nothing);
}

namespace {

using namespace fmt::literals;

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
    diags_.error(to_pos(mark), say(Msg::alias_not_allowed), say(Msg::anchor_hint));
    throw Stop{};
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    diags_.error(to_pos(mark), say(Msg::anchor_not_allowed, "name"_a = clip_text(name)),
                 say(Msg::anchor_hint));
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
      diags_.error(n.pos, say(Msg::string_too_long, "size"_a = value.size(),
                              "limit"_a = limits_.max_string_bytes));
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
    diags_.error(to_pos(mark), say(Msg::unclosed_quote, "quote"_a = quote),
                 say(Msg::unclosed_quote_hint));
    throw Stop{};
  }

  void refuse_tag(const YAML::Mark& mark, const std::string& tag) {
    std::string shown = tag.rfind("tag:yaml.org,2002:", 0) == 0 ? "!!" + tag.substr(18) : tag;
    diags_.error(to_pos(mark), say(Msg::tag_not_supported, "tag"_a = clip_text(shown)),
                 say(Msg::tag_hint));
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
      complex_key_ = make_diagnostic(Severity::error, diags_.file(), to_pos(mark),
                                     say(Msg::complex_key), say(Msg::plain_keys_hint));
    }
    if (stack_.size() >= limits_.max_depth) {
      diags_.error(to_pos(mark), say(Msg::nesting_too_deep, "limit"_a = limits_.max_depth),
                   say(Msg::nesting_hint));
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
      diags_.error(pos, say(Msg::too_many_values, "limit"_a = limits_.max_nodes),
                   say(Msg::split_file_hint));
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
        complex_key_ = make_diagnostic(Severity::error, diags_.file(), key.pos,
                                       say(Msg::key_missing_here), say(Msg::plain_keys_hint));
      }
      top.node.keys.push_back({std::string(), key.pos});
      return;
    }
    if (const YamlKey* first = find_key(top, key.text); first && ++top.duplicates <= 20) {
      diags_.error(key.pos,
                   say(Msg::duplicate_key, "key"_a = clip_text(key.text),
                       "line"_a = first->pos.line, "column"_a = first->pos.col),
                   say(Msg::duplicate_key_hint));
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

// yaml-cpp's messages are terse ("illegal map value"); say what an author can act on. Others
// are shown as yaml-cpp words them, in English.
std::string explain_parser_message(const std::string& msg) {
  if (msg == "illegal map value") return phrase(Msg::parse_illegal_map_value);
  if (msg == "end of map not found") return phrase(Msg::parse_map_not_closed);
  if (msg == "end of sequence not found") return phrase(Msg::parse_list_not_closed);
  if (msg == "end of map flow not found") return phrase(Msg::parse_brace_not_closed);
  if (msg == "end of sequence flow not found") return phrase(Msg::parse_bracket_not_closed);
  if (msg == "illegal flow end") return phrase(Msg::parse_stray_close);
  if (msg == "illegal EOF in scalar") return phrase(Msg::parse_unclosed_scalar);
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
      diags.error(tab ? *tab : pos, say(Msg::tab_indent), say(Msg::tab_indent_hint));
      return;
    }
  }
  // yaml-cpp reports an unclosed bracket at the end of the file; the bracket is more useful.
  std::optional<Pos> opened;
  if (msg == "end of sequence flow not found") opened = builder.open_flow(YamlNode::Kind::seq);
  if (msg == "end of map flow not found") opened = builder.open_flow(YamlNode::Kind::map);
  if (opened) {
    diags.error(*opened, say(Msg::yaml_syntax, "problem"_a = explain_parser_message(msg)),
                say(Msg::unclosed_bracket_hint, "line"_a = pos.line ? pos.line : 1));
    return;
  }
  // YAML limits implicit keys to 1024 characters: yaml-cpp then sees a value out of place.
  if (msg == "illegal map value" && pos.col > 1024) {
    diags.error(pos, say(Msg::key_too_long), say(Msg::key_too_long_hint));
    return;
  }
  diags.error(pos, say(Msg::yaml_syntax, "problem"_a = explain_parser_message(msg)));
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
    diags.error(at, say(Msg::second_document), say(Msg::one_per_file_hint));
  else
    diags.error(at, say(Msg::stray_content), say(Msg::stray_content_hint));
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
      diags.error({1, 1}, say(Msg::no_document), say(Msg::empty_file_hint));
      return false;
    }
    if (!check_single_document(parser, text, diags)) return false;
  } catch (const Stop&) {
    return false;
  } catch (const YAML::DeepRecursion& e) {
    diags.error(to_pos(e.mark), say(Msg::nesting_beyond_parser), say(Msg::nesting_hint));
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
    diags.error({1, 1}, say(Msg::empty_document), say(Msg::empty_file_hint));
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
  diags.error(*at, say(Msg::top_level_list), say(Msg::top_level_list_hint));
  return true;
}

}  // namespace

bool parse_yaml(std::string_view bytes, const ParseLimits& limits, YamlNode& root,
                Diagnostics& diags) {
  root = YamlNode{};
  if (bytes.size() > limits.max_file_bytes) {
    diags.error(
        {}, say(Msg::file_too_large, "size"_a = bytes.size(), "limit"_a = limits.max_file_bytes),
        say(Msg::file_too_large_hint));
    return false;
  }
  std::string_view text;
  if (!check_text(bytes, text, diags)) return false;
  if (refuse_top_level_flow_list(text, diags)) return false;
  try {
    return parse_document(text, limits, root, diags);
  } catch (const std::bad_alloc&) {
    root = YamlNode{};
    diags.error({}, say(Msg::out_of_memory), say(Msg::split_file_hint));
    return false;
  }
}

}  // namespace ess
