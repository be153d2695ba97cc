"""A content page as a card (includes/content_card.html): what a visitor reads and follows on
every listing, search page and front page, escaped, in the language shown."""

import datetime
import re

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

import pytest

from pluginnovation.discovery.excerpts import Segment
from pluginnovation.taxonomy.models import SuccessFactor
from tests.factories import (
    CaseStudyPageFactory,
    MethodPageFactory,
    ResearchArticlePageFactory,
    content_tree,
    factors,
    site_root,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return content_tree(site_root())


def card(item, heading_level=3, path="/utforska/?faktor=samverkan"):
    request = RequestFactory().get(path)
    html = render_to_string(
        "includes/content_card.html",
        {"item": item, "heading_level": heading_level, "request": request},
    )
    return " ".join(html.split())


def test_a_card_links_its_title_and_shows_type_summary_factors_date_and_spara(tree):
    page = ResearchArticlePageFactory(
        parent=tree.research,
        title="Närvaro och mentorskap",
        summary="Vad mentorerna gjorde.",
        published_date=datetime.date(2024, 3, 5),
        factors=factors("samverkan", "flexibilitet"),
        publication_type="utvardering",
        year=2018,
    )
    html = card(page)
    assert html.startswith('<li class="card card--researcharticle">')
    assert html.endswith("</li>")
    assert '<p class="card__type">Forskningsartikel</p>' in html
    assert f'<h3 class="card__title"><a href="{page.url}">Närvaro och mentorskap</a></h3>' in html
    assert '<p class="card__summary">Vad mentorerna gjorde.</p>' in html
    assert (
        '<dl class="card__facts"> <div class="card__fact"><dt>Publikation</dt>'
        "<dd>Utvärdering, 2018</dd></div> </dl>" in html
    )
    # The factors link to their pages, in the factors' own order (sort_order, then name).
    links = re.findall(r'class="factor-tag factor-tag--([a-z]+)" href="([^"]+)"', html)
    expected = [f.slug for f in sorted(page.factors.all(), key=lambda f: (f.sort_order, f.name))]
    assert [slug for slug, _url in links] == expected
    assert dict(links) == {
        "flexibilitet": "/framgangsfaktorer/flexibilitet/",
        "samverkan": "/framgangsfaktorer/samverkan/",
    }
    assert (
        '<p class="card__date">Publicerad i kunskapsbanken <time datetime="2024-03-05">'
        "5 mars 2024</time></p>" in html
    )
    # Spara: the page's id, back to this listing, the form after the date.
    assert f'<form class="save-form save-form--card" id="spara-{page.pk}"' in html
    assert '<input type="hidden" name="next" value="/utforska/?faktor=samverkan">' in html
    assert html.index("card__date") < html.index("save-form")


def test_heading_level_two_or_four_gives_an_h2_or_h4_and_anything_else_an_h3(tree):
    page = MethodPageFactory(parent=tree.methods, title="Blockläsning")
    for level in (2, "2", "h2"):
        assert '<h2 class="card__title">' in card(page, level)
    for level in (4, "4", "h4"):
        assert '<h4 class="card__title">' in card(page, level)
    for level in (3, "", None, "h9", "²"):
        html = card(page, level)
        assert '<h3 class="card__title">' in html and "<h2" not in html


def test_a_method_card_shows_its_facts_and_a_card_without_factors_no_list(tree):
    page = MethodPageFactory(parent=tree.methods, factors=[], staff_hours_per_week=None)
    html = card(page)
    assert '<p class="card__type">Metod</p>' in html
    assert "<dt>Kunskapsgrund</dt>" in html and "<dt>Personaltid</dt>" in html
    assert "<dd>uppgift saknas</dd>" in html
    assert "card__factors" not in html


def test_a_case_study_card_has_no_facts_list(tree):
    page = CaseStudyPageFactory(parent=tree.section)
    html = card(page)
    assert '<li class="card card--casestudy">' in html
    assert "card__facts" not in html


def test_everything_an_editor_wrote_is_escaped(tree):
    page = ResearchArticlePageFactory(
        parent=tree.research,
        title='<script>alert("x")</script> & co',
        summary="<b>fet</b> 'citat'",
    )
    html = card(page)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</a>" in html
    assert "&lt;b&gt;fet&lt;/b&gt; &#x27;citat&#x27;</p>" in html


def test_a_swedish_page_among_english_ones_is_marked_swedish(tree):
    page = ResearchArticlePageFactory(parent=tree.research, title="Frånvaro")
    with translation.override("en"):
        html = card(page)
    assert f'<a href="{page.url}" lang="sv" hreflang="sv">Frånvaro</a>' in html
    assert re.search(r'<span class="language-note">in Swedish</span> ?</h3>', html)
    assert '<p class="card__summary" lang="sv">' in html
    assert '<p class="card__type">Research article</p>' in html
    assert re.search(r'<time datetime="2024-01-15">15 January 2024</time>', html)
    assert 'href="/en/framgangsfaktorer/samverkan/">Collaboration</a>' in html
    with translation.override("sv"):
        html = card(page)
    assert "lang=" not in html.split("<form")[0] and "language-note" not in html
    # Each language's addresses and dates, also when the other language was drawn just before.
    assert 'href="/framgangsfaktorer/samverkan/">Samverkan</a>' in html
    assert '<time datetime="2024-01-15">15 januari 2024</time>' in html
    with translation.override("en"):
        assert 'href="/en/framgangsfaktorer/samverkan/"' in card(page)


def test_a_factor_without_an_english_name_is_marked_swedish_on_an_english_card(tree):
    SuccessFactor.objects.filter(slug="samverkan").update(name_en="")
    page = ResearchArticlePageFactory(parent=tree.research, title="Frånvaro")
    with translation.override("en"):
        html = card(page)
    assert 'href="/en/framgangsfaktorer/samverkan/" lang="sv">Samverkan</a>' in html
    with translation.override("sv"):
        assert 'href="/framgangsfaktorer/samverkan/">Samverkan</a>' in card(page)


def test_the_same_page_twice_on_one_response_gets_two_form_ids(tree):
    page = ResearchArticlePageFactory(parent=tree.research)
    request = RequestFactory().get("/")
    html = render_to_string("includes/card_grid.html", {"items": [page, page], "request": request})
    assert f'id="spara-{page.pk}"' in html and f'id="spara-{page.pk}-2"' in html


def search_hit(item):
    request = RequestFactory().get("/sok/?q=frånvaro")
    html = render_to_string("search/includes/search_hit.html", {"item": item, "request": request})
    return " ".join(html.split())


def test_a_search_hit_marks_the_searched_words_in_its_excerpt_and_escapes_the_rest(tree):
    page = CaseStudyPageFactory(parent=tree.section, title="Frånvaro <i>i</i> Borås")
    page.excerpt = [
        Segment("… elever med "),
        Segment("frånvaro", match=True),
        Segment(" <b>och</b> & "),
        Segment("Frånvaron", match=True),
    ]
    html = search_hit(page)
    assert html.startswith('<li class="card search-hit card--casestudy">')
    assert '<p class="card__type">Fallstudie</p>' in html
    assert f'<a href="{page.url}">Frånvaro &lt;i&gt;i&lt;/i&gt; Borås</a></h3>' in html
    assert (
        '<p class="search-hit__excerpt"><span class="visually-hidden">Ur texten: </span>'
        "… elever med <mark>frånvaro</mark> &lt;b&gt;och&lt;/b&gt; &amp; <mark>Frånvaron</mark></p>"
    ) in html
    assert 'class="factor-tag factor-tag--samverkan" href="/framgangsfaktorer/samverkan/"' in html
    # Saved from the results as from a listing, back to these results; no date.
    assert html.count("<form") == 1 and f'name="sida" value="{page.pk}"' in html
    assert "Frånvaro &lt;i&gt;i&lt;/i&gt; Borås</span></button>" in html
    assert "card__date" not in html


def test_a_search_hit_without_excerpt_has_none_and_a_swedish_one_is_marked(tree):
    page = ResearchArticlePageFactory(parent=tree.research, title="Mentorskap")
    assert "search-hit__excerpt" not in search_hit(page)
    page.excerpt = [Segment("Mentorn "), Segment("ringer", match=True)]
    with translation.override("en"):
        html = search_hit(page)
    assert '<p class="card__summary" lang="sv">' in html
    assert '<span lang="sv">Mentorn <mark>ringer</mark></span></p>' in html
    assert '<span class="language-note">in Swedish</span>' in html
