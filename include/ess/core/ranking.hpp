#pragma once
// §2.6: many dossiers side by side. Each scored dossier is reduced to one RankRow (what a
// ranking shows, nothing more), then the rows are ranked, the funding line drawn and the
// groups summarised. Pure: no I/O, no printing; the renderers below turn it into text.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/core/scoring.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace ess {

// What a committee should look at twice, beyond the total.
enum RankFlag : std::uint8_t {
  flag_self_only = 1u << 0,       // only self-assessments: nobody else has scored it yet
  flag_disagreement = 1u << 1,    // assessors' spread on a leaf ≥ the grid's disagreement
  flag_split_decision = 1u << 2,  // assessors' own totals fall in different bands
  flag_partial_na = 1u << 3,      // some assessors said N/A where others scored
};

struct RankRow {
  std::string dossier;  // id
  std::string title;
  std::string file;
  Pos id_pos;  // of the `dossier:` line, for duplicate-dossier
  std::string call, territory, theme;

  double total = 0;  // 0..100, unrounded
  DossierStatus status = DossierStatus::ok;
  std::size_t band = 0;                     // index in Grid::decision of the total
  std::string decision;                     // resolved later: resolve_decisions()
  std::vector<std::optional<double>> axes;  // 0..100 per top-level criterion; none: left out
  std::optional<double> requested;          // amount asked for, when the dossier says
  std::uint8_t flags = 0;                   // RankFlag bits
  std::vector<std::string> eliminatory;     // criterion ids failing an eliminatory minimum
  std::vector<std::string> below_minimum;   // other threshold failures (alerts)
  std::vector<std::string> missing;         // leaves neither scored nor N/A
  std::vector<std::string> na;              // leaves marked not applicable

  // Set by rank_rows.
  std::optional<std::size_t> rank;   // 1-based, shared by ties; none: ineligible/incomplete
  std::optional<double> cumulative;  // running sum of `requested` in rank order (ranked only)
  bool funded = false;               // within the budget (only under --budget)
  bool would_fit = false;            // below the line, yet within what the budget has left
  bool draws_line = false;           // the first ranked dossier that does not fit: the line is
                                     // drawn just above it
};

// §2.6: totals that differ by less than `tolerance` are equal (0.1 + 0.2 against 0.3).
bool same_total(double a, double b);

// §2.6: competition ranks (1, 2, 2, 4) of totals met highest first. A total equal to the one
// before it (same_total) shares its rank, so a run of close totals is one tie. The one ranking
// of `rank`, `grid impact` and `sensitivity`.
class CompetitionRanks {
 public:
  std::size_t next(double total);  // the rank of the next total, highest first

 private:
  std::size_t seen_ = 0, rank_ = 0;
  double last_ = 0;
};

// One row from one scored dossier: everything a ranking needs, so the rest can be dropped.
RankRow summarise(const DossierResult& result);

// Where the budget stops (§2.6). Meaningful only when `budget` is set.
struct FundingLine {
  std::optional<double> budget;
  std::size_t funded_count = 0;
  double funded_total = 0;  // Σ requested of the funded dossiers
  std::optional<std::size_t>
      first_unfunded;         // position in the ranking of the row that draws the line
  std::size_t would_fit = 0;  // rows below the line flagged would_fit
  double remaining() const { return budget ? *budget - funded_total : 0; }
};

// Orders rows in place: the ok ones by total (highest first, totals within `tolerance` tied
// and listed by id, competition ranks 1, 2, 2, 4), then ineligible, then incomplete, each by
// id. Fills rank, cumulative, funded, would_fit and draws_line. Ids are assumed unique
// (find_duplicate_ids is the check). The in-memory form of RankStream.
FundingLine rank_rows(std::vector<RankRow>& rows, std::optional<double> budget);

// A byte string whose order (memcmp) is the order rows enter RankStream: status (ok,
// ineligible, incomplete), then for ok rows the exact total, highest first, then the id.
std::string rank_key(const RankRow& row);

// Appends `text` so that the bytes sort as the strings do and a longer key can follow:
// NUL is escaped, and the end is marked by two NULs.
void append_ordered(std::string& key, std::string_view text);

// The ranking of rows handed over one at a time in rank_key order, so that a batch of any size
// is ranked holding only one tie group: ranks (totals within `tolerance` of the previous one
// join its tie and are listed by id), running sums and the funding line. Rows leave through
// `emit` in report order; `exact_order`, when set, sees each ranked row as it arrives (totals
// highest first, before ties are listed by id: what the group medians need).
class RankStream {
 public:
  RankStream(std::optional<double> budget, std::function<void(RankRow&&)> emit,
             std::function<void(const RankRow&)> exact_order = {});
  void add(RankRow row);
  void finish();  // the last tie group; funding() is final afterwards
  const FundingLine& funding() const { return line_; }
  std::size_t size() const { return position_; }  // rows emitted so far

 private:
  void flush_ties();
  void place(RankRow& row);

  std::function<void(RankRow&&)> emit_;
  std::function<void(const RankRow&)> exact_order_;
  std::vector<RankRow> ties_;
  CompetitionRanks ranks_;
  std::size_t ties_rank_ = 0;
  std::size_t position_ = 0;
  double cumulative_ = 0;
  FundingLine line_;
};

// Rows as bytes and back, for rankings too large to hold (rank keeps them in a temporary
// file). decode_row throws std::runtime_error on bytes encode_row did not write.
void encode_row(const RankRow& row, std::string& out);
RankRow decode_row(std::string_view bytes);

// Groups of indices (into `ids`) that share an id, each group in index order; groups
// ordered by id. Empty when every id is unique.
std::vector<std::vector<std::size_t>> find_duplicate_ids(const std::vector<std::string_view>& ids);

// The decision word of each row: its band's label when ok, else the word for ineligible or
// incomplete in `language`.
void resolve_decision(RankRow& row, const Grid& grid, Language language);
void resolve_decisions(std::vector<RankRow>& rows, const Grid& grid, Language language);

enum class GroupKey : std::uint8_t { call, territory, theme };

std::optional<GroupKey> parse_group_key(std::string_view name);  // "call" | "territory" | "theme"
const char* group_key_name(GroupKey key);
const std::string& group_value(const RankRow& row, GroupKey key);

struct GroupSummary {
  std::string value;  // the territory, theme or call ("" when dossiers leave it out)
  std::size_t count = 0;
  std::size_t ranked = 0;
  std::optional<double> mean, median;                          // of the ranked dossiers' totals
  std::vector<std::pair<std::string, std::size_t>> decisions;  // per label, decision_labels order
  double requested = 0;                                        // Σ over all the group's dossiers
  std::size_t funded_count = 0;
  double funded = 0;  // Σ requested of its funded dossiers
};

// Group summaries built from rows streamed in report order. The median needs each group's
// number of ranked rows beforehand (`ranked_per_value`) and their totals in exact order
// (see_ranked, fed by RankStream's exact_order); everything else comes from add().
class GroupTally {
 public:
  GroupTally(GroupKey key, std::vector<std::string> labels,
             std::map<std::string, std::size_t> ranked_per_value);
  void see_ranked(const RankRow& row);  // ranked rows, exact total order, highest first
  void add(const RankRow& row);         // every row, in report order, ranked and decided
  // One summary per distinct value, ordered by value (byte order).
  std::vector<GroupSummary> finish() &&;

 private:
  struct Median {
    std::size_t ranked = 0, seen = 0;
    std::optional<double> low, high;
  };
  GroupKey key_;
  std::vector<std::string> labels_;
  std::map<std::string, GroupSummary> groups_;
  std::map<std::string, Median> medians_;
  std::map<std::string, double> sums_;
};

// The same for rows held in memory: already ranked, decisions resolved. `labels` is
// decision_labels(grid, language).
std::vector<GroupSummary> summarise_groups(const std::vector<RankRow>& rows, GroupKey key,
                                           const std::vector<std::string>& labels);

// The rows of a ranking, read in order as many times as a report needs: held in memory, or
// read back from a temporary file by `rank`.
class RankedRows {
 public:
  virtual ~RankedRows() = default;
  // Every row in report order: ranked, then ineligible, then incomplete.
  virtual void for_each(const std::function<void(const RankRow&)>& fn) const = 0;
  // The same rows group by group (groups by value, byte order), report order within a group.
  virtual void for_each_grouped(GroupKey key,
                                const std::function<void(const RankRow&)>& fn) const = 0;
};

class RankedRowsInMemory final : public RankedRows {
 public:
  explicit RankedRowsInMemory(const std::vector<RankRow>& rows) : rows_(rows) {}
  void for_each(const std::function<void(const RankRow&)>& fn) const override;
  void for_each_grouped(GroupKey key, const std::function<void(const RankRow&)>& fn) const override;

 private:
  const std::vector<RankRow>& rows_;
};

struct RankCounts {
  std::size_t rows = 0, ranked = 0, ineligible = 0, incomplete = 0;
  void add(const RankRow& row);
};

}  // namespace ess
