"""The self-assessment: statements editors maintain, a team's answers and its action plan.

An assessment belongs to nobody: it is reached only through its two random tokens, one that
lets anyone read it and one that lets them change it. It holds no personal data (roles, not
names, are asked for) and is removed RETENTION_DAYS after its last change
(`manage.py remove_old_assessments`).
"""

import datetime
import re
import secrets

from django import forms
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel

# How long an assessment is kept after its last change; the start page says so.
RETENTION_DAYS = 365
RETENTION_TEXT = "12 månader"
# secrets.token_urlsafe(24): 32 characters of A–Z, a–z, 0–9, "-" and "_".
TOKEN_BYTES = 24
TOKEN_FORM = re.compile(r"[A-Za-z0-9_-]{32}")
# At most this many methods in one plan.
MAX_PLAN_ITEMS = 20


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(value):
    return isinstance(value, str) and TOKEN_FORM.fullmatch(value) is not None


class Scale(models.IntegerChoices):
    """The four steps of the answer scale, and "don't know", which is not counted."""

    DONT_KNOW = 0, "Vet inte"
    NOT_AT_ALL = 1, "Stämmer inte alls"
    PARTLY = 2, "Stämmer delvis"
    LARGELY = 3, "Stämmer till stor del"
    FULLY = 4, "Stämmer helt"


class Statement(models.Model):
    """One statement about a school's practice, answered on the scale."""

    text = models.CharField(
        "påstående",
        max_length=300,
        help_text="En konkret mening om skolans arbete, skriven som ”vi”, t.ex. ”Vi ser varje "
        "elevs frånvaro varje vecka”. Den ska gå att svara på från ”Stämmer inte alls” till "
        "”Stämmer helt”.",
    )
    factor = models.ForeignKey(
        "taxonomy.SuccessFactor",
        verbose_name="framgångsfaktor",
        on_delete=models.PROTECT,
        related_name="assessment_statements",
        help_text="Faktorn påståendet hör till. Varje faktor är ett steg i självskattningen.",
    )
    levels = models.ManyToManyField(
        "taxonomy.Level",
        verbose_name="nivå",
        related_name="assessment_statements",
        blank=True,
        help_text="Frivilligt. När skolan svarar lågt föreslås metoder på samma nivå först, "
        "bland metoder med lika stark evidens.",
    )
    target_groups = models.ManyToManyField(
        "taxonomy.TargetGroup",
        verbose_name="målgrupper",
        related_name="assessment_statements",
        blank=True,
        help_text="Frivilligt. När skolan svarar lågt föreslås metoder för samma målgrupper "
        "först, bland metoder med lika stark evidens.",
    )
    live = models.BooleanField(
        "visas",
        default=True,
        help_text="Avmarkera för att ta bort påståendet ur självskattningen utan att radera det.",
    )
    sort_order = models.PositiveIntegerField("ordning", default=0, editable=False, db_index=True)

    sort_order_field = "sort_order"

    panels = [
        FieldPanel("text"),
        FieldPanel("factor", widget=forms.Select),
        FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("live"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "påstående"
        verbose_name_plural = "påståenden"

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        # A new statement goes last; editors move it in the list (drag and drop).
        if self._state.adding and not self.sort_order:
            last = Statement.objects.aggregate(last=models.Max("sort_order"))["last"]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)


class AssessmentQuerySet(models.QuerySet):
    def expired(self, now=None):
        cutoff = (now or timezone.now()) - datetime.timedelta(days=RETENTION_DAYS)
        return self.filter(updated_at__lt=cutoff)

    def current(self, now=None):
        cutoff = (now or timezone.now()) - datetime.timedelta(days=RETENTION_DAYS)
        return self.filter(updated_at__gte=cutoff)


class Assessment(models.Model):
    """One team's self-assessment and plan, reachable only through its tokens."""

    read_token = models.CharField(max_length=43, unique=True, default=new_token, editable=False)
    edit_token = models.CharField(max_length=43, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    # The team's own narrowing of the recommendations.
    level = models.ForeignKey(
        "taxonomy.Level", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_group = models.ForeignKey(
        "taxonomy.TargetGroup", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = "självskattning"
        verbose_name_plural = "självskattningar"

    def __str__(self):
        return f"Självskattning {self.created_at:%Y-%m-%d}"

    def touch(self):
        """Mark a change: the retention period counts from the last one."""
        self.updated_at = timezone.now()
        Assessment.objects.filter(pk=self.pk).update(updated_at=self.updated_at)

    @property
    def removal_date(self):
        # The Swedish date, as "Senast ändrad" shows it: .date() of the stored UTC time would
        # give the day before for a change made just after midnight.
        return timezone.localdate(self.updated_at + datetime.timedelta(days=RETENTION_DAYS))


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="answers")
    value = models.PositiveSmallIntegerField(choices=Scale.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "statement"], name="assessment_one_answer_per_statement"
            )
        ]

    def __str__(self):
        return f"{self.statement_id}: {self.get_value_display()}"


class PlanItem(models.Model):
    """One method the team will try: the first step, who is responsible, when, and the
    follow-up."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="plan_items")
    method = models.ForeignKey("methods.MethodPage", on_delete=models.CASCADE, related_name="+")
    first_step = models.TextField("första steg", max_length=1000, blank=True)
    responsible = models.CharField("ansvarig", max_length=120, blank=True)
    due_date = models.DateField("datum", null=True, blank=True)
    follow_up = models.TextField("uppföljning", max_length=1000, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "method"], name="assessment_one_plan_item_per_method"
            )
        ]

    def __str__(self):
        return f"Plan: metod {self.method_id}"
