import re
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from pluginnovation.content.listing_options import Sort
from pluginnovation.content.models import (
    INDEX_TEMPLATE,
    ContentIndexPage,
    ContentPage,
    content_edit_handler,
)
from pluginnovation.content.rich_text_languages import FEATURES as LANGUAGE_FEATURES
from pluginnovation.content.visibility import public_documents

from .forms import ResearchArticleForm
from .links import publication_link_error
from .publications import (
    DESIGN_RELEVANT_TYPES,
    MISSING,
    PUBLICATION_TYPES,
    STUDY_DESIGNS,
)


class ResearchIndexPage(ContentIndexPage):
    template = INDEX_TEMPLATE
    parent_page_types = ["home.HomePage"]
    subpage_types = ["research.ResearchArticlePage"]

    class Meta:
        verbose_name = "forskningslista"
        verbose_name_plural = "forskningslistor"


# "A.", "Å. K.", "B.-M." or "C": what follows a surname's comma in "Efternamn, I.".
INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.[\s-]*)+|[^\W\d_]")


def author_names(authors):
    """The authors in an article's `authors`, one name each: split on semicolons where there
    are any, otherwise on commas, keeping "Andersson, A." together (a part of nothing but
    initials belongs to the surname before it). Not on "och" or "&": an organisation may be
    the author ("Sveriges Kommuner och Landsting")."""
    parts = authors.split(";" if ";" in authors else ",")
    names = []
    for part in (part.strip(" ,") for part in parts):
        if not part:
            continue
        if names and INITIALS.fullmatch(part) and "," not in names[-1]:
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


class ResearchArticlePage(ContentPage):
    listing_type = "forskning"
    listing_heading = _("Forskning")
    base_form_class = ResearchArticleForm
    PUBLICATION_TYPES = PUBLICATION_TYPES
    STUDY_DESIGNS = STUDY_DESIGNS
    # What card_facts() reads, so related-content cards get it in their one query.
    card_fields = ("publication_type", "year")
    # The year filter finds a report under the year it came out, as its card says, and the
    # listing can be sorted by it. The page's own date is when its summary was published here.
    listing_year_field = "year"
    listing_sorts = (Sort("utgiven", _("Nyast utgivna först"), "year", descending=True),)
    published_date_label = _("Publicerad i kunskapsbanken")

    authors = models.CharField(
        "författare",
        max_length=300,
        help_text="Skilj flera författare med kommatecken, t.ex. ”Andersson, A., Berg, B.” "
        "eller ”Anna Andersson, Bo Berg”.",
    )
    year = models.PositiveSmallIntegerField(
        "utgivningsår",
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="Året publikationen gavs ut.",
    )
    publisher = models.CharField(
        "utgivare eller tidskrift", max_length=250, help_text="T.ex. Skolverket eller en tidskrift."
    )
    # Blank is allowed in the database so that pages saved before the field existed, and pages
    # made in code, stay valid; the admin form requires a type on every new page.
    publication_type = models.CharField(
        "typ av publikation",
        max_length=40,
        choices=PUBLICATION_TYPES,
        blank=True,
        help_text="Vilken sorts publikation det är. Visas tillsammans med utgivningsåret, "
        "t.ex. ”Utvärdering, 2018”.",
    )
    study_design = models.CharField(
        "studiedesign",
        max_length=40,
        choices=STUDY_DESIGNS,
        blank=True,
        help_text="Hur studien är gjord, om publikationen bygger på en egen studie eller en "
        "översikt. Lämna tomt för t.ex. allmänna råd och utredningar, eller om det är oklart.",
    )
    link = models.URLField(
        "länk",
        blank=True,
        help_text="Adressen till själva publikationen (sidan eller filen), inte till "
        "utgivarens startsida. Lämna tomt om det finns en PDF eller en DOI.",
    )
    doi = models.CharField(
        "DOI",
        max_length=100,
        blank=True,
        validators=[RegexValidator(r"^10\.\d{4,9}/\S+$", "Ange DOI i formen 10.1234/abcd.")],
        help_text="Digital Object Identifier, t.ex. 10.1080/00313831.2015.1066436.",
    )
    key_findings = RichTextField(
        "viktigaste resultat",
        features=["bold", "italic", "ul", "ol", "link", *LANGUAGE_FEATURES],
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
                FieldPanel("publication_type"),
                FieldPanel("study_design"),
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
    # The PDF is null in the API when it is in a private collection.
    api_fields = ContentPage.api_fields + [
        APIField("publication_type"),
        APIField("study_design"),
        APIField("authors"),
        APIField("year"),
        APIField("publisher"),
        APIField("link"),
        APIField("doi"),
        APIField("pdf"),
        APIField("key_findings"),
    ]

    class Meta:
        verbose_name = "forskningsartikel"
        verbose_name_plural = "forskningsartiklar"

    def clean(self):
        super().clean()
        message = publication_link_error(self.link)
        if message:
            raise ValidationError({"link": message})

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @cached_property
    def public_pdf(self):
        """The PDF, unless it is in a private collection (then it is never linked)."""
        if not self.pdf_id:
            return None
        return public_documents([self.pdf_id]).get(self.pdf_id)

    @property
    def publication_url(self):
        """Where "Läs publikationen" leads: the PDF, else the DOI, else the link."""
        if self.public_pdf:
            return self.public_pdf.url
        return self.doi_url or self.link

    @property
    def publication_type_label(self):
        return self.get_publication_type_display() if self.publication_type else MISSING

    @property
    def study_design_label(self):
        """The design, "uppgift saknas" where a design is expected, else "" (not shown)."""
        if self.study_design:
            return self.get_study_design_display()
        return MISSING if self.publication_type in DESIGN_RELEVANT_TYPES else ""

    def card_facts(self):
        return [(gettext("Publikation"), self.publication_year_label)]

    @property
    def publication_year_label(self):
        """Type and year for cards and the page header: "Utvärdering, 2018", or "2018"."""
        if self.publication_type:
            return f"{self.get_publication_type_display()}, {self.year}"
        return str(self.year)
