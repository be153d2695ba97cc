"""Min samling in Chromium: saving with the keyboard from a card and from a page (with and
without JavaScript), reordering, a share link in a fresh browser, the printed pack, the print
layout of a case study, and axe on the collection's pages."""

import json
import re

import pytest
from playwright.sync_api import expect

from .axe import axe_violations

MAX_TABS = 250


def tab_to(page, predicate):
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate})(document.activeElement)"):
            assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
            return
    raise AssertionError(f"Tab never reached an element matching {predicate}")


SAVE_BUTTON = "el => el.classList.contains('save-button')"


def saved_titles(page):
    return page.locator(".saved-list .card__title").all_inner_texts()


def for_page(action, title):
    """A button's accessible name: its visible text, then (visually hidden) the page's title."""
    return re.compile(rf"^{action}\W+{re.escape(title)}$")


@pytest.fixture
def visitor(browser):
    """A browser context of its own (its own cookies, so its own collection)."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def save_first_card_with_the_keyboard(page, site_url, path):
    page.goto(site_url + path)
    tab_to(page, SAVE_BUTTON)
    name = page.evaluate("document.activeElement.innerText")
    title = page.evaluate(
        "document.activeElement.closest('.card').querySelector('h2, h3').textContent"
    )
    assert " ".join(name.split()) == f"Spara {' '.join(title.split())}"
    page.keyboard.press("Enter")
    return title.strip()


def test_save_from_a_card_and_a_page_with_the_keyboard(visitor, site_url, page_paths):
    page = visitor.new_page()
    card_title = save_first_card_with_the_keyboard(page, site_url, "/metoder/")
    form = page.locator(".card .save-form").first
    form.locator(".save-button__label", has_text="Sparad").wait_for()
    assert form.locator(".save-form__done").is_visible()
    # The live region is emptied and then filled a moment later, so it is announced anew.
    announced = page.locator("[role=status]", has_text="Sparad i Min samling")
    announced.wait_for(state="attached")
    assert announced.count() == 1
    assert page.url == site_url + "/metoder/"  # no reload, no navigation
    # Focus stays where the visitor was, visibly, so the next Tab goes on from the card.
    assert page.evaluate(f"({SAVE_BUTTON})(document.activeElement)")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"

    page.goto(site_url + page_paths["ResearchArticlePage"])
    tab_to(page, SAVE_BUTTON)
    page.keyboard.press("Enter")
    page.locator(".page-tools .save-button__label", has_text="Sparad").wait_for()
    research_title = page.locator("h1").inner_text()

    page.goto(site_url + "/samling/")
    assert saved_titles(page) == [card_title, research_title]


def test_saving_works_without_javascript_and_returns_to_the_card(browser, site_url):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    title = save_first_card_with_the_keyboard(page, site_url, "/fallstudier/")
    page.wait_for_url(re.compile(r"/fallstudier/#spara-\d+$"))
    target = page.url.rsplit("#", 1)[1]
    done = page.locator(f"#{target} .save-form__done")
    assert done.is_visible()
    assert done.inner_text() == "Sparad i Min samling"
    # The button says so too, as it does with JavaScript, and is named for it.
    button = page.locator(f"#{target} .save-button")
    assert button.inner_text().splitlines()[0] == "Sparad"
    assert page.get_by_role("button", name=f"Sparad {title}").count() == 1
    # The other cards' confirmations stay hidden, their buttons as they were.
    assert page.locator(".save-form__done:visible").count() == 1
    assert page.get_by_role("button", name=re.compile(r"^Sparad ")).count() == 1
    page.goto(site_url + "/samling/")
    assert saved_titles(page) == [title]
    context.close()


def fill_collection(page, site_url, paths):
    for path in paths:
        page.goto(site_url + path)
        page.locator(".page-tools .save-button").click()
        page.locator(".page-tools .save-button__label", has_text="Sparad").wait_for()


def test_reorder_share_in_a_fresh_browser_and_copy(browser, visitor, site_url, page_paths):
    page = visitor.new_page()
    paths = [page_paths[name] for name in ("MethodPage", "CaseStudyPage", "ResearchArticlePage")]
    fill_collection(page, site_url, paths)
    page.goto(site_url + "/samling/")
    first, second, third = saved_titles(page)
    page.get_by_role("button", name=for_page("Flytta ner", first)).click()
    page.wait_for_load_state()
    assert saved_titles(page) == [second, first, third]
    # With the keyboard: the focus comes back to the button, which says where the page went.
    page.get_by_role("button", name=for_page("Flytta upp", third)).focus()
    page.set_viewport_size({"width": 1280, "height": 500})  # a short window, as on a laptop
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert saved_titles(page) == [second, third, first]
    focused = page.evaluate(
        "[document.activeElement.textContent, document.activeElement.getAttribute("
        "'aria-describedby')]"
    )
    assert focused == [f"Flytta upp: {third}", "saved-messages"]
    assert "plats 2 av 3" in page.locator("#saved-messages").inner_text()
    # The moved page's title is in view, above the focused button, not scrolled off the top.
    expect(page.locator(".saved-item .card__title", has_text=third)).to_be_in_viewport(ratio=1)
    # The message at the top is out of view here (and on a phone): it is shown again beside
    # the buttons, hidden from screen readers, who hear it through the description.
    beside = page.locator(".saved-item", has_text=third).locator(".saved-item__moved")
    expect(beside).to_have_text(page.locator("#saved-messages").inner_text().strip())
    expect(beside).to_be_in_viewport()
    assert beside.get_attribute("aria-hidden") == "true"
    page.get_by_label("Samlingens namn").fill("Arbetslagets metoder")
    page.get_by_role("button", name="Spara namnet").click()
    assert page.locator("h1").inner_text() == "Arbetslagets metoder"
    share_url = page.get_by_label("Länk för att dela samlingen").input_value()
    assert re.fullmatch(re.escape(site_url) + r"/samling/delad/[A-Za-z0-9_-]{32}/", share_url)

    fresh = browser.new_context(locale="sv-SE")
    other = fresh.new_page()
    other.goto(share_url)
    assert other.locator("h1").inner_text() == "Arbetslagets metoder"
    assert saved_titles(other) == [second, third, first]
    assert other.get_by_role("button", name=re.compile("Flytta|Ta bort")).count() == 0
    other.get_by_role("button", name="Gör en egen kopia").click()
    other.wait_for_url(site_url + "/samling/")
    assert saved_titles(other) == [second, third, first]
    other.get_by_role("button", name=for_page("Ta bort", first)).click()
    assert saved_titles(other) == [second, third]
    fresh.close()
    # The owner's collection is unchanged.
    page.goto(share_url)
    assert saved_titles(page) == [second, third, first]


def test_the_print_pack_and_axe_on_the_collection_pages(visitor, site_url, page_paths):
    page = visitor.new_page()
    paths = [page_paths[name] for name in ("MethodPage", "CaseStudyPage", "ResearchArticlePage")]
    fill_collection(page, site_url, paths)
    page.goto(site_url + "/samling/")
    share_url = page.get_by_label("Länk för att dela samlingen").input_value()
    titles = saved_titles(page)
    for url in (
        site_url + "/samling/",
        share_url,
        site_url + "/samling/skriv-ut/",
        share_url + "skriv-ut/",
        site_url + "/samling/tom/",
    ):
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert axe_violations(page) == [], url

    page.goto(site_url + "/samling/skriv-ut/")
    assert page.locator(".pack-contents li a").all_inner_texts() == titles
    assert page.locator("article.pack-page h2").all_inner_texts() == titles
    page.emulate_media(media="print")
    for hidden in (".primary-nav", ".search-form", ".site-footer", ".page-tools", ".breadcrumbs"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("article.pack-page").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_a_case_study_prints_without_clutter_and_with_addresses(page, site_url, page_paths):
    page.goto(site_url + page_paths["CaseStudyPage"])
    assert page.locator(".page-tools .print-button").is_visible()
    assert not page.locator(".page-address").is_visible()
    page.emulate_media(media="print")
    for hidden in (
        ".primary-nav",
        ".search-form",
        ".site-footer",
        ".print-button",
        ".save-form",
        ".related",
        ".saved-link",
        ".language-link",
        ".skip-link",
    ):
        locator = page.locator(hidden)
        assert all(not item.is_visible() for item in locator.all()), hidden
    assert page.locator("h1").is_visible()
    assert page.locator(".page-address").is_visible()
    # The page's full address as the site knows it (its canonical address).
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert page.locator(".page-address").inner_text() == f"Sidans adress: {canonical}"
    internal = page.locator('.detail__main a[href^="/"]').first
    if internal.count():
        after = internal.evaluate("el => getComputedStyle(el, '::after').content")
        assert internal.get_attribute("href") in after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_every_content_page_type_has_a_print_button(page, site_url, page_paths):
    for name in ("MethodPage", "CaseStudyPage", "ResearchArticlePage"):
        page.goto(site_url + page_paths[name])
        button = page.get_by_role("button", name=re.compile("^Skriv ut"))
        assert button.count() == 1, name
        assert button.is_visible(), name


def test_saved_pages_say_sparad_when_the_visitor_comes_back(browser, visitor, site_url):
    asked = []
    page = visitor.new_page()
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url + "/metoder/")
    assert not any("/samling/sparade/" in url for url in asked)  # no collection: not asked
    first = page.locator(".card .save-form").first
    first.locator(".save-button").click()
    first.locator(".save-button__label", has_text="Sparad").wait_for()

    page.reload()
    first.locator(".save-button__label", has_text="Sparad").wait_for()
    assert first.locator(".save-form__done").is_visible()
    labels = page.locator(".card .save-button__label").all_inner_texts()
    assert labels.count("Sparad") == 1
    assert set(labels[1:]) == {"Spara"}

    # Removed in Min samling, then back: "Spara" again (from the back/forward cache or not).
    page.goto(site_url + "/samling/")
    page.locator(".small-button--remove").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/samling/#saved-messages$"))
    # The keyboard focus is on the message, which says what was done.
    assert page.evaluate("document.activeElement.id") == "saved-messages"
    assert "borttagen" in page.evaluate("document.activeElement.textContent")
    page.go_back()
    page.go_back()
    page.wait_for_url(site_url + "/metoder/")
    first.locator(".save-button__label", has_text=re.compile("^Spara$")).wait_for()
    assert not first.locator(".save-form__done").is_visible()

    # Saved again and emptied elsewhere: the next visit shows every button as "Spara".
    first.locator(".save-button").click()
    first.locator(".save-button__label", has_text="Sparad").wait_for()
    page.goto(site_url + "/samling/tom/")
    page.get_by_role("button", name="Ja, töm samlingen").click()
    page.goto(site_url + "/metoder/")
    page.wait_for_load_state("networkidle")
    assert set(page.locator(".card .save-button__label").all_inner_texts()) == {"Spara"}


def test_a_save_that_fails_says_why_beside_the_button(visitor, site_url):
    """The answer's message (a full collection, too many new ones from one address) is shown,
    not only read out: the button stays "Spara" and would otherwise seem to do nothing."""
    message = "Min samling är full: den rymmer högst 200 sidor."
    page = visitor.new_page()
    page.route(
        "**/samling/spara/",
        lambda route: route.fulfill(
            status=409,
            content_type="application/json",
            body=json.dumps({"saved": False, "message": message, "lang": "sv"}),
        ),
    )
    page.goto(site_url + "/metoder/")
    form = page.locator("form.save-form").first
    form.locator("button").click()
    error = form.locator(".save-form__error")
    expect(error).to_have_text(message)
    assert error.is_visible()
    assert form.locator(".save-button__label").inner_text() == "Spara"
    # Read out once, by the status line; the visible text is not a second live region, but
    # describes the button for whoever comes back to it.
    expect(page.locator("[role=status]", has_text=message)).to_have_count(1)
    assert error.get_attribute("role") is None and error.get_attribute("aria-live") is None
    expect(form.locator("button")).to_have_accessible_description(message)
    # Shown again from the browser's back/forward cache, the page is as it was left: the
    # explanation belonged to that moment and goes.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(error).to_have_count(0)
    assert form.locator("button").get_attribute("aria-describedby") is None
    expect(page.locator("[role=status]", has_text=message)).to_have_count(0)
    form.locator("button").click()
    expect(error).to_have_text(message)
    # Saved the next time: the explanation goes.
    page.unroute("**/samling/spara/")
    form.locator("button").click()
    expect(form.locator(".save-button__label")).to_have_text("Sparad")
    expect(error).to_have_count(0)
    assert form.locator("button").get_attribute("aria-describedby") is None


def test_a_refusal_without_a_reason_falls_back_to_the_plain_form(visitor, site_url):
    """An answer that says neither "saved" nor why: the form is sent the plain way, and the
    server's own page (here: back to the form, saved) says what happened."""

    def answer(route):
        if "application/json" in route.request.headers.get("accept", ""):
            route.fulfill(status=500, content_type="application/json", body='{"saved": false}')
        else:
            route.continue_()

    page = visitor.new_page()
    page.route("**/samling/spara/", answer)
    page.goto(site_url + "/metoder/")
    form = page.locator("form.save-form").first
    form.locator("button").click()
    page.wait_for_url(re.compile(r"/metoder/#spara-\d+$"))
    assert page.locator(".save-form__done:visible").count() == 1


# The width of an A4 sheet within the print style's 2 cm margins, in CSS pixels.
PORTRAIT, LANDSCAPE = 642, 971


@pytest.mark.parametrize(
    "path", ["/resultat/", "/fallstudier/kalmar-lan/oscarsgymnasiet-oskarshamn/"]
)
def test_results_tables_print_whole(page, site_url, path):
    """A paper copy cannot be scrolled: a table cut at the sheet's edge lost its change,
    assessment and source columns. A table of results row by row prints on landscape sheets
    of its own; the summaries per project and region fit the page as it is."""
    page.goto(site_url + path)
    page.emulate_media(media="print")
    tables = page.locator("table.results-table")
    assert tables.count()
    for table in tables.all():
        wide = "results-groups" not in table.get_attribute("class")
        page.set_viewport_size({"width": LANDSCAPE if wide else PORTRAIT, "height": 1000})
        box = table.evaluate("el => el.closest('.table-scroll').getBoundingClientRect().width")
        assert table.evaluate("el => el.getBoundingClientRect().width") <= box + 0.5
        named = table.evaluate("el => getComputedStyle(el.closest('.table-scroll')).page")
        assert named == ("wide-table" if wide else "auto")
        # Its heading goes with it: it was left alone at the foot of the page before.
        section = table.evaluate("el => getComputedStyle(el.closest('section')).page")
        assert section == named
    # A form on paper cannot be used: /resultat/ printed its four selects and button.
    assert not page.locator("form select, form button").filter(visible=True).count()
    # A term's link leads to a filtered listing: no path is printed after it.
    for link in page.locator(".taxonomy a[href]").all():
        after = link.evaluate("el => getComputedStyle(el, '::after').content")
        assert after in ("none", '""', "normal")


def test_a_method_prints_the_evidence_its_facts_point_to(page, site_url):
    """The facts said "2 fallstudier och 1 forskningsartikel i kunskapsbanken (se nedan)",
    and the printed page left out the section below: a staff meeting's paper copy lost the
    evidence behind the method. It prints as titles with their addresses, no factor tags."""
    page.goto(site_url + "/metoder/praktik-varvad-med-studier/")
    page.emulate_media(media="print")
    evidence = page.locator("section.evidence")
    expect(evidence.get_by_role("heading", level=2)).to_be_visible()
    titles = evidence.locator(".card__title a")
    assert titles.count() >= 2
    for title in titles.all():
        expect(title).to_be_visible()
        after = title.evaluate("el => getComputedStyle(el, '::after').content")
        assert title.get_attribute("href") in after
    assert not evidence.locator(".factor-tags, .save-form").filter(visible=True).count()


def test_the_share_link_is_copied_with_one_press_and_said_so(browser, site_url, page_paths):
    """On a phone the read-only field showed a cut-off link, to be selected by hand."""
    context = browser.new_context(
        viewport={"width": 390, "height": 800}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    fill_collection(page, site_url, [page_paths["MethodPage"]])
    page.goto(site_url + "/samling/")
    link = page.locator("#share-link").input_value()
    button = page.get_by_role("button", name="Kopiera länken")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".saved-share__copied")).to_have_text("Länken är kopierad.")
    assert page.evaluate("navigator.clipboard.readText()") == link
    assert page.locator(".saved-share__copied").get_attribute("role") == "status"
    context.close()
