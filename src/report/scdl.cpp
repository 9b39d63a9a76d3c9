// SCDL « subventions » 2.1.1, field by field as §4 maps them (the schema: tests/scdl/).
#include "ess/report/scdl.hpp"

#include <fmt/format.h>

#include "ess/model/csv_writer.hpp"
#include "ess/model/format.hpp"
#include "ess/model/identifiers.hpp"

namespace ess {

const char* const scdl_columns[16] = {
    "nomAttribuant",   "idAttribuant",   "dateConvention",        "referenceDecision",
    "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire",       "objet",
    "montant",         "nature",         "conditionsVersement",   "datesPeriodeVersement",
    "idRAE",           "notificationUE", "pourcentageSubvention", "dispositifAide"};

namespace {

constexpr std::size_t max_objet_chars = 256;

// SCDL's own dialect, whatever --csv-sep says: ',' and '.' decimals.
constexpr csv::Dialect scdl_dialect{',', '.'};

// One line of text: runs of spaces, tabs and line breaks become one space, ends trimmed.
std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The byte offset where the first `chars` characters of UTF-8 text end.
std::size_t char_offset(std::string_view text, std::size_t chars) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && n++ == chars) return i;
  return text.size();
}

// Cut at the last space within 255 characters, then "…": 256 characters at most.
std::string cut_at_word(const std::string& text) {
  std::size_t end = char_offset(text, max_objet_chars - 1);
  std::size_t space = text.rfind(' ', end);
  if (space != std::string::npos && space > 0) end = space;
  std::string out = text.substr(0, end);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

Diagnostic missing(const std::string& file, Pos pos, std::string message, std::string hint) {
  return {Severity::error, "scdl-missing-field", file, pos, std::move(message), std::move(hint)};
}

// What every row takes from the call; false (with errors) when the call cannot give it.
bool check_call(const Call& call, std::vector<Diagnostic>& out) {
  std::size_t before = out.size();
  auto need = [&](bool ok, const char* field, const char* key, const char* hint) {
    if (!ok)
      out.push_back(
          missing(call.file, call.pos,
                  fmt::format("call '{}' has no {}: SCDL requires {}", call.id, key, field), hint));
  };
  need(call.decision && !call.decision->date.empty(), "dateConvention", "decision date",
       "add decision: {date: YYYY-MM-DD, reference: ...} once the committee has decided");
  need(call.award && !call.award->nature.empty(), "nature", "award nature",
       "add award: {nature: aide en numéraire, ...}");
  need(call.award && !call.award->payment.empty(), "conditionsVersement", "award payment",
       "add award: {payment: unique, ...}");
  need(call.award && !call.award->period.empty(), "datesPeriodeVersement", "award period",
       "add award: {period: YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD, ...}");
  return out.size() == before;
}

// What one row takes from its dossier; false (with errors naming it) when a field is missing.
bool check_line(const AwardLine& line, std::vector<Diagnostic>& out) {
  const AwardCandidate& d = line.dossier;
  std::size_t before = out.size();
  auto need = [&](bool ok, const char* what, const char* field, const char* hint) {
    if (!ok)
      out.push_back(missing(
          d.file, d.pos,
          fmt::format("awarded dossier '{}' has no {}: SCDL requires {}", d.dossier, what, field),
          hint));
  };
  need(!one_line(d.applicant).empty(), "applicant", "nomBeneficiaire", "add applicant: ...");
  need(!d.siret.empty() || !d.rna.empty(), "SIRET nor RNA number",
       "idBeneficiaire or rnaBeneficiaire", "add siret: \"<14 digits>\" or rna: W<9 digits>");
  need(line.amount.has_value(), "amount", "montant",
       "add awarded: <amount> (or requested: for the funding line's proposal)");
  need(!one_line(d.title).empty(), "title", "objet", "add title: ...");
  return out.size() == before;
}

void row(const Call& call, const AwardLine& line, std::string& text, std::vector<Diagnostic>& out) {
  const AwardCandidate& d = line.dossier;
  std::string objet = one_line(d.title);
  if (utf8_length(objet) > max_objet_chars) {
    objet = cut_at_word(objet);
    out.push_back({Severity::warning, "scdl-objet-cut", d.file, d.pos,
                   fmt::format("the title of dossier '{}' is longer than SCDL's {} characters: "
                               "objet is cut at a word",
                               d.dossier, max_objet_chars),
                   "shorten the title if the cut reads badly"});
  }
  const AwardTerms& a = *call.award;
  csv::Row r(text, scdl_dialect);
  r.text(one_line(call.funder.name)).text(call.funder.siret).text(call.decision->date);
  r.text(one_line(call.decision->reference)).text(one_line(d.applicant)).text(d.siret);
  r.text(d.rna).text(objet).number(line.amount).text(a.nature).text(one_line(a.payment));
  r.text(a.period).text("").text(a.eu_notified ? "oui" : "non").text("1.00").text("");
  r.end();
}

}  // namespace

std::string render_scdl(const Call& call, const AwardList& awards,
                        std::vector<Diagnostic>& diagnostics) {
  std::string out;
  csv::Row head(out, scdl_dialect);
  for (const char* column : scdl_columns) head.text(column);
  head.end();
  if (!check_call(call, diagnostics)) return out;
  if (awards.proposal && !awards.lines.empty())
    diagnostics.push_back(
        {Severity::warning, "scdl-proposal", call.file, call.pos,
         fmt::format("no dossier of call '{}' records the committee's `awarded`: the amounts are "
                     "the funding line's proposal",
                     call.id),
         "record awarded: <amount> in each dossier once the committee has decided"});
  for (const auto& line : awards.lines)
    if (check_line(line, diagnostics)) row(call, line, out, diagnostics);
  return out;
}

}  // namespace ess
