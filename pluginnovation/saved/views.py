"""The views of "Min samling".

Saving: public pages are cached by a shared cache, so their Spara forms carry no CSRF token and
nothing about the visitor. `save` is therefore csrf_exempt and checks for itself that the POST
comes from this site (Origin, or Referer when a browser sends no Origin); anything else gets a
confirmation form with a normal CSRF token. The collection's cookie is SameSite=Lax as well,
so a cross-site POST never carries it.

Confirmation without per-visitor HTML: after saving, the visitor returns to the page they were
on with the Spara form's id as the fragment (`#spara-12`); CSS shows "Sparad i Min samling"
for that form (:target), so the public page stays the same for everyone. With JavaScript
(static/js/saved.js) the form is sent with fetch and the button updated.

The visitor's browser finds its collection by a signed, HttpOnly cookie of its own
(pluginnovation.saved.owner), not by a session: public pages stay the cached copy for them too.
Every view here renews that cookie when it finds the collection (`own_view`).

Back on a page later, the script marks the buttons of pages already saved: it asks `saved_ids`
(private, never cached) for the collection's page ids, but only in a browser that has saved
pages. The `samling` cookie says that and nothing more ("1"): it lets the script, which cannot
read the HttpOnly cookie, leave every other visitor's page views at one request each.

The collection's own pages are private (no-store) and show Django messages.
"""

import re
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from pluginnovation.content.forms import ascii_slug
from pluginnovation.delivery.private import private_link
from pluginnovation.discovery.listing import specific_pages
from pluginnovation.http_methods import not_allowed, require_POST
from pluginnovation.printing import pages as print_pages
from pluginnovation.ratelimit import allow
from pluginnovation.saved import collections, owner
from pluginnovation.saved.models import MAX_ITEMS, MAX_NAME_LENGTH, RETENTION, RETENTION_TEXT
from pluginnovation.saved.templatetags.saved_tags import JUST_SAVED

ANCHOR = re.compile(r"spara-[0-9]{1,12}(-[0-9]{1,4})?")
# Read by static/js/saved.js: this browser has a collection (see the module's docstring).
HINT_COOKIE = "samling"


def set_hint(response):
    response.set_cookie(
        HINT_COOKIE,
        "1",
        max_age=int(RETENTION.total_seconds()),  # as long as the collection's own cookie
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,  # the script reads it
        samesite="Lax",
    )
    return response


def remove_hint(response):
    response.delete_cookie(HINT_COOKIE, samesite="Lax")
    return response


def hint_follows(request, response, has_pages):
    """The hint follows whether the collection has pages: set (renewed) when it has, removed
    when it has none; no cookie at all for a visitor who never had one and has nothing saved."""
    if has_pages:
        return set_hint(response)
    return remove_hint(response) if HINT_COOKIE in request.COOKIES else response


def own_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def sent_from_this_site(request):
    """True when Origin (or, without it, Referer) is this site; None when neither is sent."""
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == own_origin(request)
    referer = request.headers.get("Referer")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" == own_origin(request)
    return None


def safe_next(request, raw):
    """`next` when it is a path on this site ("/metoder/?sida=2"), else None: a relative
    value ("x", "?q=x") is not the page the visitor came from."""
    raw = (raw or "").strip()
    if raw.startswith("/") and url_has_allowed_host_and_scheme(
        raw, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return raw
    return None


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def back_to(request, page):
    """Where a saved page's visitor returns: the safe `next`, with the form as fragment."""
    target = safe_next(request, request.POST.get("next"))
    if target is None:
        return reverse("saved:collection")
    anchor = request.POST.get("ankare", "")
    target = target.split("#", 1)[0]
    if ANCHOR.fullmatch(anchor):
        return f"{target}#{anchor}"
    return f"{target}#spara-{page.pk}"


def new_per_hour():
    # Generous: a school's network or a conference's wifi is one address for everyone in it,
    # and each browser there starts a collection of its own.
    return getattr(settings, "SAVED_NEW_PER_HOUR", 200)


def own_or_new_collection(request):
    """The visitor's collection; a new one only within the hourly bound per address (a bot
    sending no cookie would otherwise store a collection per request), else None."""
    collection = owner.collection(request)
    if collection is None and allow(request, "collection-new", new_per_hour()):
        collection = owner.collection(request, create=True)
    return collection


def own_view(view):
    """A view of Min samling: private, and the collection's cookie follows what it found."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return owner.cookie_follows(request, view(request, *args, **kwargs))

    return private_link(wrapped)


def not_saved(request, title, message, status):
    """Why a page was not saved: JSON for the Spara script, a page of its own without it."""
    if wants_json(request):
        return JsonResponse({"saved": False, "message": message, "lang": "sv"}, status=status)
    return render(request, "saved/message.html", {"title": title, "text": message}, status=status)


def too_many(request):
    return not_saved(
        request,
        "För många nya samlingar på kort tid",
        "Härifrån har det skapats många samlingar den senaste timmen, så vi väntar en stund "
        "med att skapa fler. Försök igen om en timme.",
        429,
    )


def save_and_answer(request, page):
    if page is None:
        return not_saved(
            request,
            "Sidan kunde inte sparas",
            "Sidan kunde inte sparas: den finns inte eller är inte längre publicerad.",
            404,
        )
    collection = own_or_new_collection(request)
    if collection is None:
        return too_many(request)
    outcome = collections.add_page(collection, page)
    if outcome == collections.FULL:
        return not_saved(
            request,
            "Min samling är full",
            f"Min samling är full: den rymmer högst {MAX_ITEMS} sidor. "
            "Ta bort några sidor för att kunna spara fler.",
            409,
        )
    if wants_json(request):
        # Min samling is Swedish, also on the English pages: the script marks its language.
        answer = JsonResponse({"saved": True, "message": "Sparad i Min samling", "lang": "sv"})
        return hint_follows(request, answer, True)
    # Read once by the page the visitor returns to (saved_tags.just_saved_class).
    messages.success(request, "Sparad i Min samling", extra_tags=JUST_SAVED)
    # Not redirect(): it would take a path without a slash for the name of a view.
    return hint_follows(request, HttpResponseRedirect(back_to(request, page)), True)


@own_view
@csrf_exempt
def save(request):
    """The Spara form on public pages: no token, so the request's origin is checked here."""
    if request.method != "POST":
        return not_allowed(request, ["POST"])
    page = collections.savable_page(collections.parse_page_id(request.POST.get("sida")))
    if sent_from_this_site(request) is not True:
        return render(
            request,
            "saved/confirm_save.html",
            {
                "saved_page": page,
                "next": safe_next(request, request.POST.get("next")) or "",
                "anchor": request.POST.get("ankare", "")
                if ANCHOR.fullmatch(request.POST.get("ankare", ""))
                else "",
            },
            status=403,
        )
    return save_and_answer(request, page)


@own_view
@require_POST
def confirm_save(request):
    """The confirmation form's answer: an ordinary CSRF-protected form."""
    page = collections.savable_page(collections.parse_page_id(request.POST.get("sida")))
    return save_and_answer(request, page)


def listed_pages(collection):
    contents = collections.contents(collection)
    return contents, specific_pages(contents.pairs)


def hidden_notice(contents):
    hidden = contents.hidden
    if not hidden:
        return ""
    if hidden == 1:
        return "1 sparad sida är inte längre tillgänglig och visas inte."
    return f"{hidden} sparade sidor är inte längre tillgängliga och visas inte."


@own_view
@require_safe
def saved_ids(request):
    """The ids of the visitor's saved pages that are still shown, for the Spara buttons
    (static/js/saved.js). The hint is renewed while there are any, and removed when there are
    none (the last one removed, the collection gone)."""
    collection = owner.collection(request)
    if collection is not None and request.method == "GET":
        # Seeing which pages are saved is a use, as opening Min samling is: the collection
        # is kept as long as its cookie, which this answer renews.
        collection.touch()
    ids = collections.contents(collection).page_ids
    return hint_follows(request, JsonResponse({"sidor": ids}), bool(ids))


@own_view
@require_safe
def collection_view(request):
    collection = owner.collection(request)
    if collection is not None and request.method == "GET":  # a HEAD (a link checker) is no use
        collection.touch()
    contents, pages = listed_pages(collection)
    response = render(
        request,
        "saved/collection.html",
        {
            "collection": collection,
            "pages": pages,
            "hidden_notice": hidden_notice(contents),
            "max_items": MAX_ITEMS,
            "max_name_length": MAX_NAME_LENGTH,
            "retention": RETENTION_TEXT,
            "share_url": request.build_absolute_uri(
                reverse("saved:shared", args=[collection.share_token])
            )
            if collection is not None
            else "",
        },
    )
    # A collection saved before the hint existed gets it here.
    return hint_follows(request, response, bool(contents.page_ids))


def own_collection_or_back(view):
    """POST actions on the visitor's collection; without one, back to /samling/."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        collection = owner.collection(request)
        if collection is None:
            messages.info(request, "Du har inga sparade sidor ännu.")
            return redirect("saved:collection")
        return view(request, collection, *args, **kwargs)

    return own_view(require_POST(wrapped))


@own_collection_or_back
def rename(request, collection):
    name = request.POST.get("namn", "")
    if len(name) > MAX_NAME_LENGTH:
        messages.error(request, f"Namnet får vara högst {MAX_NAME_LENGTH} tecken.")
        return to_the_message()
    collections.rename(collection, name)
    messages.success(request, "Namnet är sparat.")
    return to_the_message()


@own_collection_or_back
def move(request, collection):
    page_id = collections.parse_page_id(request.POST.get("sida"))
    direction = request.POST.get("riktning")
    moved = collections.move_page(collection, page_id, direction)
    if moved is None:
        messages.info(request, "Sidan kunde inte flyttas dit.")
        fragment = f"sparad-{page_id or ''}"
    else:
        messages.success(request, "Sidan är flyttad till plats {} av {}.".format(*moved))
        fragment = move_button(page_id, direction, *moved)
    return redirect(f"{reverse('saved:collection')}#{fragment}")


def move_button(page_id, direction, position, total):
    """The id of the button to come back to after a move (saved.js gives it the keyboard
    focus): the one just pressed, on the moved page, or the other where the page reached an
    end and that one is gone."""
    if direction == "upp":
        button = "upp" if position > 1 else "ner"
    else:
        button = "ner" if position < total else "upp"
    return f"flytta-{button}-{page_id}"


def to_the_message():
    """Back to Min samling with the keyboard focus on the message that says what was done
    (saved.js moves it there), not at the top of the page."""
    return redirect(f"{reverse('saved:collection')}#saved-messages")


@own_collection_or_back
def remove(request, collection):
    page_id = collections.parse_page_id(request.POST.get("sida"))
    title = collections.remove_page(collection, page_id)
    if title is not None:
        name = f"”{title}”" if title else "Sidan"
        messages.success(request, f"{name} är borttagen från Min samling.")
        return to_the_message()
    return redirect("saved:collection")


@own_view
def empty(request):
    collection = owner.collection(request)
    if request.method == "POST":
        if collection is not None:
            collections.empty(collection)
        messages.success(request, "Min samling är tömd.")
        return hint_follows(request, to_the_message(), False)
    if request.method not in ("GET", "HEAD"):
        return not_allowed(request, ["GET", "HEAD", "POST"])
    count = len(collections.contents(collection).page_ids)
    return render(request, "saved/confirm_empty.html", {"count": count})


def shared_or_404(view):
    @wraps(view)
    def wrapped(request, token, *args, **kwargs):
        collection = collections.shared_collection(token)
        if collection is None:
            return render(
                request,
                "saved/message.html",
                {
                    "title": "Samlingen finns inte",
                    "text": "Det finns ingen delad samling med den här länken. Kontrollera "
                    "att hela länken kom med, eller be den som delade den om en ny. "
                    f"Samlingar som inte används på {RETENTION_TEXT} tas bort.",
                },
                status=404,
            )
        return view(request, collection, *args, **kwargs)

    return own_view(wrapped)


@shared_or_404
@require_safe
def shared(request, collection):
    if request.method == "GET":  # a HEAD (a link checker) does not keep the collection
        collection.touch()
    contents, pages = listed_pages(collection)
    mine = owner.collection(request)
    return render(
        request,
        "saved/shared.html",
        {
            "collection": collection,
            "pages": pages,
            "hidden_notice": hidden_notice(contents),
            "is_mine": mine is not None and mine.pk == collection.pk,
            "retention": RETENTION_TEXT,
        },
    )


def pages_text(number):
    return f"{number} sid{'a' if number == 1 else 'or'}"


def copied_message(copied):
    """What a copy did, every page of the shared collection accounted for."""
    if not (copied.added or copied.already or copied.no_room):
        return "Den delade samlingen har inga sidor att kopiera längre."
    if not copied.added and not copied.no_room:
        return "Alla sidorna fanns redan i Min samling."
    parts = [f"{pages_text(copied.added)} kopierades till Min samling."]
    if copied.already:
        parts.append(f"{copied.already} fanns redan där.")
    if copied.no_room:
        full = f"Min samling rymmer högst {MAX_ITEMS} sidor"
        parts.append(f"{pages_text(copied.no_room)} fick inte plats: {full}.")
    return " ".join(parts)


@shared_or_404
@require_POST
def copy(request, collection):
    mine = own_or_new_collection(request)
    if mine is None:
        return too_many(request)
    if mine.pk == collection.pk:
        messages.info(request, "Det här är redan din samling.")
        return redirect("saved:collection")
    copied = collections.copy_into(collection, mine)
    notify = messages.success if copied.added else messages.info
    notify(request, copied_message(copied))
    has_pages = bool(collections.contents(mine).page_ids)
    return hint_follows(request, redirect("saved:collection"), has_pages)


def pack_context(request, collection, shared_token=None):
    contents = collections.contents(collection)
    return {
        "collection": collection,
        "documents": print_pages.printable_pages(contents.pairs, request),
        "hidden_notice": hidden_notice(contents),
        "shared_token": shared_token,
    }


@own_view
@require_safe
def pack(request):
    collection = owner.collection(request)
    return render(request, "saved/pack.html", pack_context(request, collection))


@shared_or_404
@require_safe
def shared_pack(request, collection):
    return render(
        request, "saved/pack.html", pack_context(request, collection, collection.share_token)
    )


def pdf_answer(request, collection):
    contents = collections.contents(collection)
    data = print_pages.collection_pdf(
        collection.display_name if collection else "Min samling",
        contents.pairs,
        request,
        hidden=hidden_notice(contents),
    )
    # Named as the collection is ("Till APT" → till-apt.pdf), so two downloads are told apart.
    name = ascii_slug(collection.display_name if collection else "")[:80] or "min-samling"
    return print_pages.pdf_response(data, f"{name}.pdf")


@own_view
@require_safe
def collection_pdf(request):
    return pdf_answer(request, owner.collection(request))


@shared_or_404
@require_safe
def shared_pdf(request, collection):
    return pdf_answer(request, collection)
