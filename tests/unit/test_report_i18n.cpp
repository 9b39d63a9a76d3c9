#include <catch2/catch.hpp>

#include <set>
#include <string_view>

#include "ess/report/i18n.hpp"
#include "test_report_fixture.hpp"

namespace {

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    std::size_t close = text.find('}', open);
    if (close != std::string_view::npos)
      out.insert(std::string(text.substr(open + 1, close - open - 1)));
  }
  return out;
}

// The words structs hold string_views only: walk them as arrays, field by field.
template <class Words>
void check_same_shape(const Words& fr, const Words& en) {
  static_assert(sizeof(Words) % sizeof(std::string_view) == 0);
  constexpr std::size_t n = sizeof(Words) / sizeof(std::string_view);
  const auto* a = reinterpret_cast<const std::string_view*>(&fr);
  const auto* b = reinterpret_cast<const std::string_view*>(&en);
  for (std::size_t i = 0; i < n; ++i) {
    INFO("field " << i << ": fr '" << a[i] << "', en '" << b[i] << "'");
    CHECK_FALSE(a[i].empty());
    CHECK_FALSE(b[i].empty());
    CHECK(placeholders(a[i]) == placeholders(b[i]));
  }
}

}  // namespace

TEST_CASE("i18n: every word exists in French and English, with the same placeholders") {
  check_same_shape(ess::report_words(ess::Language::fr), ess::report_words(ess::Language::en));
  check_same_shape(ess::template_words(ess::Language::fr), ess::template_words(ess::Language::en));
}

TEST_CASE("i18n: decision labels") {
  auto f = make_fixture();
  f->result.status = ess::DossierStatus::ok;
  CHECK(ess::decision_label(f->result, ess::Language::fr) == "Réservé");
  f->result.status = ess::DossierStatus::ineligible;
  CHECK(ess::decision_label(f->result, ess::Language::fr) == "Inéligible");
  CHECK(ess::decision_label(f->result, ess::Language::en) == "Ineligible");
  f->result.status = ess::DossierStatus::incomplete;
  CHECK(ess::decision_label(f->result, ess::Language::fr) == "Incomplet");
  CHECK(ess::decision_label(f->result, ess::Language::en) == "Incomplete");
}

TEST_CASE("i18n: quotes and percentages follow each language's typography") {
  CHECK(ess::quoted("Réservé", ess::Language::fr) == "« Réservé »");
  CHECK(ess::quoted("Reserved", ess::Language::en) == "“Reserved”");
  CHECK(ess::percent_text("15,0", ess::Language::fr) == "15,0\u202f%");  // a narrow no-break space
  CHECK(ess::percent_text("15.0", ess::Language::en) == "15.0%");
  CHECK(ess::parse_language("fr") == ess::Language::fr);
  CHECK_FALSE(ess::parse_language("de"));
}
