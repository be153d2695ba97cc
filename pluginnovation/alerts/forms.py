"""The subscription form: an address, the topics and consent, each bounded and checked."""

import re

from django import forms
from django.contrib.auth.base_user import BaseUserManager
from django.core.validators import EmailValidator

from pluginnovation.alerts.disposable import is_disposable
from pluginnovation.alerts.models import MAX_EMAIL_LENGTH, TOPIC_LISTS
from pluginnovation.content.visibility import shown_terms
from pluginnovation.taxonomy.models import Project, Region, SuccessFactor

INVALID_EMAIL = "Skriv en giltig e-postadress, till exempel namn@skola.se."
TOO_LONG = f"E-postadressen får vara högst {MAX_EMAIL_LENGTH} tecken."
DISPOSABLE = (
    "Adressen ser ut att höra till en tillfällig e-posttjänst. Använd en adress som du läser "
    "även om några veckor, annars når bevakningen dig inte."
)
NO_TOPIC = (
    "Välj minst ett ämne att bevaka: en framgångsfaktor, ett projekt, en region eller nyheter."
)
NO_CONSENT = "Du behöver godkänna att vi sparar din e-postadress för att kunna skicka bevakningen."
UNKNOWN_CHOICE = "Välj bland ämnena i listan."
# The most values read for one topic field (the lists are short); see bounded.py.
MAX_CHOICES = 50
TOO_MANY_CHOICES = (
    f"Du kan välja högst {MAX_CHOICES} ämnen i varje lista. Formuläret skickade fler, så "
    "inget sparades. Välj ämnena igen och skicka formuläret på nytt."
)
# RFC 5321: at most 64 characters before the @.
MAX_LOCAL_LENGTH = 64
LOCAL_TOO_LONG = (
    f"Delen före @ i e-postadressen får vara högst {MAX_LOCAL_LENGTH} tecken. Kontrollera adressen."
)
INVALID_LOCAL = (
    "Skriv en giltig e-postadress: delen före @ får bara innehålla bokstäverna a–z, "
    "siffror, punkter (inte först, sist eller två i rad) och tecknen "
    "! # $ % & ' * + - / = ? ^ _ ` { | } ~. "
    "Citattecken, mellanslag, å, ä och ö går inte."
)
# RFC 5322's dot-atom: atoms of these characters joined by single dots, nothing quoted.
DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")


class TopicsField(forms.TypedMultipleChoiceField):
    """Ids of one vocabulary; anything not among its choices is refused before any query."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": UNKNOWN_CHOICE,
        "invalid_list": UNKNOWN_CHOICE,
        "too_many": TOO_MANY_CHOICES,
    }

    def __init__(self, **kwargs):
        super().__init__(coerce=int, required=False, **kwargs)

    def to_python(self, value):
        values = super().to_python(value)
        if len(values) > MAX_CHOICES:
            raise forms.ValidationError(self.error_messages["too_many"], code="too_many")
        return values


def normalise_email(address):
    """The address as stored: surrounding space removed, the domain in lower case."""
    return BaseUserManager.normalize_email(address.strip())


def check_local_part(address):
    """Refuse what comes before the last @ unless it is a plain dot-atom of at most 64
    characters: no quoted local part (which may hold anything, markup included)."""
    local, at, _ = address.rpartition("@")
    if not at or not local:
        raise forms.ValidationError(INVALID_EMAIL, code="invalid")
    if len(local) > MAX_LOCAL_LENGTH:
        raise forms.ValidationError(LOCAL_TOO_LONG, code="local_too_long")
    if not DOT_ATOM.fullmatch(local):
        raise forms.ValidationError(INVALID_LOCAL, code="invalid_local")


class SubscribeForm(forms.Form):
    email = forms.CharField(
        label="Din e-postadress",
        max_length=MAX_EMAIL_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": "Skriv din e-postadress.", "max_length": TOO_LONG},
    )
    factors = TopicsField(label="Framgångsfaktorer")
    projects = TopicsField(label="Projekt")
    regions = TopicsField(label="Regioner")
    news = forms.BooleanField(label="Nyheter från Aktuellt", required=False)
    consent = forms.BooleanField(
        label="Jag godkänner att PlugInnovation sparar min e-postadress och mina val för att "
        "skicka bevakningen.",
        error_messages={"required": NO_CONSENT},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in (("factor", SuccessFactor), ("project", Project), ("region", Region)):
            terms = list(shown_terms(model).values_list("pk", "name", "slug"))
            self.fields[f"{name}s"].choices = [(pk, label) for pk, label, _ in terms]
            setattr(self, f"{name}_slugs", [(pk, slug) for pk, _, slug in terms])

    def clean_email(self):
        address = normalise_email(self.cleaned_data["email"])
        if len(address) > MAX_EMAIL_LENGTH:
            raise forms.ValidationError(TOO_LONG, code="max_length")
        check_local_part(address)
        EmailValidator(message=INVALID_EMAIL)(address)
        if is_disposable(address.rpartition("@")[2]):
            raise forms.ValidationError(DISPOSABLE, code="disposable")
        return address

    def clean(self):
        cleaned = super().clean()
        chosen = any(cleaned.get(name) for name in (*TOPIC_LISTS, "news"))
        if not chosen and not any(self.has_error(name) for name in TOPIC_LISTS):
            self.add_error(None, forms.ValidationError(NO_TOPIC, code="no_topic"))
        return cleaned

    def topic_errors(self):
        """What is wrong with the chosen topics: the lists' errors, then the form's own."""
        listed = [error for name in TOPIC_LISTS for error in self.errors.get(name, [])]
        return listed + list(self.non_field_errors())

    def choice(self):
        """The topics chosen, as stored while they await confirmation."""
        return {
            "factors": sorted(set(self.cleaned_data["factors"])),
            "projects": sorted(set(self.cleaned_data["projects"])),
            "regions": sorted(set(self.cleaned_data["regions"])),
            "news": bool(self.cleaned_data["news"]),
        }
