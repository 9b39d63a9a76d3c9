#pragma once
// `grid diff`: what changed between two versions of a grid, criterion by criterion (by id, so
// reordering siblings is no change), each change classified with the version bump it requires
// (§5 of the spec), and whether NEW's version bumps enough. The diff is computed in
// grid_diff.cpp and rendered (Markdown, CSV, JSON) in grid_diff_render.cpp; reading OLD and NEW
// from a file or from git is grid_source.hpp's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ess/model/model.hpp"

namespace ess {

// Ordered: a change requiring `major` also satisfies anything below it.
enum class Bump : std::uint8_t { none, patch, minor, major };

const char* bump_token(Bump bump);  // none | patch | minor | major

enum class ChangeSubject : std::uint8_t { grid, criterion, scale, fact, decision };

const char* subject_token(ChangeSubject subject);  // grid | criterion | scale | fact | decision

struct GridChange {
  Bump bump = Bump::none;
  ChangeSubject subject = ChangeSubject::grid;
  std::string id;    // criterion, scale or fact id; a band's label; the grid key for `grid`
  std::string kind;  // stable token: "leaf-removed", "weight", "level-relabelled", ...
  std::string old_value, new_value;  // as text in the grid's own terms; "" when absent
  // The same values when they are plain numbers (weights, band minimums, disagreement), for
  // outputs that write numbers their own way (CSV's decimal mark).
  std::optional<double> old_number, new_number;
  // weight changes: the nominal effective weights (shares of the total, 0..1)
  std::optional<double> old_effective_weight, new_effective_weight;
  std::vector<std::string> used_by;  // scale changes: the leaves that use the scale
};

// A leaf whose share of the total moved, whatever the reason (informative: no bump of its own).
struct EffectiveWeightChange {
  std::string criterion;
  std::optional<double> old_share, new_share;  // absent: the criterion is not in that grid
};

struct VersionCheck {
  Bump required = Bump::none;  // the largest bump among the changes
  Bump actual = Bump::none;    // what OLD.version -> NEW.version is
  bool backwards = false;      // NEW.version is lower than OLD.version
  bool ok = true;
};

struct GridDiff {
  std::string old_id, new_id, old_version, new_version, old_file, new_file, old_sha, new_sha;
  std::vector<GridChange> changes;  // sorted: bump (major first), subject, id, kind
  std::vector<EffectiveWeightChange> effective_weights;  // by criterion id
  VersionCheck version;
};

GridDiff diff_grids(const Grid& old_grid, const Grid& new_grid);

// Compares two MAJOR.MINOR.PATCH versions; nullopt when either is not one.
std::optional<VersionCheck> compare_versions(const std::string& old_version,
                                             const std::string& new_version, Bump required);

// The smallest version above `old_version` that satisfies `bump` ("1.2.3" + minor = "1.3.0").
std::string next_version(const std::string& old_version, Bump bump);

}  // namespace ess
