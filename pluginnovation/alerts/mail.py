"""The two mails of the alerts: the confirmation request and the digest. Every mail carries
a one-click unsubscribe link, in its text and in the List-Unsubscribe headers (RFC 8058)."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from pluginnovation.alerts import tokens


def public_base_url():
    """The site's public address, for mails written without a request (the digest command)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"


def absolute(base, path):
    return urljoin(base, path)


def unsubscribe_url(base, subscription):
    return absolute(
        base, reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription)])
    )


def build(subscription, subject, template, context, base, connection=None):
    """A plain-text mail with an HTML alternative and the unsubscribe headers."""
    link = unsubscribe_url(base, subscription)
    context = {**context, "subscription": subscription, "unsubscribe_url": link, "base_url": base}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"alerts/mail/{template}.txt", context),
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        connection=connection,
    )
    message.attach_alternative(
        render_to_string(f"alerts/mail/{template}.html", context), "text/html"
    )
    return message


def confirmation(subscription, base, topics):
    """The request to confirm a choice. An active subscription is told that it goes on
    unchanged until the new choice is confirmed (it is never removed for want of a reply)."""
    confirm_url = absolute(
        base, reverse("alerts:confirm", args=[tokens.confirm_token(subscription)])
    )
    is_change = subscription.is_confirmed
    subject = (
        "Bekräfta ändringen av din bevakning från PlugInnovation"
        if is_change
        else "Bekräfta din bevakning från PlugInnovation"
    )
    return build(
        subscription,
        subject,
        "confirm",
        {"confirm_url": confirm_url, "topics": topics, "days": 7, "is_change": is_change},
        base,
    )


def digest(subscription, items, base, connection=None):
    return build(
        subscription,
        # A fixed subject: a page title never goes into a header.
        "Nytt i PlugInnovation",
        "digest",
        {"items": items, "manage_url": absolute(base, reverse("alerts:subscribe"))},
        base,
        connection=connection,
    )
