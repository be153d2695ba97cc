from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import SlugInput
from wagtail.models import Page

from pluginnovation.content.addresses import taken_address
from pluginnovation.content.dates import date_errors
from pluginnovation.content.text import without_diacritics

FACTOR_REQUIRED_MESSAGE = (
    "Välj minst en framgångsfaktor. Allt innehåll i kunskapsbanken ordnas efter faktorerna."
)


class TransliteratingSlugInput(SlugInput):
    """Wagtail's slug field, which on leaving it turns "Åäö län" into "aao-lan", as a slug made
    from the title does (urlify), instead of dropping the letters ("-ln": Wagtail's slugify
    keeps ASCII only with WAGTAIL_ALLOW_UNICODE_SLUGS off)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.attrs["data-action"] = self.attrs["data-action"].replace(
            "blur->w-slug#slugify", "blur->w-slug#urlify"
        )


def ascii_slug(text):
    """ "Frånvaro – en översikt" → "franvaro-en-oversikt": Swedish letters lose their dots and
    rings, as Wagtail's own slug field does in the browser (WAGTAIL_ALLOW_UNICODE_SLUGS off)."""
    return slugify(without_diacritics(text))


class PageForm(WagtailAdminPageForm):
    """Every page type's admin form: a page saves even if the editor never opened the tab with
    its slug. The title fills it in as the editor types (TitleFieldPanel); without JavaScript,
    or if it was cleared, the slug is made from the title here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].widget = TransliteratingSlugInput(locale=self.instance.locale)
        # Publishing dates are set by those who may publish: an approval publishes the version
        # under review with its dates, so a date set by a regional editor would quietly turn
        # "Godkänn och publicera" into a schedule, or take a live page down later. A disabled
        # field keeps the page's own value, whatever is posted (the autosave too).
        if not self.may_publish():
            for name in ("go_live_at", "expire_at"):
                if name in self.fields:
                    self.fields[name].disabled = True
            # An expiry that has passed would be refused on every save (Wagtail checks that it
            # lies ahead) in a field this editor cannot change; it has done its work.
            expire_at = self.initial.get("expire_at")
            if expire_at and expire_at < timezone.now():
                self.initial["expire_at"] = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # The Status panel's "Sätt schema" only for those whose dates are kept (above). Wagtail
        # builds each page type's form class with its draft-state mixin first, whose property
        # offers it to everyone: set on every such class, it comes before the mixin's.
        cls.show_schedule_publishing_toggle = property(
            lambda form: "go_live_at" in type(form).base_fields and form.may_publish()
        )

    def may_publish(self):
        user = self.for_user
        if user is None:
            return True
        if self.instance.pk:
            return self.instance.permissions_for_user(user).can_publish()
        parent = self.parent_page
        return parent is not None and parent.permissions_for_user(user).can_publish_subpage()

    def defer_required_fields(self):
        # Wagtail leaves required fields for later when a draft is saved. Not during a review:
        # an approval publishes the latest version as it is, without this form's checks.
        if self.instance.pk and self.instance.workflow_in_progress:
            return
        super().defer_required_fields()

    def clean(self):
        cleaned = super().clean()
        for name, message in date_errors(cleaned).items():
            if name in self.fields:
                self.add_error(name, message)
        return cleaned

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug:
            parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
            address = taken_address(slug, parent)
            if address:
                raise ValidationError(
                    f"Adressen {address} används redan av webbplatsen. Välj en annan."
                )
            return slug
        base = ascii_slug(self.cleaned_data.get("title") or "")[:200] or "sida"
        slug, number = base, 2
        while self.parent_page and (
            not Page._slug_is_available(slug, self.parent_page, self.instance)
            or taken_address(slug, self.parent_page)
        ):
            slug, number = f"{base}-{number}", number + 1
        return slug


class ContentPageForm(PageForm):
    """Shows each success factor with its definition and explains a missing choice clearly."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        factors = self.fields.get("factors")
        if factors is not None:
            factors.required = True
            factors.error_messages["required"] = FACTOR_REQUIRED_MESSAGE
            factors.label_from_instance = lambda factor: f"{factor.name} – {factor.definition}"
