#pragma once
// What dossiers are grouped by (§2.6): `--group-by` on the command line and `budgets: {by: ...}`
// in a call file name the same keys.
#include <cstdint>
#include <optional>
#include <string_view>

namespace ess {

enum class GroupKey : std::uint8_t { call, territory, theme };

std::optional<GroupKey> parse_group_key(std::string_view name);  // "call" | "territory" | "theme"
const char* group_key_name(GroupKey key);

}  // namespace ess
