"""What the digest command sends: for every confirmed subscriber, the public pages first
published since their last mail (or their confirmation) that match their topics.

The queries do not grow with the subscribers or the pages: the new pages since the oldest
subscriber's moment are read once (with their factors, projects and regions in one query
each), every subscriber with their topics in four queries, and each subscriber's list is picked
out in Python. Only sending a mail costs a query of its own (its last_sent_at).
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Min
from django.db.models.functions import Coalesce
from django.utils import timezone

from pluginnovation.alerts import mail
from pluginnovation.alerts.models import CONFIRM_MAX_AGE, TOPIC_LISTS, Subscription
from pluginnovation.content.models import ContentPage
from pluginnovation.content.visibility import visible
from pluginnovation.news.models import NewsPage

logger = logging.getLogger(__name__)

# The most pages one run reads and one mail lists: a digest is a notice, not an archive.
MAX_PAGES_READ = 2000
MAX_ITEMS_PER_MAIL = 30


@dataclass
class Item:
    pk: int
    title: str
    summary: str
    type_label: str
    url: str
    published_at: object
    is_news: bool = False
    factor_ids: set = field(default_factory=set)
    project_ids: set = field(default_factory=set)
    region_ids: set = field(default_factory=set)


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0
    nothing_new: int = 0
    removed_unconfirmed: int = 0


def remove_expired(now):
    """Delete rows whose confirmation link has expired unconfirmed; forget stale choices."""
    cutoff = now - CONFIRM_MAX_AGE
    _, removed = Subscription.objects.filter(
        confirmed_at__isnull=True, requested_at__lt=cutoff
    ).delete()
    Subscription.objects.filter(
        confirmed_at__isnull=False, pending__isnull=False, requested_at__lt=cutoff
    ).update(pending=None)
    return removed.get(Subscription._meta.label, 0)


def links(model, ids, column):
    """{page id: {term ids}} for a page model's many-to-many `column`, in one query."""
    through = getattr(model, column).through
    page_column = f"{model._meta.model_name}_id"
    term_column = next(
        f.attname
        for f in through._meta.concrete_fields
        if f.is_relation and f.attname != page_column
    )
    found = {}
    for page_id, term_id in through.objects.filter(**{f"{page_column}__in": ids}).values_list(
        page_column, term_column
    ):
        found.setdefault(page_id, set()).add(term_id)
    return found


def absolute_url(page, base):
    url = page.get_url()
    return mail.absolute(base, url) if url else None


def swedish(pages):
    """The mails are Swedish: translations (English copies) of pages are not announced."""
    return pages.filter(locale__language_code=settings.LANGUAGE_CODE)


def new_items(since, base):
    """The Swedish content pages and news a visitor may see, first published after `since`,
    newest first, with their factor, project and region ids."""
    pages = list(
        visible(swedish(ContentPage.objects.filter(first_published_at__gt=since)))
        .only("id", "title", "summary", "url_path", "first_published_at", "content_type_id", "path")
        .order_by("-first_published_at", "-pk")[:MAX_PAGES_READ]
    )
    ids = [page.pk for page in pages]
    factors = links(ContentPage, ids, "factors")
    projects = links(ContentPage, ids, "projects")
    regions = links(ContentPage, ids, "regions")
    items = [
        Item(
            pk=page.pk,
            title=page.title,
            summary=page.summary,
            type_label=page.type_label,
            url=absolute_url(page, base),
            published_at=page.first_published_at,
            factor_ids=factors.get(page.pk, set()),
            project_ids=projects.get(page.pk, set()),
            region_ids=regions.get(page.pk, set()),
        )
        for page in pages
    ]
    news = visible(swedish(NewsPage.objects.filter(first_published_at__gt=since))).only(
        "id", "title", "summary", "url_path", "first_published_at", "path"
    )
    items += [
        Item(
            pk=page.pk,
            title=page.title,
            summary=page.summary,
            type_label="Nyhet",
            url=absolute_url(page, base),
            published_at=page.first_published_at,
            is_news=True,
        )
        for page in news.order_by("-first_published_at", "-pk")[:MAX_PAGES_READ]
    ]
    return [item for item in items if item.url]


def topics_of(subscriptions):
    """{subscription id: (factor ids, project ids, region ids)}: one query per list."""
    topics = {sub.pk: tuple(set() for _ in TOPIC_LISTS) for sub in subscriptions}
    for index, name in enumerate(TOPIC_LISTS):
        field = Subscription._meta.get_field(name)
        for sub_id, term_id in field.remote_field.through.objects.filter(
            subscription_id__in=topics
        ).values_list("subscription_id", field.m2m_reverse_name()):
            topics[sub_id][index].add(term_id)
    return topics


def matching(items, subscription, factor_ids, project_ids, region_ids):
    since = subscription.since()
    chosen = [
        item
        for item in items
        if item.published_at > since
        and (
            (item.is_news and subscription.news)
            or item.factor_ids & factor_ids
            or item.project_ids & project_ids
            or item.region_ids & region_ids
        )
    ]
    chosen.sort(key=lambda item: item.published_at, reverse=True)
    return chosen[:MAX_ITEMS_PER_MAIL]


def send_digests(now=None, base=None):
    """Send each confirmed subscriber one mail of what is new for them; returns an Outcome."""
    now = now or timezone.now()
    base = base or mail.public_base_url()
    outcome = Outcome(removed_unconfirmed=remove_expired(now))
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
    oldest = confirmed.aggregate(oldest=Min(Coalesce("last_sent_at", "confirmed_at")))["oldest"]
    if oldest is None:
        return outcome
    items = new_items(oldest, base)
    subscriptions = list(confirmed.order_by("pk"))
    topics = topics_of(subscriptions)
    connection = get_connection()
    for subscription in subscriptions:
        chosen = matching(items, subscription, *topics[subscription.pk])
        if not chosen:
            outcome.nothing_new += 1
            continue
        try:
            mail.digest(subscription, chosen, base, connection=connection).send()
        except Exception:  # an SMTP or network error: try this one again next run
            logger.exception("Alert digest to subscription %s failed", subscription.pk)
            outcome.failed += 1
            continue
        Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
        outcome.sent += 1
    return outcome
