"""The English pages under /en/ (issue 13): Wagtail translations of Swedish pages, the
interface in English, hreflang both ways and a language switcher on every page."""

import re
from pathlib import Path

from django.conf import settings

from wagtail.models import Locale, Page, PageViewRestriction

import polib
import pytest

from pluginnovation.home.models import HomePage
from research.models import ResearchArticlePage

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
# The demo's English pages and their Swedish originals.
TRANSLATED = {
    "/en/": "/",
    "/en/about/": "/om/",
    "/en/about/evidence/": "/om/evidens/",
    "/en/how-to-use/": "/anvand-kunskapsbanken/",
    "/en/contact/": "/kontakt/",
    "/en/accessibility/": "/tillganglighet/",
}


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def hreflangs(response):
    """{hreflang: href} of the <link rel="alternate" hreflang> elements."""
    found = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.content.decode()
    )
    return dict(found)


def switcher(response):
    """(href, lang, text) of the language switcher's link."""
    match = re.search(
        r'<a class="language-link" href="([^"]+)" lang="([^"]+)" hreflang="[^"]+">(.*?)</a>',
        response.content.decode(),
    )
    return match.groups()


@pytest.mark.parametrize("english, swedish", TRANSLATED.items())
def test_each_english_page_points_to_its_swedish_original_and_back(client, english, swedish):
    en = client.get(english)
    sv = client.get(swedish)
    assert en.status_code == sv.status_code == 200
    assert html_lang(en) == "en" and html_lang(sv) == "sv"
    for response in (en, sv):
        links = hreflangs(response)
        assert links["sv"] == f"http://testserver{swedish}"
        assert links["en"] == f"http://testserver{english}"
        assert links["x-default"] == f"http://testserver{swedish}"
    assert switcher(en)[:2] == (swedish, "sv")
    assert switcher(sv)[:2] == (english, "en")


def test_english_pages_are_written_in_english(client):
    about = client.get("/en/about/").content.decode()
    assert "Skip to main content" in about and "Till huvudinnehållet" not in about
    assert "Search the knowledge bank" in about
    assert 'aria-label="Main menu"' in about


def test_the_english_home_page_leads_to_the_english_pages_and_the_swedish_content(client):
    html = client.get("/en/").content.decode()
    for english in ("/en/about/", "/en/how-to-use/"):
        assert f'href="{english}"' in html
    # The success factors in English, linked to their English pages.
    assert "Keeping track and following up" in html
    assert 'href="/en/framgangsfaktorer/samverkan/"' in html
    # The Swedish sections and the newest Swedish content, marked as Swedish.
    assert re.search(r'<a href="/forskning/" lang="sv" hreflang="sv">Forskning</a>', html)
    assert html.count('<span class="language-note">in Swedish</span>') >= 4
    latest = ResearchArticlePage.objects.live().order_by("-published_date").first()
    assert latest is not None


def test_a_page_without_translation_switches_to_the_english_home_page(client):
    article = ResearchArticlePage.objects.live().first()
    response = client.get(article.url)
    href, lang, text = switcher(response)
    assert (href, lang) == ("/en/", "en")
    assert "start page in English" in text
    assert hreflangs(response) == {}


def test_search_exists_in_both_languages_at_translated_addresses(client):
    sv = client.get("/sok/?q=elever")
    en = client.get("/en/sok/?q=elever")
    assert html_lang(sv) == "sv" and html_lang(en) == "en"
    assert switcher(sv)[0] == "/en/sok/?q=elever"
    assert switcher(en)[0] == "/sok/?q=elever"
    assert hreflangs(en)["sv"] == "http://testserver/sok/?q=elever"


def test_swedish_only_views_switch_to_the_english_home_page(client):
    response = client.get("/samling/")
    assert switcher(response)[0] == "/en/"
    assert hreflangs(response) == {}


def test_swedish_stays_swedish_whatever_the_browser_asks_for(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert html_lang(response) == "sv"
    assert "Till huvudinnehållet" in response.content.decode()
    response = client.get("/en/", HTTP_ACCEPT_LANGUAGE="sv")
    assert html_lang(response) == "en"


def test_an_unknown_english_address_is_an_english_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == "en"
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("missing, home", [("/finns-inte/", "/en/"), ("/en/no-such-page/", "/")])
def test_a_404_switches_to_the_other_home_page_not_to_another_404(client, missing, home):
    response = client.get(missing)
    assert switcher(response)[0] == home
    assert hreflangs(response) == {}


def test_the_footer_shows_the_english_translations_and_text(client):
    html = client.get("/en/contact/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/en/about/"' in footer and 'href="/en/accessibility/"' in footer
    assert 'href="/om/"' not in footer
    assert "is published by the Gothenburg Region" in footer


def test_a_draft_or_restricted_translation_is_never_linked(client):
    english = Page.objects.get(url_path__endswith="/contact/", locale__language_code="en")
    english.unpublish()
    response = client.get("/kontakt/")
    assert "en" not in hreflangs(response)
    assert switcher(response)[0] == "/en/"
    assert client.get("/en/contact/").status_code == 404

    english.get_latest_revision().publish()
    assert hreflangs(client.get("/kontakt/"))["en"] == "http://testserver/en/contact/"

    PageViewRestriction.objects.create(page=english, restriction_type="login")
    response = client.get("/kontakt/")
    assert "/en/contact/" not in response.content.decode()


def test_a_translation_published_later_is_linked_at_once(client):
    swedish = Page.objects.get(url_path="/hem/tillganglighet/").specific
    english = swedish.get_translation(Locale.objects.get(language_code="en"))
    english.delete()
    assert switcher(client.get("/tillganglighet/"))[0] == "/en/"

    translation = swedish.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.slug = "accessibility"
    translation.title = "Accessibility statement"
    translation.save_revision().publish()
    assert switcher(client.get("/tillganglighet/"))[0] == "/en/accessibility/"


def without_body_text(html):
    """The page without its editor-written body, which may quote Swedish words."""
    start = html.find('<div class="body-content">')
    return html if start < 0 else html[:start] + html[html.index("</article>", start) :]


def test_every_string_in_the_english_catalogue_is_used_and_translated(client):
    """A msgid that no longer matches its template stays Swedish on the English pages."""
    urls = [*TRANSLATED, "/en/finns-inte/", "/en/sok/?q=elever"]
    pages = [without_body_text(client.get(url).content.decode()) for url in urls]
    for entry in polib.pofile(str(CATALOGUE)):
        assert entry.msgstr, entry.msgid
        if "%(" in entry.msgid or "{n}" in entry.msgid:
            continue
        for html in pages:
            assert f">{entry.msgid}<" not in html, entry.msgid


def test_the_english_home_page_is_a_translation_not_a_second_site(client):
    homes = HomePage.objects.order_by("path")
    assert [home.locale.language_code for home in homes] == ["sv", "en"]
    assert homes[1].translation_key == homes[0].translation_key


@pytest.mark.parametrize("url", ["/en/", "/en/about/", "/en/about/evidence/", "/om/"])
def test_english_pages_take_a_bounded_number_of_queries(client, django_assert_max_num_queries, url):
    client.get(url)
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


def test_the_sitemap_lists_the_english_pages_but_no_draft_translation(client):
    Page.objects.get(url_path__endswith="/contact/", locale__language_code="en").unpublish()
    xml = client.get("/sitemap.xml").content.decode()
    paths = re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", xml)
    for path in ["/", "/om/", "/en/", "/en/about/", "/en/about/evidence/", "/en/how-to-use/"]:
        assert path in paths
    assert "/en/contact/" not in paths


def test_the_english_home_page_describes_itself_as_english(client):
    html = client.get("/en/").content.decode()
    assert '"inLanguage": "en"' in html
    assert 'title="New in the knowledge bank (in Swedish)"' in html
    assert '"inLanguage": "sv"' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("path", "terms"),
    [
        ("/en/about/evidence/", ["Kunskapsläge och insats", "Evidensstyrka", "Personaltid"]),
        ("/en/how-to-use/", ["Min samling", "Spara", "Självskattning", "Bevaka"]),
    ],
)
def test_the_english_guides_mark_the_swedish_terms_they_explain(client, path, terms):
    """WCAG 3.1.2: a screen reader read "Evidensstyrka" with English sounds."""
    html = client.get(path).content.decode()
    for term in terms:
        assert f'<span lang="sv">{term}</span>' in html, term
