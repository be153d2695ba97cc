from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from pluginnovation.content.forms import PageForm
from pluginnovation.content.languages import page_language
from pluginnovation.content.models import (
    NEWEST_FIRST,
    ContentIndexPage,
    ContentPage,
    ViewRestrictionsInOneQuery,
)
from pluginnovation.content.visibility import visible
from pluginnovation.discovery.cache import cached
from pluginnovation.home.standard_page import StandardPage
from pluginnovation.taxonomy.models import SuccessFactor

LATEST_COUNT = 6


class HomePage(ViewRestrictionsInOneQuery, Page):
    # docs/english.md: the home page has an English version (editorial.english_pages).
    offered_in_english = True

    intro = models.TextField(
        "ingress", help_text="Välkomsttext överst på startsidan: vad kunskapsbanken är och för vem."
    )

    base_form_class = PageForm
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "research.ResearchIndexPage",
        "casestudies.CaseStudyIndexPage",
        "methods.MethodIndexPage",
        "home.StandardPage",
        "audiences.AudienceIndexPage",
        "projects.ProjectIndexPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "startsida"
        verbose_name_plural = "startsidor"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read once per content version: every visitor's first stop, and nothing on it is theirs.
        context.update(cached(request, "home", self.pk, self.ways_in))
        return context

    def ways_in(self):
        """What the home page lists, as lists: the factors, the sections, the newest content
        and the role pages."""
        found = {"factors": list(SuccessFactor.objects.all())}
        # The ways into the content: the index pages below the (Swedish) home page, wherever an
        # editor has moved or renamed them, each with its search description as its card's text.
        # The English home page lists the same Swedish sections, marked as being in Swedish,
        # and first the pages translated into English below it.
        swedish_home = self.swedish_home()
        found["sections"] = list(visible(swedish_home.get_children().type(*content_index_models())))
        if swedish_home.pk != self.pk:
            found["translated_pages"] = list(visible(self.get_children().type(StandardPage)))
        found["latest"] = list(
            visible(ContentPage.objects.all())
            .order_by(*NEWEST_FIRST)
            .prefetch_related("factors")
            # Each as its own type (one query per type), so a method's card shows its evidence.
            .specific()[:LATEST_COUNT]
        )
        # Ingång för din roll: the role pages (/for/<roll>/), in the page tree's order.
        roles = apps.get_model("audiences", "AudiencePage").objects.order_by("path")
        found["roles"] = list(visible(roles).only("title", "url_path", "path", "locale_id"))
        return found

    def swedish_home(self):
        """The home page in the site's main language: this one, or its Swedish original."""
        if page_language(self) == settings.LANGUAGE_CODE:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self


def content_index_models():
    return [model for model in apps.get_models() if issubclass(model, ContentIndexPage)]


DEFAULT_OWNER_TEXT = (
    "PlugInnovation ges ut av Göteborgsregionen (GR), ett samarbete mellan 13 kommuner, och "
    "samlar forskning, fallstudier och metoder för att fler unga ska fullfölja gymnasiet."
)
DEFAULT_OWNER_TEXT_EN = (
    "PlugInnovation is published by the Gothenburg Region (GR), an association of 13 "
    "municipalities, and gathers research, case studies and methods that help more young people "
    "complete upper secondary school."
)


class FooterPageBlock(blocks.PageChooserBlock):
    """A footer link: to a page visitors can open, since the footer leaves out any other (an
    editor saving one believed the footer had the link)."""

    def clean(self, value):
        page = super().clean(value)
        if page and not visible(Page.objects.filter(pk=page.pk)).exists():
            if page.live:
                message = "”%s” har begränsad åtkomst och visas inte för besökare."
            else:
                message = "”%s” är inte publicerad och kan inte visas i sidfoten än."
            raise ValidationError(
                message % page.title + " Välj en annan sida eller ta bort länken."
            )
        return page


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """The footer every page shows: who publishes the knowledge bank and links to pages such
    as the accessibility statement. The main menu is the pages marked "Visa i menyer"."""

    owner_text = models.TextField(
        "om utgivaren",
        default=DEFAULT_OWNER_TEXT,
        help_text="En eller två meningar om vem som ger ut kunskapsbanken.",
    )
    owner_text_en = models.TextField(
        "om utgivaren på engelska",
        default=DEFAULT_OWNER_TEXT_EN,
        help_text="Samma text på engelska, för de engelska sidorna.",
    )
    links = StreamField(
        [("page", FooterPageBlock(label="Sida"))],
        verbose_name="länkar i sidfoten",
        blank=True,
        help_text="T.ex. Om kunskapsbanken, Kontakt och Tillgänglighetsredogörelse. Sidans "
        "titel blir länktext; på de engelska sidorna visas sidans engelska översättning, om "
        "den finns.",
    )

    panels = [FieldPanel("owner_text"), FieldPanel("owner_text_en"), FieldPanel("links")]

    class Meta:
        verbose_name = "sidfot"

    def owner_text_in(self, language):
        return self.owner_text_en if language == "en" and self.owner_text_en else self.owner_text
