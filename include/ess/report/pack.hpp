#pragma once
// The committee's pack and the call's public account (spec §7), as pure renderers fed the way
// a batch pipeline can feed them without holding every DossierResult:
//   1. while the files are scored, each result goes to PackNotes (what the committee must
//      discuss beyond the rank row: straddling disagreements, omissions — small, and only for
//      the dossiers that have any);
//   2. the rows are ranked (RankedRows, as for `rank`); PackRenderer::begin writes the title,
//      the contents, the summary, the ranking and what must be discussed from them;
//   3. each dossier, in ranking order, is scored again (or read back), handed to
//      PackTally::add and, in the committee's pack, to PackRenderer::dossier for its page;
//   4. PackRenderer::end writes the collective support needs (and, in the public account, the
//      awards, the counts by territory and theme and the resources mobilised).
// Each call returns the next piece of the one document, HTML (self-contained, printable on A4)
// or Markdown (for pandoc).
#include <map>
#include <memory>
#include <optional>
#include <string>
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

struct PackCall {
  const Grid* grid = nullptr;        // the grid every dossier was scored with
  Language language = Language::fr;  // report_options(): --lang, else the grid's
  Audience audience = Audience::committee;
  PackFormat format = PackFormat::html;
  std::string call_id, call_title, funder;  // "": no call
  std::string date;                         // the committee's date (ISO); "": none
  const RankedRows* rows = nullptr;         // ranked, decisions resolved
  FundingLine funding;                      // budget unset: no funding line
  std::vector<RefusedFile> refused;
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

class PackNotes {
 public:
  void add(const DossierResult& result);  // keeps only what is worth a line
  // The same in two steps, for a pipeline whose workers see the results and whose consumer
  // keeps the notes: the note of a result (nothing when nothing is worth a line), then kept.
  static std::optional<DossierNote> note_of(const DossierResult& result);
  void add(const std::string& dossier, DossierNote note);
  const DossierNote* find(const std::string& dossier) const;

 private:
  std::map<std::string, DossierNote> notes_;
};

// Sums over the dossiers, one at a time: points to gain per criterion (overall, by territory,
// by theme), and for the funded dossiers the resources they mobilise and their awards.
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
  struct Award {
    std::string applicant, title, territory;
    double amount = 0;
  };
  const Grid& grid() const { return grid_; }
  const std::map<std::string, Need>& needs() const { return needs_; }
  // By match_key of the name.
  const std::map<std::string, Group>& by_territory() const { return territory_; }
  const std::map<std::string, Group>& by_theme() const { return theme_; }
  const std::vector<Award>& awards() const { return awards_; }
  std::size_t assessed() const { return assessed_; }
  // Resources of the funded dossiers, per fact of the grid (sums; undefined ones left out).
  const std::vector<double>& funded_facts() const { return funded_facts_; }
  const std::vector<std::size_t>& funded_fact_counts() const { return funded_fact_counts_; }
  std::size_t funded() const { return awards_.size(); }

 private:
  const Grid& grid_;
  std::map<std::string, Need> needs_;
  std::map<std::string, Group> territory_, theme_;
  std::vector<Award> awards_;
  std::vector<double> funded_facts_;
  std::vector<std::size_t> funded_fact_counts_;
  std::size_t assessed_ = 0;
};

class PackRenderer {
 public:
  PackRenderer(const PackCall& call, const PackNotes& notes);
  ~PackRenderer();
  std::string begin();
  // A dossier's page (committee pack only; "" in the public account), in ranking order.
  std::string dossier(const DossierResult& result, const RankRow& row);
  std::string end(const PackTally& tally);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ess
