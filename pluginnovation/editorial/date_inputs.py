"""Wagtail's date pickers, keeping what the editor typed.

The picker (xdsoft datetimepicker) replaces a value it cannot read with today's date when the
field loses focus, so "31/12/2025" was saved as today without a word. With `validateOnBlur`
off the typed text stays, and the form's own check answers "Fyll i ett giltigt datum."
"""

from django.db import models

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

KEEP_WHAT_WAS_TYPED = {"validateOnBlur": False}


class KeptDateInput(AdminDateInput):
    def get_config(self):
        return {**super().get_config(), **KEEP_WHAT_WAS_TYPED}


class KeptDateTimeInput(AdminDateTimeInput):
    def get_config(self):
        return {**super().get_config(), **KEEP_WHAT_WAS_TYPED}


def register():
    """Every date and date-time field in the admin's forms uses these (called once, at start)."""
    register_form_field_override(models.DateField, override={"widget": KeptDateInput})
    register_form_field_override(models.DateTimeField, override={"widget": KeptDateTimeInput})
