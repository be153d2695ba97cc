"""The shared base of every piece of knowledge: research, case studies and methods.

ContentPage is a concrete table on purpose: all taxonomy links live in one place, so listings,
facet counts and search can cover the three content types in a single query.
"""

import datetime

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy, ngettext

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from pluginnovation.content.blocks import BodyBlock
from pluginnovation.content.categories import CATEGORIES
from pluginnovation.content.date_inputs import SETTINGS_PANELS
from pluginnovation.content.forms import FACTOR_REQUIRED_MESSAGE, ContentPageForm, PageForm


class PageTag(TaggedItemBase):
    """Free keywords; one through table for all content pages so a keyword crosses types."""

    content_object = ParentalKey(
        "content.ContentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "nyckelord"
        verbose_name_plural = "nyckelord"


def category_panel(category):
    # A draft may leave the categories for later, the required success factors too, as Wagtail
    # does for other required fields; publishing and submitting for review ask for them.
    widget = forms.CheckboxSelectMultiple if category.small else None
    return FieldPanel(category.field, widget=widget, required_on_save=False)


def taxonomy_panels(with_place=True):
    """The category fields; case studies take their place from their region section instead."""
    place = {"regions", "municipalities"}
    return [
        MultiFieldPanel(
            [
                category_panel(category)
                for category in CATEGORIES
                if with_place or category.field not in place
            ],
            heading="Kategorier",
        ),
        MultiFieldPanel(
            [FieldPanel("published_date"), FieldPanel("last_reviewed")], heading="Datum"
        ),
    ]


def content_edit_handler(content_panels, with_place=True):
    """The tabs every content page's editor sees: its own fields, then the shared ones."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading="Innehåll"),
            ObjectList(taxonomy_panels(with_place), heading="Kategorier"),
            ObjectList(Page.promote_panels, heading="Marknadsföring"),
            ObjectList(SETTINGS_PANELS, heading="Inställningar"),
        ]
    )


class ViewRestrictionsInOneQuery:
    """Wagtail asks every page it serves for its view restrictions: in one query here, or in
    none when they were read with the page's route (keep_with_route)."""

    def keep_with_route(self):
        """Read now what the page shows the same for as long as its route is kept (one content
        version: pluginnovation.delivery.routes): its view restrictions, and what a page type
        adds."""
        self.keep_view_restrictions()

    def get_view_restrictions(self):
        kept = self.__dict__.get("_kept_view_restrictions")
        return view_restrictions(self) if kept is None else kept

    def keep_view_restrictions(self):
        """Read the restrictions now and answer with these from then on: for a page kept as a
        route for one content version (pluginnovation.delivery.routes), which a restriction
        added, changed or removed renews. Whether a visitor meets them is asked each time."""
        self._kept_view_restrictions = list(view_restrictions(self))


# Lists of content are newest first: by the date an editor gives (published_date), then by id
# for a stable order among pages of the same day (the index content_published_idx).
NEWEST_FIRST = ("-published_date", "-pk")


class ContentPage(ViewRestrictionsInOneQuery, Page):
    """Fields every research article, case study and method page carries."""

    summary = models.TextField(
        "I korthet",
        max_length=600,
        help_text="Två till fyra meningar om vad sidan handlar om. Visas i listor, sökträffar "
        "och som beskrivning för sökmotorer.",
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="brödtext",
        blank=True,
        help_text="Sidans huvudtext. Lägg till rubriker, text, citat, bilder, dokument, film "
        "och faktarutor.",
    )
    published_date = models.DateField(
        "publiceringsdatum",
        default=datetime.date.today,
        db_index=True,
        help_text="Datum då innehållet först gavs ut. Listor sorteras på detta datum, nyast först.",
    )
    last_reviewed = models.DateField(
        "senast granskad",
        null=True,
        blank=True,
        help_text="Datum då en redaktör senast kontrollerade att innehållet stämmer.",
    )
    factors = ParentalManyToManyField(
        "taxonomy.SuccessFactor",
        verbose_name="framgångsfaktorer",
        related_name="pages",
        help_text="Minst en. Vilka framgångsfaktorer innehållet belyser.",
    )
    projects = ParentalManyToManyField(
        "taxonomy.Project",
        verbose_name="projekt",
        related_name="pages",
        blank=True,
        help_text="Projekt som arbetet eller studien hör till.",
    )
    regions = ParentalManyToManyField(
        "taxonomy.Region",
        verbose_name="regioner",
        related_name="pages",
        blank=True,
        help_text="Regioner innehållet gäller.",
    )
    municipalities = ParentalManyToManyField(
        "taxonomy.Municipality",
        verbose_name="kommuner",
        related_name="pages",
        blank=True,
        help_text="Kommuner innehållet gäller.",
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup",
        verbose_name="målgrupper",
        related_name="pages",
        blank=True,
        help_text="Vilka unga arbetet riktar sig till.",
    )
    levels = ParentalManyToManyField(
        "taxonomy.Level",
        verbose_name="nivå",
        related_name="pages",
        blank=True,
        help_text="Individnivå (stöd till enskilda elever) eller organisationsnivå (skolans "
        "rutiner och strukturer).",
    )
    intervention_types = ParentalManyToManyField(
        "taxonomy.InterventionType",
        verbose_name="insatstyp",
        related_name="pages",
        blank=True,
        help_text="Främjande (för alla), förebyggande (för elever i riskzon) eller åtgärdande "
        "(när studierna redan avbrutits eller frånvaron är hög).",
    )
    tags = ClusterTaggableManager(
        through=PageTag,
        verbose_name="nyckelord",
        blank=True,
        help_text="Fria sökord, t.ex. ”frånvaro” eller ”mentorskap”. Skilj med kommatecken.",
    )

    is_creatable = False
    base_form_class = ContentPageForm
    # Set by each content type: the value of the `typ` filter that picks it out, and the
    # heading of its group in listings' filters and on the success-factor pages.
    listing_type = ""
    listing_heading = ""
    # Filters and sorts of the type's own fields (content.listing_options), if any.
    listing_filters = ()
    listing_sorts = ()
    # A field of the type's own that the year filter files a page under (a publication's
    # year); without one, the year the page was published here.
    listing_year_field = None
    # What published_date is called on the page and its card.
    published_date_label = gettext_lazy("Publicerad")
    # The type's own fields that card_facts() reads, so lists that build cards from
    # ContentPage rows alone (related content) can read them in the same query.
    card_fields = ()

    # TitleFieldPanel fills in the slug (on the Marknadsföring tab) from the title as the editor
    # types, so a new page saves the first time.
    content_panels = [TitleFieldPanel("title"), FieldPanel("summary")]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("published_date"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
    ]
    # What the open API at /api/v2/ shows of every content page (docs/api.md); each category
    # as a list of {"slug", "name"}.
    api_fields = [
        APIField("summary"),
        APIField("published_date"),
        APIField("last_reviewed"),
        *(APIField(category.field) for category in CATEGORIES),
        APIField("body"),
    ]

    class Meta:
        verbose_name = "innehållssida"
        verbose_name_plural = "innehållssidor"
        indexes = [
            # Listings sort newest first and count per year; with the id in the index both
            # are answered from the index alone.
            models.Index(fields=["published_date", "page_ptr"], name="content_published_idx"),
        ]

    @property
    def type_label(self):
        return type_name(self.specific_class)

    def missing_for_publishing(self):
        """What this version (a draft, a revision) lacks to be published, in Swedish; empty
        when it is complete. A draft is saved before it is complete (Wagtail leaves required
        fields for later, the success factors and a case study's municipality too), and the
        editor's form asks for them on publishing; this is for what publishes a version
        without that form (a bulk publish: editorial.wagtail_hooks)."""
        missing = validation_messages(self)
        # The rows of its inline panels (a case study's results) are left for later too.
        for relation in get_all_child_relations(self):
            rows = getattr(self, relation.get_accessor_name()).all()
            label = capfirst(relation.related_model._meta.verbose_name)
            for number, row in enumerate(rows, start=1):
                missing += [
                    f"{label} {number}, {text[0].lower()}{text[1:]}"
                    for text in validation_messages(row, exclude=[relation.field.name])
                ]
        if not self.factors.all():
            missing.append(FACTOR_REQUIRED_MESSAGE)
        return missing

    def card_facts(self):
        """(label, text) pairs a card shows under the summary, e.g. a method's evidence."""
        return []

    def cards_shown(self):
        """Other pages this page shows as cards in its own content (besides the related
        content every page gets), so their details can be read together."""
        return []

    def keep_cards_shown(self, pages):
        """Show `pages`, read by cards_shown() before (and kept since), rather than read them
        again. A type that overrides cards_shown() overrides this too."""


def validation_messages(instance, exclude=None):
    """What the model's own checks (full_clean) say of `instance`, one text per problem:
    "Kommun: Detta fält får inte vara tomt."."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        messages = []
        for name, texts in error.message_dict.items():
            field = None if name == NON_FIELD_ERRORS else instance._meta.get_field(name)
            label = capfirst(field.verbose_name) if field is not None else ""
            messages += [f"{label}: {text}" if label else text for text in texts]
        return messages
    return []


def with_card_fields(pages):
    """Pages of their own class made from ContentPage rows alone (specific_deferred), with the
    fields their cards show read in one query per type, not one per card and field."""
    by_model = {}
    for page in pages:
        if page.card_fields:
            by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        rows = model.objects.filter(pk__in=[page.pk for page in group])
        values = {row["pk"]: row for row in rows.values("pk", *model.card_fields)}
        for page in group:
            for field in model.card_fields:
                setattr(page, field, values.get(page.pk, {}).get(field))
    return pages


# The research, case-study and method indexes look alike; region sections have their own.
INDEX_TEMPLATE = "content/content_index_page.html"


class ContentIndexPage(ViewRestrictionsInOneQuery, Page):
    """An index listing the live content pages below it, newest first, 20 to a page."""

    intro = models.TextField(
        "ingress", blank=True, help_text="Kort introduktion som visas överst i listan."
    )
    base_form_class = PageForm
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    max_count_per_parent = 1

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """A page below is read in one query, as its own class, where Wagtail reads a child as
        a Page and then again as its own class. For an index of one page type; anything else
        falls back to Wagtail's routing."""
        models = self.allowed_subpage_models()
        if path_components and len(models) == 1:
            page = models[0].objects.child_of(self).filter(slug=path_components[0]).first()
            if page is not None:
                page._cached_parent_obj = self
                return page.route(request, path_components[1:])
        return super().route(request, path_components)

    def hidden_facets(self):
        """Facets that cannot vary here: the type, and on a region's section the region."""
        return ("typ", "region") if hasattr(self, "region_id") else ("typ",)


def view_restrictions(page):
    """The view restrictions on the page and its ancestors, an alias's those of its source
    page: what Wagtail's Page.get_view_restrictions() returns, in one query instead of two
    (Wagtail reads the ancestors first to find aliases). Asked on every page served."""
    steps = range(Page.steplen, len(page.path) + 1, Page.steplen)
    paths = [page.path[:end] for end in steps]
    on_path = Q(page__path__in=paths, page__alias_of__isnull=True)
    return PageViewRestriction.objects.filter(on_path | Q(page__aliases__path__in=paths)).distinct()


def type_name(model):
    """A page type's name in the language shown: "Fallstudie", "Case study". The Swedish
    names are the models' own; other languages have the singular of the verbose_name pair in
    their catalogue (ngettext, since "fallstudie" alone would clash with other texts)."""
    meta = model._meta
    return capfirst(ngettext(str(meta.verbose_name), str(meta.verbose_name_plural), 1))
