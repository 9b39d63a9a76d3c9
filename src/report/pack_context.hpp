#pragma once
// What the pack's sections share: the call, the words, the writer, the numbers of the
// document's language, and the figures of the whole call gathered in one pass over the rows.
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "doc_writer.hpp"
#include "ess/model/number_words.hpp"
#include "ess/report/pack.hpp"
#include "ess/report/svg_chart.hpp"
#include "pack_words.hpp"

namespace ess::pack {

// One pass over the ranked rows: what the summary and the discussion need.
struct CallStats {
  RankCounts counts;  // rows, ranked, ineligible, incomplete: counted as `rank` counts them
  std::size_t not_assessed = 0, funded = 0;
  double requested = 0;                               // Σ requested over every row
  std::array<std::size_t, 10> bins{};                 // totals of the ranked rows, by ten points
  std::optional<double> last_funded, first_unfunded;  // totals either side of the line
  std::string first;                                  // the dossier id of the first page, if any
};

CallStats gather(const RankedRows& rows);

struct Ctx {
  const PackCall& call;
  const PackWords& w;
  Language lang;
  const Grid& grid;
  doc::Writer& out;
  CallStats stats;
  std::map<std::string, const Criterion*> criteria;  // every criterion by id
  // The public account's awards, written as the funded dossiers come (pack_public.cpp).
  struct Awards {
    bool listed = false;  // the table is open
    double sum = 0;
  } awards;

  bool committee() const { return call.audience == Audience::committee; }
  NumberWords numbers;  // the grid's currency, the document's language

  std::string score(double v) const { return numbers.score(v); }
  std::string amount(double v) const { return numbers.amount(v); }
  std::string percent(double v) const { return numbers.percent(v); }
  std::string quantity(double v) const { return numbers.quantity(v); }
  std::string count(std::size_t n) const { return numbers.count(n); }
  std::string dossiers(std::size_t n) const;  // "1 dossier", "4 dossiers"
  std::string quoted(std::string_view text) const;
  std::string criterion_title(const std::string& id) const;  // its title, else the id
  std::string decision_of(const RankRow& row) const;         // the band's label or the status word
  std::string title() const;                                 // the call's title, else the grid's
  std::size_t refused_count() const { return call.refused ? call.refused->size() : 0; }
  void for_each_refused(const std::function<void(const RefusedFile&)>& fn) const {
    if (call.refused) call.refused->for_each(fn);
  }
};

std::string dossier_anchor(const std::string& id);

template <class... Args>
std::string fill(std::string_view pattern, Args&&... args) {
  return fmt::format(fmt::runtime(pattern), std::forward<Args>(args)...);
}

// Sections, in document order.
void contents(Ctx& ctx);
void summary(Ctx& ctx);
void ranking(Ctx& ctx);
void discuss(Ctx& ctx);
void dossier_page(Ctx& ctx, const DossierResult& result, const RankRow& row);
void support_needs(Ctx& ctx, const PackTally& tally);
// The public account: the awards part opened (after the contents), each funded dossier's line,
// then the awards closed and the figures and resources of the call.
void begin_awards(Ctx& ctx);
void award(Ctx& ctx, const DossierResult& result, const RankRow& row);
void public_account(Ctx& ctx, const PackTally& tally);

// The distribution of the ranked totals as a figure (summary and public account).
doc::Figure distribution_figure(const Ctx& ctx);

// The page around the document: <!DOCTYPE html> … <body>, and its end.
std::string html_head(const Ctx& ctx);
std::string html_tail();

}  // namespace ess::pack

namespace ess::pack {

// The resource mix of one dossier, or of the funded dossiers together: the operands of the
// grid's diversity fact (market, non-market, valued volunteering in the shipped grids), found
// by the fact's operation, never by its name. `values`: one per grid fact (none: undefined).
// No figure (nullopt) when the grid has no such fact or the amounts are missing or zero.
std::optional<doc::Figure> mix_figure(const Ctx& ctx,
                                      const std::vector<std::optional<double>>& values,
                                      const std::string& id, std::string_view caption);

}  // namespace ess::pack
