"""The addresses the site answers itself, which no page just below a home page may take: a
page "Resultat" published at /resultat/ was never reached (the results view answers there),
yet the menu listed it."""

import functools
import re
from dataclasses import dataclass

from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

# The literal first segment of a route ("admin/…", "^media/images/…").
FIRST_SEGMENT = re.compile(r"\^?([\w.-]+)/")


@dataclass(frozen=True)
class Routed:
    everywhere: frozenset  # at the root only: /admin/, /tipsa/, /static/, /en/
    in_every_language: frozenset  # at the root and under each language prefix: /sok/, /en/sok/


@functools.cache
def routed_segments():
    """The first segments of the addresses the URL configuration routes to the site's own
    views (those of i18n_patterns also under /en/), of those the web server or WhiteNoise
    answers (static and media files), and the language prefixes."""
    root = {code for code, _name in settings.LANGUAGES}
    for url in (settings.STATIC_URL, settings.MEDIA_URL):
        root.add(url.strip("/").split("/")[0])
    localised = set()
    patterns = [(pattern, root) for pattern in get_resolver().url_patterns]
    while patterns:
        pattern, segments = patterns.pop()
        if isinstance(pattern.pattern, LocalePrefixPattern):
            # Asked first: its text is the active language's prefix ("en/" or "").
            patterns.extend((inner, localised) for inner in pattern.url_patterns)
            continue
        route = str(pattern.pattern)
        match = FIRST_SEGMENT.match(route)
        if match:
            segments.add(match[1])
        elif isinstance(pattern, URLResolver) and route == "":
            # An include at the root: its own routes count.
            patterns.extend((inner, segments) for inner in pattern.url_patterns)
    return Routed(frozenset(root), frozenset(localised))


def taken_address(slug, parent):
    """The address a page with `slug` below `parent` would share with the site's own views,
    or None. Only pages just below a home page (depth 2) sit at the first segment; below the
    English home page, only the views that also answer under /en/ count."""
    if parent is None or parent.depth != 2:
        return None
    routed = routed_segments()
    language = parent.locale.language_code
    if language == settings.LANGUAGE_CODE:
        if slug in routed.everywhere | routed.in_every_language:
            return f"/{slug}/"
    elif slug in routed.in_every_language:
        return f"/{language}/{slug}/"
    return None
