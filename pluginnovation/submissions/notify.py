"""Telling the editors who handle tips that a new one has arrived: the title, the municipality
and a link into the admin, nothing about the sender."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.urls import reverse

logger = logging.getLogger(__name__)

SUBJECT = "Nytt tips från en skola: {title}"
BODY = """Ett nytt tips har kommit in via Tipsa om ett arbetssätt.

Rubrik: {title}
Kommun: {municipality}

Läs tipset och bestäm vad som ska hända med det:
{url}
"""


def handlers():
    """Active users who may change a submission: superusers and those given the permission
    through a group or directly. Only those with an address get mail."""
    permission = Permission.objects.filter(
        content_type__app_label="submissions", codename="change_submission"
    ).first()
    allowed = Q(is_superuser=True)
    if permission is not None:
        allowed |= Q(groups__permissions=permission) | Q(user_permissions=permission)
    return (
        get_user_model()
        .objects.filter(allowed, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def admin_url(submission):
    path = reverse("wagtailsnippets_submissions_submission:inspect", args=[submission.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def municipality_text(submission):
    if submission.municipality_id is not None:
        return str(submission.municipality)
    if submission.municipality_other:
        return f"{submission.municipality_other} (skriven av avsändaren, finns inte i listan)"
    return "(ingen kommun angiven)"


def notify_editors(submission):
    """One mail per handler (no one sees the others' addresses). A failing mail server is
    logged, never shown to the school: the tip is already stored."""
    recipients = [user.email for user in handlers()]
    if not recipients:
        return 0
    title = " ".join(submission.title.split())[:120]
    values = {
        "title": title,
        "municipality": municipality_text(submission),
        "url": admin_url(submission),
    }
    messages = [
        EmailMessage(SUBJECT.format(**values), BODY.format(**values), to=[address])
        for address in recipients
    ]
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:  # noqa: BLE001 - any mail failure: log it, keep the stored tip
        logger.exception("Could not send the new-submission notification")
        return 0
