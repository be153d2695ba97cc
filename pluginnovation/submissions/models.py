"""A practice a school has told us about ("Tipsa om ett arbetssätt"), waiting for an editor."""

import unicodedata

from django.db import models

# The one statement of how long a tip and its contact details are kept: the form says it, the
# nightly `remove_old_submissions` enforces it.
RETENTION_DAYS = 365
RETENTION_TEXT = "12 månader"

TITLE_MAX = 200
SCHOOL_MAX = 200
TEXT_MAX = 5000
NAME_MAX = 120
MUNICIPALITY_OTHER_MAX = 80


def one_line(value):
    """Text for a single line: control characters (CR, LF, tab, escape, bell…) removed or made
    spaces, and runs of whitespace made one space."""
    spaced = "".join(
        " " if char.isspace() else char
        for char in value
        if char.isspace() or unicodedata.category(char) != "Cc"
    )
    return " ".join(spaced.split())


class Status(models.TextChoices):
    NEW = "ny", "Ny"
    IN_REVIEW = "granskas", "Granskas"
    PUBLISHED = "publicerad", "Publicerad som fallstudie"
    DECLINED = "avbojd", "Avböjd"


class Submission(models.Model):
    title = models.CharField("rubrik", max_length=TITLE_MAX)
    school = models.CharField("skola eller verksamhet", max_length=SCHOOL_MAX)
    # SET_NULL: a tip must not stop an editor from merging or removing a municipality.
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name="kommun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
        help_text="Kommunen i listan. Skrev avsändaren en kommun som inte finns där, välj den "
        "här innan tipset görs till fallstudie.",
    )
    municipality_other = models.CharField(
        "kommun (om den inte finns i listan)",
        max_length=MUNICIPALITY_OTHER_MAX,
        blank=True,
        help_text="Kommunen som avsändaren skrev själv, när den inte fanns i listan.",
    )
    factors = models.ManyToManyField(
        "taxonomy.SuccessFactor", verbose_name="framgångsfaktorer", related_name="submissions"
    )
    what_was_done = models.TextField("vad skolan gjorde", max_length=TEXT_MAX)
    results = models.TextField("resultat", max_length=TEXT_MAX, blank=True)
    contact_name = models.CharField("kontaktperson", max_length=NAME_MAX, blank=True)
    contact_email = models.EmailField("e-post")
    consent = models.BooleanField(
        "samtycke till kontakt",
        default=False,
        help_text="Avsändaren har sagt ja till att redaktionen kontaktar hen om tipset.",
    )
    show_contact = models.BooleanField(
        "får visas som kontakt",
        default=False,
        help_text="Avsändaren har sagt ja till att namn och e-post visas som kontakt på en "
        "publicerad fallstudie.",
    )
    status = models.CharField(
        "status",
        max_length=12,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
        help_text="Ny: ingen har tittat på tipset. Granskas: en redaktör arbetar med det (ett "
        "utkast till fallstudie finns). Publicerad som fallstudie sätts när fallstudien "
        "publiceras. Avböjd: tipset blir ingen fallstudie.",
    )
    created = models.DateTimeField("inskickat", auto_now_add=True, db_index=True)
    updated = models.DateTimeField("ändrat", auto_now=True)
    case_study = models.OneToOneField(
        "casestudies.CaseStudyPage",
        verbose_name="fallstudie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submission",
    )

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = "tips från skola"
        verbose_name_plural = "tips från skolor"

    def __str__(self):
        return self.title

    def clean(self):
        # One line each: they become a page title, admin columns and part of the editors' mail.
        self.title = one_line(self.title or "")
        self.school = one_line(self.school or "")
        self.contact_name = one_line(self.contact_name or "")
        self.municipality_other = one_line(self.municipality_other or "")
