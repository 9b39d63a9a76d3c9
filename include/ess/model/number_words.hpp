#pragma once
// Numbers as a reader of the report's language writes them (spec §2.7): the one formatter of
// every output for people — Markdown reports of every command, grid show, letters, packs and
// their charts. French: "73,8", "40 000 €", "43,8 %", "11,88 €/h" (thousands grouped by a
// narrow no-break space U+202F from 10 000 up, U+202F before '%', a no-break space U+00A0
// before '€' and other units); English: "73.8", "€40,000", "43.8%", "€11.88/h".
// Machine outputs (JSON, CSV) write format_shortest instead, and the spreadsheet CSV the bare
// rounded numbers of csv_writer.hpp.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ess/model/model.hpp"

namespace ess {

// The grid's money when it names none.
inline constexpr std::string_view default_currency = "EUR";

class NumberWords {
 public:
  explicit NumberWords(Language language, std::string_view currency = default_currency);

  Language language() const { return language_; }

  // `decimals` decimals, half away from zero (format_fixed), thousands grouped.
  std::string fixed(double value, int decimals) const;
  // A score out of 100, points, a total: one decimal.
  std::string score(double value) const;
  // The same with its sign: "+16,7", "-33,3", "0,0".
  std::string signed_score(double value) const;
  // A quantity in its own units, as written in a grid or dossier: up to two decimals, trailing
  // zeros dropped (format_quantity): "11,88", "4 300", "0,66".
  std::string quantity(double value) const;
  std::string count(std::size_t n) const;
  // A number as a grid writes it, every digit kept (format_shortest): "0,34", "11,88", "48 000".
  std::string exact(double value) const;
  // Money in the grid's currency, cents only when there are some: "40 000 €", "€40,000".
  std::string amount(double value) const;
  // A share in [0, 1] as a percentage with one decimal: "43,8 %", "43.8%".
  std::string percent(double fraction) const;
  // A number already written for the reader (fixed, quantity), followed by '%'.
  std::string percent_sign(std::string_view number) const;
  // A value in a grid's unit: the currency ("EUR") is money, a rate of it ("EUR/h") money per
  // unit, "ratio" a share, "%" a quantity with '%', "indice"/"index" a bare quantity, any
  // other unit written after the quantity ("4 300 h").
  std::string with_unit(double value, std::string_view unit) const;
  // The currency as written beside an amount: "€" for EUR, "£", "$", else its code.
  std::string symbol() const;

 private:
  std::string localise(const std::string& plain) const;
  Language language_;
  std::string currency_;
};

// round_shares (shares.hpp) in tenths of a percent, as fractions of 1: what a NumberWords
// percent takes. Percentages shown side by side add up to 100 % (§2.7).
std::vector<double> rounded_shares(const std::vector<double>& parts);

// Is `code` a currency code a grid may name (three capital letters, ISO 4217)?
bool is_currency_code(std::string_view code);

}  // namespace ess
