#include "ess/core/awards.hpp"

#include <algorithm>

namespace ess {

AwardCandidate award_candidate(const Dossier& d, bool funded) {
  AwardCandidate c;
  c.dossier = d.id;
  c.file = d.file;
  c.pos = d.pos;
  c.title = d.title;
  c.applicant = d.applicant;
  c.siret = d.siret;
  c.rna = d.rna;
  c.requested = d.requested;
  c.awarded = d.awarded;
  c.funded = funded;
  return c;
}

AwardList choose_awards(std::vector<AwardCandidate> candidates) {
  AwardList out;
  bool committee = std::any_of(candidates.begin(), candidates.end(),
                               [](const AwardCandidate& c) { return c.awarded.has_value(); });
  out.proposal = !committee;
  for (auto& c : candidates) {
    if (committee && c.awarded && *c.awarded > 0) {
      std::optional<double> amount = c.awarded;
      out.lines.push_back({std::move(c), amount});
    } else if (!committee && c.funded) {
      std::optional<double> amount = c.requested;
      out.lines.push_back({std::move(c), amount});
    }
  }
  std::sort(out.lines.begin(), out.lines.end(), [](const AwardLine& a, const AwardLine& b) {
    return a.dossier.dossier < b.dossier.dossier;
  });
  return out;
}

}  // namespace ess
