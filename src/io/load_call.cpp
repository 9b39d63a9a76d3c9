// Call YAML to model (§1.3). Each value is checked on its own here; what needs the base grid
// (the criteria an override names, a target on a leaf's scale) is apply_call's.
#include <fmt/format.h>

#include "ess/io/load.hpp"
#include "ess/model/identifiers.hpp"
#include "ess/model/sha256.hpp"
#include "identifier_read.hpp"
#include "load_bands.hpp"
#include "yaml_read.hpp"

namespace ess {

namespace {

constexpr std::size_t max_payment_chars = 256;  // SCDL's conditionsVersement

// Far beyond any real call; keeps every loop over overrides fast whatever a file holds.
constexpr std::size_t max_call_items = 1000;

bool too_many(const YamlNode& node, const char* what, Diagnostics& diags) {
  if (node.items.size() <= max_call_items) return false;
  diags.error(
      "too-many-nodes", node.pos,
      fmt::format("{} {}: a call may hold at most {}", node.items.size(), what, max_call_items));
  return true;
}

// A mapping of criterion ids to something, as overrides write them.
bool criterion_map(const YamlNode& node, const char* what, Diagnostics& diags) {
  if (!node.is_map()) {
    wrong_type(node, what, "a mapping of criterion ids to values", diags);
    return false;
  }
  if (too_many(node, what, diags)) return false;
  bool ok = true;
  for (const auto& key : node.keys)
    if (!is_valid_id(key.text)) {
      diags.error("invalid-id", key.pos,
                  fmt::format("{}: '{}' is not a criterion id", what, clip(key.text)));
      ok = false;
    }
  return ok;
}

void read_weights(const YamlNode& node, CallOverrides& o, Diagnostics& diags) {
  if (!criterion_map(node, "overrides.weights", diags)) return;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const YamlKey& key = node.keys[i];
    auto w = read_number(node.items[i], fmt::format("the weight of '{}'", key.text), diags);
    if (!w) continue;
    if (*w < 0) {
      diags.error("invalid-weight", node.items[i].pos,
                  fmt::format("the weight of '{}' is negative", key.text),
                  "weights are relative among siblings: 0 or more");
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
      wrong_type(v, fmt::format("{} of '{}'", what, node.keys[i].text), "a single value", diags);
      continue;
    }
    out.push_back({node.keys[i].text, v.text, v.quoted, node.keys[i].pos, v.pos});
  }
}

void read_eliminatory(const YamlNode& node, CallOverrides& o, Diagnostics& diags) {
  if (!node.is_seq()) {
    wrong_type(node, "overrides.eliminatory", "a list of criterion ids", diags);
    return;
  }
  if (too_many(node, "eliminatory criteria", diags)) return;
  for (const auto& item : node.items) {
    std::string id;
    if (read_id(item, "an eliminatory criterion", diags, id))
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
    if (!too_many(*n, "decision bands", diags)) read_bands(*n, bands, diags);
    if (diags.error_count() == errors) o.decision = std::move(bands);
  }
}

void read_funder(const YamlNode& node, Funder& f, Diagnostics& diags) {
  MapReader r(node, "the funder", diags, {"name", "siret"});
  if (!r.ok()) return;
  f.pos = node.pos;
  if (const YamlNode* n = r.require("name")) read_text(*n, "the funder's name", diags, f.name);
  if (const YamlNode* n = r.require("siret")) {
    f.siret_pos = n->pos;
    read_siret(*n, "the funder's SIRET", diags, f.siret);
  }
}

void read_letterhead(const YamlNode& node, Letterhead& l, Diagnostics& diags) {
  MapReader r(node, "the letterhead", diags, {"sender", "signature", "place"});
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
    diags.error("invalid-value", node.pos, fmt::format("{} cannot be negative", what));
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
      diags.error("invalid-value", n->pos,
                  fmt::format("budgets.by '{}' is not territory or theme",
                              n->is_scalar() ? clip(n->text) : describe_kind(*n)),
                  "a call's budgets are per territory or per theme of its dossiers");
  }
  const YamlNode* amounts = r.require("amounts");
  if (!amounts) return;
  if (!amounts->is_map() || amounts->keys.empty()) {
    wrong_type(*amounts, "budgets.amounts", "a non-empty mapping of groups to amounts", diags);
    return;
  }
  if (too_many(*amounts, "budgets", diags)) return;
  for (std::size_t i = 0; i < amounts->keys.size(); ++i) {
    const YamlKey& group = amounts->keys[i];
    if (auto v = read_amount(amounts->items[i], fmt::format("the budget of '{}'", clip(group.text)),
                             diags))
      b.amounts.push_back({group.text, *v, group.pos});
  }
}

void read_date(const YamlNode& node, const char* what, Diagnostics& diags, std::string& out) {
  if (read_text(node, what, diags, out) && !is_iso_date(out)) {
    diags.error("invalid-date", node.pos,
                fmt::format("{} '{}' is not a calendar date YYYY-MM-DD", what, clip(out)),
                "write the date as 2026-06-15");
    out.clear();
  }
}

void read_decision(const YamlNode& node, CallDecision& d, Diagnostics& diags) {
  MapReader r(node, "the call's decision", diags, {"date", "reference"});
  if (!r.ok()) return;
  d.pos = node.pos;
  if (const YamlNode* n = r.require("date")) read_date(*n, "the decision's date", diags, d.date);
  if (const YamlNode* n = r.get("reference"))
    read_text(*n, "the decision's reference", diags, d.reference);
}

void read_award(const YamlNode& node, AwardTerms& a, Diagnostics& diags) {
  MapReader r(node, "the award", diags, {"nature", "payment", "period", "eu_notified"});
  if (!r.ok()) return;
  a.pos = node.pos;
  if (const YamlNode* n = r.require("nature"); n && read_text(*n, "nature", diags, a.nature)) {
    bool known = false;
    for (const char* nature : scdl_natures) known = known || a.nature == nature;
    if (!known) {
      diags.error("invalid-value", n->pos,
                  fmt::format("nature '{}' is not one of SCDL's: {}", clip(a.nature),
                              fmt::join(scdl_natures, " | ")),
                  "write aide en numéraire, aide en nature, or both joined by ';'");
      a.nature.clear();
    }
  }
  if (const YamlNode* n = r.require("payment"); n && read_text(*n, "payment", diags, a.payment)) {
    if (utf8_length(a.payment) > max_payment_chars) {
      diags.error("invalid-value", n->pos,
                  fmt::format("payment has {} characters: SCDL allows at most {}",
                              utf8_length(a.payment), max_payment_chars),
                  "write unique, échelonné, or a short description of the terms");
      a.payment.clear();
    }
  }
  if (const YamlNode* n = r.require("period"); n && read_text(*n, "period", diags, a.period)) {
    if (!is_iso_date_or_period(a.period)) {
      diags.error("invalid-date", n->pos,
                  fmt::format("period '{}' is not a date YYYY-MM-DD nor a period "
                              "YYYY-MM-DD/YYYY-MM-DD (start first)",
                              clip(a.period)),
                  "write 2026-07-01 or 2026-07-01/2026-12-31");
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
    diags.error("invalid-id", n.pos, fmt::format("grid id '{}' is not a valid id", clip(id)),
                "write grid: <grid-id>@<version>");
    return;
  }
  if (at == std::string::npos) {
    diags.error("unpinned-grid", n.pos,
                fmt::format("the call's base grid '{}' has no version", clip(id)),
                fmt::format("pin it: grid: {}@<version>, so that a new version of the grid does "
                            "not change a call already launched",
                            clip(id)));
    return;
  }
  if (!is_semver(version)) {
    diags.error(
        "invalid-version", n.pos,
        fmt::format("grid version '{}' is not a semantic version MAJOR.MINOR.PATCH", clip(version)),
        "write grid: <grid-id>@1.2.0");
    return;
  }
  c.grid_id = std::move(id);
  c.grid_version = std::move(version);
}

void read_money(MapReader& r, Call& c, Diagnostics& diags) {
  const YamlNode* one = r.get("budget");
  const YamlNode* many = r.get("budgets");
  if (one && many) {
    diags.error("invalid-value", r.key_pos("budgets"), "the call has both budget and budgets",
                "keep budget: N for one funding line, or budgets: {by: ..., amounts: ...}");
    return;
  }
  if (one) {
    c.budgets.pos = r.key_pos("budget");
    c.budgets.total = read_amount(*one, "the budget", diags);
  }
  if (many) {
    c.budgets.pos = r.key_pos("budgets");
    read_budgets(*many, c.budgets, diags);
  }
}

}  // namespace

std::optional<Call> load_call(const YamlNode& root, Diagnostics& diags) {
  reset_suggestion_budget();
  MapReader r(root, "the call", diags,
              {"call", "title", "funder", "grid", "overrides", "letterhead", "budget", "budgets",
               "decision", "award"});
  if (!r.ok()) return std::nullopt;
  Call c;
  c.pos = root.pos;
  c.file = diags.file();
  if (const YamlNode* n = r.require("call")) read_id(*n, "call id", diags, c.id);
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
    diags.error("unknown-document", root.pos,
                "this file is not a call for projects (no 'call:' key)");
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
