"""Ways in for each role: /for/ lists the roles, /for/<roll>/ is one role's page.

A role page (mentor, SYV, kurator, rektor, huvudman) has an introduction, the content an editor
picked for the role, in order, and, chosen automatically from the role's typical target groups
(and levels), the methods with the strongest evidence and the newest content (selection.py).
"""

from urllib.parse import urlencode

from django import forms
from django.db import models

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pluginnovation.audiences.selection import role_sections, role_terms
from pluginnovation.content.forms import PageForm
from pluginnovation.content.rich_text_languages import FEATURES as LANGUAGE_FEATURES
from pluginnovation.content.visibility import visible

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol", "h3", *LANGUAGE_FEATURES]
CONTENT_PAGE_TYPES = [
    "research.ResearchArticlePage",
    "casestudies.CaseStudyPage",
    "methods.MethodPage",
]


class AudienceIndexPage(Page):
    """Ingångar per roll (/for/): the role pages below it, in the page tree's order."""

    intro = models.TextField(
        "ingress",
        blank=True,
        help_text="En eller två meningar överst på sidan: vad besökaren hittar här.",
    )

    base_form_class = PageForm
    content_panels = [TitleFieldPanel("title"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["audiences.AudiencePage"]
    max_count = 1

    class Meta:
        verbose_name = "lista över roller"
        verbose_name_plural = "listor över roller"

    def route(self, request, path_components):
        """A role page below is read in one query, as its own class (Wagtail reads a child as
        a Page first and then again as its class)."""
        if len(path_components) == 1:
            page = AudiencePage.objects.child_of(self).filter(slug=path_components[0]).first()
            if page is not None:
                page._cached_parent_obj = self
                return page.route(request, [])
        return super().route(request, path_components)

    def roles(self):
        return visible(AudiencePage.objects.child_of(self)).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["roles"] = self.roles()
        return context


class AudiencePage(Page):
    """One role's way into the knowledge bank."""

    intro = models.TextField(
        "ingress",
        max_length=600,
        help_text="Vem rollen är och vad hen gör för att fler ska fullfölja skolan, i två eller "
        "tre meningar. Visas överst och på startsidan.",
    )
    offer = RichTextField(
        "vad kunskapsbanken erbjuder",
        features=TEXT_FEATURES,
        blank=True,
        help_text="Vad rollen hittar här och var hen kan börja, gärna som en kort punktlista.",
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup",
        verbose_name="typiska målgrupper",
        related_name="audience_pages",
        blank=True,
        help_text="De unga rollen oftast arbetar med. Sidan visar automatiskt det nyaste "
        "innehållet och metoderna med starkast stöd för dem.",
    )
    levels = ParentalManyToManyField(
        "taxonomy.Level",
        verbose_name="nivå",
        related_name="audience_pages",
        blank=True,
        help_text="Begränsa det automatiska urvalet till individ- eller organisationsnivå. "
        "Lämna tomt för båda.",
    )

    base_form_class = PageForm
    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("offer"),
        InlinePanel(
            "picks",
            heading="Utvalt innehåll",
            label="Utvald sida",
            help_text="Sidor som rollen bör läsa först, i den ordning de ska visas. Bara "
            "publicerade sidor utan lösenord eller inloggning visas för besökare.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Automatiskt urval",
            help_text="Nyast och starkast stöd väljs bland innehåll för dessa målgrupper. "
            "Utvalda sidor visas inte två gånger.",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("offer"),
    ]
    parent_page_types = ["audiences.AudienceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "ingång för en roll"
        verbose_name_plural = "ingångar för roller"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = role_terms(self)
        context["role_target_groups"] = terms["target_groups"]
        context["role_levels"] = terms["levels"]
        context["explore_query"] = urlencode(
            [("malgrupp", term.slug) for term in terms["target_groups"]]
            + [("niva", term.slug) for term in terms["levels"]]
        )
        context.update(role_sections(self, terms))
        return context


class AudiencePick(Orderable):
    """One hand-picked page on a role page."""

    role_page = ParentalKey(AudiencePage, on_delete=models.CASCADE, related_name="picks")
    page = models.ForeignKey(
        "content.ContentPage",
        verbose_name="sida",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="En forskningsartikel, fallstudie eller metod.",
    )

    panels = [PageChooserPanel("page", page_type=CONTENT_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = "utvald sida"
        verbose_name_plural = "utvalda sidor"
