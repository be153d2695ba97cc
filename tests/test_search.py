"""Search at /sok/: hits, facets on hits, promotions, popular queries, help on empty results."""

import re

from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.discovery.fulltext import clean_query
from pluginnovation.discovery.search_counts import record_search
from research.models import ResearchArticlePage
from tests.discovery_support import add_page, listed, only_postgresql

pytestmark = pytest.mark.django_db


def titles(response):
    return [page.title for page in listed(response)]


def test_a_hit_shows_type_factors_summary_and_a_marked_excerpt(client):
    add_page(
        MethodPage,
        "Kvällsskolan i Lerum",
        summary="En metod för elever som arbetar dagtid.",
        body="Lärarna erbjuder undervisning i kvällsskolan två gånger i veckan.",
        factors=["flexibilitet"],
    )
    response = client.get("/sok/?q=kvällsskolan")
    assert response.status_code == 200
    assert titles(response)[0] == "Kvällsskolan i Lerum"
    html = response.content.decode()
    assert "Metod" in html and "En metod för elever som arbetar dagtid." in html
    assert "<mark>kvällsskolan</mark>" in html
    assert 'class="factor-tag factor-tag--flexibilitet"' in html
    assert "1 träff" in html


def test_a_hit_can_be_saved_to_min_samling_from_the_results(client):
    page = add_page(MethodPage, "Kvällsskolan i Lerum", body="Undervisning i kvällsskolan.")
    html = client.get("/sok/?q=kvällsskolan").content.decode()
    hit = html.split('<li class="card search-hit', 1)[1].split("\n</li>", 1)[0]
    assert 'action="/samling/spara/"' in hit
    assert f'name="sida" value="{page.pk}"' in hit
    # Without JavaScript the visitor comes back to these results, at this hit.
    assert 'name="next" value="/sok/?q=kv%C3%A4llsskolan"' in hit
    assert f'id="spara-{page.pk}"' in hit
    assert "Kvällsskolan i Lerum</span></button>" in hit  # the button names the page
    assert "csrfmiddlewaretoken" not in html


def test_coming_back_from_saving_a_hit_is_not_a_new_search(client):
    page = add_page(MethodPage, "Kvällsskolan i Lerum", body="Undervisning i kvällsskolan.")
    client.get("/sok/?q=kvällsskolan")
    saved = client.post(
        "/samling/spara/",
        {"sida": page.pk, "next": "/sok/?q=kvällsskolan", "ankare": f"spara-{page.pk}"},
        HTTP_ORIGIN="http://testserver",
    )
    back = client.get(saved["Location"].split("#")[0])
    assert re.search(r'<body class="[^"]*\bsaved-now\b', back.content.decode())
    assert Query.objects.get(query_string="kvällsskolan").hits == 1


def test_facets_apply_to_the_hits_with_counts(client):
    add_page(MethodPage, "Solrosmetoden", body="solrosprojektet", factors=["samverkan"])
    add_page(ResearchArticlePage, "Solrosstudien", body="solrosprojektet", factors=["bemotande"])
    response = client.get("/sok/?q=solrosprojektet")
    assert response.context["result_count"] == 2
    groups = {group.facet.param: group for group in response.context["facet_groups"]}
    counts = {option.value: option.count for option in groups["typ"].options}
    assert counts == {"forskning": 1, "fallstudie": 0, "metod": 1}
    filtered = client.get("/sok/?q=solrosprojektet&typ=metod")
    assert titles(filtered) == ["Solrosmetoden"]
    assert 'name="q" value="solrosprojektet"' in filtered.content.decode()
    removal = filtered.context["active_filters"][0].remove_url
    assert removal == "/sok/?q=solrosprojektet"


def test_promoted_results_come_first(client):
    target = add_page(CaseStudyPage, "Lotsen i Partille", body="En frånvarotrappa i fem steg.")
    query = Query.get("frånvarotrappa")
    SearchPromotion.objects.create(query=query, page=target, description="Redaktionens val.")
    response = client.get("/sok/?q=Frånvarotrappa")
    html = response.content.decode()
    assert "Redaktionen rekommenderar" in html and "Redaktionens val." in html
    assert html.index("Lotsen i Partille") < html.index("results-heading")


def test_promotions_never_show_a_draft_or_restricted_page(client):
    from wagtail.models import PageViewRestriction

    shown = add_page(MethodPage, "Öppen rekommendation")
    secret = add_page(MethodPage, "Rekommendation bakom inloggning")
    draft = add_page(MethodPage, "Rekommenderat utkast", live=False)
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    query = Query.get("skolnärvaro")
    for page in (secret, draft, shown):
        SearchPromotion.objects.create(query=query, page=page, description=f"Val: {page.title}")
    html = client.get("/sok/?q=skolnärvaro").content.decode()
    assert "Val: Öppen rekommendation" in html
    assert "bakom inloggning" not in html and "Rekommenderat utkast" not in html


def test_searches_are_counted_for_the_popular_queries_report(client):
    client.get("/sok/?q=Mentorskap")
    client.get("/sok/?q=mentorskap ")
    client.get("/sok/?q=mentorskap&sida=2")  # paging is not a new search
    # Nor is narrowing the results with the filters, one click at a time.
    client.get("/sok/?q=mentorskap&faktor=samverkan")
    client.get("/sok/?q=mentorskap&faktor=samverkan&typ=metod")
    client.get("/sok/?q=mentorskap&sida=1&niva=individ")
    query = Query.objects.get(query_string="mentorskap")
    assert query.hits == 2
    assert Query.get_most_popular().first() == query


def test_recording_a_search_twice_the_same_day_adds_to_one_row():
    record_search("Ny fråga")
    record_search("ny   fråga")
    today = timezone.localdate()
    assert QueryDailyHits.objects.get(query__query_string="ny fråga", date=today).hits == 2


def test_a_query_longer_in_lower_case_than_the_column_is_counted_cut(client):
    # "İ" is two characters in lower case: 200 of them are 400, and the column holds 255.
    response = client.get("/sok/", {"q": "İ" * 200})
    assert response.status_code == 200
    (counted,) = Query.objects.all()
    assert len(counted.query_string) == 255
    assert client.get("/sok/?q=skola").status_code == 200


def test_a_count_the_database_refuses_is_dropped_not_kept(monkeypatch):
    from django.db import DataError

    from pluginnovation.discovery import search_counts

    real = search_counts.add_hits

    def refused(normalised, day, searches):
        if normalised == "trasig":
            raise DataError("value too long for type character varying(255)")
        return real(normalised, day, searches)

    monkeypatch.setattr(search_counts, "add_hits", refused)
    record_search("trasig")
    record_search("hel")
    record_search("hel")
    today = timezone.localdate()
    assert QueryDailyHits.objects.get(query__query_string="hel", date=today).hits == 2
    assert not Query.objects.filter(query_string="trasig").exists()


def test_letters_typed_with_combining_accents_or_hidden_characters_stay_one_word():
    from pluginnovation.discovery.fulltext import search_words

    assert clean_query("nyanla\u0308nda")[0] == "nyanlända"
    assert search_words(clean_query("fra\u030anvaro")[0]) == ["frånvaro"]
    assert search_words(clean_query("studie\u00adavbrott mentor\u200bskap")[0]) == [
        "studieavbrott",
        "mentorskap",
    ]
    assert search_words("İstanbul") == ["istanbul"]


def test_an_empty_search_suggests_the_success_factors(client):
    response = client.get("/sok/?q=")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Börja i en framgångsfaktor" in html
    assert html.count('href="/framgangsfaktorer/') >= 4


def test_a_search_without_hits_helps_the_visitor_on(client):
    response = client.get("/sok/?q=qwxzvyq&faktor=samverkan")
    html = response.content.decode()
    assert "Inga träffar för ”qwxzvyq”" in html
    assert "Kontrollera stavningen" in html and 'href="/utforska/"' in html
    assert html.count('href="/framgangsfaktorer/') >= 4


def test_a_search_without_content_hits_names_news_events_and_projects_that_match(client):
    """ "slutkonferens" said "Inga träffar" and "Kontrollera stavningen" while the event of that
    name was on the site: the search covers research, case studies and methods, and says so,
    and names the site's other pages that match. Drafts and restricted pages stay out."""
    from wagtail.models import PageViewRestriction

    from pluginnovation.news.models import EventIndexPage
    from tests.test_events import add_event, at
    from tests.test_news import clean_index

    events = clean_index(EventIndexPage, "evenemang", "Evenemang")
    add_event(events, "Zyxkonferensen i Borås", at(30))
    add_event(events, "Zyxkonferensen i utkast", at(40), live=False)
    hidden = add_event(events, "Zyxkonferensen för inloggade", at(50))
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    html = client.get("/sok/", {"q": "zyxkonferensen"}).text
    assert "Inga träffar för ”zyxkonferensen”" in html
    assert "Sökningen gäller forskning, fallstudier och metoder" in html
    section = html[html.index('id="other-pages-heading"') :]
    section = section[: section.index("</section>")]
    link = '<a href="/evenemang/zyxkonferensen-i-boras/">Zyxkonferensen i Borås</a>'
    assert link in section
    assert "utkast" not in html and "inloggade" not in html
    # The English search finds Swedish content, and names a Swedish event as Swedish.
    english = client.get("/en/sok/", {"q": "zyxkonferensen"}).text
    swedish = '<a href="/evenemang/zyxkonferensen-i-boras/" lang="sv">Zyxkonferensen i Borås</a>'
    assert swedish in english


def test_filters_that_exclude_every_hit_offer_to_search_without_them(client):
    add_page(MethodPage, "Ensam träff", body="ensamordet", factors=["samverkan"])
    response = client.get("/sok/?q=ensamordet&faktor=bemotande")
    html = response.content.decode()
    assert response.context["result_count"] == 0
    assert 'href="/sok/?q=ensamordet">Sök utan filter</a>' in html


def test_the_query_is_cleaned_before_use():
    assert clean_query("  frånvaro\x00 och\t\nnärvaro\u202e ") == ("frånvaro och närvaro", "")
    text, message = clean_query("ord " * 500)
    assert len(text) <= 200 and not text.endswith(" ") and "kortats" in message


def test_words_with_an_inflection_find_their_base_form_on_both_databases(client):
    add_page(MethodPage, "Avhopp i fokus", body="Ett avhopp kan förebyggas.", tags=["stamtest"])
    assert titles(client.get("/sok/?q=avhoppen&tagg=stamtest")) == ["Avhopp i fokus"]


@only_postgresql
@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("studieavbrotten", "Vi räknade varje studieavbrott under året."),
        ("avhoppen", "Varje avhopp följdes upp av mentor."),
        ("mentorerna", "Eleven fick en mentor under första veckan."),
        ("eleverna", "Varje elev fick en egen plan."),
    ],
)
def test_swedish_inflections_find_base_forms(client, query, text):
    add_page(ResearchArticlePage, "Stamtest", body=text, tags=["stamtest"])
    assert titles(client.get(f"/sok/?q={query}&tagg=stamtest")) == ["Stamtest"]


@only_postgresql
def test_a_misspelling_still_finds_the_page(client):
    add_page(MethodPage, "Hemkunskapslärarnas samverkansmodell", body="Samverkansmodellen.")
    response = client.get("/sok/?q=samverkansmodelen")
    assert "Hemkunskapslärarnas samverkansmodell" in titles(response)
    # The vocabulary of the content corrects the word (see test_search_forgiving.py).
    assert "Visar träffar för ”samverkansmodellen” i stället" in response.content.decode()


@only_postgresql
def test_title_and_summary_weigh_more_than_body(client):
    add_page(MethodPage, "Något annat", body="Här nämns pendelskolan en gång i brödtexten.")
    add_page(MethodPage, "Annat igen", summary="Pendelskolan i korthet.")
    add_page(MethodPage, "Pendelskolan")
    found = titles(client.get("/sok/?q=pendelskolan"))
    assert found.index("Pendelskolan") < found.index("Något annat")
    assert found.index("Annat igen") < found.index("Något annat")


def test_searches_the_database_did_not_take_are_written_the_next_time(monkeypatch):
    from django.db import DatabaseError

    from pluginnovation.discovery import search_counts

    real = search_counts.add_hits

    def database_away(*args):
        raise DatabaseError("the database system is shutting down")

    monkeypatch.setattr(search_counts, "add_hits", database_away)
    with pytest.raises(DatabaseError):
        record_search("Omläsning")
    with pytest.raises(DatabaseError):
        record_search("omläsning")
    monkeypatch.setattr(search_counts, "add_hits", real)
    record_search("omläsning")
    today = timezone.localdate()
    assert QueryDailyHits.objects.get(query__query_string="omläsning", date=today).hits == 3


def test_promotions_are_read_once_per_content_version_and_a_new_one_shows_at_once(
    client, monkeypatch, settings
):
    """Finding the promotions reads every page's view restrictions: 4 ms of each search at
    10,000 pages. They are kept with the content version, which a new promotion renews."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pluginnovation.discovery import cache as discovery_cache

    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    target = add_page(CaseStudyPage, "Lotsen i Partille", body="En frånvarotrappa i fem steg.")

    def promotion_reads():
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/sok/?q=frånvarotrappa").content.decode()
        reads = [q for q in queries if "wagtailsearchpromotions_searchpromotion" in q["sql"]]
        return len(reads), html

    assert promotion_reads()[0] == 1
    assert promotion_reads()[0] == 0
    # Made in code, without the admin's log entry: the save itself renews the version.
    SearchPromotion.objects.create(
        query=Query.get("frånvarotrappa"), page=target, description="Redaktionens val."
    )
    reads, html = promotion_reads()
    assert reads == 1 and "Redaktionens val." in html
    assert promotion_reads() == (0, html)
    # Another query's promotions are its own.
    assert "Redaktionens val." not in client.get("/sok/?q=fem+steg").content.decode()
    # A promoted page unpublished is gone from the kept promotions on the next request.
    target.unpublish()
    reads, html = promotion_reads()
    assert reads == 1 and "Redaktionens val." not in html


def test_hits_carry_their_text_for_the_excerpt_not_their_bodies(client):
    """The page of hits is cached and kept per process, and unpickled on every request: each
    hit holds the plain text its excerpt is cut from, not its StreamField values."""
    add_page(
        MethodPage,
        "Närvarolotsen",
        body="Lotsen ringer hem samma morgon som eleven uteblir från lektionen.",
    )
    for _ in range(2):
        response = client.get("/sok/?q=uteblir")
        (item,) = listed(response)
        assert "body" not in item.__dict__
        assert "<mark>uteblir</mark>" in response.content.decode()


def test_hits_cached_by_an_older_process_without_their_text_still_get_an_excerpt(
    client, monkeypatch
):
    """During a deploy, workers of the previous code may still fill the cache with pages of
    hits that hold their bodies and no `search_text`: the new code reads them without a 500."""
    from pluginnovation.discovery import listing

    add_page(MethodPage, "Frånvarolotsen", body="Lotsen ringer hem när eleven uteblir.")
    older = listing.specific_pages
    monkeypatch.setattr(
        listing, "specific_pages", lambda pairs, with_text=False, hidden=None: older(pairs)
    )
    response = client.get("/sok/?q=uteblir")
    assert response.status_code == 200
    assert "<mark>uteblir</mark>" in response.content.decode()


def test_an_excerpt_never_shows_the_link_text_of_a_document_block(client):
    """A document block's link text is shown on the page only when its document is public;
    the excerpt, cut from the stored text, leaves every document block out."""
    page = add_page(MethodPage, "Dokumentmetoden", body="Mentorerna ringer varje morgon.")
    page.body = [
        {"type": "document", "value": {"document": 999999, "title": "Hemlig elevlista ringer"}},
        {"type": "paragraph", "value": "<p>Mentorerna ringer varje morgon.</p>"},
    ]
    page.save_revision().publish()
    html = client.get("/sok/?q=ringer").content.decode()
    assert "Mentorerna <mark>ringer</mark>" in html
    assert "Hemlig elevlista" not in html
