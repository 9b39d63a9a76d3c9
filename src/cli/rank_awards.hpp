#pragma once
// `rank --call CALL --format scdl` (§4): what each dossier of the call contributes to the awards
// (its applicant, identifiers, amounts) kept beside its rank row as it is scored, then the
// awards chosen once the funding line is drawn (core/awards.hpp: the committee's `awarded`
// amounts when any dossier records one, else the funding line's proposal).
#include <string>
#include <string_view>

#include "ess/core/awards.hpp"
#include "ess/core/ranking.hpp"
#include "ess/io/spill.hpp"
#include "ess/model/model.hpp"
#include "rank_records.hpp"

namespace ess::cli {

// The award candidate of a scored dossier, as RankRecord::extra.
std::string encode_award_candidate(const Dossier& dossier);

class AwardPass {
 public:
  // Each record of the batch in id order (RankPass's consumer sees the same).
  void consume(const RankRecord& record);
  // The awards: every candidate that records `awarded` or that the ranking funds. Memory: the
  // candidates kept, never every dossier of the call.
  AwardList finish(const RankedRows& rows);

 private:
  RecordLog candidates_;  // id order
};

}  // namespace ess::cli
