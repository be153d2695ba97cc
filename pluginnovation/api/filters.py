"""The API's filters: the site's own category filters, and Wagtail's with their input checked.

Every bad value is a 400 with a message (BadRequestError), never an error from the database.
"""

import unicodedata
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from wagtail.api.v2.filters import LocaleFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.models import Locale

from modelsearch.backends.base import FilterError, SearchFieldError
from rest_framework.filters import BaseFilterBackend

from pluginnovation.content.categories import CATEGORIES
from pluginnovation.content.models import ContentPage, PageTag
from pluginnovation.content.visibility import shown_terms, visible
from pluginnovation.discovery.facets import FACETS_BY_PARAM, MAX_VALUES, page_ids, requested_values
from pluginnovation.discovery.fulltext import INVISIBLE

CATEGORY_PARAMS = [category.param for category in CATEGORIES]
# The closed vocabularies are small enough to name every slug in a message.
NAMED_SLUGS = {category.param for category in CATEGORIES if category.small}
MAX_SEARCH_LENGTH = 200
SEARCH_OPERATORS = ("and", "or")


def shown(value, length=40):
    return value if len(value) <= length else value[:length] + "…"


# Categories


def carries(model, category):
    """Whether pages of `model` are filed under `category` (news carry factors and projects,
    content pages every category)."""
    if issubclass(model, ContentPage):
        return True
    try:
        field = model._meta.get_field(category.field)
    except FieldDoesNotExist:
        return False
    content_field = ContentPage._meta.get_field(category.field)
    return field.many_to_many and field.related_model is content_field.related_model


def filed_under(model, category, slugs):
    """Ids of the pages of `model` filed under any of the terms, as a subquery. Content pages
    go through the listings' own filter (pluginnovation.discovery), so the API and the site's
    listings can never disagree on what "filed under" means."""
    if issubclass(model, ContentPage):
        return page_ids(category.param, slugs)
    field = model._meta.get_field(category.field)
    link = field.remote_field.through
    return link.objects.filter(**{f"{field.m2m_reverse_field_name()}__slug__in": slugs}).values(
        f"{field.m2m_field_name()}_id"
    )


def known_slugs(category, slugs):
    """The slugs that name a term of the category. A keyword counts only if a page a visitor
    may see carries it: a keyword used on private pages alone is not revealed."""
    if category.field == "tags":
        public = visible(ContentPage.objects.all()).values("pk")
        rows = PageTag.objects.filter(tag__slug__in=slugs, content_object_id__in=public)
        return set(rows.values_list("tag__slug", flat=True))
    term_model = ContentPage._meta.get_field(category.field).related_model
    terms = shown_terms(term_model).filter(slug__in=slugs)
    return set(terms.values_list("slug", flat=True))


def unknown_message(category, unknown):
    message = f"Okänt värde för {category.param}: {', '.join(shown(v) for v in unknown[:5])}."
    if category.param in NAMED_SLUGS:
        term_model = ContentPage._meta.get_field(category.field).related_model
        slugs = shown_terms(term_model).values_list("slug", flat=True)
        message += f" Giltiga värden: {', '.join(slugs)}."
    return message


class CategoryFilter(BaseFilterBackend):
    """?faktor=, ?projekt=, ?region= and the site's other category parameters, with the same
    slugs as the site's listings: several values (comma-separated or repeated) match pages
    filed under any of them, several parameters must all match.

    Without `type` they filter research, case studies and methods, exactly as /utforska/ does;
    with `type` they filter the types asked for, news included for factors and projects."""

    def filter_queryset(self, request, queryset, view):
        for category in CATEGORIES:
            if category.param not in request.GET:
                continue
            slugs = self.slugs(request, category)
            scope = view.requested_models() or [ContentPage]
            carrying = [model for model in scope if carries(model, category)]
            if not carrying:
                names = ", ".join(f"{m._meta.app_label}.{m.__name__}" for m in scope)
                raise BadRequestError(f"Filtret {category.param} gäller inte typen {names}.")
            matches = Q()
            for model in carrying:
                matches |= Q(pk__in=filed_under(model, category, slugs))
            queryset = queryset.filter(matches)
        return queryset

    def slugs(self, request, category):
        facet = FACETS_BY_PARAM[category.param]
        slugs, rejected = requested_values(request.GET, category.param, facet.accepts)
        if len(slugs) + len(rejected) > MAX_VALUES:
            raise BadRequestError(f"Högst {MAX_VALUES} värden för {category.param}.")
        known = known_slugs(category, slugs) if slugs else set()
        unknown = [value for _param, value in rejected]
        unknown += [slug for slug in slugs if slug not in known]
        if unknown:
            raise BadRequestError(unknown_message(category, unknown))
        if not slugs:
            raise BadRequestError(f"Ange minst ett värde för {category.param}.")
        return slugs


# Wagtail's filters, with their input checked


def field_value(field, raw):
    """A query string value as the field's Python value; ValueError if it is not one."""
    if isinstance(field, models.BooleanField):
        return parse_boolean(raw)
    try:
        value = field.to_python(raw)
    except ValidationError as error:
        raise ValueError(error.messages[0]) from error
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError("inte ett tal")
    if isinstance(field, models.DateTimeField) and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


class FieldsFilter(BaseFilterBackend):
    """?title=…, ?year=2019: a page's own fields (those listed by the view as filterable: plain
    columns, no relations or StreamFields), each value checked against its field first."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, raw in request.GET.items():
            if name not in fields:
                continue
            field = queryset.model._meta.get_field(name)
            try:
                value = field_value(field, raw)
            except ValueError as error:
                raise BadRequestError(
                    f"Värdet {shown(raw)!r} passar inte fältet {name} ({error})."
                ) from error
            queryset = queryset.filter(**{name: value})
        return queryset


class StableOrderingFilter(OrderingFilter):
    """Wagtail's ?order= (which checks the fields), then the same order with empty values last
    on every database (PostgreSQL would put them first when descending, SQLite when
    ascending) and the id as the last key, so that pages of results never overlap when many
    pages share a value. Search results keep the backend's order."""

    def filter_queryset(self, request, queryset, view):
        ordered = super().filter_queryset(request, queryset, view)
        order = request.GET.get("order")
        if not order or order == "random" or "search" in request.GET:
            return ordered
        keys = [
            F(key[1:]).desc(nulls_last=True) if key.startswith("-") else F(key).asc(nulls_last=True)
            for key in order.split(",")
        ]
        return ordered.order_by(*keys, "pk")


class StrictLocaleFilter(LocaleFilter):
    """?locale=sv|en; an unknown language is a bad request, not a missing page."""

    def filter_queryset(self, request, queryset, view):
        if "locale" in request.GET:
            code = request.GET["locale"]
            if not Locale.objects.filter(language_code=code).exists():
                codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
                raise BadRequestError(f"Okänt språk för locale: {shown(code)!r}. Finns: {codes}.")
        return super().filter_queryset(request, queryset, view)


class CheckedSearchFilter(SearchFilter):
    """Wagtail's ?search= with Wagtail's search backend (on PostgreSQL full-text search with
    Swedish stemming), after the query is checked: plain text of at most MAX_SEARCH_LENGTH
    characters. The backend treats it as plain text, never as query syntax."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = request.GET["search"]
        if len(query) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search får vara högst {MAX_SEARCH_LENGTH} tecken.")
        if any(unicodedata.category(char) in INVISIBLE for char in query):
            raise BadRequestError("search innehåller styrtecken eller osynliga tecken.")
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator ska vara and eller or.")
        # Quotes and runs of spaces mean nothing in plain text, but SQLite's full-text search
        # took a lone quote as its syntax (the backend writes each word in quotes) and spaces
        # alone as a query of no words: errors, not results.
        words = " ".join(query.replace('"', " ").split())
        if words != query:
            params = request.GET.copy()
            params["search"] = words
            request._request.GET = params
        try:
            return super().filter_queryset(request, queryset, view)
        except (FilterError, SearchFieldError) as error:
            raise BadRequestError(f"Sökningen går inte att kombinera så: {error}") from error
