"""Web-page code where a browser might find it ("MIME sniffing").

A file that a browser could take for a web page can run script on our domain. Documents are
served with nosniff, but a polyglot should not be stored at all: browsers look for HTML in the
first bytes of a file, so no allowed document may carry HTML tags there.
"""

import re

# The WHATWG MIME Sniffing standard never reads more than 1445 bytes of a resource.
SNIFF_WINDOW = 1445

# Tags that make a browser treat bytes as HTML (or SVG, which runs script too). Multi-letter
# tags followed by a delimiter, so random compressed bytes practically never match.
HTML_TAG = re.compile(
    rb"<(?:(?:!doctype\s+html|html|head|body|script|iframe|svg|object|embed|meta|style|title"
    rb"|img|form|frameset|base|link)[\s/>]|a\s+href\s*=)",
    re.IGNORECASE,
)

# Part names that hold web pages (or scripts a browser or Windows would run).
WEB_PAGE_SUFFIXES = (".htm", ".html", ".xhtml", ".shtml", ".mht", ".mhtml", ".hta", ".js")

# Content types that make Office render a part as a web page (an "altChunk" import).
WEB_PAGE_TYPES = ("text/html", "application/xhtml+xml", "message/rfc822", "multipart/related")


def has_html(data):
    return HTML_TAG.search(data) is not None


def is_web_page_name(name):
    return name.lower().endswith(WEB_PAGE_SUFFIXES)


def is_web_page_type(content_type):
    return content_type.strip().lower().startswith(WEB_PAGE_TYPES)
