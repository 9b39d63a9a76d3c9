#include <catch2/catch.hpp>

#include "ess/model/format.hpp"

using ess::format_fixed;
using ess::format_shortest;

TEST_CASE("format_fixed rounds half away from zero on the decimal the reader sees") {
  CHECK(format_fixed(2.25, 1) == "2.3");
  CHECK(format_fixed(0.15, 1) == "0.2");  // binary 0.1499999... still reads 0.15
  CHECK(format_fixed(2.675, 2) == "2.68");
  CHECK(format_fixed(-2.25, 1) == "-2.3");
  CHECK(format_fixed(99.95, 1) == "100.0");
  CHECK(format_fixed(0.04, 1) == "0.0");
  CHECK(format_fixed(-0.04, 1) == "0.0");  // no "-0.0"
  CHECK(format_fixed(70, 1) == "70.0");
  CHECK(format_fixed(1e-7, 1) == "0.0");
}

TEST_CASE("format_shortest reads back to the same double") {
  CHECK(format_shortest(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_shortest(100) == "100");
  CHECK(format_shortest(-0.0) == "0");
  CHECK(format_shortest(2.5) == "2.5");
}

TEST_CASE("csv_field quotes only what RFC 4180 needs") {
  CHECK(ess::csv_field("abc") == "abc");
  CHECK(ess::csv_field("a,b") == "\"a,b\"");
  CHECK(ess::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(ess::csv_field("a;b", ';') == "\"a;b\"");
  CHECK(ess::csv_field("a;b", ',') == "a;b");
}

TEST_CASE("json_escape escapes quotes, backslashes and control characters") {
  CHECK(ess::json_escape("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
  CHECK(ess::json_escape("Épicerie") == "\"Épicerie\"");
}

TEST_CASE("diagnostics print as GNU lines with colour only when asked") {
  std::vector<ess::Diagnostic> items = {{ess::Severity::error,
                                         "unknown-key",
                                         "g.yaml",
                                         {3, 5},
                                         "unknown key 'x'",
                                         "did you mean 'y'?"}};
  CHECK(ess::format_diagnostics(items, ess::DiagnosticFormat::gnu) ==
        "g.yaml:3:5: error: unknown key 'x'; did you mean 'y'? [unknown-key]\n");
  std::string coloured = ess::format_diagnostics(items, ess::DiagnosticFormat::gnu, true);
  CHECK(coloured.find("\033[1;31merror:") != std::string::npos);
  CHECK(ess::format_diagnostics(items, ess::DiagnosticFormat::github) ==
        "::error file=g.yaml,line=3,col=5,title=unknown-key::unknown key 'x'; did you mean 'y'?\n");
}

TEST_CASE("json_escape gives valid UTF-8 whatever the bytes: U+FFFD for those that are not") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(ess::json_escape("caf\xE9.yaml") == "\"caf" + fffd + ".yaml\"");        // Latin-1
  CHECK(ess::json_escape("\xC3") == "\"" + fffd + "\"");                        // cut short
  CHECK(ess::json_escape("\xC0\xAF") == "\"" + fffd + fffd + "\"");             // overlong '/'
  CHECK(ess::json_escape("\xED\xA0\x80") == "\"" + fffd + fffd + fffd + "\"");  // a surrogate
  CHECK(ess::json_escape("\xF4\x90\x80\x80") == "\"" + fffd + fffd + fffd + fffd + "\"");
  CHECK(ess::json_escape("\xF0\x9F\x98\x80 \xE2\x82\xAC") == "\"\xF0\x9F\x98\x80 \xE2\x82\xAC\"");
  CHECK(ess::json_escape("\x1b[31m") == "\"\\u001b[31m\"");
}

TEST_CASE("printable_text escapes what could forge a line or drive a terminal") {
  CHECK(ess::printable_text("a\nb.yaml") == "a\\nb.yaml");
  CHECK(ess::printable_text("\x1b[31mred\r") == "\\x1b[31mred\\r");
  CHECK(ess::printable_text("caf\xE9") == "caf\\xE9");
  CHECK(ess::printable_text("\xC2\x9B"
                            "2J") == "\\xc2\\x9b2J");  // C1 CSI
  CHECK(ess::printable_text("Épicerie\tdu \xE2\x82\xAC") == "Épicerie\tdu \xE2\x82\xAC");
  CHECK(ess::printable_text("a\\b") == "a\\b");
}

TEST_CASE("a file name cannot forge a diagnostic, in any format") {
  std::vector<ess::Diagnostic> items = {
      {ess::Severity::error, "yaml-syntax", "d,1:2%\ncaf\xE9.yaml", {1, 2}, "bad\nline 50%", ""}};
  CHECK(ess::format_diagnostics(items, ess::DiagnosticFormat::gnu) ==
        "d,1:2%\\ncaf\\xE9.yaml:1:2: error: bad\\nline 50% [yaml-syntax]\n");
  CHECK(ess::format_diagnostics(items, ess::DiagnosticFormat::github) ==
        "::error file=d%2C1%3A2%25%0Acaf\\xE9.yaml,line=1,col=2,title=yaml-syntax::"
        "bad%0Aline 50%25\n");
  CHECK(ess::format_diagnostics(items, ess::DiagnosticFormat::json) ==
        "[\n  {\"file\": \"d,1:2%\\ncaf\xEF\xBF\xBD.yaml\", \"line\": 1, \"column\": 2, "
        "\"severity\": \"error\", \"code\": \"yaml-syntax\", \"message\": \"bad\\nline 50%\", "
        "\"hint\": \"\"}\n]\n");
  items[0].file.clear();  // not about a file: no file= property
  CHECK(ess::format_diagnostics(items, ess::DiagnosticFormat::github) ==
        "::error title=yaml-syntax::bad%0Aline 50%25\n");
}
