"""Numbers: figures as the reader's language writes them, the same on the web, in print and in
PDFs; whole numbers as visitors and links type them; and decimals as editors type them, with a
comma or a point.

Case-study results and method costs are stored to one decimal; a whole number is written
without it. Swedish groups thousands with a no-break space, so "1 180" never breaks in a
narrow table cell.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import floatformat


def number(value):
    """84.5 → "84,5", 2.0 → "2", 1180 → "1 180" (in English "84.5", "2", "1,180")."""
    return floatformat(value, "-1g")


def signed(change):
    """A change with its sign: "+8,4", "−95", "±0", or "" when there is none."""
    if change is None:
        return ""
    sign = "+" if change > 0 else "\u2212" if change < 0 else "±"
    return f"{sign}{number(abs(change))}"


def typed_int(raw, max_digits=9):
    """A whole number from a request or a command line: 1–`max_digits` ASCII digits, with
    white space around them allowed, as an int; None for anything else, "" and None included.

    Only ASCII digits: str.isdigit() and int() also take "²", "①" or Arabic-Indic digits,
    which no link or form of ours sends. The bound keeps a number within what every database
    compares (18 digits fit a bigint)."""
    if not isinstance(raw, str):
        return None
    raw = raw.strip()
    if 0 < len(raw) <= max_digits and raw.isascii() and raw.isdigit():
        return int(raw)
    return None


def file_size(num_bytes):
    """A file's size for its download link: "820 byte", "12 kB", "1,4 MB"; "" when unknown."""
    if num_bytes is None:
        return ""
    if num_bytes < 1024:
        return f"{num_bytes} byte"
    if num_bytes < 1024 * 1024:
        return f"{round(num_bytes / 1024)} kB"
    return f"{number(round(num_bytes / (1024 * 1024), 1))} MB"


# Digits (ASCII only: "²".isdigit() is true), then at most one decimal comma or point. A
# thousands separator is refused rather than guessed at: "1.234" could be either. A space may
# group thousands ("1 180"), as Swedish writes them, and nowhere else: "2 5" is a slip for 2,5.
NUMBER = re.compile(r"-?[0-9]+([.,][0-9]+)?")
GROUPED = re.compile(r"-?[0-9]{1,3}([ \xa0][0-9]{3})+([.,][0-9]+)?")


class FigureFormField(forms.DecimalField):
    """A text field (not type=number, which some browsers empty when given a comma) that
    reads a decimal comma or point."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip().replace("\u2212", "-")
        if not text:
            return None
        if GROUPED.fullmatch(text):
            text = text.replace(" ", "").replace("\xa0", "")
        if not NUMBER.fullmatch(text):
            raise ValidationError(
                "Ange ett tal med siffror och högst ett decimaltecken, komma eller punkt (t.ex. "
                "12,5). Mellanrum går bara mellan tusental, som i 1 180.",
                code="invalid",
            )
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation as error:  # pragma: no cover - NUMBER admits only numbers
            raise ValidationError("Ange ett tal.", code="invalid") from error

    def prepare_value(self, value):
        """Shown back to the editor as typed in Swedish: 84,5 (not 84.5), 22 (not 22.0)."""
        if isinstance(value, Decimal):
            text = format(value.normalize(), "f") if value == value.to_integral() else str(value)
            return text.replace(".", ",")
        return value

    def widget_attrs(self, widget):
        # DecimalField would add min/max/step for a number input; a text input needs none.
        return {}


class FigureField(models.DecimalField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": FigureFormField, **kwargs})
