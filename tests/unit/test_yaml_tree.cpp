// The YAML layer: positions, and every trap of yaml-cpp 0.7 (deps-notes §0, §2) refused with
// the right code at the right place. Expected positions are counted by hand from the inputs.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "ess/io/yaml_tree.hpp"

using ess::Diagnostics;
using ess::ParseLimits;
using ess::Pos;
using ess::YamlNode;

namespace {

struct Parsed {
  bool ok = false;
  YamlNode root;
  Diagnostics diags{"t.yaml"};
};

Parsed parse(std::string_view text, ParseLimits limits = {}) {
  Parsed p;
  p.ok = ess::parse_yaml(text, limits, p.root, p.diags);
  return p;
}

// "line:col code" for every diagnostic, in the order reported, one per line.
std::string found(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) {
    if (!out.empty()) out += "\n";
    out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.code;
  }
  return out;
}

std::string found(std::string_view text, ParseLimits limits = {}) {
  return found(parse(text, limits).diags);
}

std::string pos(Pos p) {
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("yaml: scalars, lists and mappings keep their 1-based positions and quoting") {
  auto p = parse("a: 1\nb: [x, 'y']\nc: {d: \"e\"}\n");
  REQUIRE(p.ok);
  CHECK(p.diags.empty());
  const YamlNode& root = p.root;
  REQUIRE(root.is_map());
  CHECK(pos(root.pos) == "1:1");
  REQUIRE(root.keys.size() == 3);
  CHECK(pos(root.keys[0].pos) == "1:1");
  CHECK(pos(root.keys[1].pos) == "2:1");
  CHECK(pos(root.keys[2].pos) == "3:1");
  const YamlNode* a = root.find("a");
  REQUIRE(a);
  CHECK(a->is_scalar());
  CHECK(a->text == "1");
  CHECK_FALSE(a->quoted);
  CHECK(pos(a->pos) == "1:4");
  const YamlNode* b = root.find("b");
  REQUIRE(b);
  REQUIRE(b->is_seq());
  CHECK(pos(b->pos) == "2:4");  // the '['
  REQUIRE(b->items.size() == 2);
  CHECK(pos(b->items[0].pos) == "2:5");
  CHECK_FALSE(b->items[0].quoted);
  CHECK(pos(b->items[1].pos) == "2:8");
  CHECK(b->items[1].quoted);
  CHECK(b->items[1].text == "y");
  const YamlNode* c = root.find("c");
  REQUIRE(c);
  REQUIRE(c->is_map());
  CHECK(pos(c->keys[0].pos) == "3:5");
  CHECK(pos(c->items[0].pos) == "3:8");
  CHECK(c->items[0].quoted);
  CHECK(root.find("zzz") == nullptr);
}

TEST_CASE("yaml: block lists and nested mappings") {
  auto p = parse("top:\n  - id: x\n    n: 2\n  - id: y\n");
  REQUIRE(p.ok);
  const YamlNode* top = p.root.find("top");
  REQUIRE(top);
  REQUIRE(top->is_seq());
  CHECK(pos(top->pos) == "2:3");  // a block list starts at its first '-'
  REQUIRE(top->items.size() == 2);
  CHECK(pos(top->items[0].pos) == "2:5");  // a block mapping starts at its first key
  CHECK(pos(top->items[0].keys[1].pos) == "3:5");
  CHECK(pos(top->items[1].find("id")->pos) == "4:9");
}

TEST_CASE("yaml: an empty value is a null placed at its key, not on the next line") {
  auto p = parse("a:\nb: 1\nc: ~\n");
  REQUIRE(p.ok);
  const YamlNode* a = p.root.find("a");
  REQUIRE(a);
  CHECK(a->is_null());
  CHECK(pos(a->pos) == "1:1");
  const YamlNode* c = p.root.find("c");
  CHECK(c->is_null());
  CHECK(pos(c->pos) == "3:4");
}

TEST_CASE("yaml: duplicate keys are reported at the second key, whatever the style") {
  SECTION("block") {
    auto p = parse("a: 1\nb: 2\na: 3\n");
    CHECK(found(p.diags) == "3:1 duplicate-key");
    CHECK_THAT(p.diags.items()[0].message, Catch::Contains("first at line 1, column 1"));
  }
  SECTION("flow") {
    CHECK(found("m: {a: 1, b: 2, a: 3}\n") == "1:17 duplicate-key");
  }
  SECTION("nested") {
    CHECK(found("top:\n  a: 1\n  a: 2\n") == "3:3 duplicate-key");
  }
  SECTION("quoted and plain are the same key") {
    CHECK(found("a: 1\n\"a\": 2\n") == "2:1 duplicate-key");
    CHECK(found("'a': 1\na: 2\n") == "2:1 duplicate-key");
  }
  SECTION("in a list of mappings") {
    CHECK(found("l:\n  - {x: 1, x: 2}\n  - {x: 1}\n") == "2:12 duplicate-key");
  }
  SECTION("the same key in two mappings is fine") {
    CHECK(found("x: {a: 1}\ny: {a: 2}\n").empty());
  }
  SECTION("several duplicates are all reported, and the tree is still built") {
    auto p = parse("a: 1\na: 2\nb: 1\nb: 2\n");
    CHECK(found(p.diags) == "2:1 duplicate-key\n4:1 duplicate-key");
    CHECK(p.ok);
    CHECK(p.root.keys.size() == 4);
  }
}

TEST_CASE("yaml: duplicate keys in large mappings are found through the key index") {
  // Sixteen keys are scanned; from the seventeenth on a hash index answers. The edges: the
  // seventeenth key itself a duplicate, then duplicates far from their first occurrence.
  std::string text;
  for (int i = 0; i < 16; ++i) text += "k" + std::to_string(i) + ": 1\n";
  text += "k3: 2\n";                                                          // line 17
  for (int i = 16; i < 1000; ++i) text += "k" + std::to_string(i) + ": 1\n";  // lines 18..1001
  text += "k500: 2\n";                                                        // line 1002
  text += "k16: 2\n";                                                         // line 1003
  auto p = parse(text);
  CHECK(found(p.diags) == "17:1 duplicate-key\n1002:1 duplicate-key\n1003:1 duplicate-key");
  CHECK_THAT(p.diags.items()[1].message, Catch::Contains("first at line 502, column 1"));
  CHECK_THAT(p.diags.items()[2].message, Catch::Contains("first at line 18, column 1"));
}

TEST_CASE("yaml: a mapping of a hundred thousand keys is read in linear time") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "k" + std::to_string(i) + ": 1\n";
  auto start = std::chrono::steady_clock::now();
  auto p = parse(text);
  CHECK(p.ok);
  CHECK(p.root.keys.size() == 100000);
  CHECK(seconds_since(start) < 10);  // a quadratic duplicate check took minutes
}

TEST_CASE("yaml: a key repeated thousands of times gives a bounded number of diagnostics") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "a: 1\n";
  auto p = parse(text);
  CHECK(p.diags.items().size() == 20);
  CHECK(pos(p.diags.items()[0].pos) == "2:1");
}

TEST_CASE("yaml: one document only") {
  CHECK(found("a: 1\n---\nb: 2\n") == "2:1 multiple-documents");
  CHECK(found("---\na: 1\n").empty());  // a leading marker is fine
  CHECK(found("a: 1\n...\n").empty());  // so is an end marker
  CHECK(found("a: 1\n---\n") == "2:1 multiple-documents");
  CHECK(found("- a\nb: 1\n") == "2:1 multiple-documents");  // yaml-cpp reads two documents
  auto p = parse("a: 1\n---\nb: 2\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diags.items()[0].message, Catch::Contains("second YAML document"));
}

TEST_CASE("yaml: the inputs that make LoadAll loop forever are refused at once") {
  // deps-notes §0.1: YAML::LoadAll(",") never returns; YAML::Load(",") returns Null silently.
  auto start = std::chrono::steady_clock::now();
  CHECK(found(",") == "1:1 multiple-documents");
  CHECK(found(", k: :") == "1:1 multiple-documents");
  CHECK(found("a: 1\n---\n,\n") == "2:1 multiple-documents");
  CHECK(found(",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,") == "1:1 multiple-documents");
  CHECK(seconds_since(start) < 5);
  auto p = parse(",");
  CHECK_FALSE(p.ok);
}

TEST_CASE("yaml: anchors and aliases are refused where they stand") {
  CHECK(found("a: &x 1\nb: *x\n") == "1:4 anchor-not-allowed");
  CHECK(found("a: &x [1, *x]\n") == "1:4 anchor-not-allowed");  // a cycle: no walk may meet it
  CHECK(found("a:\n  - &x 1\n") == "2:5 anchor-not-allowed");
  CHECK(found("k: [é, &a x]\n") == "1:9 anchor-not-allowed");  // columns count bytes: é is two
  CHECK(found("b: *x\n") == "1:4 yaml-syntax");                // an alias to nothing
}

TEST_CASE("yaml: a billion-laughs document is refused at its first anchor, fast") {
  std::string text =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? "," : "") + "*" + char(c - 1);
    text += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  CHECK(found(text) == "1:4 anchor-not-allowed");
  CHECK(seconds_since(start) < 1);
}

TEST_CASE("yaml: nesting deeper than the limit is refused, without recursion trouble") {
  auto nested = [](int depth) {
    return "a: " + std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']') + "\n";
  };
  CHECK(found(nested(63)).empty());  // the mapping plus 63 lists: 64 levels
  // The 64th '[' opens level 65: at column 3 + 64.
  CHECK(found(nested(64)) == "1:67 nesting-too-deep");
  ParseLimits shallow;
  shallow.max_depth = 3;
  CHECK(found("a:\n  b:\n    c: 1\n", shallow).empty());
  CHECK(found("a:\n  b:\n    c:\n      d: 1\n", shallow) == "4:7 nesting-too-deep");
  auto start = std::chrono::steady_clock::now();
  auto p = parse("a: " + std::string(100000, '['));
  CHECK_FALSE(p.ok);
  REQUIRE(p.diags.items().size() == 1);
  CHECK(p.diags.items()[0].code == "nesting-too-deep");
  std::string maps;
  for (int i = 0; i < 100000; ++i) maps += "{a: ";
  CHECK(parse(maps).diags.items()[0].code == "nesting-too-deep");
  std::string block;
  for (int i = 0; i < 600; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  CHECK(found(block) == "65:65 nesting-too-deep");  // the 65th mapping, indented 64
  CHECK(seconds_since(start) < 5);
}

TEST_CASE("yaml: tabs in indentation are refused at the tab") {
  CHECK(found("a:\n\tb: 1\n") == "2:1 tab-indent");
  CHECK(found("a:\n  \tb: 1\n") == "2:3 tab-indent");  // a tab after spaces
  CHECK(found("a:\n  b:\n  \tc: 2\n") == "3:3 tab-indent");
  CHECK(found("a:\tx\n").empty());  // a tab as separator is fine
  CHECK(found("a: 1 \t# note\n").empty());
  CHECK(found("a: |\n  x\ty\n").empty());  // and inside a block text
  auto p = parse("a:\tx\n");
  CHECK(p.root.find("a")->text == "x");
  // yaml-cpp refuses even a line of nothing but a tab: said as it is.
  CHECK(found("a: 1\n\t\nb: 2\n") == "2:1 tab-indent");
}

TEST_CASE("yaml: a UTF-8 byte-order mark is accepted and positions ignore it") {
  auto p = parse(
      "\xEF\xBB\xBF"
      "a: 1\nb: 2\n");
  REQUIRE(p.ok);
  CHECK(pos(p.root.keys[0].pos) == "1:1");
  CHECK(pos(p.root.find("a")->pos) == "1:4");
  CHECK(found("\xEF\xBB\xBF"
              "a: 1\na: 2\n") == "2:1 duplicate-key");
  CHECK(found("\xEF\xBB\xBF"
              "a: &x 1\n") == "1:4 anchor-not-allowed");
  CHECK(found("\xEF\xBB\xBF").substr(4) == "empty-file");
}

TEST_CASE("yaml: CRLF line ends are accepted, values carry no CR, positions hold") {
  auto p = parse("a: 1\r\nb: x y\r\nc: |\r\n  l1\r\n  l2\r\n");
  REQUIRE(p.ok);
  CHECK(p.root.find("a")->text == "1");
  CHECK(p.root.find("b")->text == "x y");
  CHECK(p.root.find("c")->text == "l1\nl2\n");
  CHECK(pos(p.root.keys[1].pos) == "2:1");
  CHECK(pos(p.root.find("b")->pos) == "2:4");
  CHECK(found("a: 1\r\nb: x\r\nb: y\r\n") == "3:1 duplicate-key");
  CHECK(found("\xEF\xBB\xBF"
              "a: 1\r\nb: [1, &x 2]\r\n") == "2:8 anchor-not-allowed");
}

TEST_CASE("yaml: bytes yaml-cpp mangles are refused before parsing") {
  SECTION("CR-only line ends") {
    CHECK(found("a: 1\rb: 2\r") == "1:5 cr-line-ends");
    CHECK(found("a: 1\r\nb: 2\r") == "2:5 cr-line-ends");  // a stray CR at the very end
  }
  SECTION("NUL") {
    CHECK(found(std::string("a: 1\nb: x\0y\n", 12)) == "2:5 nul-byte");
    CHECK(found(std::string("\0", 1)) == "1:1 nul-byte");
  }
  SECTION("invalid UTF-8") {
    CHECK(found("a: caf\xC3\x28\n") == "1:7 invalid-utf8");   // a lead byte without its follower
    CHECK(found("a: \xC0\xAF\n") == "1:4 invalid-utf8");      // an overlong '/'
    CHECK(found("a: \xED\xA0\x80\n") == "1:4 invalid-utf8");  // a UTF-16 surrogate
    CHECK(found("a: \xF4\x90\x80\x80\n") == "1:4 invalid-utf8");  // above U+10FFFF
    CHECK(found("a: \xE2\x82") == "1:4 invalid-utf8");            // cut at the end of the file
    CHECK(found("a: \xFF\n") == "1:4 invalid-utf8");
    CHECK(found("a: é\nb: \x80\n") == "2:4 invalid-utf8");  // a lone continuation byte
    CHECK(found("a: é ü € 😀\n").empty());
  }
  SECTION("UTF-16, with or without a byte-order mark") {
    CHECK(found(std::string("\xFF\xFE"
                            "a\0:\0 \0"
                            "1\0",
                            10)) == "1:1 invalid-utf8");
    CHECK(found(std::string("\xFE\xFF\0a\0:\0 \0"
                            "1",
                            10)) == "1:1 invalid-utf8");
    CHECK(found(std::string("a\0:\0 \0"
                            "1\0\n\0",
                            10)) == "1:1 invalid-utf8");
  }
}

TEST_CASE("yaml: empty, blank and comment-only files hold no document") {
  CHECK(found("") == "1:1 empty-file");
  CHECK(found("   \n\n  \n") == "1:1 empty-file");
  CHECK(found("# a comment\n# another\n") == "1:1 empty-file");
  CHECK(found("---\n") == "1:1 empty-file");
  CHECK(found("~\n") == "1:1 empty-file");
  CHECK(found("\n\n# only\n...\n") == "1:1 empty-file");
}

TEST_CASE("yaml: tags are refused, except !!str which quotes") {
  CHECK(found("a: !foo x\n") == "1:4 yaml-syntax");
  CHECK(found("a: !!int 1\n") == "1:4 yaml-syntax");
  CHECK(found("a: !foo [1]\n") == "1:4 yaml-syntax");
  auto p = parse("a: !!str 1\n");
  REQUIRE(p.ok);
  CHECK(p.root.find("a")->quoted);
}

TEST_CASE("yaml: keys must be plain names") {
  CHECK(found("? [a]\n: 1\n") == "1:3 complex-key");
  CHECK(found("x: 1\n[a]: 1\n") == "2:1 complex-key");
  CHECK(found("x:\n  {a: 1}: 2\n") == "2:3 complex-key");
  CHECK(found("? \n: 1\n") == "2:1 complex-key");  // no key at all
}

TEST_CASE("yaml: syntax errors point where an author can act") {
  // An unclosed bracket is reported at the bracket, not at the end of the file.
  CHECK(found("a: [") == "1:4 yaml-syntax");
  CHECK(found("a: [1, 2\nb: 3\n") == "1:4 yaml-syntax");
  CHECK(found("a: {b: 1\nc: 2\n") == "1:4 yaml-syntax");
  CHECK(found("x: [1, 2]]\n") == "1:10 yaml-syntax");       // a ']' that closes nothing
  CHECK(found("t: Epicerie : x\n") == "1:13 yaml-syntax");  // ' : ' inside a plain text
  // An unclosed quote: yaml-cpp 0.7 takes the rest of the file into the text when a line end
  // follows; refused at the opening quote. Closed ones, escapes and '' are fine.
  CHECK(found("a: \"unterminated") == "1:17 yaml-syntax");  // yaml-cpp's own error, at the end
  CHECK(found("a: \"unterminated\n") == "1:4 yaml-syntax");
  CHECK(found("a: \"x\nb: 1\n") == "1:4 yaml-syntax");
  CHECK(found("a: 'x\nb: 1\n") == "1:4 yaml-syntax");
  CHECK(found("a: 'it''s'\nb: \"say \\\"hi\\\"\"\nc: \"two\n  lines\"\n").empty());
  CHECK(found("a: 'it''\n") == "1:4 yaml-syntax");
  CHECK(found("\xEF\xBB\xBF"
              "a: 1\r\nb: 'x\r\nc: 1\r\n") == "2:4 yaml-syntax");
  CHECK(found("\xEF\xBB\xBF"
              "a: 1\r\nb: 'x'\r\nc: \"y\"\r\n")
            .empty());
  CHECK(found("a: 1\n,\n") == "2:1 yaml-syntax");
  auto p = parse("a: [1, 2\n");
  CHECK_THAT(p.diags.items()[0].message, Catch::Contains("'[' is never closed"));
}

TEST_CASE("yaml: a list at the top of the file is refused before parsing") {
  // yaml-cpp reads a whole top-level flow list before its first event (it might be a key):
  // 8 MiB of "a, a, ..." took 860 MB and 15 s. Neither a grid nor a dossier is a list.
  CHECK(found("[") == "1:1 unknown-document");
  CHECK(found("[a]: 1\n") == "1:1 unknown-document");
  CHECK(found("# comment\n\n%YAML 1.2\n---\n  [1, 2]\n") == "5:3 unknown-document");
  CHECK(found("--- [1, 2]\n") == "1:5 unknown-document");
  CHECK(found("\xEF\xBB\xBF[1]\n") == "1:1 unknown-document");
  CHECK(found("---\na: [1]\n").empty());
  CHECK(found("{a: [1]}\n").empty());
  std::string big = "[";
  for (int i = 0; i < 1000000; ++i) big += "a, ";
  auto start = std::chrono::steady_clock::now();
  CHECK(found(big + "]") == "1:1 unknown-document");
  CHECK(seconds_since(start) < 2);
}

TEST_CASE("yaml: limits on size, strings and values") {
  ParseLimits limits;
  limits.max_file_bytes = 10;
  auto p = parse("a: 12345678\n", limits);  // 12 bytes
  CHECK(found(p.diags) == "0:0 file-too-large");
  limits = {};
  limits.max_string_bytes = 10;
  CHECK(found("a: 0123456789\nb: 01234567890\n", limits) == "2:4 string-too-long");
  limits = {};
  limits.max_nodes = 5;
  CHECK(found("a: [1, 2]\n", limits).empty());  // the mapping, a, the list, 1, 2: five values
  CHECK(found("a: [1, 2, 3]\n", limits) == "1:11 too-many-nodes");

  // The defaults: 2 MB in one value is refused.
  CHECK(found("a: " + std::string(2 << 20, 'x') + "\n") == "1:4 string-too-long");
}

TEST_CASE("yaml: describe_kind names what was found") {
  YamlNode n;
  CHECK(std::string(ess::describe_kind(n)) == "nothing");
  n.kind = YamlNode::Kind::map;
  CHECK(std::string(ess::describe_kind(n)) == "a mapping");
  n.kind = YamlNode::Kind::seq;
  CHECK(std::string(ess::describe_kind(n)) == "a list");
}

TEST_CASE("read_file_bytes: folders, missing files, devices and the size limit") {
  std::string bytes;
  {
    Diagnostics d("x");
    CHECK_FALSE(ess::read_file_bytes("/nonexistent/x.yaml", 1000, bytes, d));
    CHECK(found(d) == "0:0 not-found");
  }
  {
    Diagnostics d("x");
    CHECK_FALSE(ess::read_file_bytes("/tmp", 1000, bytes, d));
    CHECK(found(d) == "0:0 is-directory");
  }
  {
    Diagnostics d("x");  // a device that never ends: read up to the limit, then refused
    CHECK_FALSE(ess::read_file_bytes("/dev/zero", 1 << 16, bytes, d));
    CHECK(found(d) == "0:0 file-too-large");
  }
  {
    Diagnostics d("x");
    CHECK(ess::read_file_bytes("/dev/null", 1000, bytes, d));
    CHECK(bytes.empty());
  }
  char name[] = "/tmp/ess-test-XXXXXX";
  int fd = ::mkstemp(name);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, "a: 1\n", 5) == 5);
  ::close(fd);
  {
    Diagnostics d("x");
    CHECK(ess::read_file_bytes(name, 5, bytes, d));
    CHECK(bytes == "a: 1\n");
  }
  {
    Diagnostics d("x");
    CHECK_FALSE(ess::read_file_bytes(name, 4, bytes, d));
    CHECK(found(d) == "0:0 file-too-large");
  }
  std::remove(name);
}

TEST_CASE("read_file_bytes: large files whole, streams up to the limit exactly") {
  // Several of the 64 KiB reads, with no buffer on the stack (ulimit -s 64 must work).
  char name[] = "/tmp/ess-test-XXXXXX";
  int fd = ::mkstemp(name);
  REQUIRE(fd >= 0);
  std::string content;
  for (int i = 0; content.size() < 300000; ++i) content += "k" + std::to_string(i) + ": 1\n";
  REQUIRE(::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
  ::close(fd);
  std::string bytes;
  {
    Diagnostics d("x");
    CHECK(ess::read_file_bytes(name, content.size(), bytes, d));
    CHECK(bytes == content);
  }
  std::remove(name);
  // A stream has no size to check first: the limit itself is accepted, one byte more is not.
  for (std::size_t limit : {std::size_t{999}, std::size_t{1000}}) {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    REQUIRE(::write(pipe_fds[1], std::string(1000, 'x').data(), 1000) == 1000);
    ::close(pipe_fds[1]);
    Diagnostics d("x");
    bool ok = ess::read_file_bytes("/proc/self/fd/" + std::to_string(pipe_fds[0]), limit, bytes, d);
    ::close(pipe_fds[0]);
    CHECK(ok == (limit == 1000));
    CHECK(found(d) == (ok ? "" : "0:0 file-too-large"));
  }
  for (std::size_t limit : {std::size_t{1}, std::size_t{65536}, std::size_t{65537}}) {
    Diagnostics d("x");
    CHECK_FALSE(ess::read_file_bytes("/dev/zero", limit, bytes, d));
    CHECK(found(d) == "0:0 file-too-large");
  }
}
