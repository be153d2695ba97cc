"""Checking a built archive: every link in it must lead to a file in it.

Independent of how the archive was written: pages are read with the standard library's HTML
parser (not the regular expressions the rewriting uses), stylesheets for url(). A link is
internal when it has no scheme and no host; it must then name a file that exists, inside the
archive folder. External links (https://…, mailto:) are not checked.
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

URL_ATTRIBUTES = {"href", "src", "srcset", "action", "poster"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.I)


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # (tag, attribute, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name not in URL_ATTRIBUTES or value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, name, candidate.strip().split()[0]))
            else:
                self.links.append((tag, name, value))


def page_links(text):
    parser = LinkParser()
    parser.feed(text)
    parser.close()
    return parser.links


def target(folder, file, url):
    """The file a relative URL in `file` points to, or None for an external URL."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("#") or not url.strip():
        return None
    if not parts.path:
        return file  # "?q=…" on the page itself
    return (file.parent / unquote(parts.path)).resolve()


def broken_links(folder):
    """[(file, url, why)] for every internal link in the archive that leads nowhere."""
    folder = Path(folder).resolve()
    broken = []
    for file in sorted(folder.rglob("*")):
        if file.suffix == ".html":
            links = [url for _tag, _name, url in page_links(file.read_text("utf-8"))]
        elif file.suffix == ".css":
            links = [m.group(2) for m in CSS_URL.finditer(file.read_text("utf-8"))]
            links = [url for url in links if not url.startswith("data:")]
        else:
            continue
        for url in links:
            if url.startswith("/"):
                broken.append((file, url, "root-relative: breaks when opened from disk"))
                continue
            found = target(folder, file, url)
            if found is None:
                continue
            if not found.is_relative_to(folder):
                broken.append((file, url, "outside the archive"))
            elif not found.is_file():
                broken.append((file, url, "no such file"))
    return broken
