"""Asking for, confirming and ending a subscription: the data side of the views."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from pluginnovation.alerts.models import TOPIC_LISTS, Subscription


@dataclass
class Topics:
    """What a subscription follows: terms of each vocabulary, and whether the news."""

    factors: list
    projects: list
    regions: list
    news: bool

    def names(self):
        """The topics' names for a mail, in the form's order."""
        terms = self.factors + self.projects + self.regions
        return [term.name for term in terms] + (["Nyheter"] if self.news else [])


def ask(email, choice, now=None):
    """Store `choice` as the address's pending choice (one row per address, whatever the case
    of its letters); returns (subscription, whether a confirmation mail may be sent now)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(email__iexact=email).first()
        if subscription is None:
            try:
                with transaction.atomic():
                    subscription = Subscription.objects.create(
                        email=email, created_at=now, requested_at=now
                    )
            except IntegrityError:  # the same address, sent twice at once
                subscription = Subscription.objects.select_for_update().get(email__iexact=email)
        subscription.pending = choice
        send = subscription.may_send_confirmation(today)
        if send:
            subscription.count_confirmation(today)
            # The row of an unconfirmed address lives as long as its newest link.
            subscription.requested_at = now
        subscription.save()
    return subscription, send


def ids(values):
    """Whole numbers from a stored list, anything else dropped."""
    if not isinstance(values, list):
        return []
    return [value for value in values if isinstance(value, int) and not isinstance(value, bool)]


def vocabulary(key):
    """The term model of one of a subscription's lists ("regions": Region)."""
    return Subscription._meta.get_field(key).related_model


def topics(choice):
    """A stored choice's Topics: the terms that still exist, each vocabulary in its order. A
    choice stored before a vocabulary was offered simply has none of it."""
    choice = choice if isinstance(choice, dict) else {}
    terms = {
        key: list(vocabulary(key).objects.filter(pk__in=ids(choice.get(key))))
        for key in TOPIC_LISTS
    }
    return Topics(**terms, news=bool(choice.get("news")))


def confirm(subscription, now=None):
    """Make the pending choice the active one; the first confirmation starts the alerts."""
    now = now or timezone.now()
    chosen = topics(subscription.pending)
    with transaction.atomic():
        for key in TOPIC_LISTS:
            getattr(subscription, key).set(getattr(chosen, key))
        subscription.news = chosen.news
        subscription.pending = None
        if subscription.confirmed_at is None:
            subscription.confirmed_at = now
        subscription.save()
    return chosen


def end(subscription):
    """Unsubscribing deletes the row: the address is gone."""
    subscription.delete()
