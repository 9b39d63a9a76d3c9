#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "ess/report/report.hpp"
#include "test_report_fixture.hpp"

using Catch::Matchers::Contains;

namespace {

// A strict JSON reader (RFC 8259) that only says whether the text is one valid value.
class JsonCheck {
 public:
  explicit JsonCheck(const std::string& text) : s_(text) {}
  bool valid() {
    space();
    if (!value()) return false;
    space();
    return i_ == s_.size();
  }

 private:
  bool value() {
    if (i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') return string();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    return word("true") || word("false") || word("null");
  }
  bool object() {
    ++i_;
    space();
    if (peek('}')) return ++i_, true;
    for (;;) {
      space();
      if (!string()) return false;
      space();
      if (!peek(':')) return false;
      ++i_;
      space();
      if (!value()) return false;
      space();
      if (peek('}')) return ++i_, true;
      if (!peek(',')) return false;
      ++i_;
    }
  }
  bool array() {
    ++i_;
    space();
    if (peek(']')) return ++i_, true;
    for (;;) {
      space();
      if (!value()) return false;
      space();
      if (peek(']')) return ++i_, true;
      if (!peek(',')) return false;
      ++i_;
    }
  }
  bool string() {
    if (!peek('"')) return false;
    for (++i_; i_ < s_.size(); ++i_) {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++i_ >= s_.size()) return false;
        if (s_[i_] == 'u') {
          for (int k = 0; k < 4; ++k)
            if (++i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_])))
              return false;
        } else if (std::string_view("\"\\/bfnrt").find(s_[i_]) == std::string_view::npos) {
          return false;
        }
      }
    }
    return false;
  }
  bool number() {
    std::size_t start = i_;
    if (peek('-')) ++i_;
    if (peek('0')) {
      ++i_;
    } else if (!digits()) {
      return false;
    }
    if (peek('.') && (++i_, !digits())) return false;
    if (peek('e') || peek('E')) {
      ++i_;
      if (peek('+') || peek('-')) ++i_;
      if (!digits()) return false;
    }
    return i_ > start;
  }
  bool digits() {
    std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }
  bool word(std::string_view w) {
    if (s_.compare(i_, w.size(), w) != 0) return false;
    i_ += w.size();
    return true;
  }
  bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  void space() {
    while (i_ < s_.size() && std::string_view(" \t\r\n").find(s_[i_]) != std::string_view::npos)
      ++i_;
  }
  const std::string& s_;
  std::size_t i_ = 0;
};

bool valid_json(const std::string& text) {
  return JsonCheck(text).valid();
}

}  // namespace

TEST_CASE("json checker: sanity") {
  CHECK(valid_json("{\"a\": [1, -2.5e3, true, null, \"x\\n\"]}"));
  CHECK_FALSE(valid_json("{\"a\": nan}"));
  CHECK_FALSE(valid_json("[1,]"));
  CHECK_FALSE(valid_json("{\"a\": 01}"));
}

TEST_CASE("json: one valid object, keys in a fixed order") {
  auto f = make_fixture();
  std::string out = ess::render_json(f->result, {});
  REQUIRE(valid_json(out));
  CHECK(out.back() == '\n');
  const char* keys[] = {
      "dossier", "title",   "applicant", "call",       "territory", "theme",    "requested",
      "grid",    "total",   "decision",  "status",     "axes",      "criteria", "path_to_next_band",
      "na",      "missing", "facts",     "diagnostics"};
  std::size_t at = 0;
  for (const char* k : keys) {
    INFO(k);
    std::size_t found = out.find(std::string("\n  \"") + k + "\": ");
    REQUIRE(found != std::string::npos);
    CHECK(found > at);
    at = found;
  }
}

TEST_CASE("json: numbers are JSON numbers, absent values null, text escaped") {
  auto f = make_fixture();
  std::string out = ess::render_json(f->result, {});
  CHECK_THAT(out, Contains("\"dossier\": \"T-1, bis\""));
  CHECK_THAT(out, Contains("\"title\": \"Titre \\\"cité\\\" | pipe\""));
  CHECK_THAT(out, Contains("\"applicant\": \"Association\\nSur deux lignes\""));
  CHECK_THAT(out, Contains("\"territory\": null"));
  CHECK_THAT(out, Contains("\"requested\": 12000"));
  CHECK_THAT(out, Contains("\"total\": 62.25"));
  CHECK_THAT(out, Contains("\"decision\": \"Incomplet\""));
  CHECK_THAT(out, Contains("\"status\": \"incomplete\""));
  CHECK_THAT(out, Contains("\"gouv\": 66.66666666666666"));
  CHECK_THAT(out, Contains("\"res\": null"));
  CHECK_THAT(out, Contains("\"points_to_gain\": 16.666666666666664"));
  CHECK_THAT(out, Contains("\"sha256\": \"0123456789abcdef"));
  CHECK_THAT(out, Contains("\"next_band\": \"Favorable\""));
  CHECK_THAT(out, Contains("\"reason\": \"not_scored\""));
}

TEST_CASE("json: what is not finite comes out as null, never nan") {
  auto f = make_fixture();
  f->at("a").spread = std::numeric_limits<double>::quiet_NaN();
  f->result.total = std::numeric_limits<double>::infinity();
  std::string out = ess::render_json(f->result, {});
  CHECK(valid_json(out));
  CHECK_THAT(out, Contains("\"total\": null"));
  CHECK(out.find(": nan") == std::string::npos);
  CHECK(out.find(": inf") == std::string::npos);
}

TEST_CASE("json: several dossiers make an array; diagnostics are carried") {
  auto f = make_fixture();
  ess::Diagnostic d{ess::Severity::warning, "missing-score", "d.yaml", {3, 5}, "a \"quoted\"", ""};
  std::string out =
      ess::render_json_array({{&f->result, {d}}, {&f->result, {}}}, ess::ReportOptions{});
  REQUIRE(valid_json(out));
  CHECK(out.rfind("[\n  {\n    \"dossier\"", 0) == 0);
  CHECK_THAT(out, Contains("\"line\": 3"));
  CHECK_THAT(out, Contains("\"message\": \"a \\\"quoted\\\"\""));
  CHECK(ess::render_json_array({}, {}) == "[]\n");
}

TEST_CASE("json: an ineligible dossier has no path but its eliminatory failures") {
  auto f = make_fixture();
  f->result.status = ess::DossierStatus::ineligible;
  f->result.eliminatory_failures = {2};
  std::string out = ess::render_json(f->result, {});
  CHECK(valid_json(out));
  CHECK_THAT(out, Contains("\"path_to_next_band\": null"));
  CHECK_THAT(out, Contains("\"eliminatory_failures\": [\n    \"b\"\n  ]"));
  CHECK_THAT(out, Contains("\"decision\": \"Inéligible\""));
}

TEST_CASE("index: links survive any dossier id") {
  auto f = make_fixture();
  std::string md = ess::render_index({{&f->result, "T-1, bis.md"}}, ess::ReportFormat::markdown,
                                     ess::ReportOptions{});
  CHECK_THAT(md, Contains("[T-1, bis.md](T-1%2C%20bis.md)"));
  std::string json = ess::render_index({{&f->result, "x.json"}}, ess::ReportFormat::json, {});
  CHECK(valid_json(json));
  std::string csv = ess::render_index({{&f->result, "x.csv"}}, ess::ReportFormat::csv, {});
  CHECK(csv ==
        "dossier,title,total,decision,status,file\r\n\"T-1, bis\",\"Titre \"\"cité\"\" | "
        "pipe\",62.25,Incomplet,incomplete,x.csv\r\n");
}
