"""The addresses the site answers itself, which no page just below a home page may take: a
page "Resultat" published at /resultat/ was never reached (the results view answers there),
yet the menu listed it."""

import functools
import re

from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

# The literal first segment of a route ("admin/…", "^media/images/…").
FIRST_SEGMENT = re.compile(r"\^?([\w.-]+)/")


@functools.cache
def routed_segments():
    """The first segments of the addresses the URL configuration routes to the site's own
    views, and of those the web server or WhiteNoise answers (static and media files), and
    the language prefixes."""
    segments = {code for code, _name in settings.LANGUAGES}
    for url in (settings.STATIC_URL, settings.MEDIA_URL):
        segments.add(url.strip("/").split("/")[0])
    patterns = list(get_resolver().url_patterns)
    while patterns:
        pattern = patterns.pop()
        route = str(pattern.pattern)
        match = FIRST_SEGMENT.match(route)
        if match:
            segments.add(match[1])
        elif isinstance(pattern, URLResolver) and (
            route == "" or isinstance(pattern.pattern, LocalePrefixPattern)
        ):
            # An include at the root ("" or the language prefix): its own routes count.
            patterns.extend(pattern.url_patterns)
    segments.discard("")
    return frozenset(segments)


def taken_address(slug, parent):
    """The address a page with `slug` below `parent` would share with the site's own views,
    or None. Only pages just below a home page (depth 2) sit at the first segment."""
    if parent is None or parent.depth != 2 or slug not in routed_segments():
        return None
    prefix = (
        ""
        if parent.locale.language_code == settings.LANGUAGE_CODE
        else (f"/{parent.locale.language_code}")
    )
    return f"{prefix}/{slug}/"
