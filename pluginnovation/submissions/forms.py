"""The public form: what a school sends, with messages that say what to write instead."""

from django import forms

from pluginnovation.alerts.disposable import is_disposable
from pluginnovation.content.numbers import typed_int
from pluginnovation.submissions.limits import EMAIL_MAX_PER_DAY, too_many_from
from pluginnovation.submissions.models import (
    MUNICIPALITY_OTHER_MAX,
    NAME_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Submission,
    one_line,
)
from pluginnovation.taxonomy.models import Municipality, SuccessFactor

HINTS = {
    "title": "Ett kort namn på arbetssättet, t.ex. ”Närvarocoacher på introduktionsprogrammet”.",
    "school": "Skolan eller verksamheten där ni arbetar så, t.ex. ”Lerums gymnasium”.",
    "municipality": "Kommunen där skolan ligger. Finns den inte i listan, skriv den i fältet "
    "under.",
    "municipality_other": "Finns inte kommunen i listan ovanför? Skriv den här i stället.",
    "what_was_done": "Vad gjorde ni, för vilka elever och hur? Skriv inte elevers namn. "
    f"Högst {TEXT_MAX} tecken.",
    "results": "Vad har hänt sedan ni började? Siffror om närvaro, avbrott eller behörighet är "
    f"extra värdefulla, men berätta gärna med ord. Högst {TEXT_MAX} tecken.",
    "contact_email": "Vi använder adressen bara för att ställa frågor om tipset.",
}

MESSAGES = {
    "title": {
        "required": "Skriv en rubrik för arbetssättet.",
        "max_length": f"Rubriken får vara högst {TITLE_MAX} tecken.",
    },
    "school": {
        "required": "Skriv vilken skola eller verksamhet det gäller.",
        "max_length": "Skolans namn får vara högst 200 tecken.",
    },
    "municipality": {
        "required": "Välj kommunen där skolan ligger.",
        "invalid_choice": "Välj en kommun i listan.",
    },
    "municipality_other": {
        "max_length": f"Kommunens namn får vara högst {MUNICIPALITY_OTHER_MAX} tecken.",
    },
    "factors": {
        "required": "Välj minst en framgångsfaktor som arbetssättet handlar om.",
        "invalid_choice": "Välj bland de fyra framgångsfaktorerna.",
        "invalid_pk_value": "Välj bland de fyra framgångsfaktorerna.",
        "invalid_list": "Välj bland de fyra framgångsfaktorerna.",
    },
    "what_was_done": {
        "required": "Beskriv vad skolan gjorde.",
        "max_length": f"Beskrivningen får vara högst {TEXT_MAX} tecken. Korta ner den lite.",
    },
    "results": {
        "max_length": f"Resultaten får vara högst {TEXT_MAX} tecken. Korta ner texten lite.",
    },
    "contact_name": {"max_length": f"Namnet får vara högst {NAME_MAX} tecken."},
    "contact_email": {
        "required": "Skriv din e-postadress, så att vi kan ställa frågor om tipset.",
        "invalid": "Skriv e-postadressen i formen namn@skola.se.",
        "max_length": "E-postadressen är för lång.",
    },
    "consent": {
        "required": "Kryssa i att vi får kontakta dig om tipset. Utan det kan vi inte ta emot det.",
    },
}


NO_MUNICIPALITY = (
    "Välj kommunen i listan, eller skriv den i fältet under listan om den inte finns där."
)
BOTH_MUNICIPALITIES = (
    "Välj kommunen i listan eller skriv den i fältet, inte båda. Töm fältet om kommunen "
    "finns i listan."
)
DISPOSABLE = (
    "Adressen hör till en tillfällig e-posttjänst. Skriv en adress som du läser, så att vi "
    "kan ställa frågor om tipset."
)
TOO_MANY_FROM_ADDRESS = (
    f"Vi har redan fått {EMAIL_MAX_PER_DAY} tips från den här e-postadressen det senaste "
    "dygnet, och fler än så tar vi inte emot från samma adress. Skicka det här tipset i "
    "morgon, eller skriv flera arbetssätt i samma tips."
)

MAX_ID_DIGITS = 18  # fits every database's bigint; anything longer is no row of ours


def is_id(value):
    """A row id as the form sends it: ASCII digits only ("²" is a digit to Python), not too
    long for the database to compare."""
    return typed_int(str(value), MAX_ID_DIGITS) is not None


class IdChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not is_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if any(not is_id(item) for item in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super()._check_values(value)


class SubmissionForm(forms.ModelForm):
    class Meta:
        model = Submission
        fields = [
            "title",
            "school",
            "municipality",
            "municipality_other",
            "factors",
            "what_was_done",
            "results",
            "contact_name",
            "contact_email",
            "consent",
            "show_contact",
        ]
        labels = {
            "title": "Rubrik",
            "school": "Skola eller verksamhet",
            "municipality": "Kommun",
            "municipality_other": "Kommun (om den inte finns i listan)",
            "factors": "Vilka framgångsfaktorer handlar arbetssättet om?",
            "what_was_done": "Vad gjorde skolan?",
            "results": "Vilka resultat har ni sett?",
            "contact_name": "Ditt namn",
            "contact_email": "Din e-postadress",
            "consent": "Ja, redaktionen får kontakta mig om tipset.",
            "show_contact": "Ja, mitt namn och min e-post får visas som kontakt om tipset "
            "blir en fallstudie.",
        }
        widgets = {
            "factors": forms.CheckboxSelectMultiple,
            "what_was_done": forms.Textarea(attrs={"rows": 8}),
            "results": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = MESSAGES
        field_classes = {"municipality": IdChoiceField, "factors": IdMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["municipality"].empty_label = "Välj kommun"
        # One of the two is required (clean() says which is missing); a list of ours cannot
        # hold every municipality in the country.
        self.fields["municipality"].required = False
        # The model's help texts speak to editors; the sender gets HINTS (or nothing), so no
        # field points at a help text the page does not show.
        for field in self.fields.values():
            field.help_text = ""
        self.fields["factors"].queryset = SuccessFactor.objects.order_by("sort_order", "name")
        self.fields["consent"].required = True
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["school"].widget.attrs["autocomplete"] = "organization"
        for name, field in self.fields.items():
            if name in HINTS:
                field.help_text = HINTS[name]
                field.widget.attrs["aria-describedby"] = f"{name}-hint"

    def clean_title(self):
        # One line: it becomes a page title and part of the editors' mail.
        return one_line(self.cleaned_data["title"])

    def clean_school(self):
        return one_line(self.cleaned_data["school"])

    def clean_contact_name(self):
        return one_line(self.cleaned_data["contact_name"])

    def clean_municipality_other(self):
        return one_line(self.cleaned_data["municipality_other"])

    def clean_contact_email(self):
        address = self.cleaned_data["contact_email"]
        if is_disposable(address.rpartition("@")[2]):
            raise forms.ValidationError(DISPOSABLE, code="disposable")
        if too_many_from(address):
            raise forms.ValidationError(TOO_MANY_FROM_ADDRESS, code="too_many")
        return address

    def clean(self):
        cleaned = super().clean()
        listed = cleaned.get("municipality")
        written = cleaned.get("municipality_other")
        if "municipality" in self.errors or "municipality_other" in self.errors:
            return cleaned
        if listed is None and not written:
            self.add_error("municipality", NO_MUNICIPALITY)
        elif listed is not None and written:
            self.add_error("municipality_other", BOTH_MUNICIPALITIES)
        return cleaned

    def full_clean(self):
        super().full_clean()
        # Fields with an error say so to assistive technology, and point at their message.
        for name in self.errors:
            field = self.fields.get(name)
            if field is None:
                continue
            described = [f"{name}-error"]
            if name in HINTS:
                described.append(f"{name}-hint")
            field.widget.attrs["aria-invalid"] = "true"
            field.widget.attrs["aria-describedby"] = " ".join(described)

    def error_links(self):
        """(anchor, message) for the error summary: each links to its field's first input, in
        the order of the fields on the page (clean() adds the municipality's error last)."""
        links = []
        for name in self.fields:
            if name in self.errors:
                anchor = f"id_{name}_0" if name == "factors" else f"id_{name}"
                links.append((anchor, self.errors[name][0]))
        return links
