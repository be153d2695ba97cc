"""The search vocabulary follows publishing without counting every page again: after a change
only the buckets of pages whose index entries or visibility changed are counted anew."""

from django.core.cache import cache, caches

import pytest

from methods.models import MethodPage
from pluginnovation.discovery import buckets
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery import vocabulary as vocabulary_module
from pluginnovation.discovery.vocabulary import Vocabulary
from tests.discovery_support import add_page, only_postgresql, record_calls

pytestmark = pytest.mark.django_db


def state(vocabulary):
    return (
        vocabulary.frequency,
        vocabulary.spellings,
        vocabulary.sorted,
        vocabulary.reversed,
        {key: sorted(words) for key, words in vocabulary.buckets.items() if words},
    )


def test_updating_a_vocabulary_gives_what_building_it_anew_gives():
    before = {"mentorer": 3, "Mentorer": 1, "elev": 9, "skolan": 4, "närvaro": 2}
    after = {"mentorer": 2, "Mentorer": 3, "elev": 9, "narvaro": 1, "kvällsskolan": 5}
    vocabulary = Vocabulary(before)
    vocabulary.update(after, set(before) | set(after))
    assert state(vocabulary) == state(Vocabulary(after))
    assert vocabulary.correct("kvallskolna") == "kvällsskolan"
    assert vocabulary.forms("narvaro") == ["narvaro"]
    assert not vocabulary.known("skolan")


@pytest.fixture
def caching(monkeypatch):
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    monkeypatch.setattr(vocabulary_module, "caching_allowed", lambda: True)
    monkeypatch.setattr(vocabulary_module, "_words", vocabulary_module.Words())
    # Room for the versions of PostgreSQL's growing page ids (see small_buckets).
    monkeypatch.setattr(caches["default"], "_max_entries", 10**6)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fingerprinted(monkeypatch):
    """The buckets each fingerprint query read: None for all of them."""
    return record_calls(
        monkeypatch, vocabulary_module, "fingerprints", lambda numbers, request: numbers
    )


@only_postgresql
def test_publishing_and_hiding_a_page_recount_only_its_bucket(caching, monkeypatch):
    add_page(MethodPage, "Zyxmentorskap", body="Zyxkvällsskolan och zyxmentorer.")
    first = vocabulary_module.vocabulary()
    assert first.known("zyxkvällsskolan")

    counted = []
    real = vocabulary_module.count_buckets_postgresql
    monkeypatch.setattr(
        vocabulary_module,
        "count_buckets_postgresql",
        lambda buckets: counted.append(list(buckets)) or real(buckets),
    )
    page = add_page(MethodPage, "Zyxnytt", body="Zyxblockläsning.", live=False)
    discovery_cache.changed()
    assert not vocabulary_module.vocabulary().known("zyxblockläsning")
    assert counted == []  # a draft changes no visible page's words

    page.save_revision().publish()
    words = vocabulary_module.vocabulary()
    assert words.known("zyxblockläsning") and words.known("zyxkvällsskolan")
    assert counted == [[page.pk // buckets.SMALL_SIZE]]

    page.live = False
    page.save(update_fields=["live"])
    words = vocabulary_module.vocabulary()
    assert not words.known("zyxblockläsning") and words.known("zyxkvällsskolan")
    assert state(words) == state(vocabulary_module.build())


@only_postgresql
def test_a_publish_fingerprints_only_its_bucket_and_a_restriction_every_bucket(
    caching, fingerprinted
):
    from wagtail.models import PageViewRestriction

    page = add_page(MethodPage, "Zyxfyra", body="Zyxlovskola i fyra veckor.")
    assert vocabulary_module.vocabulary().known("zyxlovskola")
    fingerprinted.clear()

    page.body = [{"type": "paragraph", "value": "<p>Zyxsommarskola i fyra veckor.</p>"}]
    page.save_revision().publish()
    words = vocabulary_module.vocabulary()
    assert words.known("zyxsommarskola") and not words.known("zyxlovskola")
    assert fingerprinted == [[page.pk // buckets.SMALL_SIZE]]

    # A view restriction may hide pages of any bucket: every bucket is fingerprinted again.
    PageViewRestriction.objects.create(page=page.get_parent(), password="hemligt")
    words = vocabulary_module.vocabulary()
    assert not words.known("zyxsommarskola")
    assert fingerprinted[-1] is None
    assert state(words) == state(vocabulary_module.build())
