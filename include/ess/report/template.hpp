#pragma once
// `template`: a dossier skeleton for a grid, as YAML with every criterion, its scale and its
// guidance in comments, in the words of `language`.
#include <string>

#include "ess/model/model.hpp"

namespace ess {

std::string render_template(const Grid& grid, Language language);

}  // namespace ess
