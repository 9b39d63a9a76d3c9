// « Points à examiner en séance »: what the committee must discuss — totals within 3 points
// of a band's threshold or of the funding line, disagreements that straddle a band, omissions,
// applications nobody but the applicant assessed, incomplete, ineligible and refused files.
#include <cmath>

#include "pack_context.hpp"

namespace ess::pack {

namespace {

using doc::Inline;

constexpr double close_call = 3;  // points: spec §7

Inline item(const Ctx& ctx, const RankRow& row, const std::string& detail) {
  Inline out = ctx.committee() ? doc::link(row.dossier, dossier_anchor(row.dossier))
                               : doc::plain(row.dossier);
  std::string title = row.title.empty() ? "" : " — " + row.title;
  return out + doc::plain(title + (ctx.lang == Language::fr ? " : " : ": ") + detail);
}

// Above or below a threshold is the row's band (band_of, §2.4): the one rule of thresholds.
std::string close_to_band(const Ctx& ctx, const RankRow& row) {
  for (std::size_t i = 0; i < ctx.grid.decision.size(); ++i) {
    const Band& b = ctx.grid.decision[i];
    if (b.min <= 0) continue;
    double d = row.total - b.min;
    if (std::abs(d) > close_call + tolerance) continue;
    return fill(row.band >= i ? ctx.w.close_above : ctx.w.close_below,
                fmt::arg("total", ctx.score(row.total)), fmt::arg("gap", ctx.score(std::abs(d))),
                fmt::arg("band", ctx.quoted(b.label)), fmt::arg("min", ctx.quantity(b.min)));
  }
  return {};
}

std::string close_to_line(const Ctx& ctx, const RankRow& row) {
  const CallStats& s = ctx.stats;
  if (!ctx.call.funding.budget || !row.rank) return {};
  if (row.funded && s.first_unfunded && row.total - *s.first_unfunded <= close_call + tolerance)
    return fill(ctx.w.close_line_funded, fmt::arg("total", ctx.score(row.total)),
                fmt::arg("gap", ctx.score(row.total - *s.first_unfunded)));
  if (!row.funded && s.last_funded && *s.last_funded - row.total <= close_call + tolerance)
    return fill(ctx.w.close_line_unfunded, fmt::arg("total", ctx.score(row.total)),
                fmt::arg("gap", ctx.score(*s.last_funded - row.total)));
  return {};
}

std::string list(const Ctx& ctx, const std::vector<std::string>& titles) {
  std::string out;
  for (const auto& t : titles) out += (out.empty() ? "" : ", ") + ctx.quoted(t);
  return out;
}

std::string straddle(const Ctx& ctx, const RankRow& row, const DossierNote* note) {
  std::string out;
  if (row.flags & flag_split_decision) out = std::string(ctx.w.straddle_totals);
  if (note && !note->straddling.empty()) {
    std::string leaves = fill(ctx.w.straddle_leaves, fmt::arg("list", list(ctx, note->straddling)));
    out += (out.empty() ? "" : " ; ") + leaves;
  }
  return out;
}

std::string missing_or_failed(const Ctx& ctx, const RankRow& row) {
  std::vector<std::string> titles;
  const auto& ids = row.status == DossierStatus::ineligible ? row.eliminatory : row.missing;
  for (const auto& id : ids) titles.push_back(ctx.criterion_title(id));
  return fill(
      row.status == DossierStatus::ineligible ? ctx.w.reason_ineligible : ctx.w.reason_incomplete,
      fmt::arg("list", list(ctx, titles)));
}

struct Topics {
  std::vector<Inline> band, line, straddles, omissions, not_assessed, incomplete, ineligible;
};

void sort_row(const Ctx& ctx, const RankRow& row, Topics& t) {
  const DossierNote* note = ctx.notes.find(row.dossier);
  if (row.status == DossierStatus::ok) {
    if (auto d = close_to_band(ctx, row); !d.empty()) t.band.push_back(item(ctx, row, d));
    if (auto d = close_to_line(ctx, row); !d.empty()) t.line.push_back(item(ctx, row, d));
  }
  if (auto d = straddle(ctx, row, note); !d.empty()) t.straddles.push_back(item(ctx, row, d));
  if (note && !note->omissions.empty()) {
    std::string omitted;
    for (const auto& o : note->omissions) omitted += (omitted.empty() ? "" : " ; ") + o;
    t.omissions.push_back(item(ctx, row, fill(ctx.w.omitted, fmt::arg("list", omitted))));
  }
  if ((note && note->not_assessed) || row.status == DossierStatus::not_assessed)
    t.not_assessed.push_back(item(ctx, row, std::string(ctx.w.not_assessed_detail)));
  if (row.status == DossierStatus::incomplete)
    t.incomplete.push_back(item(ctx, row, missing_or_failed(ctx, row)));
  if (row.status == DossierStatus::ineligible)
    t.ineligible.push_back(item(ctx, row, missing_or_failed(ctx, row)));
}

}  // namespace

void discuss(Ctx& ctx) {
  const PackWords& w = ctx.w;
  Topics t;
  ctx.call.rows->for_each([&](const RankRow& row) { sort_row(ctx, row, t); });
  std::vector<Inline> refused;
  for (const auto& f : ctx.call.refused)
    refused.push_back(doc::plain(f.file + (ctx.lang == Language::fr ? " : " : ": ") + f.message +
                                 " [" + f.code + "]"));
  ctx.out.begin_part("discuss", false);
  ctx.out.heading(2, doc::plain(std::string(w.discuss_heading)));
  ctx.out.paragraph(doc::plain(std::string(w.discuss_intro)));
  bool any = false;
  auto topic = [&](std::string_view heading, const std::vector<Inline>& items) {
    if (items.empty()) return;
    any = true;
    ctx.out.heading(3, doc::plain(std::string(heading)));
    ctx.out.bullets(items);
  };
  topic(w.topic_band, t.band);
  topic(w.topic_line, t.line);
  topic(w.topic_straddles, t.straddles);
  topic(w.topic_omissions, t.omissions);
  topic(w.topic_not_assessed, t.not_assessed);
  topic(w.topic_incomplete, t.incomplete);
  topic(w.topic_ineligible, t.ineligible);
  topic(w.topic_refused, refused);
  if (!any) ctx.out.paragraph(doc::plain(std::string(w.discuss_none)));
  ctx.out.end_part();
}

}  // namespace ess::pack
