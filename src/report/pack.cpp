// The pack's frame: the renderer's three calls, the figures gathered from the rows, and the
// HTML page around the content (print CSS for A4, system fonts, nothing fetched).
#include "ess/report/pack.hpp"

#include "doc_values.hpp"
#include "ess/model/decision.hpp"
#include "ess/report/i18n.hpp"
#include "pack_context.hpp"

namespace ess {

namespace pack {

// Print first: A4 pages, a page break before each part that asks for one, tables that do not
// split a row, charts that do not split; the system's sans-serif fonts; black on white.
constexpr std::string_view print_css = R"css(@page { size: A4; margin: 14mm 14mm 15mm 14mm; }
html { font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif;
  font-size: 9pt; line-height: 1.3; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 182mm; }
h1 { font-size: 16pt; line-height: 1.2; margin: 0 0 2.5mm; }
h2 { font-size: 13pt; margin: 0 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.2pt solid #000;
  break-after: avoid; }
h3 { font-size: 10pt; margin: 2.5mm 0 1mm; break-after: avoid; }
p { margin: 0 0 1.6mm; }
section.page { break-before: page; }
section + section:not(.page) { margin-top: 6mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2.5mm; font-size: 8.2pt; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
th { text-align: left; vertical-align: bottom; border-bottom: 1pt solid #000;
  padding: 0.8mm 1.4mm; }
td { vertical-align: top; border-bottom: 0.4pt solid #aaa; padding: 0.5mm 1.4mm; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }
.nowrap { white-space: nowrap; }
figure table td:first-child { min-width: 45mm; }
figure table { margin-bottom: 0; }
tr { break-inside: avoid; }
tr.rule td { border-top: 1.6pt solid #000; border-bottom: 1.6pt solid #000; font-weight: bold;
  text-align: center; padding: 1.2mm; }
figure { margin: 1mm 0 2.5mm; break-inside: avoid; }
.cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 6mm; }
.cols > div > h3:first-child { margin-top: 1mm; }
figcaption { font-weight: bold; margin: 0 0 1mm; }
svg.chart { display: block; width: 100%; height: auto; margin: 0 0 1mm; }
p.equivalent, p.note { font-size: 8pt; }
ul, ol { margin: 0.5mm 0 2mm; padding-left: 5.5mm; }
li { margin: 0 0 0.6mm; }
#contents ul { columns: 2; column-gap: 8mm; }
#contents li { break-inside: avoid; }
a { color: #000; text-decoration: none; }
@media screen { body { padding: 8mm; } section.page { margin-top: 10mm; padding-top: 6mm;
  border-top: 1px dashed #888; } a { text-decoration: underline; } }
)css";

CallStats gather(const RankedRows& rows) {
  CallStats s;
  rows.for_each([&](const RankRow& row) {
    if (s.first.empty() && has_page(row)) s.first = row.dossier;
    s.counts.add(row);
    s.requested += row.requested.value_or(0);
    if (row.status == DossierStatus::not_assessed) ++s.not_assessed;  // never ranked (§2.2)
    if (!row.rank) return;
    ++s.bins[distribution_bin(row.total)];
    if (row.funded) {
      ++s.funded;
      s.last_funded = row.total;
    } else if (!s.first_unfunded) {
      s.first_unfunded = row.total;
    }
  });
  return s;
}

std::string Ctx::quoted(std::string_view text) const {
  return doc::quoted(text, lang);
}

std::string Ctx::dossiers(std::size_t n) const {
  return fill(n == 1 ? w.one_dossier : w.many_dossiers, fmt::arg("count", count(n)));
}

std::string Ctx::criterion_title(const std::string& id) const {
  auto it = criteria.find(id);
  if (it == criteria.end() || it->second->title.empty()) return id;
  return it->second->title;
}

std::string Ctx::decision_of(const RankRow& row) const {
  if (!row.decision.empty()) return row.decision;
  return decision_label(grid, row.status, row.band, lang);
}

std::string Ctx::title() const {
  if (!call.call_title.empty()) return call.call_title;
  return grid.title.empty() ? grid.id : grid.title;
}

std::string dossier_anchor(const std::string& id) {
  return doc::anchor_for("d-", id);
}

std::string html_head(const Ctx& ctx) {
  std::string title = fill(ctx.committee() ? ctx.w.committee_title : ctx.w.public_title,
                           fmt::arg("call", ctx.title()));
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(ctx.lang == Language::en ? "en" : "fr") +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\">\n<title>" +
         doc::html_escape(title) + "</title>\n<style>\n" + std::string(print_css) +
         "</style>\n</head>\n<body>\n";
}

std::string html_tail() {
  return "</body>\n</html>\n";
}

}  // namespace pack

bool has_page(const RankRow& row) {
  return row.status != DossierStatus::invalid;
}

struct PackRenderer::State {
  std::unique_ptr<doc::Writer> writer;
  pack::Ctx ctx;
  Sink sink;
};

namespace {

std::map<std::string, const Criterion*> criteria_by_id(const Grid& grid) {
  std::map<std::string, const Criterion*> out;
  for_each_criterion(grid.criteria, [&](const Criterion& c, int) { out[c.id] = &c; });
  return out;
}

}  // namespace

PackRenderer::PackRenderer(const PackCall& call, Sink sink) {
  bool french = call.language == Language::fr;
  auto writer =
      call.format == PackFormat::html ? doc::html_writer(french) : doc::markdown_writer(french);
  writer->sink_to(sink);
  pack::Ctx ctx{call,
                pack::pack_words(call.language),
                call.language,
                *call.grid,
                *writer,
                pack::gather(*call.rows),
                criteria_by_id(*call.grid),
                {},
                NumberWords(call.language, call.grid->currency)};
  state_ = std::unique_ptr<State>(new State{std::move(writer), std::move(ctx), std::move(sink)});
}

PackRenderer::~PackRenderer() = default;

void PackRenderer::begin() {
  pack::Ctx& ctx = state_->ctx;
  if (ctx.call.format == PackFormat::html) state_->sink(pack::html_head(ctx));
  pack::contents(ctx);
  if (ctx.committee()) {
    pack::summary(ctx);
    pack::ranking(ctx);
    pack::discuss(ctx);
  } else {
    pack::begin_awards(ctx);
  }
  ctx.out.flush();
}

void PackRenderer::dossier(const DossierResult& result, const RankRow& row) {
  pack::Ctx& ctx = state_->ctx;
  if (ctx.committee())
    pack::dossier_page(ctx, result, row);
  else if (row.funded)
    pack::award(ctx, result, row);
  ctx.out.flush();  // a page at a time
}

void PackRenderer::end(const PackTally& tally) {
  pack::Ctx& ctx = state_->ctx;
  if (!ctx.committee()) pack::public_account(ctx, tally);
  pack::support_needs(ctx, tally);
  ctx.out.flush();
  if (ctx.call.format == PackFormat::html) state_->sink(pack::html_tail());
}

}  // namespace ess
