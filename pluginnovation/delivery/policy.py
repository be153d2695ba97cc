"""Which requests and responses are the same for every anonymous visitor.

One set of rules for the page cache (pagecache.py), for what a CDN may keep (Cache-Control)
and for brotli (compression.py), so they never disagree.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.cache import cc_delim_re

from pluginnovation.security import is_admin_path

# Where Django's messages wait for the next page (before they overflow into the session).
MESSAGES_COOKIE = CookieStorage.cookie_name
# Cookies that make a visitor's pages their own: a session (editors, self-assessments, a passed
# page password) and the messages framework's pending messages. Not Min samling's cookies: no
# public page reads them (pluginnovation.saved.owner).
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE)
# What a shared response may vary on: the page cache keys on the encoding, and on the path
# for the language (Swedish without a prefix, English under /en/; LocaleMiddleware never
# chooses by Accept-Language here, tests/test_page_cache.py checks), and only serves requests
# without personal cookies.
KNOWN_VARY = {"accept-encoding", "accept-language", "cookie"}
NOT_SHARED = {"private", "no-store", "no-cache"}
MAX_PATH_LENGTH = 2000


def is_cacheable_address(request):
    """A GET or HEAD of a public address: not the admin, not a Wagtail page preview."""
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "is_dummy", False)
        and not is_admin_path(request.path_info)
        and len(request.get_full_path()) <= MAX_PATH_LENGTH
    )


def has_personal_cookies(request):
    """A personal cookie with a value: one removed (Max-Age=0, value "") holds nothing, and a
    client that keeps sending it empty gets the public copy."""
    return any(request.COOKIES.get(name) for name in PERSONAL_COOKIES)


def is_anonymous(request):
    """A GET or HEAD from a visitor without personal cookies, to a public address."""
    return is_cacheable_address(request) and not has_personal_cookies(request)


def vary_headers(response):
    return {part.lower() for part in cc_delim_re.split(response.get("Vary", "")) if part}


def cache_control(response):
    return {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part
    }


def is_shareable(request, response):
    """A response every anonymous visitor would get alike: nothing set or read that belongs
    to one visitor (cookies, a CSRF token, a session), and nothing against shared caching."""
    return (
        is_anonymous(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (cache_control(response) & NOT_SHARED)
        and vary_headers(response) <= KNOWN_VARY
    )
