"""The alert digest (manage.py send_alert_digests): what each subscriber gets, what never goes
out (drafts, restricted pages), the headers, the bounded queries, and the whole round trip."""

import datetime
import re
import time
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

import pytest

from methods.models import MethodIndexPage
from pluginnovation.alerts.digest import MAX_ITEMS_PER_MAIL, send_digests
from pluginnovation.alerts.models import Subscription
from pluginnovation.news.models import NewsIndexPage, NewsPage
from pluginnovation.taxonomy.models import Project, SuccessFactor
from research.models import ResearchIndexPage
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    MethodPageFactory,
    RegionFactory,
    RegionSectionPageFactory,
    ResearchArticlePageFactory,
    factors,
    site_root,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_limit(settings):
    settings.ALERTS_SUBSCRIBE_PER_HOUR = 1000


def research_index():
    return ResearchIndexPage.objects.live().first()


def news_index():
    return NewsIndexPage.objects.live().first()


def confirmed(email, factor_slugs=(), projects=(), news=False, since=None):
    subscription = Subscription.objects.create(
        email=email, confirmed_at=since or timezone.now(), news=news
    )
    subscription.factors.set(SuccessFactor.objects.filter(slug__in=factor_slugs))
    subscription.projects.set(projects)
    return subscription


def page(title, slugs=("samverkan",), projects=(), live=True, parent=None, factory=None):
    factory = factory or ResearchArticlePageFactory
    created = factory(
        title=title, parent=parent or research_index(), live=live, factors=factors(*slugs)
    )
    if projects:
        created.projects.set(projects)
        created.save()
    return created


def news(title, live=True):
    item = NewsPage(title=title, summary="Kort.", date=datetime.date.today(), live=live)
    news_index().add_child(instance=item)
    if live:
        item.first_published_at = timezone.now()
        item.save()
    return item


def make_private(target):
    PageViewRestriction.objects.create(
        page=target, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )


def mail_to(address):
    found = [message for message in mail.outbox if message.to == [address]]
    assert len(found) <= 1
    return found[0] if found else None


def test_each_subscriber_gets_what_matches_their_topics():
    project = Project.objects.first()
    anna = confirmed("anna@skola.se", ["samverkan"])
    bo = confirmed("bo@skola.se", projects=[project])
    cilla = confirmed("cilla@skola.se", news=True)
    confirmed("dan@skola.se", ["gott-bemotande"])
    together = page("Samverkan med socialtjänsten")
    flexible = page("Flexibla scheman", slugs=("flexibilitet",), projects=[project])
    method = page(
        "Mentorssamtal", factory=MethodPageFactory, parent=MethodIndexPage.objects.first()
    )
    item = news("Ny rapport om frånvaro")

    outcome = send_digests()

    assert outcome.sent == 3 and outcome.nothing_new == 1
    anna_mail = mail_to(anna.email).body
    assert together.title in anna_mail and method.title in anna_mail
    assert flexible.title not in anna_mail and item.title not in anna_mail
    bo_mail = mail_to(bo.email).body
    assert flexible.title in bo_mail and together.title not in bo_mail
    cilla_mail = mail_to(cilla.email).body
    assert item.title in cilla_mail and together.title not in cilla_mail
    assert mail_to("dan@skola.se") is None
    # Full links, the HTML alternative and the unsubscribe headers.
    assert f"http://testserver{together.url}" in anna_mail
    html = mail_to(anna.email).alternatives[0][0]
    assert f'href="http://testserver{together.url}"' in html
    headers = mail_to(anna.email).extra_headers
    assert re.fullmatch(r"<http://testserver/bevaka/avsluta/[^/]+/>", headers["List-Unsubscribe"])
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/bevaka/avsluta/" in anna_mail


def test_a_region_subscriber_gets_that_regions_case_studies_only():
    index = CaseStudyIndexPageFactory(parent=site_root())
    home = RegionSectionPageFactory(region=RegionFactory(name="Hemregionen"), parent=index)
    other = RegionSectionPageFactory(region=RegionFactory(name="Bortaregionen"), parent=index)
    eva = confirmed("eva@skola.se")
    eva.regions.set([home.region])
    ours = CaseStudyPageFactory(title="Zyxfall i hemregionen", parent=home)
    theirs = CaseStudyPageFactory(title="Zyxfall i bortaregionen", parent=other)
    research = page("Zyxforskning utan region")

    send_digests()

    eva_mail = mail_to(eva.email).body
    assert ours.title in eva_mail
    assert theirs.title not in eva_mail and research.title not in eva_mail


def test_drafts_restricted_and_older_pages_are_never_sent():
    anna = confirmed("anna@skola.se", ["samverkan"], news=True)
    before = page("Publicerad före bekräftelsen")
    before.first_published_at = anna.confirmed_at - datetime.timedelta(days=1)
    before.save()
    draft = page("Utkast om samverkan", live=False)
    hidden = page("Lösenordsskyddad sida")
    make_private(hidden)
    restricted_parent = page("Förälder")
    make_private(restricted_parent)
    below = page("Under en skyddad sida", parent=restricted_parent)
    hidden_news = news("Skyddad nyhet")
    make_private(hidden_news)
    draft_news = news("Nyhetsutkast", live=False)
    visible_page = page("Synlig sida")

    send_digests()

    body = mail_to(anna.email).body + mail_to(anna.email).alternatives[0][0]
    assert visible_page.title in body
    for absent in (before, draft, hidden, restricted_parent, below, hidden_news, draft_news):
        assert absent.title not in body


def test_english_translations_are_not_announced():
    anna = confirmed("anna@skola.se", ["samverkan"])
    english, _ = Locale.objects.get_or_create(language_code="en")
    original = page("Samverkan i skolan")
    translation = original.copy_for_translation(english, copy_parents=True)
    translation.title = "Collaboration in school"
    translation.save_revision().publish()
    send_digests()
    body = mail_to(anna.email).body
    assert original.title in body and translation.title not in body


def test_the_digest_is_in_swedish():
    confirmed("anna@skola.se", ["samverkan"])
    created = page("Ny sida")
    # Noon on 15 March last year, in the site's time zone: a date shown as written, whatever
    # the hour the test runs (at 23:xx UTC today's time on 15 March is already the 16th here).
    created.first_published_at = timezone.make_aware(
        datetime.datetime(timezone.now().year - 1, 3, 15, 12)
    )
    Subscription.objects.update(
        confirmed_at=created.first_published_at - datetime.timedelta(days=1)
    )
    created.save()
    send_digests()
    assert "15 mars" in mail.outbox[0].body


def test_nothing_new_sends_nothing_and_a_second_run_sends_nothing():
    anna = confirmed("anna@skola.se", ["samverkan"])
    assert send_digests().sent == 0 and mail.outbox == []
    page("Ny sida")
    assert send_digests().sent == 1
    anna.refresh_from_db()
    assert anna.last_sent_at is not None
    assert send_digests().sent == 0 and len(mail.outbox) == 1


def test_unconfirmed_subscriptions_get_nothing():
    Subscription.objects.create(email="ny@skola.se", pending={"factors": [], "news": True})
    news("En nyhet")
    assert send_digests().sent == 0 and mail.outbox == []


def test_a_failed_send_is_tried_again_next_time(settings):
    anna = confirmed("anna@skola.se", ["samverkan"])
    created = page("Ny sida")
    settings.EMAIL_BACKEND = "tests.test_alerts_digest.FailingBackend"
    outcome = send_digests()
    assert outcome.failed == 1 and outcome.sent == 0
    anna.refresh_from_db()
    assert anna.last_sent_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_digests().sent == 1
    assert created.title in mail.outbox[0].body


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no relay")


def test_a_mail_lists_at_most_the_newest_pages():
    confirmed("anna@skola.se", ["samverkan"])
    for n in range(MAX_ITEMS_PER_MAIL + 5):
        page(f"Sida nummer {n:03d}")
    send_digests()
    body = mail.outbox[0].body
    assert body.count("Sida nummer") == MAX_ITEMS_PER_MAIL
    assert f"Sida nummer {MAX_ITEMS_PER_MAIL + 4:03d}" in body and "Sida nummer 000" not in body


def test_the_command_reports_what_it_did():
    confirmed("anna@skola.se", ["samverkan"])
    page("Ny sida")
    out = StringIO()
    call_command("send_alert_digests", stdout=out)
    assert "Skickade 1 mejl" in out.getvalue()


def test_queries_do_not_grow_with_subscribers_or_pages():
    """500 subscribers and 40 new pages: a fixed number of queries plus one per mail sent."""
    slugs = list(SuccessFactor.objects.values_list("slug", flat=True))
    projects = list(Project.objects.all())
    since = timezone.now()
    rows = Subscription.objects.bulk_create(
        Subscription(email=f"person{n}@skola.se", confirmed_at=since, news=n % 3 == 0)
        for n in range(500)
    )
    through = Subscription.factors.through
    through.objects.bulk_create(
        through(
            subscription_id=row.pk,
            successfactor_id=SuccessFactor.objects.get(slug=slugs[n % len(slugs)]).pk,
        )
        for n, row in enumerate(rows)
        if n % 5
    )
    for n in range(40):
        page(
            f"Ny sida {n}",
            slugs=(slugs[n % len(slugs)],),
            projects=projects[:1] if n % 4 == 0 else (),
        )
    news("En nyhet")
    started = time.monotonic()
    with CaptureQueriesContext(connection) as queries:
        outcome = send_digests()
    seconds = time.monotonic() - started
    assert outcome.sent == 500 - sum(1 for n in range(500) if n % 5 == 0 and n % 3 != 0)
    assert len(queries) <= 15 + outcome.sent, len(queries)
    print(f"\n500 subscribers: {outcome.sent} mails, {len(queries)} queries, {seconds:.2f} s")


# The whole round trip


def test_subscribe_confirm_digest_unsubscribe_round_trip(client):
    response = client.post(
        "/bevaka/",
        {
            "email": "anna@skola.se",
            "factors": [SuccessFactor.objects.get(slug="samverkan").pk],
            "news": "on",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    confirm_path = re.search(r"http://testserver(/bevaka/bekrafta/[^/\s]+/)", confirmation.body)[1]
    assert send_digests().sent == 0  # nothing before confirmation
    assert client.get(confirm_path).status_code == 200
    assert Subscription.objects.get().confirmed_at is None
    assert client.post(confirm_path).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None

    published = page("Nytt om samverkan")
    draft = page("Utkast om samverkan", live=False)
    restricted = page("Skyddad om samverkan")
    make_private(restricted)
    call_command("send_alert_digests", stdout=StringIO())

    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.to == ["anna@skola.se"]
    assert published.title in digest.body and f"http://testserver{published.url}" in digest.body
    assert draft.title not in digest.body and restricted.title not in digest.body
    header = digest.extra_headers["List-Unsubscribe"]
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # What a mail client does for one-click unsubscribe: POST, no cookie, no CSRF token.
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(header.strip("<>"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Subscription.objects.count() == 0

    page("Ännu en sida om samverkan")
    call_command("send_alert_digests", stdout=StringIO())
    assert len(mail.outbox) == 2
