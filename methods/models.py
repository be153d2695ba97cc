from functools import cached_property

from django.db import models
from django.db.models import QuerySet

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from pluginnovation.content.blocks import DocumentBlock, StepBlock
from pluginnovation.content.models import (
    INDEX_TEMPLATE,
    ContentIndexPage,
    ContentPage,
    content_edit_handler,
)
from pluginnovation.content.visibility import restricted, visible


class MethodIndexPage(ContentIndexPage):
    template = INDEX_TEMPLATE
    parent_page_types = ["home.HomePage"]
    subpage_types = ["methods.MethodPage"]

    class Meta:
        verbose_name = "metodlista"


class MethodPage(ContentPage):
    listing_type = "metod"
    listing_heading = "Metoder"

    purpose = models.TextField("syfte", help_text="Vad metoden ska åstadkomma, i några meningar.")
    audience = models.TextField(
        "för vem",
        help_text="Vem som använder metoden (t.ex. mentorer, elevhälsa) och för vilka elever.",
    )
    steps = StreamField(
        [("step", StepBlock())],
        verbose_name="så gör ni",
        help_text="Steg för steg, i den ordning arbetet görs.",
    )
    time_and_resources = models.TextField(
        "tid och resurser", help_text="Ungefär hur lång tid det tar och vilka som behöver vara med."
    )
    material = StreamField(
        [("document", DocumentBlock())],
        verbose_name="material att ladda ner",
        blank=True,
        help_text="Mallar, checklistor och presentationer som hör till metoden.",
    )

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []

    content_panels = ContentPage.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("audience"),
        FieldPanel("steps"),
        FieldPanel("time_and_resources"),
        FieldPanel("body"),
        FieldPanel("material"),
        InlinePanel(
            "related_links",
            heading="Relaterade fallstudier och forskning",
            label="Relaterad sida",
        ),
    ]
    edit_handler = content_edit_handler(content_panels)
    search_fields = ContentPage.search_fields + [
        index.SearchField("purpose", boost=1.5),
        index.SearchField("audience"),
        index.SearchField("steps"),
    ]

    class Meta:
        verbose_name = "metod"
        verbose_name_plural = "metoder"

    @cached_property
    def related_evidence(self):
        """The case studies and research an editor linked that a visitor may see (live, no
        view restriction), in the editor's order.

        One query however many: the links with their pages. A card needs only ContentPage
        fields, so each page takes its own class without a query for its type's table
        (specific_deferred). A preview's links are in memory and are checked one by one.
        """
        links = self.related_links.all()
        if isinstance(links, QuerySet):
            links = links.filter(page__live=True).exclude(restricted("page__path"))
            return [link.page.specific_deferred for link in links.select_related("page")]
        shown = visible(ContentPage.objects.filter(pk__in=[link.page_id for link in links]))
        shown = shown.in_bulk()
        return [shown[link.page_id].specific_deferred for link in links if link.page_id in shown]

    def cards_shown(self):
        return self.related_evidence


class MethodRelatedPage(Orderable):
    page_owner = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="related_links")
    page = models.ForeignKey(
        "content.ContentPage",
        verbose_name="sida",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [
        PageChooserPanel(
            "page", page_type=["casestudies.CaseStudyPage", "research.ResearchArticlePage"]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = "relaterad sida"
        verbose_name_plural = "relaterade sidor"
