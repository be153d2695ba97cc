"""Wagtail's date pickers, keeping what the editor typed.

The picker (xdsoft datetimepicker) replaces a value it cannot read with the present moment when
the field loses focus, so "31/12/2025" was saved as today without a word, and in the schedule
dialog "31/12/2027 10:00" became now: "Publicera" then put the page live at once. With
`validateOnBlur` off the typed text stays, and the form's own check answers "Fyll i ett giltigt
datum." (or "… datum/tid.").
"""

from django.db import models

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput
from wagtail.models import Page
from wagtail.models.panels import PanelPlaceholder

KEEP_WHAT_WAS_TYPED = {"validateOnBlur": False}


class KeptDateInput(AdminDateInput):
    def get_config(self):
        return {**super().get_config(), **KEEP_WHAT_WAS_TYPED}


class KeptDateTimeInput(AdminDateTimeInput):
    def get_config(self):
        return {**super().get_config(), **KEEP_WHAT_WAS_TYPED}


class KeptPublishingPanel(PublishingPanel):
    """Wagtail's schedule dialog ("Publicera vid", "Avpublicera vid"), whose fields name their
    widget themselves and so pass by the overrides below: the same widgets, keeping the text."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.children = [
            FieldPanel(
                child.field_name,
                widget=KeptDateTimeInput(
                    js_overlay_parent_selector=child.widget.js_overlay_parent_selector,
                    attrs=child.widget.attrs,
                ),
            )
            for child in self.children
        ]


def with_kept_publishing(panels):
    return [
        KeptPublishingPanel()
        if isinstance(panel, PanelPlaceholder) and panel.path.endswith(".PublishingPanel")
        else panel
        for panel in panels
    ]


# Every page's "Inställningar" tab: Wagtail's own, with the schedule dialog that keeps the text.
SETTINGS_PANELS = with_kept_publishing(Page.settings_panels)


def register():
    """Every date and date-time field in the admin's forms uses these (called once, at start),
    and every page type's schedule dialog: a page type without a tab list of its own builds it
    from `Page.settings_panels` when its editor is first opened."""
    register_form_field_override(models.DateField, override={"widget": KeptDateInput})
    register_form_field_override(models.DateTimeField, override={"widget": KeptDateTimeInput})
    Page.settings_panels = SETTINGS_PANELS
