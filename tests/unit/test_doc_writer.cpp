// The writers of the documents for people (pack, public account): lists and tables written
// item by item, as the pack writes those as long as the call, and the text handed to a sink
// in chunks rather than held. Expected texts are written by hand.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "report/doc_writer.hpp"

namespace {

namespace doc = ess::doc;

// A paragraph, then a list and a table item by item, then an empty list and a table opened
// and closed without rows.
std::string small_document(doc::Writer& out) {
  out.paragraph(doc::plain("Avant"));
  out.begin_list(true);
  out.item(doc::plain("un"));
  out.item(doc::link("deux", "d-2"));
  out.end_list();
  out.begin_list(false);
  out.end_list();
  out.begin_table("Tableau", {{"Dossier", false, true}, {"Total", true}});
  out.row({{doc::plain("A"), doc::plain("12")}});
  out.row({{doc::strong("Ligne")}, true});
  out.end_table();
  out.begin_table("", {});
  out.row({{doc::plain("ignored")}});
  out.end_table();
  return out.take();
}

}  // namespace

TEST_CASE("doc writer: lists and tables item by item, in HTML and Markdown") {
  auto html = doc::html_writer(false);
  CHECK(small_document(*html) ==
        "<p>Avant</p>\n"
        "<ol>\n<li>un</li>\n<li><a href=\"#d-2\">deux</a></li>\n</ol>\n"
        "<table>\n<caption>Tableau</caption>\n"
        "<thead><tr><th scope=\"col\" class=\"nowrap\">Dossier</th>"
        "<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n"
        "<tr><td class=\"nowrap\">A</td><td class=\"num\">12</td></tr>\n"
        "<tr class=\"rule\"><td colspan=\"2\"><strong>Ligne</strong></td></tr>\n"
        "</tbody>\n</table>\n");
  auto md = doc::markdown_writer(false);
  CHECK(small_document(*md) ==
        "Avant\n"
        "\n1. un\n2. [deux](#d-2)\n"
        "\n**Tableau**\n"
        "\n| Dossier | Total |\n|---|---:|\n| A | 12 |\n| **Ligne** |  |\n");
}

TEST_CASE("doc writer: a long table reaches the sink in chunks, the same bytes") {
  for (bool html : {true, false}) {
    INFO((html ? "html" : "markdown"));
    auto whole = html ? doc::html_writer(true) : doc::markdown_writer(true);
    auto streamed = html ? doc::html_writer(true) : doc::markdown_writer(true);
    std::vector<std::size_t> chunks;
    std::string received;
    streamed->sink_to([&](std::string_view text) {
      chunks.push_back(text.size());
      received += text;
    });
    doc::Table t{"Classement", {{"Rang", true}, {"Dossier"}}, {}};
    for (int i = 0; i < 5000; ++i)
      t.rows.push_back(
          {{doc::plain(std::to_string(i)), doc::plain("dossier numéro " + std::to_string(i))}});
    whole->table(t);
    streamed->begin_table(t.caption, t.columns);
    for (const auto& row : t.rows) streamed->row(row);
    streamed->end_table();
    streamed->flush();
    CHECK(received == whole->take());
    CHECK(streamed->take().empty());
    REQUIRE(chunks.size() > 2);
    for (std::size_t n : chunks) CHECK(n < 64 * 1024 + 200);  // a chunk and at most a row
  }
}
