"""News (Aktuellt) and events (Evenemang): two index pages below the home page and their items.

/aktuellt/ lists the news newest first, ten to a page, with an archive per year at
/aktuellt/<år>/ and an RSS feed at /aktuellt/rss/. /evenemang/ lists coming events (soonest
first) and past ones (newest first); every event is also a calendar file at <event>/ics/.
Only what a visitor may see is listed: live pages no view restriction covers, and presentation
documents outside any private collection.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from pluginnovation.content.blocks import RICH_TEXT_FEATURES, BodyBlock
from pluginnovation.content.forms import PageForm
from pluginnovation.content.visibility import (
    PRIVATE_IMAGE_MESSAGE,
    in_private_collection,
    public_documents,
    visible,
)
from pluginnovation.news import ics
from pluginnovation.news.feeds import NewsFeed

NEWS_PER_PAGE = 10
PAST_EVENTS_PER_PAGE = 10
# Years a news archive can be asked for; others are not years of this site's news.
FIRST_YEAR, LAST_YEAR = 1990, 2999
# Slugs a news item may not have: they are the index page's own addresses.
RESERVED_SLUG = re.compile(r"rss|[0-9]+")
RESERVED_SLUG_MESSAGE = (
    "Adressen ”{slug}” används redan av nyhetsarkivet (flöde eller årsarkiv). Välj en annan."
)


def paginate(items, raw_number, per_page):
    """A page of `items`: junk numbers give the first page, numbers past the end the last."""
    # Imported here: the discovery layer reads every page model when it is imported.
    from pluginnovation.discovery.listing import page_number

    paginator = Paginator(items, per_page)
    return paginator.page(page_number(raw_number, paginator.num_pages))


# News


def public_news():
    """Every news item a visitor may see, newest first, with what cards and feeds show.
    NewsPage has `published_date` and `type_label` as content pages do, so the site's main
    feed can list these beside them."""
    return (
        visible(NewsPage.objects.all())
        .order_by("-date", "-pk")
        .defer_streamfields()
        .prefetch_related("factors")
    )


class NewsIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(
        "ingress", blank=True, help_text="Kort introduktion som visas överst i nyhetslistan."
    )

    base_form_class = PageForm
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = "nyhetsarkiv"
        verbose_name_plural = "nyhetsarkiv"

    def news(self):
        """The news below this page that a visitor may see, newest first."""
        return public_news().child_of(self)

    def years(self):
        """The years that have news, newest first, for the archive links."""
        rows = (
            visible(NewsPage.objects.child_of(self))
            .annotate(year=ExtractYear("date"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        return list(rows)

    def listing(self, request, year=None):
        news = self.news()
        if year is not None:
            news = news.filter(date__year=year)
        items = paginate(news, request.GET.get("sida"), NEWS_PER_PAGE)
        return self.render(
            request,
            context_overrides={
                "items": items,
                "year": year,
                "years": self.years(),
                "event_index": visible(EventIndexPage.objects.all()).order_by("path").first(),
            },
        )

    @path("")
    def index(self, request):
        return self.listing(request)

    @re_path(r"^([0-9]{4})/$")
    def year_archive(self, request, year):
        year = int(year)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise Http404("Inget nyhetsarkiv för det året.")
        if not self.news().filter(date__year=year).exists():
            raise Http404("Inga nyheter från det året.")
        return self.listing(request, year)

    @path("rss/")
    def feed(self, request):
        return NewsFeed(self)(request)

    @property
    def feed_url(self):
        return f"{self.url}rss/"


class NewsPageForm(PageForm):
    """Tells the editor when the chosen image would not be shown. On publishing only: a draft
    still saves (and autosaves) when the image's collection was made private later."""

    def clean(self):
        cleaned = super().clean()
        if not self.is_deferred_validation and in_private_collection(cleaned.get("image")):
            self.add_error("image", PRIVATE_IMAGE_MESSAGE)
        return cleaned


class NewsPage(Page):
    date = models.DateField(
        "datum",
        default=datetime.date.today,
        db_index=True,
        help_text="Nyhetens datum. Listan sorteras på det, nyast först, och arkivet per år.",
    )
    summary = models.TextField(
        "I korthet",
        max_length=600,
        help_text="En till tre meningar om vad som hänt. Visas i listan, i RSS-flödet och som "
        "beskrivning för sökmotorer.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="bild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Valfri bild överst i nyheten.",
    )
    image_alt = models.CharField(
        "alternativtext",
        max_length=250,
        blank=True,
        help_text="Vad bilden visar, för den som inte ser den. Lämna tomt för att använda "
        "bildens beskrivning.",
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="brödtext",
        blank=True,
        help_text="Nyhetens text med rubriker, stycken, bilder, dokument och faktarutor.",
    )
    factors = ParentalManyToManyField(
        "taxonomy.SuccessFactor",
        verbose_name="framgångsfaktorer",
        related_name="news_pages",
        blank=True,
        help_text="Framgångsfaktorer nyheten handlar om, om några.",
    )
    projects = ParentalManyToManyField(
        "taxonomy.Project",
        verbose_name="projekt",
        related_name="news_pages",
        blank=True,
        help_text="Projekt nyheten gäller.",
    )

    base_form_class = NewsPageForm
    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Bild"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("factors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("projects", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Kategorier",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # For the open API at /api/v2/ (docs/api.md).
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("image"),
        APIField("image_alt"),
        APIField("body"),
        APIField("factors"),
        APIField("projects"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "nyhet"
        verbose_name_plural = "nyheter"

    def clean(self):
        super().clean()
        if RESERVED_SLUG.fullmatch(self.slug or ""):
            raise ValidationError({"slug": RESERVED_SLUG_MESSAGE.format(slug=self.slug)})

    type_label = "Nyhet"

    @property
    def published_date(self):
        return self.date

    @property
    def image_alt_text(self):
        if self.image_alt or not self.image:
            return self.image_alt
        return getattr(self.image, "description", "") or self.image.title


# Events


class ProgrammeItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label="Tid", required=False, help_text="T.ex. 09.30.")
    item = blocks.CharBlock(label="Punkt", max_length=250, help_text="Vad som händer.")
    who = blocks.CharBlock(
        label="Medverkande", required=False, max_length=250, help_text="Talare eller ledare."
    )

    class Meta:
        icon = "time"
        label = "Programpunkt"


class SlidesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=250)
    speaker = blocks.CharBlock(label="Talare", required=False, max_length=250)
    document = DocumentChooserBlock(
        label="Dokument",
        help_text="Bilderna som PDF. Ett dokument i en privat samling visas inte för besökare.",
    )

    class Meta:
        icon = "doc-full"
        label = "Presentation (dokument)"


class RecordingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=250)
    speaker = blocks.CharBlock(label="Talare", required=False, max_length=250)
    url = blocks.URLBlock(label="Länk till inspelningen")

    class Meta:
        icon = "media"
        label = "Inspelning (länk)"


class EventIndexPage(Page):
    intro = models.TextField(
        "ingress", blank=True, help_text="Kort introduktion som visas överst på sidan."
    )

    base_form_class = PageForm
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "evenemangslista"
        verbose_name_plural = "evenemangslistor"

    def events(self):
        return visible(EventPage.objects.child_of(self)).defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events()
        context["upcoming"] = list(events.filter(ends_at__gte=now).order_by("start", "pk"))
        past = events.filter(ends_at__lt=now).order_by("-start", "-pk")
        context["past"] = paginate(past, request.GET.get("sida"), PAST_EVENTS_PER_PAGE)
        return context


class EventPage(RoutablePageMixin, Page):
    start = models.DateTimeField("börjar", help_text="Datum och klockslag då evenemanget börjar.")
    end = models.DateTimeField(
        "slutar",
        null=True,
        blank=True,
        help_text="Lämna tomt om sluttiden inte är bestämd; evenemanget räknas då som en "
        "timme långt (i kalenderfilen och i listan över kommande evenemang).",
    )
    # The end, or an hour after the start: what "upcoming" and "past" are decided by.
    ends_at = models.DateTimeField(editable=False, db_index=True, null=True)
    place = models.CharField(
        "plats", max_length=250, help_text="Lokal och ort, t.ex. ”Konferenscentrum, Göteborg”."
    )
    organiser = models.CharField(
        "arrangör", max_length=250, blank=True, help_text="T.ex. ”Göteborgsregionen (GR)”."
    )
    summary = models.TextField(
        "I korthet",
        max_length=600,
        help_text="Vad evenemanget handlar om och för vem, i en till tre meningar.",
    )
    programme = StreamField(
        [("item", ProgrammeItemBlock())],
        verbose_name="program",
        blank=True,
        help_text="Programpunkterna i tidsordning.",
    )
    registration_url = models.URLField(
        "länk till anmälan", blank=True, help_text="Visas tills evenemanget har ägt rum."
    )
    report = RichTextField(
        "efter evenemanget",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="En sammanfattning av dagen, när den har ägt rum.",
    )
    presentations = StreamField(
        [("slides", SlidesBlock()), ("recording", RecordingBlock())],
        verbose_name="presentationer",
        blank=True,
        help_text="Bilder (PDF) och länkar till inspelningar från evenemanget.",
    )

    base_form_class = PageForm
    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("place"), FieldPanel("organiser")],
            heading="Tid och plats",
        ),
        FieldPanel("programme"),
        FieldPanel("registration_url"),
        MultiFieldPanel(
            [FieldPanel("report"), FieldPanel("presentations")], heading="Efter evenemanget"
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("place"),
        index.SearchField("report"),
        index.FilterField("start"),
    ]
    # Slides whose document is private are left out of the API, as off the page.
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("organiser"),
        APIField("summary"),
        APIField("programme"),
        APIField("registration_url"),
        APIField("report"),
        APIField("presentations"),
    ]
    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "evenemang"
        verbose_name_plural = "evenemang"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Evenemanget kan inte sluta innan det börjar."})

    def save(self, *args, **kwargs):
        self.ends_at = ics.event_end(self.start, self.end) if self.start else None
        return super().save(*args, **kwargs)

    @property
    def is_past(self):
        return self.ends_at is not None and self.ends_at < timezone.now()

    @property
    def same_day(self):
        if not self.end:
            return True
        zone = timezone.get_current_timezone()
        return self.start.astimezone(zone).date() == self.end.astimezone(zone).date()

    @cached_property
    def presentations_shown(self):
        """The presentations a visitor may see: recordings, and slides whose document exists
        and is in no private collection. Read from the stream's raw data, one query."""
        raw = [block for block in self.presentations.raw_data if block]
        documents = public_documents(
            [block["value"].get("document") for block in raw if block["type"] == "slides"]
        )
        shown = []
        for block in raw:
            value = block["value"]
            item = {
                "kind": block["type"],
                "title": value.get("title", ""),
                "speaker": value.get("speaker", ""),
            }
            if block["type"] == "slides":
                item["document"] = documents.get(value.get("document"))
                if item["document"] is None:
                    continue
            elif block["type"] == "recording":
                item["url"] = value.get("url", "")
                if not item["url"]:
                    continue
            else:
                continue
            shown.append(item)
        return shown

    @path("ics/")
    def calendar_file(self, request):
        url = request.build_absolute_uri(self.url)
        description = "\n\n".join(
            part
            for part in (
                self.summary,
                f"Arrangör: {self.organiser}" if self.organiser else "",
                url,
            )
            if part
        )
        data = ics.calendar(
            uid=f"{self.translation_key}@pluginnovation",
            start=self.start,
            end=self.end,
            title=self.title,
            url=url,
            place=self.place,
            description=description,
            stamp=self.last_published_at,
        )
        response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    @property
    def calendar_url(self):
        return f"{self.url}ics/"
