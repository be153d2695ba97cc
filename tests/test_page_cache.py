"""The page cache: whole responses for anonymous visitors, valid for one content version.

Tests run inside a transaction, where nothing is cached; the `caching` fixture turns caching on
as on the running site (the content version still changes at once on a save, as in any process).
"""

import pickle
import re

from django.core.cache import cache
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction, Site

import pytest

from methods.models import MethodPage
from pluginnovation.delivery import page_bodies, pagecache
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.home.models import FooterSettings
from pluginnovation.saved.models import Collection, CollectionItem
from pluginnovation.taxonomy.models import SuccessFactor
from research.models import ResearchArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching(monkeypatch):
    monkeypatch.setattr(pagecache, "caching_allowed", lambda: True)
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)


@pytest.fixture
def article():
    return ResearchArticlePage.objects.live().public().first()


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_a_second_anonymous_request_is_served_without_the_database(
    client, caching, article, django_assert_num_queries
):
    first = get(client, article.url)
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(client, article.url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_head_is_answered_from_the_get(client, caching, article):
    get(client, article.url)
    assert client.head(article.url)["X-Cache"] == "hit"


def test_query_parameters_in_another_order_are_the_same_page(client, caching):
    factors = list(SuccessFactor.objects.values_list("slug", flat=True)[:2])
    first = get(client, f"/utforska/?faktor={factors[0]}&typ=metod&sida=1")
    assert first["X-Cache"] == "miss"
    again = get(client, f"/utforska/?sida=1&typ=metod&faktor={factors[0]}")
    assert again["X-Cache"] == "hit"
    other = get(client, f"/utforska/?faktor={factors[1]}&typ=metod&sida=1")
    assert other["X-Cache"] == "miss"


def test_each_language_and_coding_is_its_own_entry(client, caching):
    assert get(client, "/")["X-Cache"] == "miss"
    assert get(client, "/en/")["X-Cache"] == "miss"
    assert get(client, "/", Accept_Encoding="gzip")["X-Cache"] == "miss"
    assert get(client, "/", Accept_Encoding="gzip")["X-Cache"] == "hit"
    english = get(client, "/en/")
    assert english["X-Cache"] == "hit" and 'lang="en"' in english.content.decode()


def test_accept_language_does_not_choose_the_language(client, caching):
    """The language comes from the address alone, so the cache need not key on the header."""
    swedish = get(client, "/", Accept_Language="en-GB,en;q=0.9")
    assert '<html lang="sv"' in swedish.content.decode()


@pytest.mark.parametrize(
    "change",
    ["publish", "unpublish", "move", "delete", "restrict", "rename_factor", "footer"],
)
def test_a_change_is_visible_on_the_next_request(
    client, caching, article, change, django_capture_on_commit_callbacks
):
    get(client, "/")
    assert get(client, "/")["X-Cache"] == "hit"
    page = get(client, article.url)
    assert page["X-Cache"] == "miss"
    if change == "publish":
        article.title = "En helt ny rubrik på artikeln"
        article.save_revision().publish()
    elif change == "unpublish":
        article.unpublish()
    elif change == "move":
        target = MethodPage.objects.live().first().get_parent()
        article.move(target, pos="last-child")
    elif change == "delete":
        Page.objects.get(pk=article.pk).delete()
    elif change == "restrict":
        PageViewRestriction.objects.create(page=article, restriction_type="login")
    elif change == "rename_factor":
        factor = SuccessFactor.objects.first()
        factor.name = "Nytt namn på faktorn"
        factor.save()
    elif change == "footer":
        footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
        footer.owner_text = "Ny text i sidfoten om vem som ger ut kunskapsbanken."
        with django_capture_on_commit_callbacks(execute=True):  # the menu cache is cleared then
            footer.save()
    again = get(client, "/")
    assert again["X-Cache"] == "miss"
    after = get(client, article.url)
    assert after["X-Cache"] in ("miss", "bypass")
    if change == "publish":
        assert "En helt ny rubrik på artikeln" in after.content.decode()
    elif change in ("unpublish", "delete"):
        assert after.status_code == 404
    elif change == "move":  # Wagtail leaves a redirect to the new address
        assert after.status_code == 301
    elif change == "restrict":
        assert after.status_code == 302 and "private" in after["Cache-Control"]
    elif change == "rename_factor":
        assert "Nytt namn på faktorn" in get(client, "/framgangsfaktorer/").content.decode()
    elif change == "footer":
        assert "Ny text i sidfoten" in again.content.decode()


def test_a_logged_in_editor_is_never_served_or_stored(client, caching, article, admin_user):
    get(client, article.url)  # an anonymous copy is in the cache
    client.force_login(admin_user)
    editor = get(client, article.url)
    assert editor["X-Cache"] == "bypass"
    assert "private" in editor["Cache-Control"]
    assert "wagtail-userbar" in editor.content.decode()
    anonymous = get(Client(), article.url)
    assert anonymous["X-Cache"] == "hit"
    assert "wagtail-userbar" not in anonymous.content.decode()


@pytest.mark.parametrize("path", ["/sok/?q=skola", "/en/sok/?q=school"])
def test_an_editors_search_is_private_too(client, caching, admin_user, path):
    """A search says s-maxage=0 (its count); with an editor's user bar it must also say
    private, or a proxy could keep it."""
    client.force_login(admin_user)
    editor = get(client, path)
    assert "wagtail-userbar" in editor.content.decode()
    assert "private" in editor["Cache-Control"] and "public" not in editor["Cache-Control"]


def test_an_editors_page_does_not_become_the_anonymous_copy(client, caching, article, admin_user):
    client.force_login(admin_user)
    get(client, article.url)
    anonymous = get(Client(), article.url)
    assert anonymous["X-Cache"] == "miss"
    assert "wagtail-userbar" not in anonymous.content.decode()


def test_forms_with_a_csrf_token_are_not_stored(client, caching):
    first = get(client, reverse("submissions:submit"))
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert first["X-Cache"] == "bypass"
    second = get(Client(), reverse("submissions:submit"))
    assert second["X-Cache"] == "bypass"
    assert "private" in second["Cache-Control"]


def test_a_visitor_with_a_pending_message_gets_their_own_page(client, caching, article):
    get(client, article.url)
    client.cookies["messages"] = "anything"
    assert get(client, article.url)["X-Cache"] == "bypass"


def test_the_min_samling_hint_alone_is_served_the_public_copy(client, caching, article):
    first = get(client, article.url)
    client.cookies["samling"] = "1"  # says only that this browser has a collection
    second = get(client, article.url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


def test_a_visitor_with_a_collection_is_served_the_public_copy(client, caching, article):
    """Saving starts no session: the collection is found by a cookie of its own, which the
    public pages never read, so its owner gets the cached page like everyone else; only the
    page they return to after saving without JavaScript is their own, once."""
    first = get(client, article.url)
    assert get(client, article.url)["X-Cache"] == "hit"
    saved = client.post(
        "/samling/spara/",
        {"sida": article.pk, "next": article.url},
        HTTP_ORIGIN="http://testserver",
    )
    assert saved.status_code == 302
    assert "sessionid" not in client.cookies
    back = get(client, article.url)
    assert back["X-Cache"] == "bypass"
    assert re.search(r'<body class="[^"]*\bsaved-now\b', back.content.decode())
    again = get(client, article.url)
    assert again["X-Cache"] == "hit"
    assert again.content == first.content


def test_a_personal_cookie_sent_empty_gets_the_public_copy(client, caching, article):
    get(client, article.url)
    client.cookies["sessionid"] = ""  # removed by the site, sent on by some clients
    client.cookies["messages"] = ""
    assert get(client, article.url)["X-Cache"] == "hit"


def test_a_collection_held_by_a_session_ends_up_served_the_public_copy(client, caching, article):
    collection = Collection.objects.create()
    CollectionItem.objects.create(collection=collection, page=article, position=1)
    session = client.session
    session["saved_collection"] = collection.pk
    session.save()
    client.cookies["sessionid"] = session.session_key
    get(client, article.url)
    assert get(client, article.url)["X-Cache"] == "bypass"
    # Back on a page, saved.js asks which pages are saved: the first answer brings the
    # collection's own cookie, the second lets the session go.
    client.get("/samling/sparade/")
    response = client.get("/samling/sparade/")
    assert response.json() == {"sidor": [article.pk]}
    assert response.cookies["sessionid"]["max-age"] == 0
    del client.cookies["sessionid"]  # as a browser does with a cookie of Max-Age=0
    assert get(client, article.url)["X-Cache"] == "miss"
    assert get(client, article.url)["X-Cache"] == "hit"


def test_the_saved_page_ids_are_never_stored(client, caching):
    client.cookies["samling"] = "1"
    for _ in range(2):
        response = get(client, "/samling/sparade/")
        assert response.get("X-Cache") != "hit"
        assert "no-store" in response["Cache-Control"]


def test_a_page_preview_is_never_stored(client, caching, article):
    get(client, article.url)
    article.title = "Utkast som inte får synas"
    preview = article.make_preview_request()  # through the middleware, as the admin does
    assert "Utkast som inte får synas" in preview.content.decode()
    anonymous = get(client, article.url)
    assert anonymous["X-Cache"] == "hit"
    assert "Utkast som inte får synas" not in anonymous.content.decode()


def test_public_pages_tell_caches_how_long_and_answer_304(client, caching, article):
    first = get(client, article.url)
    control = first["Cache-Control"]
    assert "public" in control and "s-maxage=" in control and "stale-if-error=" in control
    assert first["ETag"] and first["Last-Modified"]
    again = get(client, article.url, If_None_Match=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    # Where the answer came from is still said (a proxy's or DevTools' view of the cache).
    assert again["X-Cache"] == "hit"


@pytest.fixture
def database_away(monkeypatch):
    def switch():
        def unavailable(*args, **kwargs):
            raise OperationalError("connection refused")

        monkeypatch.setattr("wagtail.models.Page.route", unavailable)

    return switch


@pytest.fixture
def outage(caching, article, database_away, monkeypatch):
    """The article's page in the cache, older than PAGE_CACHE_SECONDS but of the current
    content version, then the database away: the client and the cached page."""
    client = Client(raise_request_exception=False)
    first = get(client, article.url)
    monkeypatch.setattr(pagecache, "is_fresh", lambda entry: False)
    database_away()
    return client, first


def test_a_database_outage_serves_the_older_copy_or_a_swedish_503(outage, article):
    client, first = outage
    stale = get(client, article.url)
    assert stale.status_code == 200 and stale["X-Cache"] == "stale"
    assert stale.content == first.content
    never_cached = get(client, article.url + "?sida=2")
    assert never_cached.status_code == 503
    assert never_cached["Retry-After"] == "30"
    assert "Sidan kan inte visas just nu" in never_cached.content.decode()


def test_a_copy_of_an_older_version_is_never_served_even_while_the_database_is_away(
    caching, article, database_away
):
    """The page may have been made private or unpublished since that copy was made."""
    client = Client(raise_request_exception=False)
    get(client, article.url)
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    database_away()
    response = get(client, article.url)
    assert response.status_code == 503
    assert "Sidan kan inte visas just nu" in response.content.decode()


def test_a_visitor_with_a_session_gets_the_public_copy_while_the_database_is_away(
    caching, article, database_away
):
    client = Client(raise_request_exception=False)
    public = get(client, article.url)
    client.cookies["sessionid"] = "a-visitor-with-a-collection"
    database_away()
    response = get(client, article.url)
    assert response.status_code == 200 and response["X-Cache"] == "stale"
    assert response.content == public.content


def test_tracking_parameters_are_the_plain_page(client, caching):
    plain = get(client, "/forskning/")
    assert plain["X-Cache"] == "miss"
    for query in ("?fbclid=IwAR1abc", "?utm_source=nyhetsbrev&utm_medium=email", "?gclid=x"):
        tracked = get(client, "/forskning/" + query)
        assert tracked["X-Cache"] == "hit", query
        assert tracked.content == plain.content
    filtered = get(client, "/forskning/?utm_campaign=v48&faktor=samverkan")
    assert filtered["X-Cache"] == "miss"
    assert "utm_campaign" not in filtered.content.decode()
    assert get(client, "/forskning/?faktor=samverkan")["X-Cache"] == "hit"


def test_swedish_pages_do_not_vary_on_accept_language(client, caching):
    response = get(client, "/")
    assert "accept-language" not in response.get("Vary", "").lower()


def test_other_server_errors_stay_500(caching, monkeypatch, article):
    client = Client(raise_request_exception=False)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("wagtail.models.Page.route", broken)
    response = get(client, article.url)
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_strange_requests_are_answered_not_cached(client, caching):
    assert get(client, "/?" + "a=1&" * 1500)["X-Cache"] == "bypass"
    assert get(client, "/sok/?q=" + "x" * 3000)["X-Cache"] == "bypass"
    assert client.post("/")["X-Cache"] == "bypass"


def test_the_redis_cache_makes_one_client_per_pool_not_per_call():
    from pluginnovation.cache_backends import SharedRedisCache

    redis = SharedRedisCache("redis://127.0.0.1:6379/0", {})._cache  # connects on first command
    assert redis.get_client("a") is redis.get_client("b")
    assert redis.get_client("a", write=True) is redis.get_client("b", write=True)


def test_a_search_served_from_the_cache_is_still_counted_for_the_editors(client, caching):
    from wagtail.contrib.search_promotions.models import Query

    first = get(client, "/sok/?q=frånvaro")
    second = get(client, "/sok/?q=frånvaro")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert Query.get("frånvaro").hits == 2
    # A CDN must not keep it: it would answer without counting.
    assert "s-maxage=0" in second["Cache-Control"]
    # Paging through the results is not a new search, and may be kept.
    get(client, "/sok/?q=frånvaro&sida=2")
    assert get(client, "/sok/?q=frånvaro&sida=2")["X-Cache"] == "hit"
    assert Query.get("frånvaro").hits == 2


def test_a_cached_search_is_counted_without_the_database_until_the_counts_are_written(
    client, caching, settings, django_assert_num_queries
):
    """A cached search's only work is counting it: kept in the process and written every
    SEARCH_COUNT_SECONDS, so a hit costs no query, and no count is lost."""
    from wagtail.contrib.search_promotions.models import Query

    from pluginnovation.discovery import search_counts

    settings.SEARCH_COUNT_SECONDS = 60
    search_counts.write_counts()  # start the interval now
    assert get(client, "/sok/?q=skolnärvaro")["X-Cache"] == "miss"
    for _ in range(3):
        with django_assert_num_queries(0):
            assert get(client, "/sok/?q=skolnärvaro")["X-Cache"] == "hit"
    assert not Query.objects.filter(query_string="skolnärvaro").exists()
    search_counts._written_at[0] -= 61  # a minute has passed since the counts were written
    get(client, "/sok/?q=skolnärvaro")
    assert Query.get("skolnärvaro").hits == 5


def test_the_file_cache_culls_now_and_then_not_on_every_write(tmp_path, monkeypatch):
    from pluginnovation import cache_backends

    files = cache_backends.FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    listings = []
    real = cache_backends.FileBasedCache._list_cache_files
    monkeypatch.setattr(
        cache_backends.FileBasedCache,
        "_list_cache_files",
        lambda self: listings.append(1) or real(self),
    )
    for number in range(1000):
        files.set(f"key-{number}", number)
    assert len(listings) == 1000 // cache_backends.CULL_EVERY
    assert len(list(tmp_path.iterdir())) < 1000  # culled all the same


def test_a_page_kept_whole_is_not_also_kept_as_a_shared_body(client, caching, article, monkeypatch):
    from pluginnovation.discovery import fragments

    monkeypatch.setattr(fragments, "connection", type("C", (), {"in_atomic_block": False}))
    stored = []
    monkeypatch.setattr(fragments, "put", lambda request, name, html: stored.append(name))
    assert get(client, article.url)["X-Cache"] == "miss"
    assert stored == []
    client.cookies["sessionid"] = "a-visitor-with-a-collection"
    assert get(client, article.url)["X-Cache"] == "bypass"
    assert stored == ["body"]


# An entry holds its body's digest, not the body (pluginnovation.delivery.page_bodies): the body
# is stored once per distinct body in the shared cache and kept by each process, so a hit reads a
# few hundred bytes from Redis, not the page.


@pytest.fixture
def shared_reads(monkeypatch):
    """The keys each read of the shared cache asked for, and how many bytes came back."""
    reads = []
    for name in ("get", "get_many"):
        original = getattr(cache, name)

        def reading(keys, *args, _original=original, **kwargs):
            found = _original(keys, *args, **kwargs)
            reads.append((keys, found))
            return found

        monkeypatch.setattr(cache, name, reading)
    return reads


def body_reads(reads):
    keys = [key for keys, _ in reads for key in ([keys] if isinstance(keys, str) else keys)]
    return [key for key in keys if key.startswith("page-body:")]


def body_bytes(reads):
    """Bytes read from the shared cache, as they are stored there (pickled)."""
    values = [found for keys, found in reads if isinstance(keys, str)]
    values += [
        value for keys, found in reads if not isinstance(keys, str) for value in found.values()
    ]
    return sum(len(pickle.dumps(value)) for value in values if value is not None)


def test_a_hit_reads_the_entry_and_not_the_body(client, caching, article, shared_reads):
    first = client.get(article.url)
    assert first["X-Cache"] == "miss" and len(first.content) > 5000
    shared_reads.clear()
    second = client.get(article.url)
    assert second["X-Cache"] == "hit" and second.content == first.content
    assert shared_reads and not body_reads(shared_reads)
    assert body_bytes(shared_reads) < len(first.content) / 4


def test_another_process_reads_the_body_once(client, caching, article, shared_reads):
    first = client.get(article.url)
    page_bodies.forget()  # as in another app server, which never saw this body
    shared_reads.clear()
    assert client.get(article.url).content == first.content
    assert len(body_reads(shared_reads)) == 1
    assert body_bytes(shared_reads) > len(first.content)
    shared_reads.clear()
    assert client.get(article.url).content == first.content
    assert not body_reads(shared_reads)


def test_an_entry_whose_body_is_gone_is_made_again(client, caching, article):
    first = client.get(article.url)
    page_bodies.forget()
    cache.delete(page_bodies.body_key(page_bodies.digest(first.content)))
    again = client.get(article.url)
    assert again.status_code == 200 and again["X-Cache"] == "miss"
    assert again.content == first.content
    assert client.get(article.url)["X-Cache"] == "hit"


def stored_body(body):
    name = page_bodies.digest(body)
    cache.set(page_bodies.body_key(name), body, 60)
    return name


def test_what_a_process_keeps_is_bounded_by_size(caching, monkeypatch):
    monkeypatch.setattr(page_bodies, "MAX_BYTES", 3 * (900 + page_bodies.OVERHEAD))
    bodies = [bytes([n]) * 900 for n in range(4)]
    names = [stored_body(body) for body in bodies]
    for name, body in zip(names[:3], bodies[:3], strict=True):
        page_bodies.keep(name, body)
    assert page_bodies.get(names[0], 60) == bodies[0]  # served last: the second goes first
    page_bodies.keep(names[3], bodies[3])
    assert page_bodies.kept_bytes() <= page_bodies.MAX_BYTES
    cache.clear()  # what is still kept is served from the process alone
    assert [page_bodies.get(name, 60) for name in names] == [bodies[0], None, *bodies[2:]]


def test_a_body_larger_than_a_sixteenth_is_not_kept(caching):
    huge = b"x" * (page_bodies.LARGEST + 1)
    name = stored_body(huge)
    page_bodies.keep(page_bodies.digest(b"liten"), b"liten")
    assert page_bodies.get(name, 60) == huge
    assert page_bodies.kept_bytes() < 1000


def test_a_body_served_from_the_process_is_touched_in_the_shared_cache(caching, monkeypatch):
    """Redis would otherwise evict it (least recently used) while its entry stays."""
    touched = []
    monkeypatch.setattr(cache, "touch", lambda key, timeout: touched.append((key, timeout)))
    name = stored_body(b"<p>sida</p>")
    assert page_bodies.get(name, 600) == b"<p>sida</p>"  # read from the shared cache
    assert page_bodies.get(name, 600) == b"<p>sida</p>"
    assert touched == []
    monkeypatch.setattr(page_bodies, "TOUCH_SECONDS", -1)
    assert page_bodies.get(name, 600) == b"<p>sida</p>"
    assert touched == [(page_bodies.body_key(name), 600)]


def test_a_body_the_shared_cache_does_not_have_is_none(caching):
    assert page_bodies.get(page_bodies.digest(b"aldrig lagrad"), 60) is None


def test_while_the_database_is_away_the_body_comes_from_the_shared_cache_or_a_503_is_sent(
    outage, article
):
    client, first = outage
    page_bodies.forget()  # another app server's process
    stale = get(client, article.url)
    assert stale.status_code == 200 and stale["X-Cache"] == "stale"
    assert stale.content == first.content
    page_bodies.forget()
    cache.delete(page_bodies.body_key(page_bodies.digest(first.content)))
    gone = get(client, article.url)
    assert gone.status_code == 503 and "Sidan kan inte visas just nu" in gone.content.decode()


def test_each_coding_is_its_own_body(client, caching, article):
    plain = get(client, article.url)
    packed = get(client, article.url, Accept_Encoding="br")
    assert packed["Content-Encoding"] == "br" and packed.content != plain.content
    page_bodies.forget()
    assert get(client, article.url, Accept_Encoding="br").content == packed.content
    assert get(client, article.url).content == plain.content
