"""Suggestions as you type: GET /sok/forslag/?q=… returns page titles and success factors.

A title or factor name matches when every word of the query begins one of its words,
whatever the case and whatever the accents ("franv" finds "Daglig frånvarouppföljning").

Folding every title in SQL on each keystroke took about 100 ms at 10,000 pages on PostgreSQL
(translate() over every row) and needs nested replace() on SQLite. Instead each process keeps
a catalogue of the folded names, built with one query for pages and one for factors and kept
for one content version (pluginnovation.discovery.cache): a lookup is a scan of short strings
in memory, about a millisecond. The answers themselves are cached per content version and
query with cached(), so all processes share them. Queries per request: the content version,
plus the two catalogue queries when the content has changed.
"""

import re
import time

from django.apps import apps
from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.utils.translation import get_language, ngettext
from django.views.decorators.http import require_safe

from wagtail.models import Page

from pluginnovation.content.text import without_diacritics
from pluginnovation.content.visibility import visible
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery.fulltext import clean_query
from pluginnovation.discovery.listing import english_names
from pluginnovation.taxonomy.models import SuccessFactor

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2
# More words than this, or longer words, never begin a title's words; cutting keeps the
# work small whatever is typed.
MAX_WORDS = 5
MAX_WORD_LENGTH = 40
# Browsers and proxies may reuse an answer this long; new content shows up within a minute.
MAX_AGE = 60
# Kinds are stored as Swedish (singular, plural) nouns and translated when answered.
FACTOR_KIND = ("framgångsfaktor", "framgångsfaktorer")
# Anything but letters, digits and spaces (and the line breaks fold_all() puts between texts).
# Spaces are left alone, so the common case, a plain space, costs no substitution.
NOT_WORD = re.compile(r"[^\w\n ]+|_+")
# The common accented letters, replaced directly; Unicode decomposition for the rest.
ACCENTS = [("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")]
OTHER_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")

# The catalogue of this process: (content version, when built, entries).
_catalogue = [None, 0.0, None]


def fold_all(texts):
    """Each text in lower case without accents, its words separated by spaces and preceded
    by one, so " " + word finds the beginning of any word: "Studie- och yrkesvägledning
    (SYV)" becomes " studie  och yrkesvagledning  syv".

    The texts are folded as one string, one per line: 10,000 titles one by one took 40 ms.
    """
    if not texts:
        return []
    text = "\n".join(text.replace("\n", " ") for text in texts).lower()
    for accented, plain in ACCENTS:
        text = text.replace(accented, plain)
    if OTHER_ACCENTED.search(text):
        text = without_diacritics(text)
    return [" " + line.strip() for line in NOT_WORD.sub(" ", text).split("\n")]


def fold(text):
    return fold_all([text])[0]


def query_words(raw):
    """The folded words of the query, letters and digits only, or [] when too short."""
    text, _message = clean_query(raw)
    words = [word[:MAX_WORD_LENGTH] for word in fold(text).split()][:MAX_WORDS]
    return words if sum(map(len, words)) >= MIN_LENGTH else []


def kind_of(app_label, model_name):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return ("sida", "sidor")
    return (str(model._meta.verbose_name), str(model._meta.verbose_name_plural))


def build_catalogue():
    """[(folded name, rank group, name, page id or None, url path or factor slug, kind,
    language of the name)]: success factors first (group 0), then visible pages."""
    factors = list(SuccessFactor.objects.values_list("name", "slug"))
    entries = [
        (folded, 0, name, None, slug, FACTOR_KIND, settings.LANGUAGE_CODE)
        for folded, (name, slug) in zip(
            fold_all([name for name, _ in factors]), factors, strict=True
        )
    ]
    # Depth 1 is the tree's root, depth 2 the home page: neither is worth suggesting.
    pages = visible(Page.objects.filter(depth__gt=2)).values_list(
        "title",
        "pk",
        "url_path",
        "content_type__app_label",
        "content_type__model",
        "locale__language_code",
    )
    rows = list(pages.order_by())
    kinds = {(row[3], row[4]): kind_of(row[3], row[4]) for row in rows}
    for folded, (title, pk, url_path, app, model, language) in zip(
        fold_all([row[0] for row in rows]), rows, strict=True
    ):
        entries.append((folded, 1, title, pk, url_path, kinds[app, model], language))
    return entries


def catalogue(request):
    """This process's catalogue for the current content version. Inside a transaction (the
    tests) it is built anew, as the discovery cache does: its data may be rolled back. Like
    the discovery cache it is also rebuilt after MAX_AGE seconds, for changes made in another
    process without a log entry."""
    if not discovery_cache.caching_allowed():
        return build_catalogue()
    version = discovery_cache.content_version(request)
    now = time.monotonic()
    if _catalogue[0] != version or now - _catalogue[1] > discovery_cache.MAX_AGE:
        _catalogue[:] = [version, now, build_catalogue()]
    return _catalogue[2]


def page_url(pk, url_path, request):
    """The page's address from its tree path alone, relative to its site: a plain Page needs
    no query for it, and unlike get_url() this does not look up the request's site (the
    knowledge bank is one site)."""
    parts = Page(pk=pk, url_path=url_path).get_url_parts(request)
    return parts[2] if parts else None


def with_local_factor_names(entries, names):
    """The catalogue with the success factors named in the language shown (`names`: {slug:
    name}, empty in Swedish); they are found by either name. The factors come first."""
    if not names:
        yield from entries
        return
    entries = iter(entries)
    for entry in entries:
        folded, group, name, pk, slug, kind, _language = entry
        if group != 0:
            yield entry
            break
        local = names.get(slug)
        if local:
            yield (f"{folded}{fold(local)}", group, local, pk, slug, kind, get_language())
        else:
            yield entry
    yield from entries


def find(request, words):
    """Up to MAX_SUGGESTIONS matches: factors, then names starting with the first word, then
    short names before long ones."""
    needles = [" " + word for word in words]
    first = needles[0]
    factor_names = english_names(request).get("faktor")
    matches = [
        entry
        for entry in with_local_factor_names(catalogue(request), factor_names)
        if all(needle in entry[0] for needle in needles)
    ]
    matches.sort(
        key=lambda entry: (entry[1], not entry[0].startswith(first), len(entry[2]), entry[2])
    )
    suggestions = []
    shown = get_language()
    for _folded, group, name, pk, where, kind, language in matches:
        is_factor = group == 0
        url = reverse("factor_detail", args=[where]) if is_factor else page_url(pk, where, request)
        if url:
            suggestion = {"label": name, "url": url, "kind": capfirst(ngettext(*kind, 1))}
            # A name in another language than the page's: the script marks it (lang).
            if language != shown:
                suggestion["lang"] = language
            suggestions.append(suggestion)
        if len(suggestions) == MAX_SUGGESTIONS:
            break
    return suggestions


@require_safe
def suggestions(request):
    words = query_words(request.GET.get("q", ""))
    found = (
        # The answer holds text and addresses in the language shown.
        discovery_cache.cached(
            request, "suggest", (get_language(), words), lambda: find(request, words)
        )
        if words
        else []
    )
    response = JsonResponse(found, safe=False)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
