"""Which pages get an English version: the page types that say so (`offered_in_english`).

docs/english.md: the home page and the information pages are translated; research, case
studies, methods, news and the rest stay Swedish. Wagtail's "Översätt" is offered on every
page, and a copy of a Swedish-only page showed Swedish text under an English menu item, so the
translate view refuses such a page with a word on why (the view's address is taken over here,
wagtail_hooks.py, ahead of simple_translation's own).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Page


def offered_in_english(page):
    return getattr(page.specific_class, "offered_in_english", False)


class SubmitEnglishPageView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.is_root() and not offered_in_english(page):
            messages.warning(
                request,
                f"”{page.get_admin_display_title()}” finns bara på svenska och översätts inte: "
                "på engelska finns startsidan och informationssidorna (se redaktörsguiden).",
            )
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        return super().dispatch(request, *args, **kwargs)
