"""Where each address of the live site lives in the archive: one file per address.

A live address is a path and a query string; in the archive it becomes a file, so that the
archive works from a plain file server and from disk (file://), where a folder is no page
and a query string selects nothing. `/metoder/` is `metoder/index.html`; a filtered listing,
`/utforska/?tagg=närvaro`, is a file of its own beside it, named from its query string
(readable words plus a short hash, so two queries never share a file).
"""

import hashlib
import posixpath
import re
import unicodedata
from urllib.parse import parse_qsl, quote, unquote, unquote_plus, urlencode, urlsplit

from pluginnovation.content.numbers import typed_int

# First path segments (after an optional /en/) of what only a server can do: forms that POST,
# the live search and its suggestions, saved collections, the API. Never archived; links to
# them go to the archive's notice page.
SERVER_ONLY = frozenset(
    {"sok", "samling", "bevaka", "tipsa", "sjalvskattning", "admin", "api", "django-admin"}
)
LANGUAGE_PREFIXES = ("en",)
# Parameters that never change what a page shows.
IGNORED_PARAMETERS = frozenset(
    {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid"}
)
# Listings page with ?sida=N; page 1 is the listing itself.
PAGE_PARAMETER = "sida"

# File extensions for what is not HTML, by content type, for addresses that end in "/".
EXTENSIONS = {
    "text/html": "html",
    "application/rss+xml": "xml",
    "application/atom+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/calendar": "ics",
    "application/json": "json",
    "text/csv": "csv",
    "text/plain": "txt",
    "application/pdf": "pdf",
    "application/zip": "zip",
}


def canonical_query(query):
    """The query string in one spelling: sorted pairs, no empty values or tracking, no ?sida=1.
    Two links to the same filtered listing thus name the same file."""
    pairs = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=False)
        if key not in IGNORED_PARAMETERS and not (key == PAGE_PARAMETER and value == "1")
    ]
    return urlencode(sorted(pairs))


def address_key(path, query=""):
    """The key an address is known by in the archive: the unquoted path plus the canonical
    query, e.g. "/utforska/?tagg=närvaro"."""
    path = unquote(path) or "/"
    query = canonical_query(query)
    return f"{path}?{query}" if query else path


def split_key(key):
    path, _, query = key.partition("?")
    return path, query


def page_number(query):
    """The ?sida= of a query, 1 when absent or not a plain number."""
    for key, value in parse_qsl(query):
        if key == PAGE_PARAMETER:
            return typed_int(value) or 0
    return 1


def first_segment(path):
    """The first path segment below the language prefix: "sok" for /en/sok/."""
    parts = [part for part in path.split("/") if part]
    if parts and parts[0] in LANGUAGE_PREFIXES:
        parts = parts[1:]
    return parts[0] if parts else ""


def server_only(path):
    return first_segment(path) in SERVER_ONLY


def ascii_words(text, limit=60):
    """Readable ASCII for a file name: "tagg=närvaro" -> "tagg-narvaro"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:limit].strip("-")


def file_for(key, content_type="text/html"):
    """The archive file (a relative POSIX path) for an address key and its content type."""
    path, query = split_key(key)
    kind = content_type.split(";")[0].strip().lower()
    extension = EXTENSIONS.get(kind, "html" if kind.startswith("text/html") else "bin")
    if path.endswith("/"):
        folder, name = path.lstrip("/"), "index"
    else:
        folder, name = posixpath.split(path.lstrip("/"))
        stem, dot, ext = name.rpartition(".")
        if dot and ext:
            name, extension = stem, ext
        elif kind == "text/html":
            folder, name = posixpath.join(folder, name), "index"
        if folder:
            folder += "/"
    if query:
        digest = hashlib.sha1(query.encode()).hexdigest()[:8]
        words = ascii_words(unquote_plus(query.replace("&", "-").replace("=", "-")))
        name = f"{name}--{words}-{digest}" if words else f"{name}--{digest}"
    return f"{folder}{name}.{extension}"


def relative_url(from_file, to_file, fragment=""):
    """A link from one archive file to another, relative, each segment quoted."""
    target = posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")
    url = quote(target, safe="/")
    return f"{url}#{fragment}" if fragment else url


def internal_key(url, page_key, host):
    """The address key of a link found on the page `page_key`, or None if it leaves the site
    (another host, mailto:, a fragment on the same page)."""
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc and parts.netloc != host:
        return None
    page_path, page_query = split_key(page_key)
    if parts.path.startswith("/"):
        path = parts.path
    elif parts.path:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), parts.path))
        path += "/" if parts.path.endswith("/") else ""
    else:
        # "?sida=2" keeps the page's path; "" with only a fragment was handled above.
        path = page_path
    return address_key(path, parts.query)
