"""Rendering the public site in-process and following its links, bounded.

Every address is fetched the way an anonymous visitor would get it: Django's test client
through the whole middleware stack, without cookies between requests (so no session and no
collection), over HTTPS with the site's own host name. Pages are found by walking the page
tree (the seeds) and by following the links in what was rendered: href, src and srcset in
HTML, url() in CSS. Two bounds keep the crawl finite: links are followed to `max_depth` steps
from the seeds, and a filtered address (one with a query string) is followed only from a page
without one, so a listing's filters lead to single-filter pages and no further.
"""

import html
import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import Client

from pluginnovation.archive.addresses import address_key, file_for, internal_key, split_key

LINK_ATTRIBUTE = re.compile(r"""\s(href|src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.I)
REDIRECTS = (301, 302, 303, 307, 308)


def srcset_urls(value):
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]


def html_links(text):
    """The URLs an HTML page refers to: href, src and each srcset candidate."""
    for match in LINK_ATTRIBUTE.finditer(text):
        name, value = match.group(1).lower(), html.unescape(match.group(2) or match.group(3) or "")
        yield from srcset_urls(value) if name == "srcset" else [value]


def css_links(text):
    urls = [match.group(2) for match in CSS_URL.finditer(text)]
    return [url for url in urls if not url.startswith("data:")]


def is_asset(key):
    path, _ = split_key(key)
    return path.startswith((settings.STATIC_URL, settings.MEDIA_URL, "/dokument/"))


@dataclass
class Resource:
    key: str
    file: str
    content_type: str


@dataclass
class Crawl:
    """What was archived: {address key: Resource}, and redirects {key: target key}."""

    resources: dict = field(default_factory=dict)
    aliases: dict = field(default_factory=dict)
    failures: dict = field(default_factory=dict)
    truncated: bool = False

    def html_keys(self):
        return [key for key, res in self.resources.items() if res.content_type == "text/html"]

    def lookup(self, key):
        """The resource an address ends at, following redirects; None if not archived."""
        for _ in range(10):
            if key in self.resources:
                return self.resources[key]
            if key not in self.aliases:
                return None
            key = self.aliases[key]
        return None


class Fetcher:
    """GETs one address in-process, as an anonymous visitor."""

    def __init__(self, host):
        self.host = host
        self.client = Client(HTTP_HOST=host, raise_request_exception=False)

    def get(self, key):
        path, query = split_key(key)
        url = quote(path, safe="/:@!$&'()*+,;=-._~") + (f"?{query}" if query else "")
        self.client.cookies.clear()
        response = self.client.get(url, secure=True)
        # Reading a streamed body to its end closes the response; the client closes the others.
        # (Closing it here would send request_finished, which ends the database connection
        # inside a transaction.)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, response.get("Content-Type", ""), response, body


def read_file_directly(key):
    """Static files and images straight from their storage, when the app does not serve
    them itself (nginx does in production): (content type, bytes) or None."""
    path, _ = split_key(key)
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        if found:
            with open(found, "rb") as handle:
                return handle.read()
        return None
    if path.startswith(settings.MEDIA_URL):
        name = path[len(settings.MEDIA_URL) :]
        if default_storage.exists(name):
            with default_storage.open(name) as handle:
                return handle.read()
    return None


def content_kind(content_type, key):
    kind = content_type.split(";")[0].strip().lower()
    if kind:
        return kind
    return "text/css" if split_key(key)[0].endswith(".css") else "application/octet-stream"


class Crawler:
    def __init__(self, scope, writer, host, max_depth=4, max_pages=50_000):
        self.scope = scope
        self.writer = writer
        self.host = host
        self.max_depth = max_depth
        self.max_pages = max_pages
        self.fetcher = Fetcher(host)
        self.crawl = Crawl()
        self.queue = deque()
        self.queued = set()
        self.pages = 0

    def add(self, key, depth):
        if key in self.queued:
            return
        if not is_asset(key) and depth > self.max_depth:
            return
        if not self.scope.allowed(key):
            return
        self.queued.add(key)
        self.queue.append((key, depth))

    def follow(self, links, found_on, depth):
        """Queue the internal links of the page `found_on`."""
        _, found_query = split_key(found_on)
        for url in links:
            key = internal_key(url, found_on, self.host)
            if key is None:
                continue
            if found_query and split_key(key)[1] and not is_asset(key):
                continue  # a filter of a filtered page: the live site's job
            self.add(key, depth + 1)

    def run(self, seeds, extra_pages=()):
        """Crawl from `seeds` (address keys); `extra_pages` are (key, html) already rendered
        whose links are followed too."""
        for key in seeds:
            self.add(key, 0)
        for key, text in extra_pages:
            self.follow(html_links(text), key, 0)
        while self.queue:
            key, depth = self.queue.popleft()
            self.fetch(key, depth)
        return self.crawl

    def fetch(self, key, depth):
        if not is_asset(key):
            if self.pages >= self.max_pages:
                self.crawl.truncated = True
                return
            self.pages += 1
        status, content_type, response, body = self.fetcher.get(key)
        if status in REDIRECTS:
            target = internal_key(response["Location"], key, self.host)
            if target and target != key:
                self.crawl.aliases[key] = target
                self.add(target, depth)
            return
        if status != 200:
            direct = read_file_directly(key) if is_asset(key) and status == 404 else None
            if direct is None:
                self.crawl.failures[key] = status
                return
            status, content_type, body = 200, "", direct
        kind = content_kind(content_type, key)
        resource = Resource(key, file_for(key, kind), kind)
        if not self.writer.claim(resource):
            return
        self.writer.write(resource.file, body)
        self.crawl.resources[key] = resource
        if kind == "text/html":
            self.follow(html_links(body.decode("utf-8", "replace")), key, depth)
        elif kind == "text/css":
            self.follow(css_links(body.decode("utf-8", "replace")), key, depth)


def address_of(url):
    """The key of an absolute or root-relative URL (seeds from reverse() and page URLs)."""
    parts = urlsplit(url)
    return address_key(parts.path, parts.query)
