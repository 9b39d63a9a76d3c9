#include "doc_values.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "ess/model/text.hpp"
#include "ess/report/i18n.hpp"

namespace ess::doc {

namespace {

std::string levels_text(const Scale& scale, double value, const NumberWords& numbers) {
  Language language = numbers.language();
  const Level* below = nullptr;
  const Level* above = nullptr;
  for (const Level& l : scale.levels) {
    if (std::abs(l.value - value) < tolerance) return doc::quoted(l.label, language);
    if (l.value < value && (!below || l.value > below->value)) below = &l;
    if (l.value > value && (!above || l.value < above->value)) above = &l;
  }
  if (!below || !above) return numbers.fixed(value, 1);
  std::string between = language == Language::fr ? "entre " : "between ";
  std::string conj = language == Language::fr ? " et " : " and ";
  return between + doc::quoted(below->label, language) + conj + doc::quoted(above->label, language);
}

}  // namespace

std::string quoted(std::string_view text, Language language) {
  if (language == Language::en) return "\u201c" + std::string(text) + "\u201d";
  return "\u00ab\u00a0" + std::string(text) + "\u00a0\u00bb";
}

std::string french_spacing(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> rules[] = {
      {" :", "\u00a0:"}, {" ;", "\u202f;"}, {" !", "\u202f!"},
      {" ?", "\u202f?"}, {"« ", "«\u00a0"}, {" »", "\u00a0»"}};
  std::string out(text);
  for (const auto& [from, to] : rules) {
    std::size_t at = 0;
    while ((at = out.find(from, at)) != std::string::npos) {
      out.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return out;
}

std::string value_text(const Grid& grid, const Criterion& leaf, double value,
                       const NumberWords& numbers) {
  const Scale* scale = grid.find_scale(leaf.scale);
  if (!scale) return numbers.quantity(value);
  switch (scale->type) {
    case ScaleType::levels:
      return levels_text(*scale, value, numbers);
    case ScaleType::yesno: {
      const ReportWords& w = report_words(numbers.language());
      return doc::quoted(value >= 0.5 ? w.yes : w.no, numbers.language());
    }
    case ScaleType::numeric:
      break;
  }
  return numbers.with_unit(value, scale->unit);
}

std::string long_date(std::string_view iso, Language language) {
  static constexpr std::array<const char*, 12> fr{"janvier",   "février", "mars",     "avril",
                                                  "mai",       "juin",    "juillet",  "août",
                                                  "septembre", "octobre", "novembre", "décembre"};
  static constexpr std::array<const char*, 12> en{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
  if (!is_iso_date(iso)) return std::string(iso);
  int month = std::stoi(std::string(iso.substr(5, 2)));
  int day = std::stoi(std::string(iso.substr(8, 2)));
  std::string year(iso.substr(0, 4));
  if (month < 1 || month > 12) return std::string(iso);
  auto m = static_cast<std::size_t>(month - 1);
  if (language == Language::en) return std::to_string(day) + " " + en[m] + " " + year;
  return (day == 1 ? std::string("1er") : std::to_string(day)) + " " + fr[m] + " " + year;
}

std::string title_of(const Criterion& c) {
  return c.title.empty() ? c.id : c.title;
}

std::vector<std::size_t> strengths(const DossierResult& result) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < result.criteria.size(); ++i) {
    const CriterionResult& r = result.criteria[i];
    if (!r.is_leaf() || r.status != CriterionStatus::scored || r.weight <= 0) continue;
    if (r.s && r.s_target && *r.s >= *r.s_target - tolerance) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> gaps(const DossierResult& result) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < result.criteria.size(); ++i) {
    const CriterionResult& r = result.criteria[i];
    if (r.is_leaf() && r.points_to_gain && *r.points_to_gain > tolerance) out.push_back(i);
  }
  std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    const CriterionResult& ra = result.criteria[a];
    const CriterionResult& rb = result.criteria[b];
    if (*ra.points_to_gain != *rb.points_to_gain) return *ra.points_to_gain > *rb.points_to_gain;
    return ra.criterion->id < rb.criterion->id;
  });
  return out;
}

}  // namespace ess::doc
