from functools import cached_property

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable
from wagtail.search import index

from methods.evidence import (
    KNOWLEDGE_BASIS_FILTER,
    EvidenceLevel,
    KnowledgeBasis,
    choice_label,
    evidence_levels,
    knowledge_bases,
)
from pluginnovation.content.blocks import DocumentBlock, StepBlock
from pluginnovation.content.listing_options import FieldFilter, FilterOption, Sort
from pluginnovation.content.models import (
    INDEX_TEMPLATE,
    ContentIndexPage,
    ContentPage,
    content_edit_handler,
    with_card_fields,
)
from pluginnovation.content.numbers import FigureField, number
from pluginnovation.content.visibility import restricted, visible
from pluginnovation.home.standard_page import StandardPage


class MethodIndexPage(ContentIndexPage):
    template = INDEX_TEMPLATE
    parent_page_types = ["home.HomePage"]
    subpage_types = ["methods.MethodPage"]

    class Meta:
        verbose_name = "metodlista"
        verbose_name_plural = "metodlistor"


class MethodPage(ContentPage):
    listing_type = "metod"
    listing_heading = _("Metoder")

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
    knowledge_basis = models.CharField(
        "kunskapsgrund",
        max_length=30,
        choices=KnowledgeBasis.choices,
        blank=True,
        help_text="Vilar metoden på forskning (vetenskaplig grund), på dokumenterad erfarenhet "
        "från skolor (beprövad erfarenhet) eller på båda? Lämna tomt om det inte är utrett.",
    )
    evidence_level = models.PositiveSmallIntegerField(
        "evidensstyrka",
        choices=EvidenceLevel.choices,
        null=True,
        blank=True,
        help_text="Hur starkt stödet är, från 1 (enstaka lokal erfarenhet) till 4 (flera studier "
        "med jämförelsegrupp). Stegen förklaras för besökare på sidan Om evidens.",
    )
    staff_hours_per_week = FigureField(
        "personaltid per vecka (timmar)",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(200)],
        help_text="Ungefär hur många timmar i veckan skolans personal lägger när metoden är igång, "
        "alla inräknade, med komma eller punkt för halva timmar (t.ex. 2,5). Lämna tomt om det "
        "inte är känt.",
    )
    one_off_cost = models.PositiveIntegerField(
        "engångskostnad (kr)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100_000_000)],
        help_text="Kostnad för att komma i gång, t.ex. utbildning eller material, i kronor. 0 om "
        "det inte kostar något extra; tomt om det inte är känt.",
    )
    weeks_to_start = models.PositiveSmallIntegerField(
        "tid till start (veckor)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(520)],
        help_text="Hur många veckor det brukar ta från beslut till att arbetet är igång.",
    )

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("knowledge_basis"), FieldPanel("evidence_level")],
            heading="Kunskapsläge",
            help_text="Visas överst på metodsidan och på metodens kort.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("staff_hours_per_week"),
                FieldPanel("one_off_cost"),
                FieldPanel("weeks_to_start"),
            ],
            heading="Insats",
        ),
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
    # related_links lists only the linked pages a visitor may see.
    api_fields = ContentPage.api_fields + [
        APIField("knowledge_basis"),
        APIField("evidence_level"),
        APIField("staff_hours_per_week"),
        APIField("one_off_cost"),
        APIField("weeks_to_start"),
        APIField("purpose"),
        APIField("audience"),
        APIField("steps"),
        APIField("time_and_resources"),
        APIField("material"),
        APIField("related_links"),
    ]

    listing_filters = (
        FieldFilter(
            "kunskapsgrund",
            _("Kunskapsgrund"),
            "knowledge_basis",
            tuple(
                FilterOption(value, _(KnowledgeBasis(value).label), tuple(stored))
                for value, stored in KNOWLEDGE_BASIS_FILTER.items()
            ),
        ),
        FieldFilter(
            "evidens",
            _("Evidensstyrka"),
            "evidence_level",
            tuple(
                FilterOption(
                    str(level.value),
                    format_lazy("{} – {}", level.value, _(level.label)),
                    (level.value,),
                )
                for level in EvidenceLevel
            ),
        ),
    )
    card_fields = ("knowledge_basis", "evidence_level", "staff_hours_per_week")
    listing_sorts = (
        Sort("evidens", _("Starkast evidens först"), "evidence_level", descending=True),
        Sort("insats", _("Minst personaltid först"), "staff_hours_per_week"),
    )

    class Meta:
        verbose_name = "metod"
        verbose_name_plural = "metoder"

    # Django's get_FOO_display hashes every label of the field to find one, translating each:
    # a quarter of a method card's time. The choices' own lookup translates the one shown.
    def get_knowledge_basis_display(self):
        return choice_label(KnowledgeBasis, self.knowledge_basis)

    def get_evidence_level_display(self):
        return choice_label(EvidenceLevel, self.evidence_level)

    @property
    def evidence_label(self):
        if self.evidence_level is None:
            return ""
        return gettext("%(step)s av %(steps)s: %(name)s") % {
            "step": self.evidence_level,
            "steps": len(EvidenceLevel),
            "name": self.get_evidence_level_display(),
        }

    def evidence_counts(self):
        """The linked research and case studies a visitor may see, counted by type."""
        counts = {}
        for page in self.related_evidence:
            model = type(page)
            counts[model] = counts.get(model, 0) + 1
        return [
            f"{n} {model._meta.verbose_name if n == 1 else model._meta.verbose_name_plural}"
            for model, n in counts.items()
        ]

    @property
    def staff_time(self):
        """The staff time in words, in Swedish as the page is: "1 timme per vecka", "2,5
        timmar per vecka"; None when not given."""
        hours = self.staff_hours_per_week
        if hours is None:
            return None
        return f"{number(hours)} {'timme' if hours == 1 else 'timmar'} per vecka"

    def card_facts(self):
        missing = gettext("uppgift saknas")
        hours = self.staff_hours_per_week
        per_week = missing
        if hours is not None:
            per_week = gettext("%(hours)s tim/vecka") % {"hours": number(hours)}
        return [
            (gettext("Kunskapsgrund"), self.get_knowledge_basis_display() or missing),
            (gettext("Evidensstyrka"), self.evidence_label or missing),
            (gettext("Personaltid"), per_week),
        ]

    @cached_property
    def related_evidence(self):
        """The case studies and research an editor linked that a visitor may see (live, no
        view restriction), in the editor's order.

        One query for the links with their pages, however many, and one per type for the
        fields the cards show (with_card_fields). A preview's links are in memory.
        """
        links = self.related_links.all()
        if isinstance(links, QuerySet):
            links = links.filter(page__live=True).exclude(restricted("page__path"))
            pages = [link.page.specific_deferred for link in links.select_related("page")]
        else:
            shown = visible(ContentPage.objects.filter(pk__in=[link.page_id for link in links]))
            shown = shown.in_bulk()
            pages = [
                shown[link.page_id].specific_deferred for link in links if link.page_id in shown
            ]
        return with_card_fields(pages)

    def cards_shown(self):
        return self.related_evidence

    def keep_cards_shown(self, pages):
        self.related_evidence = pages


class EvidencePage(StandardPage):
    """Om evidens (/om/evidens/): what the knowledge basis and each step of the evidence scale
    mean, in plain Swedish. An information page whose template adds the scale itself from
    methods/evidence.py, so the page and the methods can never disagree; the editor writes the
    text around it."""

    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "sida om evidens"
        verbose_name_plural = "sidor om evidens"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["knowledge_bases"] = knowledge_bases()
        context["evidence_levels"] = evidence_levels()
        return context


def evidence_pages():
    """The explanation of evidence in the language shown (its English translation under
    /en/) if a visitor may see it: a list of one page, or none."""
    return list(
        visible(EvidencePage.objects.filter(locale=Locale.get_active())).only(
            "url_path", "locale_id"
        )[:1]
    )


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
    api_fields = [APIField("page")]

    class Meta(Orderable.Meta):
        verbose_name = "relaterad sida"
        verbose_name_plural = "relaterade sidor"
