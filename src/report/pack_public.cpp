// The call's public account: the awards (applicant, title, amount), written as the funded
// dossiers come, the applications counted by territory and theme, the distribution of totals,
// and the resources the funded projects mobilise. Only funded applications are named;
// everything else is a count or a sum.
#include <cmath>

#include "doc_values.hpp"
#include "pack_context.hpp"

namespace ess::pack {

namespace {

// The awards' closing: their total and note, or that there is none.
void end_awards(Ctx& ctx) {
  const PackWords& w = ctx.w;
  if (!ctx.awards.listed) {
    ctx.out.paragraph(doc::plain(std::string(w.awards_none)));
    ctx.out.end_part();
    return;
  }
  ctx.out.row({{doc::strong(std::string(w.total)), doc::plain(""), doc::plain(""),
                doc::strong(ctx.amount(ctx.awards.sum))}});
  ctx.out.end_table();
  ctx.out.small(doc::plain(std::string(w.awards_note)));
  ctx.out.end_part();
}

void groups(Ctx& ctx, std::string_view caption, std::string_view column,
            const std::map<std::string, PackTally::Group>& list) {
  const PackWords& w = ctx.w;
  doc::Table t{std::string(caption),
               {{std::string(column)},
                {std::string(w.applications), true},
                {std::string(w.supported), true},
                {std::string(w.amount), true}},
               {}};
  for (const auto& [key, g] : list)
    t.rows.push_back({{doc::plain(g.name.empty() ? std::string(w.not_given) : g.name),
                       doc::plain(ctx.count(g.applications)), doc::plain(ctx.count(g.funded)),
                       doc::plain(g.funded ? ctx.amount(g.awarded) : std::string(w.dash))}});
  ctx.out.table(t);
}

void figures(Ctx& ctx, const PackTally& tally) {
  const PackWords& w = ctx.w;
  ctx.out.begin_part("figures", true);
  ctx.out.heading(2, doc::plain(std::string(w.figures_heading)));
  ctx.out.paragraph(
      doc::plain(fill(w.figures_line, fmt::arg("count", ctx.count(ctx.stats.counts.rows)),
                      fmt::arg("ranked", ctx.count(ctx.stats.counts.ranked)),
                      fmt::arg("funded", ctx.count(tally.funded())))));
  groups(ctx, w.by_territory, w.territory, tally.by_territory());
  groups(ctx, w.by_theme, w.theme, tally.by_theme());
  ctx.out.figure(distribution_figure(ctx));
  ctx.out.end_part();
}

// The funded dossiers' facts summed, then ratios and diversity recomputed from the sums: the
// resources of the funded projects taken together. A fact some funded dossier lacks is left out.
std::vector<std::optional<double>> funded_values(const PackTally& tally) {
  const Grid& grid = tally.grid();
  std::vector<std::optional<double>> v(grid.facts.size());
  for (std::size_t i = 0; i < grid.facts.size(); ++i)
    if (tally.funded_fact_counts()[i] == tally.funded()) v[i] = tally.funded_facts()[i];
  auto value_of = [&](const std::string& id) -> std::optional<double> {
    for (std::size_t i = 0; i < grid.facts.size(); ++i)
      if (grid.facts[i].id == id) return v[i];
    return std::nullopt;
  };
  for (std::size_t i = 0; i < grid.facts.size(); ++i) {
    const Fact& f = grid.facts[i];
    if (f.op == FactOp::ratio && f.operands.size() == 2) {
      auto a = value_of(f.operands[0]), b = value_of(f.operands[1]);
      v[i] = a && b && *b != 0 ? std::optional<double>(*a / *b) : std::nullopt;
    } else if (f.op == FactOp::diversity) {
      double total = 0, squares = 0;
      bool all = true;
      for (const auto& op : f.operands)
        all = all && value_of(op), total += value_of(op).value_or(0);
      for (const auto& op : f.operands)
        squares += std::pow(value_of(op).value_or(0) / (total > 0 ? total : 1), 2);
      v[i] = all && total > 0 ? std::optional<double>(1 - squares) : std::nullopt;
    }
  }
  return v;
}

std::vector<doc::Inline> resource_lines(const Ctx& ctx,
                                        const std::vector<std::optional<double>>& v) {
  const Grid& grid = ctx.grid;
  std::vector<doc::Inline> items;
  std::string colon = ctx.lang == Language::fr ? " : " : ": ";
  for (std::size_t i = 0; i < grid.facts.size(); ++i) {
    const Fact& f = grid.facts[i];
    std::string title = f.title.empty() ? f.id : f.title;
    if (!v[i]) continue;
    if (f.op == FactOp::product) {
      std::string terms;
      for (const auto& op : f.operands)
        for (std::size_t j = 0; j < grid.facts.size(); ++j)
          if (grid.facts[j].id == op && grid.facts[j].op == FactOp::declared && v[j])
            terms += (terms.empty() ? "" : ", ") + ctx.numbers.with_unit(*v[j], grid.facts[j].unit);
      items.push_back(doc::strong(title) + doc::plain(colon + ctx.numbers.with_unit(*v[i], f.unit) +
                                                      (terms.empty() ? "" : " (" + terms + ")")));
    } else if (f.op == FactOp::ratio) {
      items.push_back(doc::strong(title) + doc::plain(colon + ctx.percent(*v[i])));
    } else if (f.op == FactOp::diversity) {
      items.push_back(doc::strong(title) + doc::plain(colon + ctx.numbers.fixed(*v[i], 2)));
    }
  }
  return items;
}

void resources(Ctx& ctx, const PackTally& tally) {
  const PackWords& w = ctx.w;
  ctx.out.begin_part("resources", false);
  ctx.out.heading(2, doc::plain(std::string(w.resources_heading)));
  if (tally.funded() == 0) {
    ctx.out.paragraph(doc::plain(std::string(w.resources_none)));
    ctx.out.end_part();
    return;
  }
  ctx.out.paragraph(
      doc::plain(fill(w.resources_intro, fmt::arg("count", ctx.count(tally.funded())))));
  auto values = funded_values(tally);
  if (auto mix = mix_figure(ctx, values, "mix-funded", w.mix_funded_heading)) ctx.out.figure(*mix);
  ctx.out.bullets(resource_lines(ctx, values));
  ctx.out.end_part();
}

}  // namespace

void begin_awards(Ctx& ctx) {
  ctx.out.begin_part("awards", false);
  ctx.out.heading(2, doc::plain(std::string(ctx.w.awards_heading)));
}

// A funded dossier's line: its applicant, its title (else its id), its territory, its request.
void award(Ctx& ctx, const DossierResult& result, const RankRow& row) {
  const PackWords& w = ctx.w;
  if (!ctx.awards.listed)
    ctx.out.begin_table("", {{std::string(w.applicant)},
                             {std::string(w.project)},
                             {std::string(w.territory)},
                             {std::string(w.amount), true}});
  ctx.awards.listed = true;
  const Dossier& d = *result.dossier;
  double amount = row.requested.value_or(0);
  ctx.out.row({{doc::plain(d.applicant), doc::plain(d.title.empty() ? d.id : d.title),
                doc::plain(d.territory), doc::plain(ctx.amount(amount))}});
  ctx.awards.sum += amount;
}

void public_account(Ctx& ctx, const PackTally& tally) {
  end_awards(ctx);
  figures(ctx, tally);
  resources(ctx, tally);
}

}  // namespace ess::pack
