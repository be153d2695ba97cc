"""The plain information page (about the knowledge bank, contact, the accessibility statement).

A module of its own, below the rest of the home app: it is content, and the content apps build
on it (methods.EvidencePage is one), while home/models.py reads discovery for the home page's
lists. It is registered with the home app through home/models.py, which imports it.
"""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pluginnovation.content.blocks import BodyBlock
from pluginnovation.content.forms import PageForm
from pluginnovation.content.models import ViewRestrictionsInOneQuery


class StandardPage(ViewRestrictionsInOneQuery, Page):
    """A plain page: about the knowledge bank, contact, the accessibility statement."""

    # docs/english.md: the information pages have English versions (editorial.english_pages),
    # Om evidens (methods.EvidencePage) too.
    offered_in_english = True

    intro = models.TextField(
        "ingress", blank=True, help_text="En kort inledning som visas under rubriken."
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="brödtext",
        blank=True,
        help_text="Sidans text med rubriker, stycken, bilder och faktarutor.",
    )

    base_form_class = PageForm
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "methods.EvidencePage"]

    class Meta:
        verbose_name = "informationssida"
        verbose_name_plural = "informationssidor"
