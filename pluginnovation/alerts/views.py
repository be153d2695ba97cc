"""The pages of Bevaka: subscribing, the "check your mail" page, confirming and unsubscribing.

Confirming and unsubscribing change nothing on GET (mail scanners fetch links): GET shows a
button, POST acts. Unsubscribing takes a POST without a CSRF token (RFC 8058 one-click from
the mail client): the signed token in the address is the authorisation.
"""

import logging

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_safe

from pluginnovation.alerts import mail, subscriptions, tokens
from pluginnovation.alerts.bounded import read_post
from pluginnovation.alerts.forms import TOO_MANY_CHOICES, SubscribeForm
from pluginnovation.alerts.models import CONFIRMATIONS_PER_DAY, RETENTION_TEXT
from pluginnovation.delivery.private import not_stored, private_link
from pluginnovation.http_methods import require_http_methods
from pluginnovation.ratelimit import allow

logger = logging.getLogger(__name__)

TOKEN_PROBLEMS = {
    tokens.EXPIRED: (
        400,
        "Länken har slutat gälla",
        "{expired}",
    ),
    tokens.INVALID: (
        400,
        "Länken fungerar inte",
        "Länken är ofullständig eller felaktig. Kontrollera att hela länken från mejlet kom "
        "med, gärna genom att klicka på den i stället för att kopiera den.",
    ),
}


def message(request, title, text, status=200):
    return render(request, "alerts/message.html", {"title": title, "text": text}, status=status)


def subscribe_per_hour():
    return getattr(settings, "ALERTS_SUBSCRIBE_PER_HOUR", 10)


def form_errors(form):
    """(anchor, message) pairs for the error summary, in the form's order."""
    errors = [("id_email", error) for error in form.errors.get("email", [])]
    errors += [("amnen", error) for error in form.topic_errors()]
    errors += [("id_consent", error) for error in form.errors.get("consent", [])]
    return errors


def preselected(request, form):
    """?faktor=<slug>, ?projekt=<slug>, ?region=<slug> and ?nyheter=1 tick a topic (from a
    factor page, a project page, a region's case studies or the news); anything else is
    ignored."""
    factor = request.GET.get("faktor", "")[:80]
    project = request.GET.get("projekt", "")[:80]
    region = request.GET.get("region", "")[:80]
    return {
        "factors": [pk for pk, slug in form.factor_slugs if slug == factor],
        "projects": [pk for pk, slug in form.project_slugs if slug == project],
        "regions": [pk for pk, slug in form.region_slugs if slug == region],
        "news": request.GET.get("nyheter") == "1",
    }


@not_stored
@csrf_exempt  # checked by csrf_protect below, once the body has been read with a bound
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    readable = request.method != "POST" or read_post(request)
    return subscribe_form(request, readable)


@csrf_protect
def subscribe_form(request, readable):
    if request.method == "POST":
        if not allow(request, "alerts-subscribe", subscribe_per_hour()):
            return render(request, "alerts/too_many.html", status=429)
        form = SubscribeForm(request.POST)
        if not readable:  # more fields than Django reads: nothing of the form is used
            form.is_valid()
            form.add_error("factors", TOO_MANY_CHOICES)
        elif form.is_valid():
            subscription, send = subscriptions.ask(form.cleaned_data["email"], form.choice())
            if send:
                send_confirmation(request, subscription)
            # The same answer whether the address is new, pending or active.
            return redirect("alerts:sent")
    else:
        form = SubscribeForm()
        form.initial = preselected(request, form)
    return render(
        request,
        "alerts/subscribe.html",
        {
            "form": form,
            "errors": form_errors(form) if form.is_bound else [],
            "retention": RETENTION_TEXT,
        },
    )


def send_confirmation(request, subscription):
    # The site's own address, not the request's Host: a live token goes only there.
    base = mail.public_base_url()
    names = subscriptions.topics(subscription.pending).names()
    try:
        mail.confirmation(subscription, base, names).send()
    except Exception:  # SMTP or network: logged; the visitor sees the same page
        logger.exception("Confirmation mail for subscription %s failed", subscription.pk)


@private_link
@require_safe
def sent(request):
    return render(
        request, "alerts/sent.html", {"per_day": CONFIRMATIONS_PER_DAY, "retention": RETENTION_TEXT}
    )


def token_problem(request, state, kind):
    if state == tokens.GONE:
        if kind == "unsubscribe":
            return message(
                request,
                "Bevakningen är redan avslutad",
                "Det finns ingen bevakning för den här länken längre, så din e-postadress är "
                "redan borttagen. Du får inga fler mejl från oss.",
            )
        return message(
            request,
            "Bevakningen finns inte",
            "Det finns ingen bevakning för den här länken. Den kan ha avslutats, eller inte "
            "bekräftats i tid. Du kan anmäla dig på nytt.",
            status=404,
        )
    status, title, text = TOKEN_PROBLEMS.get(state, TOKEN_PROBLEMS[tokens.INVALID])
    expired = (
        "Länken för att bekräfta gäller i 7 dagar. Anmäl dig på nytt, så skickar vi en ny."
        if kind == "confirm"
        else "Använd avregistreringslänken i det senaste mejlet från oss, så avslutas "
        "bevakningen direkt."
    )
    return message(request, title, text.format(expired=expired), status=status)


@private_link
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    state, subscription = tokens.read_confirm_token(token)
    if subscription is None:
        return token_problem(request, state, "confirm")
    if subscription.pending is None:
        return message(
            request,
            "Bevakningen är redan bekräftad",
            "Din bevakning är aktiv. Du får ett mejl när det kommer nytt inom det du valt.",
        )
    if request.method == "POST":
        topics = subscriptions.confirm(subscription)
        template = "alerts/confirmed.html"
    else:
        topics = subscriptions.topics(subscription.pending)
        template = "alerts/confirm.html"
    return render(
        request,
        template,
        {
            "token": token,
            "email": subscription.email,
            "topics": topics,
            "is_change": subscription.is_confirmed and request.method == "GET",
        },
    )


@private_link
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    state, subscription = tokens.read_unsubscribe_token(token)
    if subscription is None:
        return token_problem(request, state, "unsubscribe")
    if request.method == "POST":
        subscriptions.end(subscription)
        return render(request, "alerts/unsubscribed.html")
    return render(request, "alerts/unsubscribe.html", {"token": token, "email": subscription.email})
