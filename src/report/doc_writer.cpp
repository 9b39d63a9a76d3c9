#include "doc_writer.hpp"

#include <fmt/format.h>

#include "doc_values.hpp"
#include "ess/model/format.hpp"

namespace ess::doc {

Inline plain(std::string text) {
  return {Span{Span::Kind::plain, std::move(text), {}}};
}
Inline strong(std::string text) {
  return {Span{Span::Kind::strong, std::move(text), {}}};
}
Inline link(std::string text, std::string anchor) {
  return {Span{Span::Kind::link, std::move(text), std::move(anchor)}};
}
Inline operator+(Inline a, const Inline& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string anchor_for(std::string_view prefix, std::string_view id) {
  std::string out(prefix);
  for (unsigned char c : id) {
    bool keep =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    out += keep ? std::string(1, static_cast<char>(c)) : fmt::format("_{:02X}", c);
  }
  return out;
}

void Writer::table(const Table& t) {
  begin_table(t.caption, t.columns);
  for (const TableRow& r : t.rows) row(r);
  end_table();
}

void Writer::list(bool numbered, const std::vector<Inline>& items) {
  begin_list(numbered);
  for (const Inline& text : items) item(text);
  end_list();
}

void Writer::flush() {
  if (sink_ && !out_.empty()) sink_(take());
}

void Writer::wrote() {
  constexpr std::size_t chunk = 64 * 1024;
  if (out_.size() >= chunk) flush();
}

namespace {

// ---------------------------------------------------------------- HTML

std::string html_inline(const Inline& text, bool french) {
  std::string out;
  for (const Span& span : text) {
    Span s{span.kind, french ? french_spacing(span.text) : span.text, span.anchor};
    switch (s.kind) {
      case Span::Kind::plain:
        out += html_escape(s.text);
        break;
      case Span::Kind::strong:
        out += "<strong>" + html_escape(s.text) + "</strong>";
        break;
      case Span::Kind::link:
        out += "<a href=\"#" + html_escape(s.anchor) + "\">" + html_escape(s.text) + "</a>";
        break;
    }
  }
  return out;
}

std::string cell_class(const Column& c) {
  if (c.numeric) return " class=\"num\"";
  return c.nowrap ? " class=\"nowrap\"" : "";
}

class HtmlWriter final : public Writer {
 public:
  std::string esc(std::string_view text) const {
    return html_escape(french_ ? french_spacing(text) : std::string(text));
  }
  void begin_part(std::string_view anchor, bool new_page) override {
    out_ += fmt::format("<section id=\"{}\"{}>\n", html_escape(anchor),
                        new_page ? " class=\"page\"" : "");
  }
  void end_part() override { out_ += "</section>\n"; }
  void heading(int level, const Inline& text, std::string_view anchor) override {
    std::string id = anchor.empty() ? "" : " id=\"" + html_escape(anchor) + "\"";
    out_ += fmt::format("<h{0}{1}>{2}</h{0}>\n", level, id, html_inline(text, french_));
  }
  void paragraph(const Inline& text) override {
    out_ += "<p>" + html_inline(text, french_) + "</p>\n";
  }
  void small(const Inline& text) override {
    out_ += "<p class=\"note\">" + html_inline(text, french_) + "</p>\n";
  }
  void figure(const Figure& f) override;
  void begin_columns() override { out_ += "<div class=\"cols\">\n<div>\n"; }
  void next_column() override { out_ += "</div>\n<div>\n"; }
  void end_columns() override { out_ += "</div>\n</div>\n"; }

  // A list opens at its first item: an empty list writes nothing.
  void begin_list(bool numbered) override {
    list_tag_ = numbered ? "ol" : "ul";
    list_open_ = false;
  }
  void item(const Inline& text) override {
    if (!list_open_) out_ += fmt::format("<{}>\n", list_tag_);
    list_open_ = true;
    out_ += "<li>" + html_inline(text, french_) + "</li>\n";
    wrote();
  }
  void end_list() override {
    if (list_open_) out_ += fmt::format("</{}>\n", list_tag_);
    list_open_ = false;
  }
  void begin_table(std::string_view caption, const std::vector<Column>& columns) override;
  void row(const TableRow& r) override;
  void end_table() override {
    if (!columns_.empty()) out_ += "</tbody>\n</table>\n";
    columns_.clear();
  }

 private:
  const char* list_tag_ = "ul";
  bool list_open_ = false;
  std::vector<Column> columns_;  // of the table being written
};

void HtmlWriter::begin_table(std::string_view caption, const std::vector<Column>& columns) {
  columns_ = columns;
  if (columns_.empty()) return;
  out_ += "<table>\n";
  if (!caption.empty()) out_ += "<caption>" + esc(caption) + "</caption>\n";
  out_ += "<thead><tr>";
  for (const Column& c : columns_)
    out_ += fmt::format("<th scope=\"col\"{}>{}</th>", cell_class(c), esc(c.title));
  out_ += "</tr></thead>\n<tbody>\n";
}

void HtmlWriter::row(const TableRow& r) {
  if (columns_.empty()) return;
  if (r.rule) {
    out_ += fmt::format("<tr class=\"rule\"><td colspan=\"{}\">{}</td></tr>\n", columns_.size(),
                        r.cells.empty() ? "" : html_inline(r.cells.front(), french_));
  } else {
    out_ += "<tr>";
    for (std::size_t i = 0; i < r.cells.size() && i < columns_.size(); ++i)
      out_ +=
          fmt::format("<td{}>{}</td>", cell_class(columns_[i]), html_inline(r.cells[i], french_));
    out_ += "</tr>\n";
  }
  wrote();
}

void HtmlWriter::figure(const Figure& f) {
  out_ += "<figure>\n";
  if (!f.caption.empty()) out_ += "<figcaption>" + esc(f.caption) + "</figcaption>\n";
  out_ += f.svg;
  if (!f.sentence.empty()) out_ += "<p class=\"equivalent\">" + esc(f.sentence) + "</p>\n";
  table(f.table);
  out_ += "</figure>\n";
}

// ---------------------------------------------------------------- Markdown (pandoc)

std::string md_inline(const Inline& text, bool in_cell, bool french) {
  std::string out;
  for (const Span& span : text) {
    Span s{span.kind, french ? french_spacing(span.text) : span.text, span.anchor};
    std::string t = in_cell ? md_cell(md_text(s.text)) : md_text(s.text);
    switch (s.kind) {
      case Span::Kind::plain:
        out += t;
        break;
      case Span::Kind::strong:
        out += t.empty() ? "" : "**" + t + "**";
        break;
      case Span::Kind::link:
        out += "[" + t + "](#" + s.anchor + ")";
        break;
    }
  }
  return out;
}

class MarkdownWriter final : public Writer {
 public:
  // Word has no page in Markdown: pandoc passes a raw OpenXML page break to .docx and drops it
  // from every other format.
  void begin_part(std::string_view anchor, bool new_page) override {
    if (new_page && started_)
      block("```{=openxml}\n<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n```");
    part_anchor_ = anchor;  // Markdown has no section: the part's first heading takes it
  }
  void end_part() override {}
  void heading(int level, const Inline& text, std::string_view anchor) override {
    if (anchor.empty()) anchor = part_anchor_;
    std::string id = anchor.empty() ? "" : " {#" + std::string(anchor) + "}";
    part_anchor_.clear();
    block(std::string(static_cast<std::size_t>(level), '#') + " " +
          md_inline(text, false, french_) + id);
  }
  void paragraph(const Inline& text) override { block(md_inline(text, false, french_)); }
  void small(const Inline& text) override { block("*" + md_inline(text, false, french_) + "*"); }
  void figure(const Figure& f) override {
    if (!f.caption.empty()) paragraph(strong(f.caption));
    if (!f.sentence.empty()) paragraph(plain(f.sentence));
    table(f.table);
  }

  // A list or a table is one block: a blank line before it, none inside.
  void begin_list(bool numbered) override {
    list_numbered_ = numbered;
    list_items_ = 0;
  }
  void item(const Inline& text) override {
    if (list_items_++ == 0 && started_) out_ += "\n";
    out_ += (list_numbered_ ? std::to_string(list_items_) + ". " : "- ") +
            md_inline(text, false, french_) + "\n";
    started_ = true;
    wrote();
  }
  void end_list() override {}
  void begin_table(std::string_view caption, const std::vector<Column>& columns) override;
  void row(const TableRow& r) override;
  void end_table() override {
    if (!columns_.empty()) out_ += "\n";
    columns_.clear();
  }

 private:
  void block(const std::string& text) {
    if (started_) out_ += "\n";
    out_ += text + "\n";
    started_ = true;
  }
  bool started_ = false;
  std::string part_anchor_;
  bool list_numbered_ = false;
  std::size_t list_items_ = 0;
  std::vector<Column> columns_;  // of the table being written
};

void MarkdownWriter::begin_table(std::string_view caption, const std::vector<Column>& columns) {
  columns_ = columns;
  if (columns_.empty()) return;
  if (!caption.empty()) paragraph(strong(std::string(caption)));
  std::string text = "|";
  for (const Column& c : columns_)
    text += " " + md_cell(md_text(french_ ? french_spacing(c.title) : c.title)) + " |";
  text += "\n|";
  for (const Column& c : columns_) text += c.numeric ? "---:|" : "---|";
  if (started_) out_ += "\n";
  out_ += text;
  started_ = true;
}

void MarkdownWriter::row(const TableRow& r) {
  if (columns_.empty()) return;
  std::string text = "\n|";
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    std::string cell = i < r.cells.size() ? md_inline(r.cells[i], true, french_) : "";
    if (r.rule && i > 0) cell.clear();
    text += " " + cell + " |";
  }
  out_ += text;
  wrote();
}

}  // namespace

std::unique_ptr<Writer> html_writer(bool french) {
  auto w = std::make_unique<HtmlWriter>();
  w->french_ = french;
  return w;
}
std::unique_ptr<Writer> markdown_writer(bool french) {
  auto w = std::make_unique<MarkdownWriter>();
  w->french_ = french;
  return w;
}

}  // namespace ess::doc
