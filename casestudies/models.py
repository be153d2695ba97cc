from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from casestudies.figures import PERCENT_UNITS, check_plausible
from pluginnovation.content.forms import ContentPageForm
from pluginnovation.content.listing_options import FieldFilter, FilterOption
from pluginnovation.content.models import (
    INDEX_TEMPLATE,
    ContentIndexPage,
    ContentPage,
    content_edit_handler,
)
from pluginnovation.content.numbers import FigureField
from pluginnovation.content.rich_text_languages import FEATURES as LANGUAGE_FEATURES
from pluginnovation.taxonomy.counties import COUNTIES
from pluginnovation.taxonomy.models import Kommungrupp

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol", "h3", *LANGUAGE_FEATURES]
# The most students a result may count (CaseStudyResult.students).
MAX_STUDENTS = 1_000_000


class CaseStudyIndexPage(ContentIndexPage):
    """Fallstudier: lists every case study in every region section below it."""

    template = INDEX_TEMPLATE
    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.RegionSectionPage"]

    class Meta:
        verbose_name = "fallstudielista"
        verbose_name_plural = "fallstudielistor"


class RegionSectionPage(ContentIndexPage):
    """One region's case studies. Regional editors get page permissions on this subtree."""

    region = models.OneToOneField(
        "taxonomy.Region",
        verbose_name="region",
        on_delete=models.PROTECT,
        related_name="section",
        help_text="Fallstudierna under den här sidan hör till regionen.",
    )

    content_panels = ContentIndexPage.content_panels + [FieldPanel("region")]
    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count_per_parent = None

    class Meta:
        verbose_name = "regionsida för fallstudier"
        verbose_name_plural = "regionsidor för fallstudier"

    def route(self, request, path_components):
        """A case study below is read in one query, as a case study with its municipality
        (which its page shows), where Wagtail reads a child as a Page and then again as its
        own class. Anything else falls back to Wagtail's routing."""
        if len(path_components) == 1:
            page = (
                CaseStudyPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("municipality")
                .first()
            )
            if page is not None:
                page._cached_parent_obj = self
                return page.route(request, [])
        return super().route(request, path_components)


class CaseStudyForm(ContentPageForm):
    """Offers only the municipalities of the region the case study is filed under."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.section_region = section_region(self.parent_page)
        field = self.fields.get("municipality")
        if field is not None and self.section_region is not None:
            field.queryset = field.queryset.filter(region=self.section_region)
            moved_from = self.instance.municipality if self.instance.municipality_id else None
            if moved_from and moved_from.region_id != self.section_region.pk:
                # The page was moved to another region's section: say why the choice is empty.
                message = (
                    f"Fallstudien har flyttats till {self.section_region}, men kommunen är "
                    f"fortfarande {moved_from}. Välj en kommun i {self.section_region}."
                )
                field.help_text = message
                field.error_messages["required"] = message

        results = self.formsets.get("results")
        for form in results.forms if results is not None else []:
            for name, message in REQUIRED_MESSAGES.items():
                if name in form.fields:
                    form.fields[name].error_messages["required"] = message

    def clean_municipality(self):
        municipality = self.cleaned_data.get("municipality")
        if municipality and self.section_region and municipality.region != self.section_region:
            raise ValidationError(
                f"Kommunen ligger inte i {self.section_region}. Välj en kommun i regionen "
                "eller flytta fallstudien till rätt region."
            )
        return municipality


def municipality_left_behind(page, destination, done="flytten"):
    """What to tell an editor moving (or copying: `done`) `page` under `destination`, when it
    is a case study whose municipality lies outside the destination's region; None otherwise.
    The move may be right (the page was filed in the wrong region), but until a municipality of
    the new region is chosen and published, the live page names the old one."""
    municipality = getattr(page, "municipality", None)
    region = section_region(destination)
    if municipality is None or region is None or municipality.region_id == region.pk:
        return None
    return (
        f"{municipality} ligger i {municipality.region}, inte i {region}. Öppna fallstudien "
        f"efter {done} och välj en kommun i {region}: fram till nästa publicering visar den "
        f"publicerade sidan {region} och {municipality}."
    )


def section_region(parent_page):
    if parent_page is None:
        return None
    parent = parent_page.specific
    return getattr(parent, "region", None)


class SchoolForm(models.TextChoices):
    """The school form or programme a case study's work was done in."""

    COMPULSORY = "grundskola", "Grundskola"
    NATIONAL = "gymnasieskola-nationellt", "Gymnasieskola – nationellt program"
    INTRODUCTION = "gymnasieskola-introduktion", "Gymnasieskola – introduktionsprogram"
    KAA = "kaa", "Kommunala aktivitetsansvaret (KAA)"
    ADULT = "vuxenutbildning", "Vuxenutbildning"


class CaseStudyPage(ContentPage):
    listing_type = "fallstudie"
    listing_heading = _("Fallstudier")

    # Empty only in a draft: Wagtail leaves required fields for later when a draft is saved,
    # and a new page's draft is a row of its own (ContentPage.missing_for_publishing).
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name="kommun",
        null=True,
        on_delete=models.PROTECT,
        related_name="case_studies",
        help_text="Kommunen där arbetet gjordes. Bara kommuner i regionen visas.",
    )
    organisation = models.CharField(
        "skola eller verksamhet",
        max_length=200,
        help_text="T.ex. ”Lerums gymnasium” eller ”Porten, Partille kommun”.",
    )
    period = models.CharField(
        "period", max_length=60, help_text="När arbetet pågick, t.ex. ”2016–2018”."
    )
    school_form = models.CharField(
        "skolform",
        max_length=30,
        choices=SchoolForm.choices,
        blank=True,
        help_text="Skolformen eller programmet där arbetet gjordes. Fallstudier med samma "
        "skolform visas som liknande. Välj den som passar bäst.",
    )
    what_was_done = RichTextField(
        "vad som gjordes", features=TEXT_FEATURES, help_text="Insatsen: vad, för vem och hur."
    )
    lessons_learned = RichTextField(
        "lärdomar",
        features=TEXT_FEATURES,
        help_text="Vad andra skolor och kommuner kan ta med sig: vad fungerade och vad inte.",
    )
    contact_name = models.CharField(
        "kontaktperson",
        max_length=120,
        blank=True,
        help_text="Den som kan svara på frågor om arbetet. Fråga personen innan du publicerar.",
    )
    contact_role = models.CharField(
        "kontaktpersonens roll",
        max_length=120,
        blank=True,
        help_text="T.ex. ”rektor” eller ”studie- och yrkesvägledare”.",
    )
    contact_email = models.EmailField(
        "e-post till kontaktperson", blank=True, help_text="Gärna en funktionsadress."
    )

    base_form_class = CaseStudyForm
    parent_page_types = ["casestudies.RegionSectionPage"]
    subpage_types = []

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("municipality", widget=forms.Select),
                FieldPanel("organisation"),
                FieldPanel("school_form"),
                FieldPanel("period"),
            ],
            heading="Var och när",
        ),
        FieldPanel("what_was_done"),
        InlinePanel(
            "results",
            heading="Resultat",
            label="Resultat",
            help_text="Mätbara resultat före och efter insatsen, och siffror som beskriver själva "
            "insatsen (välj slaget för varje rad). Ange alltid källa.",
        ),
        FieldPanel("lessons_learned"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading="Kontakt",
        ),
    ]
    edit_handler = content_edit_handler(content_panels, with_place=False)
    search_fields = ContentPage.search_fields + [
        index.SearchField("organisation", boost=2),
        index.SearchField("what_was_done"),
        index.SearchField("lessons_learned"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]
    # The contact person's name and e-mail address stay on the page: an API invites copying
    # in bulk, and the person agreed to be named on this site.
    api_fields = ContentPage.api_fields + [
        APIField("municipality"),
        APIField("organisation"),
        APIField("school_form"),
        APIField("period"),
        APIField("what_was_done"),
        APIField("results"),
        APIField("lessons_learned"),
    ]

    listing_filters = (
        FieldFilter(
            "kommungrupp",
            _("Kommungrupp (SKR)"),
            "municipality__kommungrupp",
            tuple(
                FilterOption(
                    group.value.lower(),
                    format_lazy("{} {}", group.value, _(group.label)),
                    (group.value,),
                )
                for group in Kommungrupp
            ),
        ),
        # A municipality's county follows from its kommunkod (taxonomy.counties); the map at
        # /karta/ links each county here.
        FieldFilter(
            "lan",
            _("Län"),
            "municipality__code__lan",
            tuple(FilterOption(c.slug, c.name, (c.code,)) for c in COUNTIES),
            swedish_names=True,
        ),
        FieldFilter(
            "skolform",
            _("Skolform"),
            "school_form",
            tuple(FilterOption(form.value, _(form.label), (form.value,)) for form in SchoolForm),
        ),
    )

    class Meta:
        verbose_name = "fallstudie"
        verbose_name_plural = "fallstudier"

    def outcomes(self):
        """The results in their order: what happened for the students."""
        return [result for result in self.results.all() if result.is_outcome]

    def work_figures(self):
        """The figures that describe the work itself (schools, weeks, participants)."""
        return [result for result in self.results.all() if not result.is_outcome]

    def keep_with_route(self):
        super().keep_with_route()
        # The table of results, read on every request of the page otherwise.
        prefetch_related_objects([self], "results")

    def save(self, *args, **kwargs):
        # The region is the section's, never typed in, so filters and permissions agree.
        # Saving covers creating, copying and publishing any revision; moves do not save the
        # page and are handled in signals.py.
        parent = self.get_parent() if self.path else None
        region = section_region(parent)
        if region is not None:
            self.regions = [region]
        if self.municipality_id:
            self.municipalities = [self.municipality]
        return super().save(*args, **kwargs)


class Indicator(models.TextChoices):
    ATTENDANCE = "narvaro", "Närvaro"
    DROPOUT = "avbrott", "Studieavbrott"
    ELIGIBILITY = "behorighet", "Behörighet"
    GRADES = "betyg", "Betyg"
    REACHED = "nadda-kaa", "Nådda i KAA"
    RETURNED = "atergang", "Återgång till studier eller arbete"
    OTHER = "annat", "Annat"


class Better(models.TextChoices):
    """Which way a figure should move. Most indicators say it themselves; "annat", or a figure
    counted the other way round (those *not yet* reached), needs the editor to say it."""

    BY_INDICATOR = "", "Enligt indikatorn"
    HIGHER = "hogre", "Högre värde är bättre"
    LOWER = "lagre", "Lägre värde är bättre"


# +1: more is better, -1: less is better. "Annat" has no direction of its own.
DESIRED_DIRECTION = {
    Indicator.ATTENDANCE: 1,
    Indicator.DROPOUT: -1,
    Indicator.ELIGIBILITY: 1,
    Indicator.GRADES: 1,
    Indicator.REACHED: 1,
    Indicator.RETURNED: 1,
}


class Direction(models.TextChoices):
    """How a result moved, judged against the desired direction, in words (never colour alone)."""

    IMPROVED = "forbattring", "Förbättring"
    WORSENED = "forsamring", "Försämring"
    UNCHANGED = "oforandrat", "Oförändrat"
    UNKNOWN = "okand", "Riktning okänd"
    # A figure about the work itself (ResultKind.DESCRIPTION) is no result and is not judged.
    NOT_JUDGED = "ingen", "Ingen bedömning: beskriver insatsen"


class ResultKind(models.TextChoices):
    """A result says what happened for the students; a description gives a figure about the
    work itself (how many schools, weeks or participants), which is not counted as a result."""

    OUTCOME = "resultat", "Resultat: vad som hände för eleverna"
    DESCRIPTION = "beskrivning", "Beskrivning av insatsen, t.ex. antal skolor eller veckor"


# Messages for the fields an editor most often leaves empty, saying what to write instead.
REQUIRED_MESSAGES = {
    "value_after": "Ange värdet efter insatsen. Ett resultat utan mätvärde kan inte visas.",
    "unit": "Ange enheten, t.ex. ”%” eller ”elever”. Före- och eftervärdet har samma enhet.",
    "source": "Ange källan: var siffran kommer ifrån, t.ex. en lägesrapport eller slutrapport.",
    "description": "Beskriv vad som mättes, t.ex. ”Närvaro på introduktionsprogrammet”.",
    "period": "Ange när det mättes, t.ex. ”ht 2013–vt 2015”.",
}


class CaseStudyResult(Orderable):
    """One measured result: the fixed questions PlugInnovation's progress reports answered."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(
        "slag av siffra",
        max_length=12,
        choices=ResultKind.choices,
        default=ResultKind.OUTCOME,
        help_text="Ett resultat visar vad som hände för eleverna, helst med ett värde före och "
        "efter. En beskrivning är en siffra om själva insatsen, t.ex. antal skolor, veckor eller "
        "deltagare: den visas för sig och räknas inte bland resultaten.",
    )
    indicator = models.CharField(
        "indikator",
        max_length=20,
        choices=Indicator.choices,
        help_text="KAA = kommunernas aktivitetsansvar för unga utanför skolan.",
    )
    description = models.CharField(
        "vad som mättes",
        max_length=200,
        help_text="T.ex. ”Närvaro på introduktionsprogrammet”.",
    )
    value_before = FigureField(
        "värde före",
        max_digits=9,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Värdet innan insatsen började. Lämna tomt om det inte mättes.",
    )
    value_after = FigureField(
        "värde efter",
        max_digits=9,
        decimal_places=1,
        help_text="Värdet efter insatsen, med punkt eller komma som decimaltecken.",
    )
    unit = models.CharField(
        "enhet",
        max_length=30,
        help_text="T.ex. ”%” eller ”elever”. Gäller både före- och eftervärdet: mät dem på "
        "samma sätt.",
    )
    better = models.CharField(
        "önskad riktning",
        max_length=10,
        choices=Better.choices,
        blank=True,
        default=Better.BY_INDICATOR,
        help_text="Om ett högre eller lägre värde är bättre. Behövs för indikatorn ”Annat” och "
        "när siffran räknar det som ska minska, t.ex. unga som ännu inte nåtts.",
    )
    students = models.PositiveIntegerField(
        "antal elever",
        null=True,
        blank=True,
        # Far above any school or region (Sweden has about 370,000 upper secondary students),
        # and in words: the database's own limit read "… lika med 9223372036854775807".
        validators=[
            MaxValueValidator(
                MAX_STUDENTS, "Antalet elever kan inte vara fler än en miljon. Kontrollera siffran."
            )
        ],
        help_text="Hur många elever eller unga resultatet gäller. Lämna tomt om det inte är känt.",
    )
    period = models.CharField("mätperiod", max_length=60, help_text="T.ex. ”ht 2013–vt 2015”.")
    source = models.CharField(
        "källa", max_length=250, help_text="Var siffran kommer ifrån, t.ex. en lägesrapport."
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("indicator"),
        FieldPanel("description"),
        FieldPanel("value_before"),
        FieldPanel("value_after"),
        FieldPanel("unit"),
        FieldPanel("better"),
        FieldPanel("students"),
        FieldPanel("period"),
        FieldPanel("source"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("indicator"),
        APIField("description"),
        APIField("value_before"),
        APIField("value_after"),
        APIField("unit"),
        APIField("better"),
        APIField("direction"),
        APIField("students"),
        APIField("period"),
        APIField("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "resultat"
        verbose_name_plural = "resultat"

    def clean(self):
        super().clean()
        if self.kind == ResultKind.DESCRIPTION:
            described = {
                "value_before": "En beskrivning av insatsen har bara ett värde. Töm ”värde "
                "före”, eller välj slaget ”Resultat” om siffran visar en förändring.",
                "better": "En beskrivning av insatsen bedöms inte. Välj ”Enligt indikatorn” "
                "här, eller slaget ”Resultat” om det är ett resultat.",
            }
            wrong = {
                field: message
                for field, message in described.items()
                if getattr(self, field) not in (None, "")
            }
            if wrong:
                raise ValidationError(wrong)
        errors = {
            **check_plausible(self.value_before, self.unit or "", "value_before"),
            **check_plausible(self.value_after, self.unit or "", "value_after"),
        }
        if errors:
            raise ValidationError(errors)

    @property
    def change(self):
        """After minus before; none for a figure about the work, which is not a result."""
        if not self.is_outcome or self.value_before is None or self.value_after is None:
            return None
        return self.value_after - self.value_before

    @property
    def change_unit(self):
        """The unit of the change: the difference of two percentages is percentage points (in
        the language shown: the site's word, not the editor's), else the editor's unit."""
        if self.unit.strip().lower() in PERCENT_UNITS:
            return gettext("procentenheter")
        return self.unit

    @property
    def desired(self):
        """+1 if a higher value is better, -1 if a lower one is, 0 if nobody said."""
        if self.better == Better.HIGHER:
            return 1
        if self.better == Better.LOWER:
            return -1
        return DESIRED_DIRECTION.get(self.indicator, 0)

    @property
    def is_outcome(self):
        return self.kind != ResultKind.DESCRIPTION

    @property
    def direction(self):
        if not self.is_outcome:
            return Direction.NOT_JUDGED
        change = self.change
        if change is None or not self.desired:
            return Direction.UNKNOWN
        if change == 0:
            return Direction.UNCHANGED
        return Direction.IMPROVED if change * self.desired > 0 else Direction.WORSENED

    @property
    def direction_label(self):
        return Direction(self.direction).label

    @property
    def unknown_reason(self):
        """Why the direction is unknown, for the visitor; empty when it is known."""
        if not self.is_outcome:
            return ""
        if self.value_before is None:
            return "inget värde före insatsen"
        if not self.desired:
            return "det är inte angivet om ett högre eller lägre värde är bättre"
        return ""
