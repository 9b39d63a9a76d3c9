#include "ess/model/decision.hpp"

namespace ess {

std::string_view status_word(DossierStatus status, Language language) {
  const bool en = language == Language::en;
  switch (status) {
    case DossierStatus::ineligible:
      return en ? "Ineligible" : "Inéligible";
    case DossierStatus::incomplete:
      return en ? "Incomplete" : "Incomplet";
    case DossierStatus::not_assessed:
      return en ? "Not assessed" : "Non évalué";
    case DossierStatus::invalid:
      return en ? "Invalid" : "Invalide";
    case DossierStatus::ok:
      break;
  }
  return "";
}

std::string decision_label(const Grid& grid, DossierStatus status, std::optional<std::size_t> band,
                           Language language) {
  if (status != DossierStatus::ok) return std::string(status_word(status, language));
  if (!band || *band >= grid.decision.size()) return {};
  return grid.decision[*band].label;
}

std::string decision_label(const DossierResult& result, Language language) {
  if (!result.grid) return std::string(status_word(result.status, language));
  return decision_label(*result.grid, result.status, result.band, language);
}

bool band_fundable(const std::vector<Band>& bands, std::size_t index) {
  if (index >= bands.size()) return false;
  return bands[index].fundable.value_or(index > 0);
}

std::vector<std::string> decision_labels(const Grid& grid, Language language) {
  std::vector<std::string> labels;
  auto add = [&](std::string label) {
    for (const auto& l : labels)
      if (l == label) return;
    labels.push_back(std::move(label));
  };
  for (auto it = grid.decision.rbegin(); it != grid.decision.rend(); ++it) add(it->label);
  add(std::string(status_word(DossierStatus::ineligible, language)));
  add(std::string(status_word(DossierStatus::incomplete, language)));
  add(std::string(status_word(DossierStatus::not_assessed, language)));
  add(std::string(status_word(DossierStatus::invalid, language)));
  return labels;
}

}  // namespace ess
