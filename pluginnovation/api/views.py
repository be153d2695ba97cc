"""The open API's endpoints: Wagtail's API v2 for pages, documents and images, read-only and
the same for everyone.

What differs from Wagtail's own endpoints, and why:
- Only what any visitor may see, whoever asks: live pages that no view restriction covers
  (pluginnovation.content.visibility), documents and images outside private collections.
  Wagtail's endpoints ask each restriction whether *this request* passes it, so a signed-in
  editor or a visitor who typed a page password would get more; nobody signs in here.
- JSON only: DRF's browsable API needs inline script, which the site's CSP forbids.
- Every bad parameter is a 400 with a message ({"message": …}); Wagtail lets some reach the
  database as a 500 (an unknown ?site=, ?id=abc on find/, a huge offset, a date that is not one).
- The site's category filters (?faktor=, ?projekt=, ?region=, …) with the listings' slugs.
- A page of results is read in a fixed number of queries (loading.py).
- A rate limit per client address (throttling.py).
"""

import math

from django.core.exceptions import FieldDoesNotExist, SuspiciousOperation
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.functional import cached_property

from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, Page, Site

from rest_framework import status
from rest_framework.exceptions import MethodNotAllowed, Throttled
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from pluginnovation.api.filters import (
    CATEGORY_PARAMS,
    CategoryFilter,
    CheckedSearchFilter,
    FieldsFilter,
    StableOrderingFilter,
    StrictLocaleFilter,
    shown,
)
from pluginnovation.api.loading import load
from pluginnovation.api.pagination import StrictPagination
from pluginnovation.api.serializers import KeywordsField, PublicPageSerializer, public_rich_text
from pluginnovation.api.throttling import ClientAddressThrottle
from pluginnovation.content.numbers import typed_int
from pluginnovation.content.visibility import private_collection_ids, restricted_collection, visible
from pluginnovation.discovery.facets import content_models
from pluginnovation.news.models import EventPage, NewsPage
from pluginnovation.projects.models import ProjectPage

NOT_FOUND = "Finns inte i API:t (eller är inte publikt)."
# The page types whose own fields the API shows, named in messages and in the index.
DOCUMENTED_TYPES = [*content_models(), NewsPage, EventPage, ProjectPage]


def type_name(model):
    return f"{model._meta.app_label}.{model.__name__}"


class JSONOnly(BaseContentNegotiation):
    """Always JSON, whatever the Accept header asks for (a browser asks for HTML first)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def is_plain_column(model, name):
    """A field that can be filtered and sorted on: a column of its own, not a relation (a
    filter on one would repeat pages) nor a StreamField (JSON)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.concrete and not field.is_relation and not isinstance(field, StreamField)


class KeywordsMixin:
    """Keywords as {"slug", "name"} from the prefetched rows, as on pages."""

    def build_property_field(self, field_name, model_class):
        if field_name == "tags":
            return KeywordsField, {}
        return super().build_property_field(field_name, model_class)


class PublicDocumentSerializer(KeywordsMixin, DocumentSerializer):
    pass


class PublicImageSerializer(KeywordsMixin, ImageSerializer):
    pass


class PublicEndpoint:
    """What the three endpoints share; comes before Wagtail's viewset in the bases."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    # Nobody signs in: the answer is the same for everyone, so the page cache may keep it.
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientAddressThrottle]
    pagination_class = StrictPagination
    detail_query_parameters = frozenset(["fields", "_", "format"])

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        names = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            names = [name for name in names if is_plain_column(model, name)]
        return names

    @cached_property
    def private_collections(self):
        """Ids of the collections behind a view restriction: read once, when a document or
        image is about to be shown."""
        return private_collection_ids()

    def check_values(self):
        for name, values in self.request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError("Parametrarna får inte innehålla NUL-tecken.")
        if self.request.GET.get("format", "json") != "json":
            raise BadRequestError("format kan bara vara json.")

    def check_query_parameters(self, queryset):
        self.check_values()
        allowed = set(self.get_available_fields(queryset.model, db_fields_only=True))
        allowed |= self.known_query_parameters
        unknown = set(self.request.GET) - allowed
        if unknown:
            raise BadRequestError(
                f"Okänd parameter: {', '.join(shown(name) for name in sorted(unknown))}. "
                f"Här går att använda: {', '.join(sorted(allowed))}."
            )

    def check_detail_parameters(self):
        self.check_values()
        unknown = set(self.request.GET) - self.detail_query_parameters
        if unknown:
            raise BadRequestError(
                f"Okänd parameter: {', '.join(shown(name) for name in sorted(unknown))}. "
                f"För ett enskilt objekt går att använda: "
                f"{', '.join(sorted(self.detail_query_parameters))}."
            )

    def serialize(self, items, many):
        serializer_class = self.get_serializer_class()
        meta = serializer_class.Meta
        load(items if many else [items], meta.model, meta.fields)
        data = serializer_class(items, many=many, context=self.get_serializer_context()).data
        return public_rich_text(data)

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = list(self.paginate_queryset(queryset))
        return self.get_paginated_response(self.serialize(items, many=True))

    def detail_view(self, request, pk):
        self.check_detail_parameters()
        return Response(self.serialize(self.get_object(), many=False))

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            found = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
            if found is None:
                raise Http404(NOT_FOUND)
            self._cached_object = found
        return self._cached_object

    def find_object(self, queryset, request):
        self.check_values()
        if "id" in request.GET:
            pk = typed_int(request.GET["id"], max_digits=18)
            if pk is None:
                raise BadRequestError("id ska vara ett heltal.")
            return queryset.filter(pk=pk).first()
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        if isinstance(exc, SuspiciousOperation):  # e.g. thousands of query parameters
            exc = BadRequestError("Ogiltig förfrågan.")
        response = super().handle_exception(exc)
        if isinstance(exc, Throttled):
            response.data = {
                "message": "För många anrop från samma adress. "
                f"Försök igen om {math.ceil(exc.wait or 1)} sekunder."
            }
        elif isinstance(exc, MethodNotAllowed):
            response.data = {"message": "API:t går bara att läsa: använd GET."}
        elif isinstance(response.data, dict) and "detail" in response.data:
            response.data = {"message": str(response.data["detail"])}
        return response


class PublicPagesAPIViewSet(PublicEndpoint, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer
    filter_backends = [
        FieldsFilter,
        CategoryFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        StableOrderingFilter,
        TranslationOfFilter,
        StrictLocaleFilter,
        CheckedSearchFilter,  # last: search results cannot be filtered further
    ]
    # ?site= is left out: one site, and Wagtail answers an unknown host with a 500.
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"site"}) | frozenset(
        CATEGORY_PARAMS
    )
    # The page an alias copies may be private; aliases are not used for content here.
    meta_fields = [name for name in PagesAPIViewSet.meta_fields if name != "alias_of"]
    nested_default_fields = PagesAPIViewSet.nested_default_fields + ["html_url"]

    @cached_property
    def base_queryset(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        # The site's pages in every language: the Swedish tree and its translations.
        trees = Q(path__startswith=site.root_page.path)
        for translation in site.root_page.get_translations():
            trees |= Q(path__startswith=translation.path)
        # Ids, not the filter itself: the search backend accepts only simple lookups.
        return Page.objects.filter(pk__in=visible(Page.objects.filter(trees)).values("pk"))

    def get_base_queryset(self):
        return self.base_queryset

    def requested_models(self):
        raw = self.request.GET.get("type")
        if not raw:
            return ()
        try:
            return page_models_from_string(raw)
        except (LookupError, ValueError) as error:
            raise BadRequestError(
                f"Okänd sidtyp i type: {shown(raw)!r}. Typer med egna fält: "
                f"{', '.join(type_name(model) for model in DOCUMENTED_TYPES)}."
            ) from error

    def get_queryset(self):
        models = self.requested_models()
        if not models:
            return self.get_base_queryset()
        if len(models) == 1:
            # The type's own table, so that its fields can be shown, filtered and sorted on.
            return models[0].objects.filter(pk__in=self.get_base_queryset().values("pk"))
        return self.get_base_queryset().type(*models)

    def get_object(self):
        return super().get_object().specific


class PublicDocumentsAPIViewSet(PublicEndpoint, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer
    filter_backends = [FieldsFilter, StableOrderingFilter, CheckedSearchFilter]
    body_fields = DocumentsAPIViewSet.body_fields + ["created_at", "file_size"]

    def get_queryset(self):
        return public_media(self.model)


class PublicImagesAPIViewSet(PublicEndpoint, ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer
    filter_backends = [FieldsFilter, StableOrderingFilter, CheckedSearchFilter]
    body_fields = ImagesAPIViewSet.body_fields + ["description", "created_at"]

    def get_queryset(self):
        return public_media(self.model)


def public_media(model):
    """Documents or images in no collection with a view restriction on it or above it."""
    private = Collection.objects.filter(restricted_collection(path="path")).values("pk")
    return model.objects.exclude(collection__in=private).order_by("id")


def index(request):
    """/api/v2/: what is here, for someone who starts at the top."""
    return JsonResponse(
        {
            "name": "PlugInnovation – öppet API",
            "endpoints": {
                name: request.build_absolute_uri(reverse(f"wagtailapi:{name}:listing"))
                for name in ("pages", "documents", "images")
            },
            "page_types": [type_name(model) for model in DOCUMENTED_TYPES],
            "filters": CATEGORY_PARAMS,
            "license": "Texterna: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). "
            "Ange källan: ”Källa: PlugInnovation”.",
            "content": "Bara publicerat innehåll som alla besökare får se.",
        },
        json_dumps_params={"ensure_ascii": False, "indent": 4},
    )


def not_found(request, *args, **kwargs):
    return JsonResponse({"message": NOT_FOUND}, status=status.HTTP_404_NOT_FOUND)
