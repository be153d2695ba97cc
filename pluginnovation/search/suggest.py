"""Suggestions as you type: GET /sok/forslag/?q=… returns page titles and success factors.

A title or factor name matches when every word of the query begins one of its words,
whatever the case and whatever the accents ("franv" finds "Daglig frånvarouppföljning").
Both sides are folded the same way: in Python for the query, in SQL for the titles, with
the same character table (FOLDED), so SQLite and PostgreSQL agree and no extension is needed.

One query for pages and one for factors, cached per content version (plus one small query
for the version itself): at most three, whatever the amount of content.
"""

import re

from django.apps import apps
from django.db.models import Case, CharField, Func, IntegerField, Q, Value, When
from django.db.models.functions import Length, Lower, Replace
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Page

from pluginnovation.content.visibility import visible
from pluginnovation.discovery.cache import cached
from pluginnovation.discovery.fulltext import clean_query
from pluginnovation.taxonomy.models import SuccessFactor

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2
# More words than this, or longer words, never begin a title's words; cutting keeps the SQL
# small whatever is typed.
MAX_WORDS = 5
MAX_WORD_LENGTH = 40
# Browsers and proxies may reuse an answer this long; new content shows up within a minute.
MAX_AGE = 60
FACTOR_KIND = "Framgångsfaktor"

# Accented letters and what they fold to. Upper case is listed too: SQLite's lower() and
# PostgreSQL's lower() under the C locale leave non-ASCII letters alone. Kept short because
# SQLite has no translate(): each letter is one more nested replace() (the parser gives up
# at about forty).
FOLDED = {**dict.fromkeys("åäÅÄ", "a"), **dict.fromkeys("öÖ", "o"), **dict.fromkeys("éÉ", "e")}
FOLDED |= dict.fromkeys("üÜ", "u")
# Characters that join words in titles ("årskurs 5–9", "Studie- och", "(SOU 2016:77)"):
# made spaces so the next word counts as the beginning of a word.
SEPARATORS = "-–:(/"
FOLD_TABLE = str.maketrans(FOLDED)
WORD = re.compile(r"\w+")


def fold(text):
    return text.lower().translate(FOLD_TABLE)


def query_words(raw):
    """The folded words of the query: letters and digits only, so nothing of it reaches SQL
    as syntax (LIKE's % and _ are escaped by Django's lookups as well)."""
    text, _message = clean_query(raw)
    words = [word[:MAX_WORD_LENGTH] for word in WORD.findall(fold(text))][:MAX_WORDS]
    return words if sum(map(len, words)) >= MIN_LENGTH else []


class Folded(Func):
    """SQL for the text folded like fold(), separators made spaces: one translate() on
    PostgreSQL, nested replace() on SQLite."""

    output_field = CharField()

    def __init__(self, field):
        super().__init__(Lower(field))

    def as_postgresql(self, compiler, connection):
        source = "".join(FOLDED) + SEPARATORS
        target = "".join(FOLDED.values()) + " " * len(SEPARATORS)
        translated = Func(
            *self.source_expressions, Value(source), Value(target), function="TRANSLATE"
        )
        return compiler.compile(translated)

    def as_sql(self, compiler, connection, **extra):
        expression = self.source_expressions[0]
        for char, plain in [*FOLDED.items(), *((char, " ") for char in SEPARATORS)]:
            expression = Replace(expression, Value(char), Value(plain))
        return compiler.compile(expression)


def matching(queryset, field, words):
    """Rows where every word begins some word of `field`; first words first, then short."""
    queryset = queryset.annotate(folded_text=Folded(field))
    for word in words:
        queryset = queryset.filter(
            Q(folded_text__startswith=word) | Q(folded_text__contains=" " + word)
        )
    first = Case(
        When(folded_text__startswith=words[0], then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return queryset.order_by(first, Length(field), field)


def factor_suggestions(words):
    factors = matching(SuccessFactor.objects.all(), "name", words).values("name", "slug")
    return [
        {"label": f["name"], "url": reverse("factor_detail", args=[f["slug"]]), "kind": FACTOR_KIND}
        for f in factors[:MAX_SUGGESTIONS]
    ]


def kind_of(app_label, model_name):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return "Sida"
    return str(model._meta.verbose_name).capitalize()


def page_suggestions(request, words, limit):
    # Depth 1 is the tree's root, depth 2 the home page: neither is worth suggesting.
    pages = visible(Page.objects.filter(depth__gt=2))
    rows = matching(pages, "title", words).values(
        "pk", "title", "url_path", "content_type__app_label", "content_type__model"
    )
    suggestions = []
    for row in rows[:limit]:
        # The URL from the tree path alone: a plain Page needs no query for it.
        url = Page(pk=row["pk"], url_path=row["url_path"]).get_url(request)
        if url:
            kind = kind_of(row["content_type__app_label"], row["content_type__model"])
            suggestions.append({"label": row["title"], "url": url, "kind": kind})
    return suggestions


def find(request, words):
    factors = factor_suggestions(words)
    return factors + page_suggestions(request, words, MAX_SUGGESTIONS - len(factors))


@require_GET
def suggestions(request):
    words = query_words(request.GET.get("q", ""))
    found = cached(request, "suggest", words, lambda: find(request, words)) if words else []
    response = JsonResponse(found, safe=False)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
