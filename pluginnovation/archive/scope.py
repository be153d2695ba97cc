"""What the archive may hold: the addresses an anonymous visitor may GET and see.

Pages are checked against the tree, not against what a request happens to return: a
restricted page answers with a login or password form, and a route below a page (an event's
calendar file) belongs to that page. So an address served by Wagtail is archived only if the
deepest page whose address it starts with is visible (visibility.visible(): live, no view
restriction on it or above it); a draft, a restricted page and everything below either are
never fetched. Documents must be in no restricted collection.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import Resolver404, resolve

from wagtail.documents import get_document_model
from wagtail.models import Page

from pluginnovation.archive.addresses import page_number, server_only, split_key
from pluginnovation.content.visibility import restricted_collection, visible

DOCUMENT_PATH = re.compile(r"^/dokument/(\d+)/")
# Uploaded images and their renditions; nothing else under MEDIA_URL is ever copied (the
# documents' own folder holds private files too: they go through /dokument/).
MEDIA_FOLDERS = ("images/", "original_images/")


def page_paths(pages):
    """{path: (id, content_type_id)} for a page queryset, each page's path on its site
    ("/en/about/" for an English page)."""
    paths = {}
    for page in pages.only("id", "url_path", "path", "depth", "content_type_id", "locale_id"):
        parts = page.get_url_parts()
        if parts:
            paths[parts[2]] = (page.id, page.content_type_id)
    return paths


@dataclass
class Scope:
    visible_paths: dict
    all_paths: set
    public_document_ids: set
    skipped: dict = field(default_factory=dict)

    @classmethod
    def current(cls):
        all_pages = Page.objects.filter(depth__gt=1)
        document_ids = (
            get_document_model()
            .objects.exclude(restricted_collection())
            .values_list("pk", flat=True)
        )
        return cls(
            visible_paths=page_paths(visible(all_pages)),
            all_paths=set(page_paths(all_pages)),
            public_document_ids=set(document_ids),
        )

    def owning_page_path(self, path):
        """The address of the deepest page (any state) that `path` is at or below."""
        candidate = path if path.endswith("/") else path + "/"
        while candidate:
            if candidate in self.all_paths:
                return candidate
            if candidate == "/":
                return None
            candidate = candidate[: candidate.rstrip("/").rfind("/") + 1]
        return None

    def refusal(self, key):
        """Why an address is not archived, or None if it may be fetched."""
        path, query = split_key(key)
        if server_only(path):
            return "needs the live site"
        if page_number(query) != 1:
            return "page 2 or later of a listing"
        if path.startswith(settings.STATIC_URL):
            return None
        if path.startswith(settings.MEDIA_URL):
            inside = path[len(settings.MEDIA_URL) :]
            return None if inside.startswith(MEDIA_FOLDERS) and not query else "not public media"
        document = DOCUMENT_PATH.match(path)
        if document:
            public = int(document.group(1)) in self.public_document_ids
            return None if public else "private or missing document"
        try:
            match = resolve(path)
        except Resolver404:
            return "no such address"
        if match.url_name == "wagtail_serve":
            owner = self.owning_page_path(path)
            if owner is None or owner not in self.visible_paths:
                return "not a public page"
        return None

    def allowed(self, key):
        reason = self.refusal(key)
        if reason:
            self.skipped.setdefault(key, reason)
        return reason is None
