// The pack's opening: title and contents, the call's summary (counts by status, budget and
// funding line, requested against available, the distribution of totals) and the ranking
// with its funding line — all from the rank rows, read as many times as needed.
#include "doc_values.hpp"
#include "ess/model/decision.hpp"
#include "pack_context.hpp"

namespace ess::pack {

namespace {

using doc::Inline;

std::string dossier_label(const RankRow& row) {
  return row.title.empty() ? row.dossier : row.dossier + " — " + row.title;
}

void committee_contents(Ctx& ctx) {
  const PackWords& w = ctx.w;
  const std::string& first = ctx.stats.first;
  std::vector<Inline> parts{doc::link(std::string(w.summary_heading), "summary"),
                            doc::link(std::string(w.ranking_heading), "ranking"),
                            doc::link(std::string(w.discuss_heading), "discuss")};
  if (!first.empty())
    parts.push_back(doc::link(std::string(w.dossiers_heading), dossier_anchor(first)));
  parts.push_back(doc::link(std::string(w.support_heading), "support"));
  ctx.out.numbered(parts);
  if (first.empty()) return;
  ctx.out.heading(3, doc::plain(std::string(w.dossiers_heading)));
  ctx.out.begin_list(false);
  ctx.call.rows->for_each([&](const RankRow& row) {
    if (has_page(row)) ctx.out.item(doc::link(dossier_label(row), dossier_anchor(row.dossier)));
  });
  ctx.out.end_list();
}

std::string meta_line(const Ctx& ctx) {
  std::string grid = ctx.grid.id + "@" + ctx.grid.version;
  if (ctx.call.grid_sha256.size() >= 12) grid += ", sha256 " + ctx.call.grid_sha256.substr(0, 12);
  std::string line =
      fill(ctx.w.meta_grid, fmt::arg("title", ctx.quoted(ctx.grid.title)), fmt::arg("grid", grid));
  if (!ctx.call.funder.empty())
    line += " · " + fill(ctx.w.meta_funder, fmt::arg("funder", ctx.call.funder));
  if (!ctx.call.date.empty())
    line +=
        " · " + fill(ctx.w.meta_date, fmt::arg("date", doc::long_date(ctx.call.date, ctx.lang)));
  if (ctx.call.other_calls > 0)
    line +=
        " · " + fill(ctx.w.meta_other_calls, fmt::arg("count", ctx.count(ctx.call.other_calls)));
  return line;
}

}  // namespace

void contents(Ctx& ctx) {
  const PackWords& w = ctx.w;
  ctx.out.begin_part("contents", false);
  ctx.out.heading(1, doc::plain(fill(ctx.committee() ? w.committee_title : w.public_title,
                                     fmt::arg("call", ctx.title()))));
  ctx.out.paragraph(doc::plain(meta_line(ctx)));
  if (ctx.committee()) {
    ctx.out.paragraph(doc::plain(std::string(w.committee_intro)));
  } else {
    ctx.out.paragraph(doc::plain(std::string(w.public_intro)));
  }
  ctx.out.heading(2, doc::plain(std::string(w.contents_heading)));
  if (ctx.committee()) {
    committee_contents(ctx);
  } else {
    ctx.out.numbered({doc::link(std::string(w.awards_heading), "awards"),
                      doc::link(std::string(w.figures_heading), "figures"),
                      doc::link(std::string(w.resources_heading), "resources"),
                      doc::link(std::string(w.support_heading), "support")});
  }
  ctx.out.end_part();
}

doc::Figure distribution_figure(const Ctx& ctx) {
  const PackWords& w = ctx.w;
  DistributionChart chart;
  chart.id = ctx.committee() ? "chart-distribution" : "chart-distribution-public";
  chart.counts.assign(ctx.stats.bins.begin(), ctx.stats.bins.end());
  for (const Band& b : ctx.grid.decision)
    if (b.min > 0) chart.bands.push_back({b.min, b.label + " " + ctx.quantity(b.min)});
  chart.count_legend = std::string(w.count_legend);
  std::string sentence;
  for (std::size_t i = 0; i < 10; ++i) {
    if (!ctx.stats.bins[i]) continue;
    sentence += (sentence.empty() ? "" : ", ") +
                fill(w.bin_item, fmt::arg("count", ctx.count(ctx.stats.bins[i])),
                     fmt::arg("low", 10 * i), fmt::arg("high", 10 * (i + 1)));
  }
  sentence = fill(w.distribution_sentence, fmt::arg("count", ctx.count(ctx.stats.counts.ranked)),
                  fmt::arg("list", sentence.empty() ? std::string(w.none) : sentence));
  chart.text = {std::string(w.distribution_caption), sentence};
  return {svg_distribution(chart), std::string(w.distribution_caption), {}, sentence};
}

void summary(Ctx& ctx) {
  const PackWords& w = ctx.w;
  const CallStats& s = ctx.stats;
  ctx.out.begin_part("summary", false);
  ctx.out.heading(2, doc::plain(std::string(w.summary_heading)));
  doc::Table t{
      std::string(w.status_caption), {{std::string(w.status)}, {std::string(w.count), true}}, {}};
  auto row = [&](std::string_view label, std::size_t n) {
    t.rows.push_back({{doc::plain(std::string(label)), doc::plain(ctx.count(n))}});
  };
  row(w.status_ranked, s.counts.ranked);
  row(w.status_ineligible, s.counts.ineligible);
  row(w.status_incomplete, s.counts.incomplete);
  if (s.not_assessed) row(w.status_not_assessed, s.not_assessed);
  // The rows the ranking refused are among the refused files.
  row(w.status_refused, ctx.refused_count());
  t.rows.push_back(
      {{doc::strong(std::string(w.total_files)),
        doc::strong(ctx.count(s.counts.rows - s.counts.invalid + ctx.refused_count()))}});
  ctx.out.table(t);
  const FundingLine& f = ctx.call.funding;
  if (f.budget) {
    ctx.out.paragraph(doc::plain(fill(w.budget_line, fmt::arg("budget", ctx.amount(*f.budget)),
                                      fmt::arg("count", ctx.dossiers(f.funded_count)),
                                      fmt::arg("funded", ctx.amount(f.funded_total)),
                                      fmt::arg("remaining", ctx.amount(f.remaining())))));
    ctx.out.paragraph(doc::plain(fill(
        w.requested_line, fmt::arg("requested", ctx.amount(s.requested)),
        fmt::arg("budget", ctx.amount(*f.budget)),
        fmt::arg("ratio", ctx.numbers.fixed(*f.budget > 0 ? s.requested / *f.budget : 0, 1)))));
  } else {
    ctx.out.paragraph(
        doc::plain(fill(w.no_budget, fmt::arg("requested", ctx.amount(s.requested)))));
  }
  ctx.out.figure(distribution_figure(ctx));
  ctx.out.end_part();
}

namespace {

std::string funding_rule(const Ctx& ctx, bool all) {
  const FundingLine& f = ctx.call.funding;
  return fill(all ? ctx.w.funding_rule_all : ctx.w.funding_rule,
              fmt::arg("budget", ctx.amount(f.budget.value_or(0))),
              fmt::arg("funded", ctx.amount(f.funded_total)),
              fmt::arg("remaining", ctx.amount(f.remaining())));
}

Inline dossier_cell(const Ctx& ctx, const RankRow& row) {
  if (!ctx.committee()) return doc::plain(row.dossier);
  return doc::link(row.dossier, dossier_anchor(row.dossier));
}

doc::TableRow ranked_row(const Ctx& ctx, const RankRow& row) {
  auto opt_amount = [&](const std::optional<double>& v) {
    return doc::plain(v ? ctx.amount(*v) : "—");
  };
  return {{doc::plain(row.rank ? std::to_string(*row.rank) : ""), dossier_cell(ctx, row),
           doc::plain(row.title), doc::plain(ctx.score(row.total)),
           doc::plain(ctx.decision_of(row)), opt_amount(row.requested), opt_amount(row.cumulative),
           doc::plain(std::string(row.funded ? ctx.w.yes : ctx.w.dash))}};
}

std::string reasons(const Ctx& ctx, const RankRow& row) {
  std::string out;
  auto list = [&](const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) s += (s.empty() ? "" : ", ") + ctx.quoted(ctx.criterion_title(id));
    return s;
  };
  if (row.status == DossierStatus::ineligible)
    out = fill(ctx.w.reason_ineligible, fmt::arg("list", list(row.eliminatory)));
  if (row.status == DossierStatus::incomplete)
    out = fill(ctx.w.reason_incomplete, fmt::arg("list", list(row.missing)));
  return out;
}

// The rows that are not ranked, a table opened at the first of them; then the refused files
// (the rows the ranking refused among them).
void unranked(Ctx& ctx) {
  const PackWords& w = ctx.w;
  bool open = false;
  ctx.call.rows->for_each([&](const RankRow& row) {
    if (row.status == DossierStatus::ok || !has_page(row)) return;
    if (!open)
      ctx.out.begin_table(w.unranked_caption, {{std::string(w.dossier), false, true},
                                               {std::string(w.title)},
                                               {std::string(w.status)},
                                               {std::string(w.reason)}});
    open = true;
    ctx.out.row({{dossier_cell(ctx, row), doc::plain(row.title), doc::plain(ctx.decision_of(row)),
                  doc::plain(reasons(ctx, row))}});
  });
  if (open) ctx.out.end_table();
  if (ctx.refused_count() == 0) return;
  ctx.out.begin_table(w.refused_caption, {{std::string(w.file)}, {std::string(w.reason)}});
  ctx.for_each_refused([&](const RefusedFile& f) {
    ctx.out.row({{doc::plain(f.file), doc::plain(f.message + " [" + f.code + "]")}});
  });
  ctx.out.end_table();
}

// The ranked rows with the funding line, written as they are read.
void ranked_table(Ctx& ctx) {
  const PackWords& w = ctx.w;
  ctx.out.begin_table("", {{std::string(w.rank), true},
                           {std::string(w.dossier), false, true},
                           {std::string(w.title)},
                           {std::string(w.total), true},
                           {std::string(w.decision)},
                           {std::string(w.requested), true},
                           {std::string(w.cumulative), true},
                           {std::string(w.funded)}});
  bool budget = ctx.call.funding.budget.has_value(), line_drawn = false;
  ctx.call.rows->for_each([&](const RankRow& row) {
    if (row.status != DossierStatus::ok) return;
    if (budget && row.draws_line) {
      ctx.out.row({{doc::strong(funding_rule(ctx, false))}, true});
      line_drawn = true;
    }
    ctx.out.row(ranked_row(ctx, row));
  });
  if (budget && !line_drawn) ctx.out.row({{doc::strong(funding_rule(ctx, true))}, true});
  ctx.out.end_table();
}

}  // namespace

void ranking(Ctx& ctx) {
  const PackWords& w = ctx.w;
  ctx.out.begin_part("ranking", true);
  ctx.out.heading(2, doc::plain(std::string(w.ranking_heading)));
  if (!ctx.call.funding.budget) ctx.out.small(doc::plain(std::string(w.no_line)));
  if (ctx.stats.counts.ranked == 0)
    ctx.out.paragraph(doc::plain(std::string(w.no_ranked)));
  else
    ranked_table(ctx);
  unranked(ctx);
  ctx.out.end_part();
}

}  // namespace ess::pack
