"""Compressed HTML, feeds, sitemaps, calendars and JSON: brotli where the browser asks for it
and the response is public, gzip otherwise.

BREACH reads a secret out of a compressed response that also reflects text an attacker chose.
Django's two mitigations stay in place: the CSRF token is masked anew in every response, and
GZipMiddleware adds 0–100 random bytes to every gzip stream. Brotli has no such padding, so it
is used only for responses that hold nothing of one visitor's (policy.is_shareable: no cookie,
no CSRF token, no session); every other response is Django's gzip. Static files are compressed
ahead of time by whitenoise.
"""

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

import brotli

from pluginnovation.delivery.policy import is_shareable

COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/xhtml+xml",
    "image/svg+xml",
)
BROTLI_QUALITY = 5  # about as fast as gzip's level 6, and a tenth smaller


def accepted_codings(request):
    """{coding: q} from Accept-Encoding; a coding with q=0 is refused."""
    codings = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "")[:500].split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip().lower()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if name:
            codings[name.strip().lower()] = quality
    return codings


def accepts(request, coding):
    codings = accepted_codings(request)
    return codings.get(coding, codings.get("*", 0.0)) > 0


def negotiate(request):
    """The coding a public response to this request is sent in: "br", "gzip" or "identity"."""
    return next((coding for coding in ("br", "gzip") if accepts(request, coding)), "identity")


def is_compressible(response):
    return response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES) and not (
        response.has_header("Content-Encoding")
    )


class CompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        # Wagtail's document view (wagtail.utils.sendfile) writes the guessed encoding even
        # when there is none, and a header of None reads "None": a coding no client knows.
        if response.get("Content-Encoding") == "None":
            del response.headers["Content-Encoding"]
        if not is_compressible(response):
            return response
        if (
            accepts(request, "br")
            and not response.streaming
            and len(response.content) >= 200
            and is_shareable(request, response)
        ):
            return compress_brotli(response)
        if accepts(request, "gzip"):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        return response


def compress_brotli(response):
    patch_vary_headers(response, ("Accept-Encoding",))
    compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
    if len(compressed) >= len(response.content):
        return response
    response.content = compressed
    response.headers["Content-Length"] = str(len(compressed))
    response.headers["Content-Encoding"] = "br"
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response.headers["ETag"] = "W/" + etag
    return response
