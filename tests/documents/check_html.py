"""A document that must print anywhere, offline: it parses as HTML, and nothing in it reaches
outside the file (no script, no link, no http(s):, no href/src/url() but to its own anchors).
Usage: check_html.py FILE.html"""
import re
import sys
from html.parser import HTMLParser


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.ids, self.links, self.stack = [], set(), [], []

    def handle_starttag(self, tag, attrs):
        where = "line %d" % self.getpos()[0]
        if tag in ("script", "link", "iframe", "object", "embed", "img", "base"):
            self.problems.append("%s: <%s>" % (where, tag))
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append("%s: event handler %s" % (where, name))
            if name in ("href", "src", "xlink:href", "action", "srcset"):
                if name == "href" and value.startswith("#"):
                    self.links.append(value[1:])
                else:
                    self.problems.append("%s: %s=%r" % (where, name, value))
            if name == "id":
                if value in self.ids:
                    self.problems.append("%s: duplicate id %r" % (where, value))
                self.ids.add(value)
        if tag not in ("meta", "br", "hr", "img", "input", "rect", "circle", "path", "line"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("line %d: </%s> closes <%s>" % (self.getpos()[0], tag,
                                 self.stack[-1] if self.stack else "nothing"))
            return
        self.stack.pop()


def main(path):
    text = open(path, encoding="utf-8").read()
    problems = []
    if not text.startswith("<!DOCTYPE html>"):
        problems.append("no <!DOCTYPE html>")
    for pattern in (r"https?:", r"@import", r"url\((?!#)", r"//[a-z0-9.-]+\.[a-z]{2,}/"):
        for m in re.finditer(pattern, text, re.I):
            problems.append("external reference %r at offset %d" % (m.group(0), m.start()))
    checker = Checker()
    checker.feed(text)
    checker.close()
    problems += checker.problems
    if checker.stack:
        problems.append("unclosed: %s" % ", ".join(checker.stack))
    for anchor in checker.links:
        if anchor not in checker.ids:
            problems.append("link to #%s, which is not in the document" % anchor)
    for p in problems[:20]:
        print("%s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
