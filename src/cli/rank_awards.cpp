#include "rank_awards.hpp"

#include <unordered_set>
#include <vector>

#include "ess/model/byte_codec.hpp"

namespace ess::cli {

std::string encode_award_candidate(const Dossier& d) {
  AwardCandidate c = award_candidate(d, false);
  std::string out;
  ByteWriter w(out);
  for (const std::string* text : {&c.dossier, &c.file, &c.title, &c.applicant, &c.siret, &c.rna})
    w.text(*text);
  w.raw(c.pos.line);
  w.raw(c.pos.col);
  w.number(c.requested);
  w.number(c.awarded);
  return out;
}

namespace {

AwardCandidate decode_award_candidate(std::string_view bytes) {
  ByteReader in(bytes);
  AwardCandidate c;
  for (std::string* text : {&c.dossier, &c.file, &c.title, &c.applicant, &c.siret, &c.rna})
    *text = in.text();
  c.pos.line = in.raw<decltype(c.pos.line)>();
  c.pos.col = in.raw<decltype(c.pos.col)>();
  c.requested = in.number();
  c.awarded = in.number();
  return c;
}

}  // namespace

void AwardPass::consume(const RankRecord& record) {
  if (record.scored && !record.extra.empty()) candidates_.append(record.extra);
}

AwardList AwardPass::finish(const RankedRows& rows) {
  std::unordered_set<std::string> funded;
  rows.for_each([&](const RankRow& row) {
    if (row.funded) funded.insert(row.dossier);
  });
  std::vector<AwardCandidate> kept;
  candidates_.for_each([&](std::string_view bytes) {
    AwardCandidate c = decode_award_candidate(bytes);
    c.funded = funded.count(c.dossier) > 0;
    if (c.funded || c.awarded) kept.push_back(std::move(c));
  });
  return choose_awards(std::move(kept));
}

}  // namespace ess::cli
