"""Which pages get an English version: the page types that say so (`offered_in_english`).

docs/english.md: the home page and the information pages are translated; research, case
studies, methods, news and the rest stay Swedish. Wagtail's "Översätt" is offered on every
page, and a copy of a Swedish-only page showed Swedish text under an English menu item, so the
translate view refuses such a page with a word on why (the view's address is taken over here,
wagtail_hooks.py, ahead of simple_translation's own). It translates one page at a time: "include
subtree" would copy the Swedish-only pages below an information page, or below the home page
all of them.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Locale


def offered_in_english(page):
    return getattr(page.specific_class, "offered_in_english", False)


class SubmitEnglishPageView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        # Wagtail's checks first (the permission, then 404 for the root and 403 for a page
        # she may not edit), so the refusal below names no page she could not see.
        if not request.user.has_perms(["simple_translation.submit_translation"]):
            raise PermissionDenied
        page = self.get_object()
        if not offered_in_english(page):
            messages.warning(
                request,
                f"”{page.get_admin_display_title()}” finns bara på svenska och översätts inte: "
                "på engelska finns startsidan och informationssidorna (se redaktörsguiden).",
            )
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        # Translated into every other language already: Wagtail's form would offer no
        # language and no button. The editor goes to the translation instead.
        translations = page.get_translations()
        translation = translations.order_by("locale_id").first()
        untranslated = Locale.objects.exclude(pk=page.locale_id).exclude(
            pk__in=translations.values("locale_id")
        )
        if translation is not None and not untranslated.exists():
            messages.info(
                request,
                f"”{page.get_admin_display_title()}” finns redan på båda språken: här är den "
                "andra versionen.",
            )
            return redirect(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        subtree = form.fields["include_subtree"]
        subtree.disabled = True  # whatever is posted, the page alone
        subtree.widget = forms.HiddenInput()
        return form
