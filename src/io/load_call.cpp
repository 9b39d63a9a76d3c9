// Call YAML to model (§1.3). Each value is checked on its own here; what needs the base grid
// (the criteria an override names, a target on a leaf's scale) is apply_call's.
#include <fmt/format.h>

#include "ess/io/load.hpp"
#include "ess/model/identifiers.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/sha256.hpp"
#include "identifier_read.hpp"
#include "load_bands.hpp"
#include "yaml_read.hpp"

namespace ess {

namespace {

using namespace fmt::literals;

constexpr std::size_t max_payment_chars = 256;  // SCDL's conditionsVersement

// Far beyond any real call; keeps every loop over overrides fast whatever a file holds.
constexpr std::size_t max_call_items = 1000;

// `items`: what the list holds, as the message names it ("overrides.weights", "budgets").
bool too_many(const YamlNode& node, std::string_view items, Diagnostics& diags) {
  if (node.items.size() <= max_call_items) return false;
  diags.error(node.pos, say(Msg::call_too_many_items, "count"_a = node.items.size(),
                            "items"_a = items, "max"_a = max_call_items));
  return true;
}

// A mapping of criterion ids to something, as overrides write them.
bool criterion_map(const YamlNode& node, const char* what, Diagnostics& diags) {
  if (!node.is_map()) {
    wrong_type(node, what, phrase(Msg::expect_criterion_value_map), diags);
    return false;
  }
  if (too_many(node, what, diags)) return false;
  bool ok = true;
  for (const auto& key : node.keys)
    if (!is_valid_id(key.text)) {
      diags.error(key.pos, say(Msg::not_a_criterion_id, "what"_a = what, "id"_a = clip(key.text)));
      ok = false;
    }
  return ok;
}

void read_weights(const YamlNode& node, CallOverrides& o, Diagnostics& diags) {
  if (!criterion_map(node, "overrides.weights", diags)) return;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const YamlKey& key = node.keys[i];
    auto w =
        read_number(node.items[i], phrase(Msg::what_weight_of, "criterion"_a = key.text), diags);
    if (!w) continue;
    if (*w < 0) {
      diags.error(node.items[i].pos, say(Msg::negative_weight, "criterion"_a = key.text),
                  say(Msg::negative_weight_hint));
      continue;
    }
    o.weights.push_back({key.text, *w, key.pos});
  }
}

void read_values(const YamlNode& node, const char* what, std::vector<ValueOverride>& out,
                 Diagnostics& diags) {
  if (!criterion_map(node, what, diags)) return;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const YamlNode& v = node.items[i];
    if (!v.is_scalar()) {
      wrong_type(v, phrase(Msg::what_key_of, "key"_a = what, "criterion"_a = node.keys[i].text),
                 phrase(Msg::expect_single_value), diags);
      continue;
    }
    out.push_back({node.keys[i].text, v.text, v.quoted, node.keys[i].pos, v.pos});
  }
}

void read_eliminatory(const YamlNode& node, CallOverrides& o, Diagnostics& diags) {
  if (!node.is_seq()) {
    wrong_type(node, "overrides.eliminatory", phrase(Msg::expect_criterion_id_list), diags);
    return;
  }
  if (too_many(node, phrase(Msg::items_eliminatory), diags)) return;
  for (const auto& item : node.items) {
    std::string id;
    if (read_id(item, phrase(Msg::what_eliminatory_criterion), diags, id))
      o.eliminatory.push_back({id, item.pos});
  }
}

void read_overrides(const YamlNode& node, CallOverrides& o, Diagnostics& diags) {
  MapReader r(node, "overrides", diags,
              {"weights", "targets", "minimums", "eliminatory", "decision"});
  if (!r.ok()) return;
  if (const YamlNode* n = r.get("weights")) read_weights(*n, o, diags);
  if (const YamlNode* n = r.get("targets")) read_values(*n, "overrides.targets", o.targets, diags);
  if (const YamlNode* n = r.get("minimums"))
    read_values(*n, "overrides.minimums", o.minimums, diags);
  if (const YamlNode* n = r.get("eliminatory")) read_eliminatory(*n, o, diags);
  if (const YamlNode* n = r.get("decision")) {
    o.decision_pos = r.key_pos("decision");
    std::size_t errors = diags.error_count();
    std::vector<Band> bands;
    if (!too_many(*n, phrase(Msg::items_bands), diags)) read_bands(*n, bands, diags);
    if (diags.error_count() == errors) o.decision = std::move(bands);
  }
}

void read_funder(const YamlNode& node, Funder& f, Diagnostics& diags) {
  MapReader r(node, phrase(Msg::what_funder), diags, {"name", "siret"});
  if (!r.ok()) return;
  f.pos = node.pos;
  if (const YamlNode* n = r.require("name"))
    read_text(*n, phrase(Msg::what_funder_name), diags, f.name);
  if (const YamlNode* n = r.require("siret")) {
    f.siret_pos = n->pos;
    read_siret(*n, phrase(Msg::what_funder_siret), diags, f.siret);
  }
}

void read_letterhead(const YamlNode& node, Letterhead& l, Diagnostics& diags) {
  MapReader r(node, phrase(Msg::what_letterhead), diags, {"sender", "signature", "place"});
  if (!r.ok()) return;
  l.pos = node.pos;
  for (auto [key, field] : {std::pair{"sender", &l.sender}, std::pair{"signature", &l.signature},
                            std::pair{"place", &l.place}})
    if (const YamlNode* n = r.get(key)) read_text(*n, key, diags, *field);
}

std::optional<double> read_amount(const YamlNode& node, const std::string& what,
                                  Diagnostics& diags) {
  auto v = read_number(node, what, diags);
  if (v && *v < 0) {
    diags.error(node.pos, say(Msg::negative_amount, "what"_a = what));
    return std::nullopt;
  }
  return v;
}

void read_budgets(const YamlNode& node, CallBudgets& b, Diagnostics& diags) {
  MapReader r(node, "budgets", diags, {"by", "amounts"});
  if (!r.ok()) return;
  if (const YamlNode* n = r.require("by")) {
    auto key = n->is_scalar() ? parse_group_key(n->text) : std::nullopt;
    if (key && *key != GroupKey::call)
      b.by = key;
    else
      diags.error(n->pos,
                  say(Msg::budgets_by_invalid,
                      "value"_a = n->is_scalar() ? clip(n->text) : describe_kind(*n)),
                  say(Msg::budgets_by_hint));
  }
  const YamlNode* amounts = r.require("amounts");
  if (!amounts) return;
  if (!amounts->is_map() || amounts->keys.empty()) {
    wrong_type(*amounts, "budgets.amounts", phrase(Msg::expect_budget_amounts), diags);
    return;
  }
  if (too_many(*amounts, phrase(Msg::items_budgets), diags)) return;
  for (std::size_t i = 0; i < amounts->keys.size(); ++i) {
    const YamlKey& group = amounts->keys[i];
    if (auto v = read_amount(amounts->items[i],
                             phrase(Msg::what_budget_of, "group"_a = clip(group.text)), diags))
      b.amounts.push_back({group.text, *v, group.pos});
  }
}

void read_date(const YamlNode& node, const std::string& what, Diagnostics& diags,
               std::string& out) {
  if (read_text(node, what, diags, out) && !is_iso_date(out)) {
    diags.error(node.pos, say(Msg::call_invalid_date, "what"_a = what, "date"_a = clip(out)),
                say(Msg::call_invalid_date_hint));
    out.clear();
  }
}

void read_decision(const YamlNode& node, CallDecision& d, Diagnostics& diags) {
  MapReader r(node, phrase(Msg::what_call_decision), diags, {"date", "reference"});
  if (!r.ok()) return;
  d.pos = node.pos;
  if (const YamlNode* n = r.require("date"))
    read_date(*n, phrase(Msg::what_decision_date), diags, d.date);
  if (const YamlNode* n = r.get("reference"))
    read_text(*n, phrase(Msg::what_decision_reference), diags, d.reference);
}

void read_award(const YamlNode& node, AwardTerms& a, Diagnostics& diags) {
  MapReader r(node, phrase(Msg::what_award), diags, {"nature", "payment", "period", "eu_notified"});
  if (!r.ok()) return;
  a.pos = node.pos;
  if (const YamlNode* n = r.require("nature"); n && read_text(*n, "nature", diags, a.nature)) {
    bool known = false;
    for (const char* nature : scdl_natures) known = known || a.nature == nature;
    if (!known) {
      diags.error(n->pos,
                  say(Msg::bad_nature, "value"_a = clip(a.nature),
                      "natures"_a = fmt::join(scdl_natures, " | ")),
                  say(Msg::bad_nature_hint));
      a.nature.clear();
    }
  }
  if (const YamlNode* n = r.require("payment"); n && read_text(*n, "payment", diags, a.payment)) {
    if (utf8_length(a.payment) > max_payment_chars) {
      diags.error(n->pos,
                  say(Msg::payment_too_long, "count"_a = utf8_length(a.payment),
                      "max"_a = max_payment_chars),
                  say(Msg::payment_too_long_hint));
      a.payment.clear();
    }
  }
  if (const YamlNode* n = r.require("period"); n && read_text(*n, "period", diags, a.period)) {
    if (!is_iso_date_or_period(a.period)) {
      diags.error(n->pos, say(Msg::bad_period, "value"_a = clip(a.period)),
                  say(Msg::bad_period_hint));
      a.period.clear();
    }
  }
  if (const YamlNode* n = r.get("eu_notified"))
    if (auto b = read_bool(*n, "eu_notified", diags)) a.eu_notified = *b;
}

// `grid: <id>@<version>`: a call's base grid is always pinned, so that a new version of the
// shared grid never changes a call already launched.
void read_base_grid(const YamlNode& n, Call& c, Diagnostics& diags) {
  c.grid_pos = n.pos;
  std::string ref;
  if (!read_text(n, "grid", diags, ref)) return;
  auto at = ref.find('@');
  std::string id = ref.substr(0, at);
  std::string version = at == std::string::npos ? "" : ref.substr(at + 1);
  if (!is_valid_id(id)) {
    diags.error(n.pos, say(Msg::invalid_grid_id, "id"_a = clip(id)),
                say(Msg::call_grid_reference_hint));
    return;
  }
  if (at == std::string::npos) {
    diags.error(n.pos, say(Msg::unpinned_grid, "grid"_a = clip(id)),
                say(Msg::unpinned_grid_hint, "grid"_a = clip(id)));
    return;
  }
  if (!is_semver(version)) {
    diags.error(n.pos, say(Msg::invalid_grid_version, "version"_a = clip(version)),
                say(Msg::call_grid_version_hint));
    return;
  }
  c.grid_id = std::move(id);
  c.grid_version = std::move(version);
}

void read_money(MapReader& r, Call& c, Diagnostics& diags) {
  const YamlNode* one = r.get("budget");
  const YamlNode* many = r.get("budgets");
  if (one && many) {
    diags.error(r.key_pos("budgets"), say(Msg::both_budgets), say(Msg::both_budgets_hint));
    return;
  }
  if (one) {
    c.budgets.pos = r.key_pos("budget");
    c.budgets.total = read_amount(*one, phrase(Msg::what_budget), diags);
  }
  if (many) {
    c.budgets.pos = r.key_pos("budgets");
    read_budgets(*many, c.budgets, diags);
  }
}

}  // namespace

std::optional<Call> load_call(const YamlNode& root, Diagnostics& diags) {
  reset_suggestion_budget();
  MapReader r(root, phrase(Msg::what_call), diags,
              {"call", "title", "funder", "grid", "overrides", "letterhead", "budget", "budgets",
               "decision", "award"});
  if (!r.ok()) return std::nullopt;
  Call c;
  c.pos = root.pos;
  c.file = diags.file();
  if (const YamlNode* n = r.require("call")) read_id(*n, phrase(Msg::what_call_id), diags, c.id);
  if (const YamlNode* n = r.require("title")) read_text(*n, "title", diags, c.title);
  if (const YamlNode* n = r.require("funder")) read_funder(*n, c.funder, diags);
  if (const YamlNode* n = r.require("grid")) read_base_grid(*n, c, diags);
  if (const YamlNode* n = r.get("overrides")) read_overrides(*n, c.overrides, diags);
  if (const YamlNode* n = r.get("letterhead")) read_letterhead(*n, c.letterhead.emplace(), diags);
  read_money(r, c, diags);
  if (const YamlNode* n = r.get("decision")) read_decision(*n, c.decision.emplace(), diags);
  if (const YamlNode* n = r.get("award")) read_award(*n, c.award.emplace(), diags);
  return c;
}

std::optional<Call> load_call_bytes(std::string_view bytes, const std::string& file,
                                    const ParseLimits& limits, Diagnostics& diags) {
  YamlNode root;
  std::size_t errors = diags.error_count();
  if (!parse_yaml(bytes, limits, root, diags)) return std::nullopt;
  if (diags.error_count() != errors) return std::nullopt;
  if (document_kind(root) != DocumentKind::call) {
    diags.error(root.pos, say(Msg::not_a_call));
    return std::nullopt;
  }
  auto call = load_call(root, diags);
  if (call) {
    call->file = file;
    call->sha256 = sha256_hex(bytes);
  }
  return call;
}

std::optional<Call> load_call_file(const std::string& path, const ParseLimits& limits,
                                   Diagnostics& diags) {
  std::string bytes;
  if (!read_file_bytes(path, limits.max_file_bytes, bytes, diags)) return std::nullopt;
  return load_call_bytes(bytes, path, limits, diags);
}

std::optional<Letterhead> load_letterhead_file(const std::string& path, const ParseLimits& limits,
                                               Diagnostics& diags) {
  std::string bytes;
  YamlNode root;
  std::size_t errors = diags.error_count();
  if (!read_file_bytes(path, limits.max_file_bytes, bytes, diags) ||
      !parse_yaml(bytes, limits, root, diags))
    return std::nullopt;
  Letterhead letterhead;
  read_letterhead(root, letterhead, diags);
  if (diags.error_count() != errors) return std::nullopt;
  return letterhead;
}

}  // namespace ess
