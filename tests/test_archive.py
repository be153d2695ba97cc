"""The static archive (manage.py build_archive): the demo site written as files.

One archive is built for the module, from the demo content plus things that must never
reach it: a restricted page and its child, a page never published, unpublished draft text on
a live page, and a document in a restricted collection. The private things are linked from a
public page, so the crawl sees their addresses and has to refuse them itself.
"""

import datetime
import json
import re

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from methods.models import MethodPage
from pluginnovation.archive.addresses import address_key, canonical_query, file_for
from pluginnovation.archive.build import build
from pluginnovation.archive.check import broken_links, page_links
from pluginnovation.archive.scope import Scope
from pluginnovation.home import navigation
from tests.factories import ImageFactory, StandardPageFactory, site_root

# Every test reads the archive the module builds from the database (and pytest-django sets
# the test database up only for tests that ask for it).
pytestmark = pytest.mark.django_db

SECRET = "Zq7hemlig"
MADE_ON = datetime.date(2026, 3, 14)


def private_document(title):
    collection = Collection.get_first_root_node().add_child(name=f"Interna {title}")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return Document.objects.create(
        title=title,
        collection=collection,
        file=ContentFile(b"%PDF-1.4\n" + SECRET.encode() * 10, name="zq7-protokoll.pdf"),
    )


def add_private_things():
    """Everything the archive must leave out, each linked from a public page."""
    home = site_root()
    restricted = StandardPageFactory(
        parent=home, title=f"Låst sida {SECRET}", slug="last-sida", intro=f"Låst {SECRET}."
    )
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    child = StandardPageFactory(
        parent=restricted, title=f"Låst barn {SECRET}", slug="last-barn", intro=f"{SECRET}."
    )
    never = StandardPageFactory(
        parent=home, title=f"Aldrig publicerad {SECRET}", slug="aldrig", live=False
    )
    method = MethodPage.objects.live().order_by("path").first()
    method.summary = f"Utkasttext {SECRET} som inte är publicerad."
    method.save_revision()
    document = private_document(f"Internt protokoll {SECRET}")
    links = "".join(
        f'<a href="{url}">länk {n}</a> '
        for n, url in enumerate([restricted.url, child.url, never.url, document.url])
    )
    # A public image too (the demo content has none): its rendition must come along.
    figure = {"image": {"image": ImageFactory().pk, "alt_text": "En bild", "decorative": False}}
    linking = StandardPageFactory(
        parent=home,
        title="Länksida för arkivtest",
        slug="lanksida-arkiv",
        body=[
            {"type": "paragraph", "value": f"<p>{links}</p>"},
            {"type": "image", "value": {**figure, "caption": "Bildtext"}},
        ],
    )
    pages = {"restricted": restricted, "child": child, "never": never, "linking": linking}
    urls = {name: page.url for name, page in pages.items()}
    return {**urls, "document": document.url, "method": method.url, "method_title": method.title}


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """(folder, report, private things, public page paths), built once; the private things
    are rolled back afterwards like any test's data."""
    folder = tmp_path_factory.mktemp("archive") / "arkiv"
    with django_db_blocker.unblock(), transaction.atomic():
        navigation.clear()
        cache.clear()
        private = add_private_things()
        public_paths = sorted(Scope.current().visible_paths)
        report = build(folder, made_on=MADE_ON)
        transaction.set_rollback(True)
    cache.clear()
    return folder, report, private, public_paths


def html_files(folder):
    return sorted(folder.rglob("*.html"))


def index_entries(folder):
    text = (folder / "sok" / "index-data.js").read_text("utf-8")
    prefix = "window.PLUGINNOVATION_ARCHIVE_INDEX = "
    assert text.startswith(prefix)
    return json.loads(text.removeprefix(prefix).rstrip().removesuffix(";"))


# Links


def test_every_internal_link_and_src_resolves_to_a_file(archive):
    folder, report, _, _ = archive
    assert report.pages > 100 and not report.truncated
    assert broken_links(folder) == []


def test_the_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text(
        '<a href="finns/index.html">a</a><a href="/rot/">b</a><img src="../utanfor.png">'
        '<link rel="stylesheet" href="s.css"><a href="https://example.org/">c</a>'
    )
    (tmp_path / "s.css").write_text("body { background: url(bild.png) }")
    found = {(file.name, url) for file, url, _ in broken_links(tmp_path)}
    assert found == {
        ("index.html", "finns/index.html"),
        ("index.html", "/rot/"),
        ("index.html", "../utanfor.png"),
        ("s.css", "bild.png"),
    }


def test_links_end_in_files_and_are_relative(archive):
    folder = archive[0]
    page = (folder / "fallstudier" / "index.html").read_text("utf-8")
    for _tag, name, url in page_links(page):
        if url.startswith(("http", "mailto:", "#")) or name == "action":
            continue
        assert not url.startswith("/"), url
        assert re.search(r"\.[a-z0-9]+(#.*)?$", url), url


def test_stylesheets_scripts_and_documents_are_copied(archive):
    folder = archive[0]
    for name in ("css/site.css", "js/site.js", "js/archive-search.js", "archive/archive.css"):
        assert (folder / "static" / name).is_file(), name
    documents = list((folder / "dokument").rglob("*.pdf"))
    assert documents and all(doc.read_bytes().startswith(b"%PDF") for doc in documents)


def test_a_pages_images_are_copied_and_shown_from_the_archive(archive):
    folder, _, private, _ = archive
    page_file = folder / private["linking"].strip("/") / "index.html"
    sources = [url for tag, name, url in page_links(page_file.read_text("utf-8")) if tag == "img"]
    assert sources
    for url in sources:
        image = (page_file.parent / url).resolve()
        assert image.is_relative_to(folder.resolve()) and image.is_file(), url
        assert image.read_bytes()[:3] in (b"\x89PN", b"\xff\xd8\xff", b"GIF"), url


# What is in it


def test_every_public_page_is_archived_in_both_languages(archive):
    folder, _, _, public_paths = archive
    assert "/" in public_paths and "/en/" in public_paths
    for path in public_paths:
        assert (folder / file_for(path)).is_file(), path


@pytest.mark.parametrize(
    "path",
    [
        "/framgangsfaktorer/",
        "/framgangsfaktorer/samverkan/",
        "/en/framgangsfaktorer/samverkan/",
        "/utforska/",
        "/en/utforska/",
        "/resultat/",
        "/karta/",
        "/fallstudier/gr/",
        "/projekt/plug-in/",
        "/aktuellt/",
        "/evenemang/",
    ],
)
def test_listings_factor_and_place_pages_are_archived(archive, path):
    assert (archive[0] / file_for(path)).is_file()


def test_feeds_and_calendar_files_are_archived(archive):
    folder = archive[0]
    feed = (folder / "flode" / "index.xml").read_text("utf-8")
    assert "<rss" in feed
    assert (folder / "flode" / "samverkan" / "index.xml").is_file()
    assert list((folder / "evenemang").rglob("*.ics"))


def test_a_filter_linked_from_a_page_is_archived_under_a_file_of_its_own(archive):
    folder = archive[0]
    case_study = (folder / "fallstudier" / "gr" / "porten-partille" / "index.html").read_text()
    expected = file_for(address_key("/utforska/", "kommun=partille"))
    assert (folder / expected).is_file()
    assert 'href="../../../' + expected + '"' in case_study
    assert "Partille" in (folder / expected).read_text("utf-8")


def test_pagination_and_server_features_lead_to_the_notice_page(archive):
    folder = archive[0]
    listing = (folder / "utforska" / "index.html").read_text("utf-8")
    assert 'rel="next"' in listing
    assert re.search(r'href="\.\./arkivet\.html" rel="next"', listing)
    assert 'class="saved-link" href="../arkivet.html"' in listing
    notice = (folder / "arkivet.html").read_text("utf-8")
    assert "Den här funktionen finns bara på den levande webbplatsen" in notice
    english = (folder / "en" / "arkivet.html").read_text("utf-8")
    assert "This feature is only available on the live website" in english


def test_forms_that_need_a_server_are_gone(archive):
    folder = archive[0]
    for file in html_files(folder):
        text = file.read_text("utf-8")
        assert 'method="post"' not in text, file
        assert "save-form" not in text and "data-suggest-url" not in text, file
        for action in re.findall(r'<form\b[^>]*\saction="([^"]*)"', text):
            target = (file.parent / action).resolve().relative_to(folder.resolve())
            assert str(target) in ("sok/index.html", "en/sok/index.html"), (file, action)
    listing = (folder / "utforska" / "index.html").read_text("utf-8")
    assert "Den här funktionen finns bara på den levande webbplatsen" in listing


def test_no_inline_script(archive):
    for file in html_files(archive[0]):
        for tag in re.findall(r"<script\b[^>]*>", file.read_text("utf-8")):
            assert " src=" in tag or "application/ld+json" in tag, (file, tag)


def test_every_page_has_the_archive_banner_in_its_language(archive):
    folder = archive[0]
    for file in html_files(folder):
        text = file.read_text("utf-8")
        assert text.count('class="archive-banner"') == 1, file
        # Inside the site header (the banner landmark), after the skip link.
        assert text.index("skip-link") < text.index("archive-banner"), file
    swedish = (folder / "index.html").read_text("utf-8")
    assert "Arkivkopia." in swedish and "14 mars 2026" in swedish
    english = (folder / "en" / "index.html").read_text("utf-8")
    assert "Archive copy." in english and "14 March 2026" in english


# Nothing private


def test_nothing_private_is_in_any_file(archive):
    folder, report, private, _ = archive
    for file in folder.rglob("*"):
        if file.is_file():
            assert SECRET.encode() not in file.read_bytes(), file
    for name in ("restricted", "child", "never"):
        assert not (folder / file_for(private[name])).exists(), name
    assert not list(folder.rglob("zq7*"))
    # The public page linking to them is archived; its links go to the notice page.
    linking = (folder / file_for(private["linking"])).read_text("utf-8")
    assert linking.count('href="../arkivet.html">länk') == 4
    assert report.skipped[address_key(private["restricted"])] == "not a public page"
    assert report.skipped[address_key(private["document"])] == "private or missing document"


def test_a_live_pages_draft_stays_out_but_its_published_text_is_in(archive):
    folder, _, private, _ = archive
    page = (folder / file_for(private["method"])).read_text("utf-8")
    assert private["method_title"] in page


# The search index


def test_the_search_index_holds_every_public_page(archive):
    folder, _, _, public_paths = archive
    entries = index_entries(folder)
    files = {entry["u"] for entry in entries}
    for path in public_paths:
        assert file_for(path) in files, path
    for entry in entries:
        assert entry["t"] and (folder / entry["u"]).is_file()
    by_file = {entry["u"]: entry for entry in entries}
    case_study = by_file["fallstudier/gr/porten-partille/index.html"]
    assert case_study["k"] == "Fallstudie" and case_study["in"] == "sv en"
    assert "Samverkan" in case_study["w"]
    assert by_file["en/index.html"]["in"] == "en"
    assert by_file["framgangsfaktorer/samverkan/index.html"]["k"] == "Framgångsfaktor"


def test_the_search_page_is_at_the_sites_search_address(archive):
    folder = archive[0]
    page = (folder / "sok" / "index.html").read_text("utf-8")
    assert '<script src="index-data.js" defer></script>' in page
    assert "../static/js/archive-search.js" in page
    assert '<label class="search-form__label" for="archive-search-q">Sökord</label>' in page
    assert 'role="status" aria-live="polite"' in page
    # Without JavaScript: the listings.
    for listing in (
        "../forskning/index.html",
        "../fallstudier/index.html",
        "../metoder/index.html",
    ):
        assert f'href="{listing}"' in page
    english = (folder / "en" / "sok" / "index.html").read_text("utf-8")
    assert '<script src="../../sok/index-data.js" defer></script>' in english
    assert "Search the archive" in english


def test_the_search_page_says_what_to_do_without_javascript(archive):
    # The search runs in the browser; a reader with JavaScript off who types a word and
    # presses Sök would otherwise get the same page back with no word of why.
    folder = archive[0]
    page = (folder / "sok" / "index.html").read_text("utf-8")
    assert (
        '<noscript><p class="archive-search__noscript">Sökningen behöver JavaScript, som är '
        "avstängt i din webbläsare. Bläddra i listorna nedan i stället.</p></noscript>"
    ) in page
    english = (folder / "en" / "sok" / "index.html").read_text("utf-8")
    assert (
        '<noscript><p class="archive-search__noscript">The search needs JavaScript, which is '
        "turned off in your browser. Browse the listings below instead.</p></noscript>"
    ) in english


# Addresses


def test_a_query_string_names_one_file_whatever_its_order():
    one = file_for(address_key("/utforska/", "tagg=närvaro&faktor=samverkan"))
    other = file_for(address_key("/utforska/", "faktor=samverkan&tagg=n%C3%A4rvaro&sida=1"))
    assert one == other
    assert one.startswith("utforska/index--faktor-samverkan-tagg-narvaro-") and one.isascii()
    assert file_for(address_key("/utforska/", "tagg=narvaro")) != one
    assert canonical_query("utm_source=x&ordning=nyast") == "ordning=nyast"


@pytest.mark.parametrize(
    "key, file",
    [
        ("/", "index.html"),
        ("/en/", "en/index.html"),
        ("/static/css/site.css", "static/css/site.css"),
        ("/dokument/3/rapport.pdf", "dokument/3/rapport.pdf"),
    ],
)
def test_addresses_become_files(key, file):
    assert file_for(key, "text/html" if key.endswith("/") else "") == file


def test_feeds_and_calendars_get_their_extension():
    assert file_for("/flode/", "application/rss+xml; charset=utf-8") == "flode/index.xml"
    assert file_for("/evenemang/x/ics/", "text/calendar") == "evenemang/x/ics/index.ics"


# The command


def test_the_command_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "annat.txt").write_text("annat")
    with pytest.raises(CommandError, match="inte tom"):
        call_command("build_archive", str(tmp_path))
    with pytest.raises(CommandError, match="inget arkiv"):
        call_command("build_archive", str(tmp_path), "--replace")
    assert (tmp_path / "annat.txt").exists()


@pytest.mark.parametrize("value", ["0", "-1", "²", "tre"])
def test_the_command_refuses_a_bad_number(tmp_path, value):
    with pytest.raises(CommandError, match="heltal större än noll"):
        call_command("build_archive", str(tmp_path / "ny"), "--max-depth", value)


def test_what_is_public_is_read_in_a_fixed_number_of_queries():
    def queries():
        with CaptureQueriesContext(connection) as captured:
            Scope.current()
        return len(captured.captured_queries)

    queries()  # Wagtail's list of site roots is cached after the first time
    few = queries()
    for n in range(15):
        StandardPageFactory(parent=site_root(), title=f"Extra {n}", slug=f"extra-{n}")
    assert queries() == few
    assert {f"/extra-{n}/" for n in range(15)} <= set(Scope.current().visible_paths)


def test_the_archived_open_data_page_makes_no_live_site_promises(archive):
    # The archive is frozen: the files are not remade on publish, and there is no API to call.
    # The live page says both; the archive copy keeps the files, the date and the licence.
    folder = archive[0]
    page = (folder / "oppna-data" / "index.html").read_text("utf-8")
    assert "Senast publicerade ändring" in page
    assert 'href="forskning.csv"' in page
    assert "Licens och hur du anger källan" in page
    assert "Filerna skapas på nytt" not in page
    assert "Hämta innehållet med API:et" not in page
    assert "data-archive-omit" not in page
