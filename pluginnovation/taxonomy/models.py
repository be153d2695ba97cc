"""The shared vocabularies that tie research, case studies and methods together."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import get_language

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from pluginnovation.content.dates import EARLIEST
from pluginnovation.content.forms import TransliteratingSlugInput
from pluginnovation.content.rich_text_languages import FEATURES as LANGUAGE_FEATURES
from pluginnovation.taxonomy.counties import CountyCode, county_of
from pluginnovation.taxonomy.forms import TermForm

# Filter links carry the slug and filters read it lowercased: one normal form for both.
SLUG_FORM = RegexValidator(
    r"^[a-z0-9]+(-[a-z0-9]+)*$",
    "Använd bara små bokstäver a–z, siffror och bindestreck mellan orden, t.ex. ”plug-in-2”.",
)


class NameFieldPanel(TitleFieldPanel):
    """The name fills in the slug as the editor types, for a new term only: an existing term's
    slug is in links and saved filters, and must not follow a new spelling of its name."""

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            return self.instance is None or self.instance.pk is None


class Term(index.Indexed, models.Model):
    """A named entry in a closed vocabulary, addressed by its slug in URLs and filters."""

    name = models.CharField(
        "namn", max_length=120, unique=True, help_text="Namnet som visas för besökare."
    )
    slug = models.SlugField(
        "slug",
        max_length=80,
        unique=True,
        allow_unicode=False,
        validators=[SLUG_FORM],
        help_text="Används i webbadresser och filter, t.ex. ”samverkan”. "
        "Endast a–z, siffror och bindestreck.",
    )
    sort_order = models.PositiveSmallIntegerField(
        "sorteringsordning", default=0, help_text="Lägre tal visas först."
    )

    base_form_class = TermForm
    panels = [
        NameFieldPanel("name", placeholder=False, classname=""),
        FieldPanel("slug", widget=TransliteratingSlugInput),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


# The English name right after the Swedish one, typed with an English spelling checker.
ENGLISH_NAME_PANEL = FieldPanel("name_en", widget=forms.TextInput(attrs={"lang": "en"}))


class EnglishName(models.Model):
    """A term that the English pages name in English: the success factors, target groups,
    levels and types of intervention. Terms are shared by every page in both languages, so a
    term carries its English wording itself (one row per language would split every filter and
    count in two). Proper names (projects, regions, municipalities) and keywords have none."""

    name_en = models.CharField(
        "namn på engelska",
        max_length=120,
        blank=True,
        help_text="Visas på de engelska sidorna. Tomt: det svenska namnet visas.",
    )

    class Meta:
        abstract = True

    def in_language(self, field):
        """The field's English wording on English pages, where an editor has written one."""
        if get_language() == "en":
            return getattr(self, f"{field}_en") or getattr(self, field)
        return getattr(self, field)

    @property
    def local_name(self):
        return self.in_language("name")

    @property
    def name_language(self):
        """ "sv" where local_name is the Swedish name on a page in another language (no English
        name written yet), for its lang attribute; else ""."""
        if get_language() == settings.LANGUAGE_CODE or self.name_en:
            return ""
        return settings.LANGUAGE_CODE


ENGLISH_NAMED_PANELS = [Term.panels[0], ENGLISH_NAME_PANEL, *Term.panels[1:]]


class SuccessFactor(EnglishName, Term):
    definition = models.TextField(
        "kort definition",
        max_length=400,
        help_text="En eller två meningar som förklarar faktorn. "
        "Visas för redaktörer när de väljer faktor.",
    )
    explanation = RichTextField(
        "fördjupning",
        blank=True,
        features=["bold", "italic", "link", "ul", "ol", "h3", *LANGUAGE_FEATURES],
        help_text="Längre förklaring som visas på faktorns egen sida.",
    )

    definition_en = models.TextField(
        "kort definition på engelska",
        max_length=400,
        blank=True,
        help_text="Visas på de engelska sidorna. Tomt: den svenska definitionen visas.",
    )
    explanation_en = RichTextField(
        "fördjupning på engelska",
        blank=True,
        features=["bold", "italic", "link", "ul", "ol", "h3", *LANGUAGE_FEATURES],
        help_text="Visas på faktorns engelska sida.",
    )

    panels = Term.panels + [
        FieldPanel("definition"),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [ENGLISH_NAME_PANEL, FieldPanel("definition_en"), FieldPanel("explanation_en")],
            heading="På engelska",
        ),
    ]

    class Meta(Term.Meta):
        verbose_name = "framgångsfaktor"
        verbose_name_plural = "framgångsfaktorer"

    @property
    def local_definition(self):
        return self.in_language("definition")

    @property
    def local_explanation(self):
        return self.in_language("explanation")


class Region(Term):
    class Meta(Term.Meta):
        verbose_name = "region"
        verbose_name_plural = "regioner"


class Kommungrupp(models.TextChoices):
    """SKR's municipality groups (kommungruppsindelning 2017): nine groups in three main
    groups, by the size of the largest town, the nearness to a larger town and commuting.
    Stored as SKR's codes ("A2"); filters write them in lower case (?kommungrupp=a2)."""

    A1 = "A1", "Storstäder"
    A2 = "A2", "Pendlingskommun nära storstad"
    B3 = "B3", "Större stad"
    B4 = "B4", "Pendlingskommun nära större stad"
    B5 = "B5", "Lågpendlingskommun nära större stad"
    C6 = "C6", "Mindre stad/tätort"
    C7 = "C7", "Pendlingskommun nära mindre stad/tätort"
    C8 = "C8", "Landsbygdskommun"
    C9 = "C9", "Landsbygdskommun med besöksnäring"


class Municipality(Term):
    code = models.CharField(
        "kommunkod",
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", "Kommunkoden består av exakt fyra siffror.")],
        help_text="SCB:s officiella fyrsiffriga kommunkod, t.ex. 1480 för Göteborg.",
    )
    region = models.ForeignKey(
        Region,
        verbose_name="region",
        on_delete=models.PROTECT,
        related_name="municipalities",
        help_text="Regionen kommunen hör till i kunskapsbanken.",
    )
    kommungrupp = models.CharField(
        "kommungrupp (SKR)",
        max_length=2,
        choices=Kommungrupp.choices,
        blank=True,
        help_text="Kommungruppen i SKR:s kommungruppsindelning 2017. Fallstudier från kommuner "
        "i samma grupp visas som liknande. Lämna tomt om du inte vet.",
    )

    panels = Term.panels + [FieldPanel("code"), FieldPanel("region"), FieldPanel("kommungrupp")]

    class Meta:
        ordering = ["name"]
        verbose_name = "kommun"
        verbose_name_plural = "kommuner"

    @property
    def county(self):
        return county_of(self.code)


Municipality._meta.get_field("code").register_lookup(CountyCode)


# A project's years, within what a project on this site can have: "1" or "9999" is a slip.
PROJECT_YEARS = [
    MinValueValidator(EARLIEST.year, f"Året ligger före {EARLIEST.year}. Kontrollera året."),
    MaxValueValidator(2100, "Året ligger efter 2100. Kontrollera året."),
]


class Project(Term):
    start_year = models.PositiveSmallIntegerField(
        "startår", validators=PROJECT_YEARS, help_text="Året projektet startade."
    )
    end_year = models.PositiveSmallIntegerField(
        "slutår",
        null=True,
        blank=True,
        validators=PROJECT_YEARS,
        help_text="Lämna tomt om projektet pågår.",
    )
    owner = models.CharField("projektägare", max_length=200, help_text="T.ex. SKL eller GR.")
    funding = models.CharField(
        "finansiering", max_length=300, blank=True, help_text="T.ex. Europeiska socialfonden."
    )
    description = models.TextField(
        "kort beskrivning", blank=True, help_text="Två eller tre meningar om projektets mål."
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name="regioner",
        related_name="projects",
        blank=True,
        help_text="Regioner som deltog i projektet.",
    )

    panels = Term.panels + [
        FieldPanel("start_year"),
        FieldPanel("end_year"),
        FieldPanel("owner"),
        FieldPanel("funding"),
        FieldPanel("description"),
        FieldPanel("regions"),
    ]

    class Meta:
        ordering = ["start_year", "name"]
        verbose_name = "projekt"
        verbose_name_plural = "projekt"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": "Slutåret kan inte ligga före startåret. Kontrollera båda åren."}
            )

    @property
    def period(self):
        return f"{self.start_year}–{self.end_year}" if self.end_year else f"från {self.start_year}"


class TargetGroup(EnglishName, Term):
    panels = ENGLISH_NAMED_PANELS

    class Meta(Term.Meta):
        verbose_name = "målgrupp"
        verbose_name_plural = "målgrupper"


class Level(EnglishName, Term):
    panels = ENGLISH_NAMED_PANELS

    class Meta(Term.Meta):
        verbose_name = "nivå"
        verbose_name_plural = "nivåer"


class InterventionType(EnglishName, Term):
    panels = ENGLISH_NAMED_PANELS

    class Meta(Term.Meta):
        verbose_name = "insatstyp"
        verbose_name_plural = "insatstyper"
