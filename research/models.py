from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from pluginnovation.content.models import (
    INDEX_TEMPLATE,
    ContentIndexPage,
    ContentPage,
    content_edit_handler,
)


class ResearchIndexPage(ContentIndexPage):
    template = INDEX_TEMPLATE
    parent_page_types = ["home.HomePage"]
    subpage_types = ["research.ResearchArticlePage"]

    class Meta:
        verbose_name = "forskningslista"


class ResearchArticlePage(ContentPage):
    listing_type = "forskning"
    listing_heading = "Forskning"

    authors = models.CharField(
        "författare", max_length=300, help_text="Skilj flera författare med kommatecken."
    )
    year = models.PositiveSmallIntegerField(
        "utgivningsår",
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="Året publikationen gavs ut.",
    )
    publisher = models.CharField(
        "utgivare eller tidskrift", max_length=250, help_text="T.ex. Skolverket eller en tidskrift."
    )
    link = models.URLField("länk", blank=True, help_text="Länk till publikationen, om den finns.")
    doi = models.CharField(
        "DOI",
        max_length=100,
        blank=True,
        validators=[RegexValidator(r"^10\.\d{4,9}/\S+$", "Ange DOI i formen 10.1234/abcd.")],
        help_text="Digital Object Identifier, t.ex. 10.1080/00313831.2015.1066436.",
    )
    key_findings = RichTextField(
        "viktigaste resultat",
        features=["bold", "italic", "ul", "ol", "link"],
        help_text="Det som är viktigast för skolans arbete, gärna som punktlista.",
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="PDF",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Publikationen som PDF, om den får spridas.",
    )

    parent_page_types = ["research.ResearchIndexPage"]
    subpage_types = []

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("year"),
                FieldPanel("publisher"),
                FieldPanel("link"),
                FieldPanel("doi"),
                FieldPanel("pdf"),
            ],
            heading="Publikation",
        ),
        FieldPanel("key_findings"),
        FieldPanel("body"),
    ]
    edit_handler = content_edit_handler(content_panels)
    search_fields = ContentPage.search_fields + [
        index.SearchField("authors"),
        index.SearchField("key_findings"),
        index.SearchField("publisher"),
    ]

    class Meta:
        verbose_name = "forskningsartikel"
        verbose_name_plural = "forskningsartiklar"

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""
