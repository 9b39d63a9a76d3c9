#pragma once
// The committee's pack and the call's public account (spec §7), as pure renderers fed the way
// a batch pipeline can feed them without holding every DossierResult, nor anything per dossier:
//   1. while the files are scored, each result leaves its note (encode_note: what the committee
//      must discuss beyond the rank row — straddling disagreements, omissions) in its row's
//      RankRow::note, so that the note travels with the row through the ranking;
//   2. the rows are ranked (RankedRows, as for `rank`); PackRenderer::begin writes the title,
//      the contents, the summary, the ranking and what must be discussed, reading the rows
//      as many times as it needs;
//   3. each dossier, in ranking order, is scored again (or read back), handed to
//      PackTally::add and to PackRenderer::dossier (its page in the committee's pack, its
//      award in the public account);
//   4. PackRenderer::end writes the collective support needs (and, in the public account, the
//      counts by territory and theme and the resources mobilised).
// The document goes to the renderer's sink as it is written — HTML (self-contained, printable
// on A4) or Markdown (for pandoc) — a few kilobytes at a time.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/core/ranking.hpp"
#include "ess/model/model.hpp"
#include "ess/model/result.hpp"

namespace ess {

enum class Audience : std::uint8_t { committee, public_account };
enum class PackFormat : std::uint8_t { html, markdown };

// A file refused by validation (status `invalid`): the committee sees it and why.
struct RefusedFile {
  std::string file;
  std::string code;     // the first error's code
  std::string message;  // and its message
};

// The refused files, read as often as the pack needs (the run's diagnostics keep them).
class RefusedFiles {
 public:
  virtual ~RefusedFiles() = default;
  virtual std::size_t size() const = 0;
  virtual void for_each(const std::function<void(const RefusedFile&)>& fn) const = 0;
};

struct PackCall {
  const Grid* grid = nullptr;        // the grid every dossier was scored with
  Language language = Language::fr;  // report_options(): --lang, else the grid's
  Audience audience = Audience::committee;
  PackFormat format = PackFormat::html;
  std::string call_id, call_title, funder;  // "": no call
  std::string date;                         // the committee's date (ISO); "": none
  // Ranked, decisions resolved. A row of status invalid is a file the ranking refused (scored
  // under another grid): no page, no line of its own; `refused` lists it with its error.
  const RankedRows* rows = nullptr;
  FundingLine funding;                    // budget unset: no funding line
  const RefusedFiles* refused = nullptr;  // none: no file refused
  std::string grid_sha256;  // of the grid file, for the header (first 12 digits shown)
  // --group-by territory or theme: the collective support needs by that group only; none (or
  // call): by territory and by theme.
  std::optional<GroupKey> group_by;
  std::size_t other_calls = 0;  // --call: dossiers of other calls, left out (counted in the header)
};

// What the committee must know of one dossier beyond its rank row.
struct DossierNote {
  std::vector<std::string> straddling;  // criteria whose assessors' disagreement straddles a band
  std::vector<std::string> omissions;   // "criterion — assessor" (a leaf an assessor left out)
  bool not_assessed = false;            // nobody but the applicant has assessed it
};

// Whether a row has its page (and its line in the contents, the ranking and what to discuss):
// not when the ranking refused it (PackCall::rows).
bool has_page(const RankRow& row);

// A result's note as bytes for RankRow::note ("" when nothing is worth a line), and back
// (nothing for "").
std::string encode_note(const DossierResult& result);
std::optional<DossierNote> decode_note(std::string_view bytes);

// Sums over the dossiers, one at a time: points to gain per criterion (overall, by territory,
// by theme), and for the funded dossiers the resources they mobilise. Per criterion and per
// group, never per dossier.
class PackTally {
 public:
  explicit PackTally(const Grid& grid);
  void add(const DossierResult& result, const RankRow& row);

  struct Need {
    double points = 0;         // Σ points to gain
    std::size_t dossiers = 0;  // below target
  };
  // A territory or a theme: its applications whatever the case and accents of their spelling,
  // listed by match_key (French order, accents folded), shown as most of them spell it.
  struct Group {
    std::string name;                              // the most frequent spelling
    std::map<std::string, std::size_t> spellings;  // spelling -> applications
    std::size_t applications = 0, funded = 0;
    double awarded = 0;
    std::map<std::string, Need> needs;  // criterion id -> need
  };
  const Grid& grid() const { return grid_; }
  const std::map<std::string, Need>& needs() const { return needs_; }
  // By match_key of the name.
  const std::map<std::string, Group>& by_territory() const { return territory_; }
  const std::map<std::string, Group>& by_theme() const { return theme_; }
  std::size_t assessed() const { return assessed_; }
  // Resources of the funded dossiers, per fact of the grid (sums; undefined ones left out).
  const std::vector<double>& funded_facts() const { return funded_facts_; }
  const std::vector<std::size_t>& funded_fact_counts() const { return funded_fact_counts_; }
  std::size_t funded() const { return funded_; }

 private:
  const Grid& grid_;
  std::map<std::string, Need> needs_;
  std::map<std::string, Group> territory_, theme_;
  std::vector<double> funded_facts_;
  std::vector<std::size_t> funded_fact_counts_;
  std::size_t assessed_ = 0, funded_ = 0;
};

class PackRenderer {
 public:
  using Sink = std::function<void(std::string_view)>;
  PackRenderer(const PackCall& call, Sink sink);
  ~PackRenderer();
  void begin();
  // In ranking order: the dossier's page in the committee's pack, its line among the awards
  // in the public account when it is funded.
  void dossier(const DossierResult& result, const RankRow& row);
  void end(const PackTally& tally);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ess
