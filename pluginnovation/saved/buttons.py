"""The Spara form: on every card (pluginnovation/home/cards.py) and every content page
(the save_button tag). Built in Python rather than by an included template, which cost
0.5–0.7 ms a card (twenty on a page) for what is one string with six values.
"""

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from pluginnovation.content.languages import other_language
from pluginnovation.discovery.listing import kept_query
from pluginnovation.html_format import format_html


def save_anchor(context, page):
    """A unique id for a page's Spara form on this response ("spara-12", then "spara-12-2"
    if the same page is listed twice), which the save view returns to as the fragment."""
    request = context.get("request")
    base = f"spara-{page.pk}"
    if request is None:
        return base
    seen = request.__dict__.setdefault("_save_anchors", {})
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


SAVE_FORM = (
    '<form class="save-form{variant}" id="{anchor}" method="post" action="{action}" '
    'data-save-form data-saved-label="{saved}" data-saved-ids="{saved_ids}">\n'
    '    <input type="hidden" name="sida" value="{pk}">\n'
    "    {next_field}"
    '    <input type="hidden" name="ankare" value="{anchor}">\n'
    '    <button class="save-button" type="submit"><span class="save-button__label">{save}</span>'
    # Hidden also without the style sheet; the CSS shows it back from saving without script.
    '<span class="save-button__saved" hidden>{saved}</span>'
    '<span class="visually-hidden"{title_lang}> {title}</span></button>\n'
    '    <span class="save-form__done">{saved_in} <a href="{collection}"{lang}>Min samling</a>'
    "</span>\n"
    "</form>"
)
NEXT_FIELD = '<input type="hidden" name="next" value="{}">\n'


def form_constants(request):
    """What every Spara form of a response shares, worked out once per response and language:
    the addresses, the texts and where the visitor comes back to."""
    language = get_language()
    memo = request.__dict__.setdefault("_save_form", {}) if request is not None else {}
    if language not in memo:
        next_field = ""
        if request is not None:
            query = kept_query(request.GET)
            next_field = format_html(NEXT_FIELD, request.path + (f"?{query}" if query else ""))
        memo[language] = {
            "action": reverse("saved:save"),
            "collection": reverse("saved:collection"),
            # Where static/js/saved.js asks which pages are saved.
            "saved_ids": reverse("saved:saved_ids"),
            "saved": gettext("Sparad"),
            "save": gettext("Spara"),
            "saved_in": gettext("Sparad i"),
            # "Min samling" is the feature's Swedish name in every language.
            "lang": "" if language == "sv" else mark_safe(' lang="sv"'),  # a constant
            "next_field": next_field,
        }
    return memo[language]


def save_button(context, item, variant=""):
    """The Spara form for one page (item). Public pages are cached for everyone, so the form
    carries no CSRF token and nothing about the visitor: the save view checks the request's
    origin itself. After saving without JavaScript the visitor comes back to #<anchor>."""
    return format_html(
        SAVE_FORM,
        variant=f" save-form--{variant}" if variant else "",
        anchor=save_anchor(context, item),
        pk=item.pk,
        title=item.title,
        # A Swedish page's title on an English page, said in Swedish.
        title_lang=format_html(' lang="{}"', lang) if (lang := other_language(item)) else "",
        **form_constants(context.get("request")),
    )
