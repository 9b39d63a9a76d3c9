// Dossier YAML to model. Values stay as written until validate_dossier reads them on the grid.
#include <fmt/format.h>

#include <tuple>

#include "ess/io/load.hpp"
#include "ess/model/messages.hpp"
#include "identifier_read.hpp"
#include "yaml_read.hpp"

namespace ess {

namespace {

using namespace fmt::literals;

bool is_valid_dossier_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || id.front() == ' ' || id.back() == ' ') return false;
  for (unsigned char c : id)
    if (c == '/' || c < 0x20 || c == 0x7f) return false;
  return true;
}

std::optional<ScoreEntry> read_score(const YamlKey& key, const YamlNode& node, bool consensus,
                                     Diagnostics& diags) {
  ScoreEntry e;
  e.criterion = key.text;
  e.pos = key.pos;
  std::string what = phrase(Msg::what_score_of, "criterion"_a = clip(key.text));
  MapReader r(
      node, what, diags,
      consensus
          ? std::initializer_list<std::string_view>{"level", "value", "note", "evidence"}
          : std::initializer_list<std::string_view>{"level", "value", "na", "evidence", "comment"});
  if (!r.ok()) return std::nullopt;
  const YamlNode* level = r.get("level");
  const YamlNode* value = r.get("value");
  const YamlNode* na = consensus ? nullptr : r.get("na");
  int given = (level ? 1 : 0) + (value ? 1 : 0) + (na ? 1 : 0);
  if (given != 1) {
    Msg problem = given != 0  ? Msg::score_gives_several
                  : consensus ? Msg::consensus_gives_nothing
                              : Msg::score_gives_nothing;
    diags.error(key.pos, say(problem, "what"_a = what),
                say(consensus ? Msg::consensus_keys_hint : Msg::score_keys_hint));
    return std::nullopt;
  }
  if (na) {
    e.kind = ScoreEntry::Kind::na;
    e.value_pos = na->pos;
    if (!na->is_scalar() || na->text.empty() || na->text == "~" || na->text == "null") {
      diags.error(na->pos, say(Msg::na_without_reason, "what"_a = what),
                  say(Msg::na_without_reason_hint));
      return std::nullopt;
    }
    e.na_reason = na->text;
  } else {
    const YamlNode* v = level ? level : value;
    if (!v->is_scalar()) {
      wrong_type(*v, what, phrase(Msg::expect_single_value), diags);
      return std::nullopt;
    }
    e.raw = v->text;
    e.raw_quoted = v->quoted;
    e.raw_is_level = level != nullptr;
    e.value_pos = v->pos;
  }
  if (const YamlNode* n = r.get("evidence")) read_text(*n, "evidence", diags, e.evidence);
  if (const YamlNode* n = r.get("comment")) read_text(*n, "comment", diags, e.comment);
  if (const YamlNode* n = r.get("note")) read_text(*n, "note", diags, e.note);
  return e;
}

void read_scores(const YamlNode& node, bool consensus, std::vector<ScoreEntry>& out,
                 Diagnostics& diags) {
  if (!node.is_map()) {
    wrong_type(node, consensus ? "consensus" : "scores", phrase(Msg::expect_score_map), diags);
    return;
  }
  out.reserve(node.keys.size());
  for (std::size_t i = 0; i < node.keys.size(); ++i)
    if (auto e = read_score(node.keys[i], node.items[i], consensus, diags))
      out.push_back(std::move(*e));
}

std::optional<Assessment> read_assessment(const YamlNode& node, Diagnostics& diags) {
  MapReader r(node, phrase(Msg::what_assessment), diags,
              {"assessor", "role", "date", "scores", "comment"});
  if (!r.ok()) return std::nullopt;
  Assessment a;
  a.pos = node.pos;
  if (const YamlNode* n = r.require("assessor")) read_text(*n, "assessor", diags, a.assessor);
  if (const YamlNode* n = r.require("role")) {
    if (!n->is_scalar()) {
      wrong_type(*n, "role", phrase(Msg::expect_role), diags);
    } else if (auto role = parse_role(n->text)) {
      a.role = *role;
    } else {
      diags.error(n->pos, say(Msg::invalid_role, "role"_a = clip(n->text)),
                  did_you_mean(suggest(n->text, role_words())));
    }
  }
  if (const YamlNode* n = r.require("date")) {
    if (read_text(*n, "date", diags, a.date) && !is_iso_date(a.date))
      diags.error(n->pos, say(Msg::invalid_date, "date"_a = clip(n->text)),
                  say(Msg::invalid_date_hint));
  }
  if (const YamlNode* n = r.get("scores")) read_scores(*n, false, a.scores, diags);
  return a;
}

void read_declared_facts(const YamlNode& node, Dossier& d, Diagnostics& diags) {
  if (!node.is_map()) {
    wrong_type(node, "facts", phrase(Msg::expect_fact_map), diags);
    return;
  }
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    auto v = read_number(node.items[i],
                         phrase(Msg::what_fact_named, "fact"_a = clip(node.keys[i].text)), diags);
    if (v) d.facts.push_back({node.keys[i].text, *v, node.keys[i].pos});
  }
}

// `grid: <id>` or `grid: <id>@<version>`. An id or version that could not name a grid file is
// refused and left empty, so that no grid is looked up under a path the dossier made up.
void read_grid_reference(const YamlNode& n, Dossier& d, Diagnostics& diags) {
  d.grid_pos = n.pos;
  std::string ref;
  if (!read_text(n, "grid", diags, ref)) return;
  auto at = ref.find('@');
  std::string id = ref.substr(0, at);
  std::string version = at == std::string::npos ? "" : ref.substr(at + 1);
  if (!is_valid_id(id)) {
    diags.error(n.pos, say(Msg::invalid_grid_id, "id"_a = clip(id)), say(Msg::grid_reference_hint));
    return;
  }
  if (at != std::string::npos && !is_semver(version)) {
    diags.error(n.pos, say(Msg::invalid_grid_version, "version"_a = clip(version)),
                say(Msg::grid_version_hint));
    return;
  }
  d.grid_id = std::move(id);
  d.grid_version = std::move(version);
}

// What the open-data export needs of the applicant and of the committee's decision (§1.2).
void read_identity(MapReader& r, Dossier& d, Diagnostics& diags) {
  if (const YamlNode* n = r.get("siret")) {
    d.siret_pos = n->pos;
    read_siret(*n, phrase(Msg::what_applicant_siret), diags, d.siret);
  }
  if (const YamlNode* n = r.get("rna")) {
    d.rna_pos = n->pos;
    read_rna(*n, phrase(Msg::what_rna), diags, d.rna);
  }
  for (auto [key, field, what] : {std::tuple{"project_cost", &d.project_cost, "the project's cost"},
                                  std::tuple{"awarded", &d.awarded, "the amount awarded"}}) {
    const YamlNode* n = r.get(key);
    if (!n) continue;
    if (field == &d.awarded) d.awarded_pos = n->pos;
    *field = read_number(*n, key, diags);
    if (*field && **field < 0) {
      diags.error("invalid-value", n->pos, fmt::format("{} cannot be negative", what));
      field->reset();
    }
  }
}

}  // namespace

std::optional<Dossier> load_dossier(const YamlNode& root, Diagnostics& diags) {
  reset_suggestion_budget();
  MapReader r(root, phrase(Msg::what_dossier), diags,
              {"dossier", "title", "applicant", "grid", "call", "territory", "theme", "requested",
               "project_cost", "siret", "rna", "awarded", "facts", "assessments", "consensus"});
  if (!r.ok()) return std::nullopt;
  Dossier d;
  d.pos = root.pos;
  d.file = diags.file();
  if (const YamlNode* n = r.require("dossier")) {
    if (read_text(*n, phrase(Msg::what_dossier_id), diags, d.id) && !is_valid_dossier_id(d.id))
      diags.error(n->pos, say(Msg::invalid_dossier_id, "id"_a = d.id), say(Msg::dossier_id_hint));
  }
  if (const YamlNode* n = r.require("title")) read_text(*n, "title", diags, d.title);
  if (const YamlNode* n = r.get("applicant")) read_text(*n, "applicant", diags, d.applicant);
  if (const YamlNode* n = r.require("grid")) read_grid_reference(*n, d, diags);
  for (auto [key, field] : {std::pair{"call", &d.call}, std::pair{"territory", &d.territory},
                            std::pair{"theme", &d.theme}})
    if (const YamlNode* n = r.get(key)) read_text(*n, key, diags, *field);
  if (const YamlNode* n = r.get("requested")) {
    d.requested = read_number(*n, "requested", diags);
    if (d.requested && *d.requested < 0) diags.error(n->pos, say(Msg::negative_requested));
  }
  read_identity(r, d, diags);
  if (const YamlNode* n = r.get("facts")) read_declared_facts(*n, d, diags);
  if (const YamlNode* n = r.get("assessments")) {
    if (!n->is_seq())
      wrong_type(*n, "assessments", phrase(Msg::expect_assessment_list), diags);
    else
      for (const auto& item : n->items)
        if (auto a = read_assessment(item, diags)) d.assessments.push_back(std::move(*a));
  }
  if (const YamlNode* n = r.get("consensus")) read_scores(*n, true, d.consensus, diags);
  return d;
}

}  // namespace ess
