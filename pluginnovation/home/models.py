from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pluginnovation.content.blocks import BodyBlock
from pluginnovation.content.models import ContentPage
from pluginnovation.content.routing import PassThroughRouting
from pluginnovation.taxonomy.models import SuccessFactor

LATEST_COUNT = 6


class HomePage(PassThroughRouting, Page):
    intro = models.TextField(
        "ingress", help_text="Välkomsttext överst på startsidan: vad kunskapsbanken är och för vem."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "research.ResearchIndexPage",
        "casestudies.CaseStudyIndexPage",
        "methods.MethodIndexPage",
        "home.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "startsida"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["factors"] = SuccessFactor.objects.all()
        context["latest"] = (
            ContentPage.objects.live()
            .public()
            .order_by("-published_date", "-pk")
            .select_related("content_type")
            .prefetch_related("factors")[:LATEST_COUNT]
        )
        return context


class StandardPage(Page):
    """A plain page: about the knowledge bank, contact, the accessibility statement."""

    intro = models.TextField(
        "ingress", blank=True, help_text="En kort inledning som visas under rubriken."
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="brödtext",
        blank=True,
        help_text="Sidans text med rubriker, stycken, bilder och faktarutor.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "informationssida"
        verbose_name_plural = "informationssidor"
