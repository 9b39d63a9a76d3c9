#pragma once
// Charts drawn by ess-eval as SVG, for the committee's pack and the public account: plain data
// in, one <svg> element out, with its text equivalent inside (role="img", aria-label, <title>,
// <desc>). Legible in black and white: marks and hatching carry the meaning, never colour
// alone. No script, no external reference, no font file: the page's system fonts.
// Numbers are written by the caller (already in the document's language).
#include <optional>
#include <string>
#include <vector>

namespace ess {

struct ChartText {
  std::string title;  // <title>, and the aria-label
  std::string desc;   // <desc>: the whole chart in one or two sentences
};

// ---------------------------------------------------------------- profile

// One row per axis, 0..100: the consolidated score as a bar, the axis' minimum as a threshold
// mark, each assessor's own value and the self-assessment as distinct marks.
struct ProfileAxis {
  std::string label;
  std::optional<double> score;               // 0..100; none: left out (N/A or missing)
  std::optional<double> minimum;             // 0..100
  std::string score_text;                    // the score as the document writes it
  std::vector<std::optional<double>> marks;  // one per ProfileChart::markers, 0..100
};

struct ProfileMarker {
  std::string label;  // an assessor's name, "Évaluateur 2", or the self-assessment's word
  bool self = false;  // drawn as a cross, set apart from the assessors' shapes
};

struct ProfileChart {
  std::string id;  // unique in the document: prefixes the chart's own ids
  ChartText text;
  std::vector<ProfileAxis> axes;
  std::vector<ProfileMarker> markers;
  // The total as a last row, against the bands' thresholds (dashed, labelled).
  std::optional<ProfileAxis> total;
  struct Threshold {
    double at = 0;
    std::string label;
  };
  std::vector<Threshold> bands;                            // the total's band boundaries above 0
  std::string score_legend, minimum_legend, bands_legend;  // the legend's words
};

std::string svg_profile(const ProfileChart& chart);

// ---------------------------------------------------------------- resource mix

// One stacked bar of 100 %: each part hatched differently, labelled below with its share.
struct MixPart {
  std::string label;       // "Ventes de biens et prestations"
  double share = 0;        // 0..1
  std::string share_text;  // "46,3 %"
};

struct MixChart {
  std::string id;
  ChartText text;
  std::vector<MixPart> parts;  // up to 6; more share the last pattern
};

std::string svg_resource_mix(const MixChart& chart);

// ---------------------------------------------------------------- distribution of totals

// Totals counted in bins of ten points, 0–10 … 90–100, with the bands' thresholds.
struct DistributionChart {
  std::string id;
  ChartText text;
  std::vector<std::size_t> counts;  // ten bins; the last one holds 100
  std::vector<ProfileChart::Threshold> bands;
  std::string count_legend;  // the y axis' word: "dossiers"
};

std::string svg_distribution(const DistributionChart& chart);

// The bin of a total in DistributionChart::counts.
std::size_t distribution_bin(double total);

}  // namespace ess
