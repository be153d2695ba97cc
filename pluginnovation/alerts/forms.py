"""The subscription form: an address, the topics and consent, each bounded and checked."""

from django import forms
from django.contrib.auth.base_user import BaseUserManager
from django.core.validators import EmailValidator

from pluginnovation.alerts.disposable import is_disposable
from pluginnovation.alerts.models import MAX_EMAIL_LENGTH
from pluginnovation.taxonomy.models import Project, SuccessFactor

INVALID_EMAIL = "Skriv en giltig e-postadress, till exempel namn@skola.se."
TOO_LONG = f"E-postadressen får vara högst {MAX_EMAIL_LENGTH} tecken."
DISPOSABLE = (
    "Adressen ser ut att höra till en tillfällig e-posttjänst. Använd en adress som du läser "
    "även om några veckor, annars når bevakningen dig inte."
)
NO_TOPIC = "Välj minst ett ämne att bevaka: en framgångsfaktor, ett projekt eller nyheter."
NO_CONSENT = "Du behöver godkänna att vi sparar din e-postadress för att kunna skicka bevakningen."
UNKNOWN_CHOICE = "Välj bland ämnena i listan."
# The most topics a form can carry (the lists are short; this bounds what is read).
MAX_CHOICES = 200


class TopicsField(forms.TypedMultipleChoiceField):
    """Ids of one vocabulary; anything not among its choices is refused before any query."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": UNKNOWN_CHOICE,
        "invalid_list": UNKNOWN_CHOICE,
    }

    def __init__(self, **kwargs):
        super().__init__(coerce=int, required=False, **kwargs)

    def to_python(self, value):
        values = super().to_python(value)
        if len(values) > MAX_CHOICES:
            raise forms.ValidationError(UNKNOWN_CHOICE, code="invalid_list")
        return values


def normalise_email(address):
    """The address as stored: surrounding space removed, the domain in lower case."""
    return BaseUserManager.normalize_email(address.strip())


class SubscribeForm(forms.Form):
    email = forms.CharField(
        label="Din e-postadress",
        max_length=MAX_EMAIL_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": "Skriv din e-postadress.", "max_length": TOO_LONG},
    )
    factors = TopicsField(label="Framgångsfaktorer")
    projects = TopicsField(label="Projekt")
    news = forms.BooleanField(label="Nyheter från Aktuellt", required=False)
    consent = forms.BooleanField(
        label="Jag godkänner att PlugInnovation sparar min e-postadress och mina val för att "
        "skicka bevakningen.",
        error_messages={"required": NO_CONSENT},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        factors = list(SuccessFactor.objects.values_list("pk", "name", "slug"))
        projects = list(Project.objects.values_list("pk", "name", "slug"))
        self.fields["factors"].choices = [(pk, name) for pk, name, _ in factors]
        self.fields["projects"].choices = [(pk, name) for pk, name, _ in projects]
        self.factor_slugs = [(pk, slug) for pk, _, slug in factors]
        self.project_slugs = [(pk, slug) for pk, _, slug in projects]

    def clean_email(self):
        address = normalise_email(self.cleaned_data["email"])
        if len(address) > MAX_EMAIL_LENGTH:
            raise forms.ValidationError(TOO_LONG, code="max_length")
        EmailValidator(message=INVALID_EMAIL)(address)
        if is_disposable(address.rpartition("@")[2]):
            raise forms.ValidationError(DISPOSABLE, code="disposable")
        return address

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("factors") or cleaned.get("projects") or cleaned.get("news")
        if not chosen and not self.has_error("factors") and not self.has_error("projects"):
            self.add_error(None, forms.ValidationError(NO_TOPIC, code="no_topic"))
        return cleaned

    def choice(self):
        """The topics chosen, as stored while they await confirmation."""
        return {
            "factors": sorted(set(self.cleaned_data["factors"])),
            "projects": sorted(set(self.cleaned_data["projects"])),
            "news": bool(self.cleaned_data["news"]),
        }
