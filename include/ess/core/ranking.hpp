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
#include "ess/model/call.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/group_key.hpp"
#include "ess/model/model.hpp"

namespace ess {

// What a committee should look at twice, beyond the total.
enum RankFlag : std::uint8_t {
  flag_self_only = 1u << 0,       // only self-assessments: nobody else has scored it yet
  flag_disagreement = 1u << 1,    // assessors' spread on a leaf ≥ the grid's disagreement
  flag_split_decision = 1u << 2,  // assessors' own totals fall in different bands
  flag_partial_na = 1u << 3,      // some assessors said N/A where others scored
};

// Why a ranked dossier is not funded (§2.6): what the report says beside it.
enum class Unfunded : std::uint8_t {
  none,          // funded, or no budget at all
  budget,        // its request does not fit in what its funding line has left
  not_fundable,  // its decision band is not fundable (§1.1): the avis stops the line
  below_line,    // it would fit in what is left, but the line is drawn above it
  no_budget,     // budgets are per group, and its group has none
};
const char* unfunded_token(Unfunded why);  // budget | not-fundable | below-line | no-budget

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
  bool fundable = true;                     // its band may be funded (band_fundable)
  std::string error_code, error_message;    // invalid rows: the file's first error
  // Bytes a command carries with the row to its report, opaque to the ranking (pack: what the
  // committee must discuss of the dossier, report/pack.hpp encode_note); empty: nothing.
  std::string note;

  // Set by rank_rows.
  std::optional<std::size_t> rank;     // 1-based, shared by ties; none: not ok
  std::optional<double> cumulative;    // running sum of `requested` in rank order (ranked only),
                                       // within its group when budgets are per group
  bool funded = false;                 // within the budget (only under --budget)
  bool would_fit = false;              // below the line, fundable, within what the budget has left
  bool draws_line = false;             // the first ranked dossier that does not fit, or whose
                                       // band is not fundable: the line is drawn just above it
  Unfunded unfunded = Unfunded::none;  // why not funded, under a budget
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

// The row of a file refused by validation (status invalid, §2.6): its file, what the dossier
// says of itself when it could be loaded (id, title, groups; else nullptr), its first error.
RankRow invalid_row(std::string file, const Dossier* dossier, std::string code,
                    std::string message);

// A scored row refused after all (scored under another grid than the ranking's): invalid, its
// total and axes dropped, the error kept.
void refuse_row(RankRow& row, std::string code, std::string message);

// What money there is (§2.6): nothing, one budget over the whole ranking, or one per group
// (`by` set; `--budget "Creuse=50000"` or a call's `budgets:`, GroupBudget of
// ess/model/call.hpp): a group without a budget is not funded.
struct FundingPlan {
  std::optional<double> budget;
  std::optional<GroupKey> by;
  std::vector<GroupBudget> budgets;
  bool any() const { return budget.has_value() || by.has_value(); }
};

// Where a budget stops (§2.6). Meaningful only when `budget` is set.
struct FundingLine {
  std::optional<double> budget;
  std::string key, name;  // per group: match_key of the group, and its name as typed
  std::size_t funded_count = 0;
  double funded_total = 0;                    // Σ requested of the funded dossiers
  std::optional<std::size_t> first_unfunded;  // position in the ranking of the row that draws it
  Unfunded drawn_by = Unfunded::none;         // budget or not_fundable, once drawn
  std::size_t would_fit = 0;                  // rows below the line flagged would_fit
  std::size_t ranked = 0;                     // ranked rows on this line
  double remaining() const { return budget ? *budget - funded_total : 0; }
};

// Orders rows in place: the ok ones by total (highest first, totals within `tolerance` tied
// and listed by id, competition ranks 1, 2, 2, 4), then ineligible, incomplete, not assessed,
// invalid, each by id. Fills rank, cumulative, funded, would_fit, draws_line and unfunded. Ids
// are assumed unique (find_duplicate_ids is the check). The in-memory form of RankStream.
FundingLine rank_rows(std::vector<RankRow>& rows, std::optional<double> budget);
FundingLine rank_rows(std::vector<RankRow>& rows, const FundingPlan& plan,
                      std::vector<FundingLine>* group_lines = nullptr);

// A byte string whose order (memcmp) is the order rows enter RankStream: status (ok,
// ineligible, incomplete, not assessed, invalid), then for ok rows the exact total, highest
// first, then the id (invalid rows without an id last).
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
  RankStream(FundingPlan plan, std::function<void(RankRow&&)> emit,
             std::function<void(const RankRow&)> exact_order = {});
  void add(RankRow row);
  void finish();  // the last tie group; funding() and lines() are final afterwards
  // The funding line, or with budgets per group their sum (budget, funded, would fit).
  const FundingLine& funding() const { return line_; }
  // Budgets per group: one line per group that has a budget or a ranked dossier, by key.
  std::vector<FundingLine> lines() const;
  std::size_t size() const { return position_; }  // rows emitted so far

 private:
  struct Line {
    FundingLine funding;
    double cumulative = 0;
  };
  void flush_ties();
  void place(RankRow& row);
  Line& line_of(const RankRow& row);

  FundingPlan plan_;
  std::function<void(RankRow&&)> emit_;
  std::function<void(const RankRow&)> exact_order_;
  std::vector<RankRow> ties_;
  CompetitionRanks ranks_;
  std::size_t ties_rank_ = 0;
  std::size_t position_ = 0;
  Line whole_;                          // the one line (no budget, or one budget)
  std::map<std::string, Line> groups_;  // budgets per group: by match_key of the group
  FundingLine line_;
};

// What a funding line decides for the next ranked row, its cumulative already set (§2.6):
// funded while it fits and its band is fundable; the first that does not draws the line; below
// it, the reason each is not funded, and which would still fit.
void fund(FundingLine& line, RankRow& row, std::size_t position);

// Rows as bytes and back, for rankings too large to hold (rank keeps them in a temporary
// file). decode_row throws std::runtime_error on bytes encode_row did not write.
void encode_row(const RankRow& row, std::string& out);
RankRow decode_row(std::string_view bytes);

// Groups of indices (into `ids`) that share an id, each group in index order; groups
// ordered by id. Empty when every id is unique.
std::vector<std::vector<std::size_t>> find_duplicate_ids(const std::vector<std::string_view>& ids);

// The decision word of each row: its band's label when ok, else the word of its status in
// `language` (no grid needed then).
void resolve_decision(RankRow& row, const Grid& grid, Language language);
void resolve_decision(RankRow& row, Language language);
void resolve_decisions(std::vector<RankRow>& rows, const Grid& grid, Language language);

// GroupKey, parse_group_key and group_key_name: ess/model/group_key.hpp.
const std::string& group_value(const RankRow& row, GroupKey key);
// The group a row belongs to: group_value under match_key (Corrèze and correze are one group).
std::string group_of(const RankRow& row, GroupKey key);

struct GroupSummary {
  std::string key;    // match_key of the group: its identity and its order
  std::string value;  // its most frequent spelling ("" when dossiers leave it out)
  std::size_t count = 0;
  std::size_t ranked = 0;
  std::optional<double> mean, median;                          // of the ranked dossiers' totals
  std::vector<std::pair<std::string, std::size_t>> decisions;  // per label, decision_labels order
  double requested = 0;                                        // Σ over all the group's dossiers
  std::size_t funded_count = 0;
  double funded = 0;                // Σ requested of its funded dossiers
  std::optional<FundingLine> line;  // budgets per group: its own line (no budget: budget unset)
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
  // One summary per group, ordered by key (French order, accents folded).
  std::vector<GroupSummary> finish() &&;

 private:
  struct Median {
    std::size_t ranked = 0, seen = 0;
    std::optional<double> low, high;
  };
  GroupKey key_;
  std::vector<std::string> labels_;
  std::map<std::string, GroupSummary> groups_;  // by key
  std::map<std::string, Median> medians_;
  std::map<std::string, double> sums_;
  std::map<std::string, std::map<std::string, std::size_t>> spellings_;  // key -> spelling -> n
};

// Each summary's own funding line (budgets per group), matched by key; a group that has no
// line keeps none.
void attach_lines(std::vector<GroupSummary>& groups, const std::vector<FundingLine>& lines);

// The same for rows held in memory: already ranked, decisions resolved. `labels` is
// decision_labels(grid, language). `ranked_per_value` of GroupTally is by key (group_of).
std::vector<GroupSummary> summarise_groups(const std::vector<RankRow>& rows, GroupKey key,
                                           const std::vector<std::string>& labels);

// The rows of a ranking, read in order as many times as a report needs: held in memory, or
// read back from a temporary file by `rank`.
class RankedRows {
 public:
  virtual ~RankedRows() = default;
  // Every row in report order: ranked, then ineligible, incomplete, not assessed, invalid.
  virtual void for_each(const std::function<void(const RankRow&)>& fn) const = 0;
  // The same rows group by group (groups by key: group_of), report order within a group.
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
  std::size_t rows = 0, ranked = 0, ineligible = 0, incomplete = 0, not_assessed = 0, invalid = 0;
  void add(const RankRow& row);
};

}  // namespace ess
