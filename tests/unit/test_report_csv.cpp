#include <catch2/catch.hpp>

#include <sstream>

#include "ess/report/report.hpp"
#include "test_report_fixture.hpp"

namespace {

std::vector<std::string> records(const std::string& csv) {
  std::vector<std::string> out;
  std::size_t start = 0, end;
  while ((end = csv.find("\r\n", start)) != std::string::npos) {
    out.push_back(csv.substr(start, end - start));
    start = end + 2;
  }
  CHECK(start == csv.size());  // every record ends with CRLF
  return out;
}

}  // namespace

TEST_CASE("csv: the header of §4, one row per criterion, nodes included") {
  auto f = make_fixture();
  std::string csv = ess::render_csv(f->result, {});
  auto rows = records(csv);
  REQUIRE(rows.size() == 1 + f->result.criteria.size());
  CHECK(rows[0] ==
        "dossier,criterion,path,level,value,s,weight,effective_weight,target,gap,points_to_gain,"
        "spread,self_gap,status");
  CHECK(rows[1] == "\"T-1, bis\",gouv,gouv,,,0.6666666666666666,1,0.5,,,,,,scored");
  CHECK(rows[2] ==
        "\"T-1, bis\",a,gouv/a,Établi,2,0.6666666666666666,2,0.5,3,1,16.666666666666664,,"
        "0.3333333333333333,scored");
  CHECK(rows[3] == "\"T-1, bis\",b,gouv/b,,,,0,0,1,,,,,na");
  CHECK(rows[5] == "\"T-1, bis\",c,res/c,,,,1,0,100,,,,,missing");
}

TEST_CASE("csv: semicolons and decimal commas for French spreadsheets") {
  auto f = make_fixture();
  ess::ReportOptions o;
  o.csv_separator = ';';
  o.decimal_comma = true;
  auto rows = records(ess::render_csv(f->result, o));
  CHECK(rows[0].rfind("dossier;criterion;path;", 0) == 0);
  CHECK(rows[1] == "T-1, bis;gouv;gouv;;;0,6666666666666666;1;0,5;;;;;;scored");
}

TEST_CASE("csv: text that needs quoting is quoted (RFC 4180)") {
  auto f = make_fixture();
  f->at("a").level = "Niveau \"deux\"\nsuite";
  auto rows = ess::render_csv(f->result, {});
  CHECK(rows.find(",\"Niveau \"\"deux\"\"\nsuite\",") != std::string::npos);
}

TEST_CASE("csv: rows of several dossiers under one header") {
  auto f = make_fixture();
  std::string all =
      ess::csv_header({}) + ess::csv_rows(f->result, {}) + ess::csv_rows(f->result, {});
  CHECK(records(all).size() == 1 + 2 * f->result.criteria.size());
}
