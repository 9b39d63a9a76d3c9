// The one JSON writer and the one CSV row writer every output goes through, and the options
// every renderer honours.
#include <catch2/catch.hpp>

#include <string>

#include "ess/model/csv_writer.hpp"
#include "ess/model/format.hpp"
#include "ess/model/json_writer.hpp"
#include "ess/model/language.hpp"
#include "ess/report/report.hpp"

TEST_CASE("json: block and inline containers, as every report lays them out") {
  ess::json::Writer j;
  j.begin_object();
  j.key("grid").begin_object(ess::json::Layout::inline_);
  j.key("id").string("g");
  j.key("tags").begin_array();  // inside an inline object: inline too
  j.string("a");
  j.string("b");
  j.end_array();
  j.end_object();
  j.key("rows").begin_array();
  j.begin_object(ess::json::Layout::inline_);
  j.key("n").integer(18446744073709551615ull);  // exact: no double on the way
  j.key("x").number(0.1);
  j.key("none").number(std::nullopt);
  j.key("nan").number(std::nan(""));
  j.end_object();
  j.end_array();
  j.key("empty").begin_array();
  j.end_array();
  j.key("inline_empty").begin_object(ess::json::Layout::inline_);
  j.end_object();
  j.end_object();
  CHECK(std::move(j).finish() ==
        "{\n"
        "  \"grid\": {\"id\": \"g\", \"tags\": [\"a\", \"b\"]},\n"
        "  \"rows\": [\n"
        "    {\"n\": 18446744073709551615, \"x\": 0.1, \"none\": null, \"nan\": null}\n"
        "  ],\n"
        "  \"empty\": [],\n"
        "  \"inline_empty\": {}\n"
        "}\n");
}

TEST_CASE("json: a streamed document is the same bytes, in chunks") {
  auto write = [](ess::json::Writer& j) {
    j.begin_array();
    for (int i = 0; i < 5000; ++i) {
      j.begin_object(ess::json::Layout::inline_);
      j.key("i").integer(static_cast<std::uint64_t>(i));
      j.key("text").string("a \"quoted\" line\n");
      j.end_object();
    }
    j.end_array();
  };
  ess::json::Writer whole;
  write(whole);
  std::string expected = std::move(whole).finish();
  std::string streamed;
  int chunks = 0;
  ess::json::Writer j([&](std::string_view chunk) {
    streamed.append(chunk);
    ++chunks;
  });
  write(j);
  CHECK(std::move(j).finish().empty());
  CHECK(streamed == expected);
  CHECK(chunks > 1);
}

TEST_CASE("json: diagnostics as one array of one-line objects") {
  std::vector<ess::Diagnostic> items{{ess::Severity::error, "c", "f.yaml", {2, 3}, "m \"q\"", "h"},
                                     {ess::Severity::warning, "w", "g.yaml", {}, "m", ""}};
  CHECK(ess::format_diagnostics(items, ess::DiagnosticFormat::json) ==
        "[\n"
        "  {\"file\": \"f.yaml\", \"line\": 2, \"column\": 3, \"severity\": \"error\", \"code\": "
        "\"c\", \"message\": \"m \\\"q\\\"\", \"hint\": \"h\"},\n"
        "  {\"file\": \"g.yaml\", \"line\": 0, \"column\": 0, \"severity\": \"warning\", \"code\": "
        "\"w\", \"message\": \"m\", \"hint\": \"\"}\n"
        "]\n");
  CHECK(ess::format_diagnostics({}, ess::DiagnosticFormat::json) == "[]\n");
}

TEST_CASE("csv: quoting, empty fields and the decimal mark") {
  std::string out;
  ess::csv::Row row(out, {';', ','});
  row.text("a;b").text("plain").number(86.80529611204261).number(std::nullopt).integer(12);
  row.integer(std::nullopt).text(" padded").text("say \"hi\"");
  row.end();
  CHECK(out == "\"a;b\";plain;86,80529611204261;;12;;\" padded\";\"say \"\"hi\"\"\"\r\n");
  out.clear();
  ess::csv::Row plain(out, {});
  plain.number(0.5).text("x,y").number(-0.0);
  plain.end();
  CHECK(out == "0.5,\"x,y\",0\r\n");
}

TEST_CASE("report options: a decimal comma exactly for ';' and a French report") {
  using ess::Language;
  auto comma = [](std::optional<Language> asked, char sep, Language grid) {
    return ess::report_options(asked, sep, grid).decimal_comma;
  };
  CHECK(comma(std::nullopt, ';', Language::fr));
  CHECK(comma(Language::fr, ';', Language::en));
  CHECK_FALSE(comma(Language::en, ';', Language::fr));
  CHECK_FALSE(comma(std::nullopt, ';', Language::en));
  CHECK_FALSE(comma(std::nullopt, ',', Language::fr));
  CHECK(ess::report_options(std::nullopt, ',', Language::en).language == Language::en);
  CHECK(ess::report_options(Language::fr, ',', Language::en).language == Language::fr);
  ess::ReportOptions ro = ess::report_options(std::nullopt, ';', Language::fr);
  CHECK(ro.csv().separator == ';');
  CHECK(ro.csv().decimal_mark == ',');
}

TEST_CASE("option words: each parsed in one place") {
  CHECK(ess::parse_language("fr") == ess::Language::fr);
  CHECK(ess::parse_language("en") == ess::Language::en);
  CHECK_FALSE(ess::parse_language("de"));
  CHECK(ess::parse_report_format("csv") == ess::ReportFormat::csv);
  CHECK(ess::parse_report_format("md") == ess::ReportFormat::markdown);
  CHECK_FALSE(ess::parse_report_format("xml"));
  CHECK(ess::parse_diagnostic_format("github") == ess::DiagnosticFormat::github);
  CHECK_FALSE(ess::parse_diagnostic_format("xml"));
  CHECK(ess::parse_consolidation("median") == ess::Consolidation::median);
  CHECK(std::string(ess::consolidation_token(ess::Consolidation::min)) == "min");
  CHECK_FALSE(ess::parse_consolidation("max"));
}
