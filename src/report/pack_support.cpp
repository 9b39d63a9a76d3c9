// The call's collective support needs: the criteria where the most points are to be gained
// across the call, overall and by territory and theme, to back the call with collective
// support (the workshop's proposal). Sums only: no dossier is named.
#include <algorithm>

#include "doc_values.hpp"
#include "pack_context.hpp"

namespace ess::pack {

namespace {

using Needs = std::map<std::string, PackTally::Need>;

std::vector<std::pair<std::string, PackTally::Need>> ordered(const Needs& needs) {
  std::vector<std::pair<std::string, PackTally::Need>> out(needs.begin(), needs.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second.points > b.second.points; });
  return out;
}

void overall(Ctx& ctx, const PackTally& tally) {
  const PackWords& w = ctx.w;
  doc::Table t{std::string(w.support_overall),
               {{std::string(w.criterion)},
                {std::string(w.below_target), true},
                {std::string(w.points_total), true},
                {std::string(w.points_each), true}},
               {}};
  std::size_t shown = 0;
  for (const auto& [id, need] : ordered(tally.needs())) {
    if (shown++ == 8) break;
    t.rows.push_back({{doc::plain(ctx.criterion_title(id)), doc::plain(ctx.count(need.dossiers)),
                       doc::plain(ctx.score(need.points)),
                       doc::plain(ctx.score(need.points / static_cast<double>(need.dossiers)))}});
  }
  ctx.out.table(t);
}

std::string need_text(const Ctx& ctx, const std::pair<std::string, PackTally::Need>& n) {
  return fill(ctx.w.need_item, fmt::arg("criterion", ctx.quoted(ctx.criterion_title(n.first))),
              fmt::arg("points", ctx.score(n.second.points)),
              fmt::arg("count", ctx.dossiers(n.second.dossiers)));
}

void by_group(Ctx& ctx, std::string_view caption, std::string_view column,
              const std::map<std::string, PackTally::Group>& groups) {
  const PackWords& w = ctx.w;
  doc::Table t{std::string(caption),
               {{std::string(column)},
                {std::string(w.applications), true},
                {std::string(w.first_need)},
                {std::string(w.second_need)}},
               {}};
  for (const auto& [key, g] : groups) {
    auto needs = ordered(g.needs);
    t.rows.push_back(
        {{doc::plain(g.name.empty() ? std::string(w.not_given) : g.name),
          doc::plain(ctx.count(g.applications)),
          doc::plain(needs.size() > 0 ? need_text(ctx, needs[0]) : std::string(w.dash)),
          doc::plain(needs.size() > 1 ? need_text(ctx, needs[1]) : std::string(w.dash))}});
  }
  ctx.out.table(t);
}

}  // namespace

void support_needs(Ctx& ctx, const PackTally& tally) {
  const PackWords& w = ctx.w;
  ctx.out.begin_part("support", true);
  ctx.out.heading(2, doc::plain(std::string(w.support_heading)));
  if (tally.needs().empty()) {
    ctx.out.paragraph(doc::plain(std::string(w.support_none)));
    ctx.out.end_part();
    return;
  }
  ctx.out.paragraph(
      doc::plain(fill(w.support_intro, fmt::arg("count", ctx.count(tally.assessed())))));
  overall(ctx, tally);
  const auto& by = ctx.call.group_by;
  if (by != GroupKey::theme)
    by_group(ctx, w.support_by_territory, w.territory, tally.by_territory());
  if (by != GroupKey::territory) by_group(ctx, w.support_by_theme, w.theme, tally.by_theme());
  ctx.out.end_part();
}

}  // namespace ess::pack
