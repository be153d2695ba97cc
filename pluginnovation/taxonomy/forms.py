"""The admin form of a taxonomy term."""

import re

from wagtail.admin.forms import WagtailAdminModelForm

from pluginnovation.content.forms import ascii_slug


class TermForm(WagtailAdminModelForm):
    """A new term saves without a slug typed: it is made from the name, as a page's is from its
    title. NameFieldPanel fills it in as the editor types, but not without JavaScript or when
    the form is sent before it has. An existing term keeps its slug when the field is emptied:
    the slug is in links and saved filters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug:
            return slug
        if self.instance.pk:
            return self.instance.slug
        limit = self._meta.model._meta.get_field("slug").max_length
        # a–z, digits and single hyphens (SLUG_FORM): slugify keeps "_", a cut can end in "-".
        made = re.sub(r"[^a-z0-9]+", "-", ascii_slug(self.cleaned_data.get("name") or ""))
        base = made[: limit - 4].strip("-") or "term"
        taken = self._meta.model.objects.filter
        slug, number = base, 2
        while taken(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug
