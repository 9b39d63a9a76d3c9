#pragma once
// The documents for people (pack, public account) are written once as a sequence of blocks —
// headings, paragraphs, lists, tables, figures — and emitted as HTML for print or as Markdown
// for pandoc by the two writers below: the same content in both formats, by construction.
// Every text handed in is plain: the writers escape it. A list or a table of any length can be
// written item by item, and the text goes to a sink as it grows: nothing holds the document.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ess::doc {

// A run of inline text: plain, strong, or a link to an anchor of the same document.
struct Span {
  enum class Kind : std::uint8_t { plain, strong, link } kind = Kind::plain;
  std::string text;
  std::string anchor;  // links
};
using Inline = std::vector<Span>;

Inline plain(std::string text);
Inline strong(std::string text);
Inline link(std::string text, std::string anchor);
Inline operator+(Inline a, const Inline& b);

struct Column {
  std::string title;
  bool numeric = false;  // right-aligned, tabular figures
  bool nowrap = false;   // kept on one line (ids)
};

struct TableRow {
  std::vector<Inline> cells;
  bool rule = false;  // one cell across the table: the funding line, a group's heading
};

struct Table {
  std::string caption;  // plain; empty: none
  std::vector<Column> columns;
  std::vector<TableRow> rows;
};

// A chart and what says the same in words: the SVG (HTML only) and its visible text
// equivalent (both formats: in Markdown the text stands for the chart).
struct Figure {
  std::string svg;  // a complete <svg> element, from svg_chart.hpp
  std::string caption;
  Table table;           // the chart's data as a table; no columns: none
  std::string sentence;  // or as a sentence; empty: none
};

class Writer {
 public:
  virtual ~Writer() = default;
  // A part of the document that starts on a new page when `new_page`, reachable at `anchor`.
  virtual void begin_part(std::string_view anchor, bool new_page) = 0;
  virtual void end_part() = 0;
  virtual void heading(int level, const Inline& text, std::string_view anchor = {}) = 0;
  virtual void paragraph(const Inline& text) = 0;
  virtual void small(const Inline& text) = 0;  // a note, smaller print
  void bullets(const std::vector<Inline>& items) { list(false, items); }
  void numbered(const std::vector<Inline>& items) { list(true, items); }
  void table(const Table& t);
  virtual void figure(const Figure& f) = 0;
  // Side by side in print (two columns), one after the other in Markdown.
  virtual void begin_columns() {}
  virtual void next_column() {}
  virtual void end_columns() {}

  // The same lists and tables item by item, for those as long as the call: nothing else is
  // written between begin and end. A list without items writes nothing; a table without
  // columns writes nothing.
  virtual void begin_list(bool numbered) = 0;
  virtual void item(const Inline& text) = 0;
  virtual void end_list() = 0;
  virtual void begin_table(std::string_view caption, const std::vector<Column>& columns) = 0;
  virtual void row(const TableRow& row) = 0;
  virtual void end_table() = 0;

  // Where the text goes: once set, whatever is written goes to `sink` a chunk at a time, and
  // the rest at flush(). Without a sink, take() takes what was written so far.
  void sink_to(std::function<void(std::string_view)> sink) { sink_ = std::move(sink); }
  void flush();
  std::string take() { return std::exchange(out_, {}); }
  bool french_ = false;  // French spacing on every text (doc_values.hpp: french_spacing)

 protected:
  void wrote();  // after each item or row: on to the sink past a chunk
  std::string out_;

 private:
  void list(bool numbered, const std::vector<Inline>& items);
  std::function<void(std::string_view)> sink_;
};

// French documents get French spacing (doc_values.hpp: french_spacing) on every text.
std::unique_ptr<Writer> html_writer(bool french);
std::unique_ptr<Writer> markdown_writer(bool french);

// An anchor for any dossier id (free text): letters, digits and '-' kept, every other byte as
// _XX, so two ids never share an anchor.
std::string anchor_for(std::string_view prefix, std::string_view id);

std::string html_escape(std::string_view text);

}  // namespace ess::doc
