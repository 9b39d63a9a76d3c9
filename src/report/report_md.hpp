#pragma once
// What the Markdown report's sections share: a small writer of GitHub-flavoured Markdown, the
// report's context, and the ways a number or a reason is shown to a reader.
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "ess/report/i18n.hpp"
#include "ess/report/report.hpp"

namespace ess::md {

enum class Align : std::uint8_t { left, right };

// `width`: the column's share of the page, relative to the others, told to pandoc by the length
// of its `---` rule (pandoc's pipe tables take widths from them when a row is long): text
// columns wide, number columns narrow. 0: by alignment (a number column is narrow).
struct Column {
  std::string title;  // plain text, escaped when written
  Align align = Align::left;
  int width = 0;
};

// Relative widths for Column::width.
inline constexpr int narrow = 4, medium = 8, wide = 16, widest = 32;

using Row = std::vector<std::string>;  // cells already Markdown (escape with cell())

// Blocks are separated by one blank line; the document ends with one newline.
class Writer {
 public:
  void heading(int level, std::string_view text);  // text: plain
  void paragraph(std::string_view markdown);
  void bullets(const std::vector<std::string>& items);  // items: Markdown
  void table(const std::vector<Column>& columns, const std::vector<Row>& rows);
  std::string finish() &&;

 private:
  void block_start();
  std::string out_;
};

// Free text of a grid or dossier, escaped for a paragraph or a list item.
std::string text(std::string_view plain);
// Free text escaped for a table cell.
std::string cell(std::string_view plain);
// `id` as a code span (ids never hold a backtick).
std::string code(std::string_view id);
// **text**, escaped.
std::string strong(std::string_view plain);

struct Context {
  const DossierResult& result;
  const Dossier& dossier;
  const Grid& grid;
  const ReportWords& words;
  Language language;
  NumberWords numbers;  // every number the report writes
};

// Fills a sentence of i18n.hpp: fmt::format(fmt::runtime(pattern), fmt::arg(...)...).
template <class... Args>
std::string fill(std::string_view pattern, Args&&... args) {
  return fmt::format(fmt::runtime(pattern), std::forward<Args>(args)...);
}

std::string title_of(const Criterion& c);  // its title, else its id (plain)
// s in [0, 1] shown out of 100: "83,3"; "—" when there is none.
std::string score100(const Context& ctx, const std::optional<double>& s);
std::string signed_score100(const Context& ctx, double s);  // "+16,7", "-33,3", "0,0"
std::string percent(const Context& ctx, double fraction);   // "43,8 %", "43.8%"
std::string bar(double s);                                  // ████████░░

// A value in the leaf's scale units, for a reader: "Exemplaire (3)", "Oui", "55,2 %", "2,5".
std::string scale_value(const Context& ctx, const Criterion& leaf, double value);
// The same, shorter for tables of raw values: level values as numbers.
std::string scale_number(const Context& ctx, const Criterion& leaf, double value);
// A gap in the leaf's scale units.
std::string scale_gap(const Context& ctx, const Criterion& leaf, double gap);

// Why a fact is undefined (Markdown), down to its first cause: "`heures-benevoles` not given".
std::string fact_reason(const Context& ctx, const std::string& fact);
// Why a leaf is missing (Markdown): the fact that cannot be computed, or who did not score it.
std::string missing_reason(const Context& ctx, const CriterionResult& r);

// An assessor as a column or a list names them: the name, with the role unless analyst (plain).
std::string assessor_title(const Context& ctx, const Assessment& a);
// "not scored by A, B (self-assessment)" (Markdown): the assessments that left the leaf out.
std::string omitted_by_text(const Context& ctx, const CriterionResult& r);

// The assessment's score of a leaf, or nullptr when it gave none.
const AssessorScore* score_by(const CriterionResult& r, std::size_t assessment);

// Sections, in report order.
void header(const Context& ctx, Writer& w);
void verdict(const Context& ctx, Writer& w);
void axes(const Context& ctx, Writer& w);
void criteria(const Context& ctx, Writer& w);
void support(const Context& ctx, Writer& w);
void assessors(const Context& ctx, Writer& w);
void na_and_missing(const Context& ctx, Writer& w);
void facts(const Context& ctx, Writer& w);

}  // namespace ess::md
