"""Reading what the team sends: answers on a step, the plan's rows, the narrowing, method ids.

Everything from a request is treated as untrusted: only the fields this page asked for are
read, numbers must be plain ASCII digits, and every text has a maximum length.
"""

import datetime
import re

from django import forms
from django.utils import timezone

from pluginnovation.assessment.models import PlanItem, Scale
from pluginnovation.content.numbers import typed_int

ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# A plan is for the coming years, not for any date at all.
EARLIEST_YEAR = 2000
LATEST_YEAR = 2100

ANSWER_MISSING = "Välj ett svar för påståendet."
ANSWER_INVALID = "Välj ett av svarsalternativen."


def answer_field(statement):
    return f"svar-{statement.pk}"


def read_answers(data, statements):
    """({statement id: value} for the valid answers, {statement id: error}) for one step.

    Fields of other statements, unknown ids and odd values are ignored or reported; nothing
    raises."""
    values, errors = {}, {}
    allowed = set(Scale.values)
    for statement in statements:
        raw = data.get(answer_field(statement))
        if raw is None or raw == "":
            errors[statement.pk] = ANSWER_MISSING
            continue
        value = typed_int(raw)
        if value is None or value not in allowed:
            errors[statement.pk] = ANSWER_INVALID
            continue
        values[statement.pk] = value
    return values, errors


class FarOff(ValueError):
    """A date written right, in a year outside EARLIEST_YEAR–LATEST_YEAR."""


class NoSuchDate(ValueError):
    """Written as YYYY-MM-DD, but no such day (2027-02-31)."""


def parse_date(raw):
    """A YYYY-MM-DD date (what <input type="date"> sends); ValueError for another form,
    NoSuchDate for a day the calendar does not have, FarOff for a year out of range."""
    match = ISO_DATE.fullmatch(raw.strip())
    if not match:
        raise ValueError
    year, month, day = (int(part) for part in match.groups())
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise FarOff
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise NoSuchDate from None


class PlanItemForm(forms.Form):
    """One row of the plan. The fields are named as on the page: rad-<id>-forsta_steg etc."""

    forsta_steg = forms.CharField(
        label="Första steg",
        required=False,
        max_length=PlanItem._meta.get_field("first_step").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    ansvarig = forms.CharField(
        label="Ansvarig (en roll, t.ex. mentor eller rektor)",
        required=False,
        max_length=PlanItem._meta.get_field("responsible").max_length,
    )
    datum = forms.CharField(label="Klart senast", required=False, max_length=40)
    uppfoljning = forms.CharField(
        label="Så följer vi upp",
        required=False,
        max_length=PlanItem._meta.get_field("follow_up").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, item, **kwargs):
        self.item = item
        kwargs.setdefault("prefix", f"rad-{item.pk}")
        if not args and "data" not in kwargs:
            kwargs["initial"] = {
                "forsta_steg": item.first_step,
                "ansvarig": item.responsible,
                "datum": item.due_date.isoformat() if item.due_date else "",
                "uppfoljning": item.follow_up,
            }
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["max_length"] = (
                "Skriv högst %(limit_value)d tecken (nu %(show_value)d)."
            )
            field.error_messages["null_characters_not_allowed"] = (
                "Texten innehåller otillåtna tecken."
            )

    def clean_datum(self):
        raw = self.cleaned_data["datum"].strip()
        if not raw:
            return None
        try:
            return parse_date(raw)
        except NoSuchDate:
            raise forms.ValidationError(
                f"Datumet {raw} finns inte. Kontrollera månaden och dagen."
            ) from None
        except FarOff:
            raise forms.ValidationError(
                f"Datumet {raw} går inte att välja. Välj ett datum mellan år "
                f"{EARLIEST_YEAR} och {LATEST_YEAR}."
            ) from None
        except ValueError:
            raise forms.ValidationError(
                "Skriv datumet som år-månad-dag, t.ex. 2027-03-15."
            ) from None

    @property
    def first_field_id(self):
        """The id of the row's first field on the page (plan.html names each field's id after
        its name), e.g. rad-12-forsta_steg."""
        return self.add_prefix("forsta_steg")

    def sets_a_past_date(self):
        """Whether this row is given a new date that has already been (a slip of the keyboard,
        more often than not). Asked before apply()."""
        new = self.cleaned_data.get("datum")
        return bool(new) and new != self.item.due_date and new < timezone.localdate()

    def apply(self):
        """Copy the cleaned values onto the item (not saved)."""
        data = self.cleaned_data
        self.item.first_step = data["forsta_steg"].strip()
        self.item.responsible = data["ansvarig"].strip()
        self.item.due_date = data["datum"]
        self.item.follow_up = data["uppfoljning"].strip()
        return self.item

    def is_sent(self, data):
        """Whether the request carries this row's fields at all (the result page's
        "add to plan" form does not)."""
        return any(self.add_prefix(name) in data for name in self.fields)
