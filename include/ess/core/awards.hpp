#pragma once
// Which dossiers of a call are awarded, and how much (§4, SCDL): the committee's `awarded`
// amounts when any dossier of the call records one, else the funding line's proposal (each
// funded dossier at its `requested`). The one place of that rule, for every export of awards.
#include <optional>
#include <string>
#include <vector>

#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace ess {

// What an award row needs of one dossier of the call, after ranking.
struct AwardCandidate {
  std::string dossier;  // id
  std::string file;
  Pos pos;  // of the dossier, for diagnostics that name it
  std::string title, applicant, siret, rna;
  std::optional<double> requested, awarded;
  bool funded = false;  // within the funding line
};

// One awarded dossier, its amount absent when the decision gives none (a diagnostic then).
struct AwardLine {
  AwardCandidate dossier;
  std::optional<double> amount;
};

struct AwardList {
  std::vector<AwardLine> lines;  // by dossier id
  bool proposal = false;         // amounts from the funding line, not from the committee
};

// The committee's decision when recorded: every dossier with `awarded` above 0 (`awarded: 0`
// records a refusal). Otherwise the funding line: every funded dossier, at its `requested`.
AwardCandidate award_candidate(const Dossier& dossier, bool funded);
AwardList choose_awards(std::vector<AwardCandidate> candidates);

}  // namespace ess
