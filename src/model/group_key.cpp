#include "ess/model/group_key.hpp"

namespace ess {

std::optional<GroupKey> parse_group_key(std::string_view name) {
  if (name == "call") return GroupKey::call;
  if (name == "territory") return GroupKey::territory;
  if (name == "theme") return GroupKey::theme;
  return std::nullopt;
}

const char* group_key_name(GroupKey key) {
  switch (key) {
    case GroupKey::call:
      return "call";
    case GroupKey::territory:
      return "territory";
    case GroupKey::theme:
      return "theme";
  }
  return "call";
}

}  // namespace ess
