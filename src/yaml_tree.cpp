// The only file that includes yaml-cpp. See ../shared/deps-notes.md §2 for why each guard exists.
#include "ess/yaml_tree.hpp"

#include "text_checks.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <istream>
#include <streambuf>

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

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(YamlNode& root, const ParseLimits& limits, Diagnostics& diags)
      : root_(root), limits_(limits), diags_(diags) {}

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
                 fmt::format("anchors (&{}) are not allowed in ess-eval files", name),
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
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::seq);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::map);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode node;
    bool expecting_key = true;  // maps alternate key, value
  };

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) OnAnchor(mark, "anchor");
  }

  void refuse_tag(const YAML::Mark& mark, const std::string& tag) {
    diags_.error("yaml-syntax", to_pos(mark), fmt::format("YAML tags ({}) are not supported", tag),
                 "remove the tag; write plain values");
    throw Stop{};
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YamlNode::Kind kind) {
    check_anchor(mark, anchor);
    if (tag != "?" && tag != "!" && !tag.empty() && tag != "tag:yaml.org,2002:map" &&
        tag != "tag:yaml.org,2002:seq")
      refuse_tag(mark, tag);
    if (!stack_.empty() && stack_.back().node.is_map() && stack_.back().expecting_key) {
      diags_.error("complex-key", to_pos(mark),
                   "a key must be a plain name, not a list or mapping");
      throw Stop{};
    }
    if (stack_.size() >= limits_.max_depth) {
      diags_.error("nesting-too-deep", to_pos(mark),
                   fmt::format("nesting deeper than {} levels", limits_.max_depth));
      throw Stop{};
    }
    count_node(mark);
    Frame f;
    f.node.kind = kind;
    f.node.pos = to_pos(mark);
    stack_.push_back(std::move(f));
  }

  void close() {
    YamlNode done = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(done));
  }

  void count_node(const YAML::Mark& mark) {
    if (++node_count_ > limits_.max_nodes) {
      diags_.error("too-many-nodes", to_pos(mark),
                   fmt::format("more than {} values in one file", limits_.max_nodes));
      throw Stop{};
    }
  }

  void add(YamlNode n) {
    if (n.kind == YamlNode::Kind::scalar || n.kind == YamlNode::Kind::null) {
      YAML::Mark m;
      m.line = static_cast<int>(n.pos.line) - 1;
      m.column = static_cast<int>(n.pos.col) - 1;
      count_node(m);
    }
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
      if (n.is_null()) n.pos = top.node.keys.back().pos;
      top.node.items.push_back(std::move(n));
      top.expecting_key = true;
    }
  }

  void add_key(Frame& top, YamlNode key) {
    if (!key.is_scalar()) {
      diags_.error("complex-key", key.pos, "a key must be a plain name");
      throw Stop{};
    }
    for (const auto& k : top.node.keys) {
      if (k.text == key.text) {
        diags_.error("duplicate-key", key.pos,
                     fmt::format("duplicate key '{}' (first at line {}, column {})", key.text,
                                 k.pos.line, k.pos.col),
                     "keep one of the two: YAML tools disagree on which one wins");
        break;  // keep building: the rest of the file may hold more problems
      }
    }
    top.node.keys.push_back({std::move(key.text), key.pos});
    top.expecting_key = false;
  }

  YamlNode& root_;
  const ParseLimits& limits_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::size_t node_count_ = 0;
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
  return msg;
}

}  // namespace

namespace {

bool parse_document(std::string_view text, const ParseLimits& limits, YamlNode& root,
                    Diagnostics& diags) {
  ViewBuf buf(text);
  std::istream in(&buf);
  try {
    YAML::Parser parser(in);
    TreeBuilder builder(root, limits, diags);
    if (!parser.HandleNextDocument(builder)) {
      diags.error("empty-file", {1, 1}, "the file holds no YAML document",
                  "start from `ess-eval template` for a dossier, or an existing grid");
      return false;
    }
    Probe probe;
    bool more = false;
    try {
      more = parser.HandleNextDocument(probe);
    } catch (const Stop&) {
      more = true;
    }
    if (more || probe.seen) {
      diags.error("multiple-documents", probe.first.line ? probe.first : Pos{1, 1},
                  "content after the first document (a second '---' document, or a stray token)",
                  "keep one grid or one dossier per file");
      return false;
    }
  } catch (const Stop&) {
    return false;
  } catch (const YAML::DeepRecursion& e) {
    diags.error("nesting-too-deep", to_pos(e.mark), "nesting deeper than the parser allows");
    return false;
  } catch (const YAML::Exception& e) {
    std::string msg = e.msg;
    if (msg.find("tab") != std::string::npos) {
      diags.error("tab-indent", to_pos(e.mark), "tabs are not allowed for indentation",
                  "indent with spaces");
    } else {
      diags.error("yaml-syntax", to_pos(e.mark),
                  fmt::format("not valid YAML: {}", explain_parser_message(msg)));
    }
    return false;
  }
  return true;
}

}  // namespace

bool parse_yaml(std::string_view bytes, const ParseLimits& limits, YamlNode& root,
                Diagnostics& diags) {
  if (bytes.size() > limits.max_file_bytes) {
    diags.error("file-too-large", {},
                fmt::format("the file is {} bytes, over the limit of {} bytes", bytes.size(),
                            limits.max_file_bytes),
                "raise the limit with --max-file-size if the file is genuine");
    return false;
  }
  std::string_view text;
  if (!check_text(bytes, text, diags)) return false;
  return parse_document(text, limits, root, diags);
}

}  // namespace ess
