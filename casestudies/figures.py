"""Result figures as editors type them: "84,5" or "84.5", never a silently wrong number."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

# Digits (ASCII only: "²".isdigit() is true), then at most one decimal comma or point. A
# thousands separator is refused rather than guessed at: "1.234" could be either.
NUMBER = re.compile(r"-?[0-9]+([.,][0-9]+)?")
PERCENT_UNITS = {"%", "procent", "procentenheter"}


class FigureFormField(forms.DecimalField):
    """A text field (not type=number, which some browsers empty when given a comma) that
    reads a decimal comma or point."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip().replace("\u2212", "-").replace(" ", "").replace("\xa0", "")
        if not NUMBER.fullmatch(text):
            raise ValidationError(
                "Ange ett tal med siffror, t.ex. 84,5 eller 84.5 – utan mellanslag eller "
                "tusentalsavgränsare.",
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


def check_plausible(value, unit, field):
    """Errors for a value no measurement gives: a share outside 0–100 %, a negative count."""
    if value is None:
        return {}
    if unit.strip().lower() in PERCENT_UNITS and not 0 <= value <= 100:
        return {
            field: "En andel i procent ligger mellan 0 och 100. Kontrollera värdet och enheten."
        }
    if value < 0:
        return {
            field: "Värdet kan inte vara negativt. Ange antal eller andel som ett positivt tal."
        }
    return {}
