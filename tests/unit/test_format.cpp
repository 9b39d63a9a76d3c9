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
