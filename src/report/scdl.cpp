// SCDL « subventions » 2.1.1, field by field as §4 maps them (the schema: tests/scdl/).
#include "ess/report/scdl.hpp"

#include <fmt/format.h>

#include "ess/model/csv_writer.hpp"
#include "ess/model/format.hpp"
#include "ess/model/identifiers.hpp"
#include "ess/model/messages.hpp"

namespace ess {

const char* const scdl_columns[16] = {
    "nomAttribuant",   "idAttribuant",   "dateConvention",        "referenceDecision",
    "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire",       "objet",
    "montant",         "nature",         "conditionsVersement",   "datesPeriodeVersement",
    "idRAE",           "notificationUE", "pourcentageSubvention", "dispositifAide"};

namespace {

using namespace fmt::literals;

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

Diagnostic missing(const std::string& file, Pos pos, Said message, Said hint) {
  return {Severity::error,         "scdl-missing-field", file, pos,
          std::move(message.text), std::move(hint.text)};
}

// What every row takes from the call; false (with errors) when the call cannot give it.
bool check_call(const Call& call, std::vector<Diagnostic>& out) {
  std::size_t before = out.size();
  auto need = [&](bool ok, const char* field, Msg what, Msg hint) {
    if (!ok)
      out.push_back(missing(call.file, call.pos,
                            say(Msg::scdl_call_missing, "call"_a = call.id, "what"_a = phrase(what),
                                "field"_a = field),
                            say(hint)));
  };
  need(call.decision && !call.decision->date.empty(), "dateConvention",
       Msg::scdl_what_decision_date, Msg::scdl_decision_date_hint);
  need(call.award && !call.award->nature.empty(), "nature", Msg::scdl_what_award_nature,
       Msg::scdl_award_nature_hint);
  need(call.award && !call.award->payment.empty(), "conditionsVersement",
       Msg::scdl_what_award_payment, Msg::scdl_award_payment_hint);
  need(call.award && !call.award->period.empty(), "datesPeriodeVersement",
       Msg::scdl_what_award_period, Msg::scdl_award_period_hint);
  return out.size() == before;
}

// What one row takes from its dossier; false (with errors naming it) when a field is missing.
bool check_line(const AwardLine& line, std::vector<Diagnostic>& out) {
  const AwardCandidate& d = line.dossier;
  std::size_t before = out.size();
  auto need = [&](bool ok, Msg what, const char* field, Msg hint) {
    if (!ok)
      out.push_back(missing(d.file, d.pos,
                            say(Msg::scdl_dossier_missing, "dossier"_a = d.dossier,
                                "what"_a = phrase(what), "field"_a = field),
                            say(hint)));
  };
  need(!one_line(d.applicant).empty(), Msg::scdl_what_applicant, "nomBeneficiaire",
       Msg::scdl_applicant_hint);
  if (d.siret.empty() && d.rna.empty())
    out.push_back(missing(d.file, d.pos, say(Msg::scdl_no_identifier, "dossier"_a = d.dossier),
                          say(Msg::scdl_identifier_hint)));
  need(line.amount.has_value(), Msg::scdl_what_amount, "montant", Msg::scdl_amount_hint);
  need(!one_line(d.title).empty(), Msg::scdl_what_title, "objet", Msg::scdl_title_hint);
  return out.size() == before;
}

void row(const Call& call, const AwardLine& line, std::string& text, std::vector<Diagnostic>& out) {
  const AwardCandidate& d = line.dossier;
  std::string objet = one_line(d.title);
  if (utf8_length(objet) > max_objet_chars) {
    objet = cut_at_word(objet);
    out.push_back(
        {Severity::warning, "scdl-objet-cut", d.file, d.pos,
         say(Msg::scdl_objet_cut, "dossier"_a = d.dossier, "limit"_a = max_objet_chars).text,
         say(Msg::scdl_objet_cut_hint).text});
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
    diagnostics.push_back({Severity::warning, "scdl-proposal", call.file, call.pos,
                           say(Msg::scdl_proposal, "call"_a = call.id).text,
                           say(Msg::scdl_proposal_hint).text});
  for (const auto& line : awards.lines)
    if (check_line(line, diagnostics)) row(call, line, out, diagnostics);
  return out;
}

}  // namespace ess
