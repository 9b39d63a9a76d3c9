// « Points à examiner en séance »: what the committee must discuss — totals within 3 points
// of a band's threshold or of the funding line, disagreements that straddle a band, omissions,
// applications nobody but the applicant assessed, incomplete, ineligible and refused files.
// Topic by topic, each a pass over the rows on disk: nothing is held but the row at hand.
#include <cmath>
#include <functional>

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

std::string straddle(const Ctx& ctx, const RankRow& row, const std::optional<DossierNote>& note) {
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

// A topic: what it says of a row ("" when the row is not in it), its note decoded when it has
// one (RankRow::note).
using Detail =
    std::function<std::string(const Ctx&, const RankRow&, const std::optional<DossierNote>&)>;

std::string band_detail(const Ctx& ctx, const RankRow& row, const std::optional<DossierNote>&) {
  return row.status == DossierStatus::ok ? close_to_band(ctx, row) : "";
}

std::string line_detail(const Ctx& ctx, const RankRow& row, const std::optional<DossierNote>&) {
  return row.status == DossierStatus::ok ? close_to_line(ctx, row) : "";
}

std::string omission_detail(const Ctx& ctx, const RankRow&,
                            const std::optional<DossierNote>& note) {
  if (!note || note->omissions.empty()) return {};
  std::string omitted;
  for (const auto& o : note->omissions) omitted += (omitted.empty() ? "" : " ; ") + o;
  return fill(ctx.w.omitted, fmt::arg("list", omitted));
}

std::string not_assessed_detail(const Ctx& ctx, const RankRow& row,
                                const std::optional<DossierNote>& note) {
  if ((note && note->not_assessed) || row.status == DossierStatus::not_assessed)
    return std::string(ctx.w.not_assessed_detail);
  return {};
}

Detail status_detail(DossierStatus status) {
  return [status](const Ctx& ctx, const RankRow& row, const std::optional<DossierNote>&) {
    return row.status == status ? missing_or_failed(ctx, row) : std::string();
  };
}

// One topic, one pass over the rows: its heading and list open at its first row.
bool topic(Ctx& ctx, std::string_view heading, const Detail& detail) {
  bool open = false;
  ctx.call.rows->for_each([&](const RankRow& row) {
    if (!has_page(row)) return;  // a refused file: the last topic
    std::string d = detail(ctx, row, decode_note(row.note));
    if (d.empty()) return;
    if (!open) {
      ctx.out.heading(3, doc::plain(std::string(heading)));
      ctx.out.begin_list(false);
    }
    open = true;
    ctx.out.item(item(ctx, row, d));
  });
  if (open) ctx.out.end_list();
  return open;
}

bool refused_topic(Ctx& ctx) {
  if (ctx.refused_count() == 0) return false;
  ctx.out.heading(3, doc::plain(std::string(ctx.w.topic_refused)));
  ctx.out.begin_list(false);
  ctx.for_each_refused([&](const RefusedFile& f) {
    ctx.out.item(doc::plain(f.file + (ctx.lang == Language::fr ? " : " : ": ") + f.message + " [" +
                            f.code + "]"));
  });
  ctx.out.end_list();
  return true;
}

}  // namespace

void discuss(Ctx& ctx) {
  const PackWords& w = ctx.w;
  ctx.out.begin_part("discuss", false);
  ctx.out.heading(2, doc::plain(std::string(w.discuss_heading)));
  ctx.out.paragraph(doc::plain(std::string(w.discuss_intro)));
  bool any = false;
  any |= topic(ctx, w.topic_band, band_detail);
  any |= topic(ctx, w.topic_line, line_detail);
  any |= topic(ctx, w.topic_straddles, straddle);
  any |= topic(ctx, w.topic_omissions, omission_detail);
  any |= topic(ctx, w.topic_not_assessed, not_assessed_detail);
  any |= topic(ctx, w.topic_incomplete, status_detail(DossierStatus::incomplete));
  any |= topic(ctx, w.topic_ineligible, status_detail(DossierStatus::ineligible));
  any |= refused_topic(ctx);
  if (!any) ctx.out.paragraph(doc::plain(std::string(w.discuss_none)));
  ctx.out.end_part();
}

}  // namespace ess::pack
