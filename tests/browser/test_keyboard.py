"""A keyboard-only visitor finds a method, first by filters and then by search."""

import re

import pytest

MAX_TABS = 250
METHOD_LINK = (
    "el => el.tagName === 'A' && el.closest('main') !== null"
    " && /^\\/metoder\\/[^/?#]+\\/$/.test(el.getAttribute('href') || '')"
)


def tab_to(page, predicate):
    """Press Tab until the focused element satisfies the JS predicate; fail after MAX_TABS."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate})(document.activeElement)"):
            assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
            return
    raise AssertionError(f"Tab never reached an element matching {predicate}")


def test_find_a_method_by_filters_with_the_keyboard(page, site_url):
    page.goto(site_url + "/metoder/")
    tab_to(
        page,
        "el => el.type === 'checkbox' && el.labels.length"
        " && el.labels[0].textContent.includes('Samverkan')",
    )
    page.keyboard.press("Space")
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.includes('Filtrera')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "faktor=samverkan" in page.url
    tab_to(page, METHOD_LINK)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/metoder/[^/]+/$", page.url)
    assert "Samverkan" in page.locator("main").inner_text()


def test_find_a_method_by_search_with_the_keyboard(page, site_url):
    page.goto(site_url + "/")
    tab_to(page, "el => el.name === 'q'")
    page.keyboard.type("närvaro")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sok/" in page.url
    tab_to(page, METHOD_LINK)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/metoder/[^/]+/$", page.url)
    assert page.locator("h1").count() == 1


UNSEEN = """el => {
    const box = el.getBoundingClientRect();
    return box.width <= 1 || box.height <= 1 || box.bottom <= 0;
}"""


@pytest.mark.parametrize(
    "path,link", [("/utforska/", ".listing__skip"), ("/karta/", ".county-map__skip")]
)
def test_a_link_past_a_part_is_unseen_until_the_keyboard_reaches_it(page, site_url, path, link):
    """Placed off the top of its part, it sat over the heading and intro above that part."""
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site_url + path)
        assert page.locator(link).evaluate(UNSEEN), width


def test_a_link_past_the_filters_leads_the_keyboard_to_the_results(page, site_url):
    """With the filters open a keyboard passed over a hundred of them before the first result."""
    page.goto(site_url + "/utforska/")
    tab_to(page, "el => el.classList.contains('listing__skip')")
    link = page.locator(".listing__skip")
    box = link.bounding_box()
    assert box["y"] >= page.locator(".listing").bounding_box()["y"] - 1  # shown where it is
    # Over nothing: the results' heading starts below it.
    heading = page.locator("#results-heading").bounding_box()
    assert heading["y"] >= box["y"] + box["height"]
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = (
        "el => el.closest('.listing__results') !== null && el.closest('.facet-panel') === null"
    )
    assert page.evaluate(f"({focused})(document.activeElement)")


# Whether a checkbox is whole on screen (to a pixel: the browser scrolls it just into view)
# and nothing lies over it (its centre and corners).
UNCOVERED = """el => {
    const r = el.getBoundingClientRect();
    const points = [[r.x + r.width / 2, r.y + r.height / 2], [r.x + 1, r.y + 1],
                    [r.right - 1, r.bottom - 1]];
    return r.top >= -1 && r.bottom <= innerHeight + 1
        && points.every(([x, y]) => document.elementFromPoint(x, y) === el);
}"""
# The part of each checkbox a pointer can reach (inside the box its groups scroll in, if
# they do) that lies under the filter button.
UNDER_THE_BUTTON = """() => {
    const button = document.querySelector(".facet-form__submit").getBoundingClientRect();
    const groups = document.querySelector(".facet-form__groups");
    const clip = !groups || getComputedStyle(groups).overflowY === "visible"
        ? null : groups.getBoundingClientRect();
    return [...document.querySelectorAll(".facet-form input[type=checkbox]")].filter(box => {
        const r = box.getBoundingClientRect();
        const top = clip ? Math.max(r.top, clip.top) : r.top;
        const bottom = clip ? Math.min(r.bottom, clip.bottom) : r.bottom;
        return bottom > top && bottom > button.top + 0.5 && top < button.bottom - 0.5
            && r.right > button.left && r.left < button.right;
    }).map(box => box.labels[0].textContent.trim());
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_no_filter_checkbox_lies_under_the_filter_button(browser, site_url, width):
    """The button kept in view at the foot of the panel lay over the checkboxes scrolled
    under it (WCAG 2.2, 2.5.8 Target Size; a click there sent the form): every checkbox the
    keyboard reaches is whole on screen, with nothing over it, and then the button."""
    # Without smooth scrolling, so each position is read where the scroll ends.
    context = browser.new_context(viewport={"width": width, "height": 800}, reduced_motion="reduce")
    tab = context.new_page()
    tab.goto(site_url + "/forskning/")
    if width < 1024:  # the panel starts closed on a phone
        tab.locator(".facet-panel__summary").click()
    count = tab.locator(".facet-form input[type=checkbox]").count()
    assert count > 20
    covered = []
    for _ in range(count):
        tab_to(tab, "el => el.type === 'checkbox'")
        if not tab.evaluate(f"({UNCOVERED})(document.activeElement)"):
            covered.append(tab.evaluate("document.activeElement.labels[0].textContent.trim()"))
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.className")
    # A pointer's view, the page scrolled from its top to its foot.
    under = set()
    for top in range(0, tab.evaluate("document.documentElement.scrollHeight"), 150):
        tab.evaluate(f"scrollTo(0, {top})")
        under.update(tab.evaluate(UNDER_THE_BUTTON))
    context.close()
    assert covered == []
    assert focused == "facet-form__submit"
    assert under == set()


def test_the_wheel_over_the_filters_leads_to_the_filter_button(browser, site_url):
    """The filters' list kept the wheel to itself at its end: a mouse user could not reach
    the button below it without moving off the panel."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    tab = context.new_page()
    tab.goto(site_url + "/forskning/")
    box = tab.locator(".facet-form__groups").bounding_box()
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + 100)
    seen = False
    for _ in range(40):
        tab.mouse.wheel(0, 200)
        tab.wait_for_timeout(50)
        seen = seen or tab.evaluate(
            "(() => { const r = document.querySelector('.facet-form__submit')"
            ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()"
        )
    context.close()
    assert seen


@pytest.mark.parametrize("width", [1280, 390])
def test_after_filtering_the_next_tab_is_in_the_results(browser, site_url, width):
    """The page came back with the keyboard at its top: on a wide screen a hundred tabs through
    the menu and every filter before the first result. Filtering leads to the results'
    heading, and Tab goes on from there."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + "/metoder/")
    if width < 1024:  # the panel starts closed on a phone
        tab.locator(".facet-panel__summary").click()
    tab.locator(".facet-form input[name=faktor][value=samverkan]").check(force=True)
    tab.locator(".facet-form__submit").focus()
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    in_results = tab.evaluate("!!document.activeElement.closest('.results')")
    heading_top = tab.locator("#results-heading").bounding_box()["y"]
    context.close()
    assert in_results
    assert 0 <= heading_top < 800


def test_back_from_a_filtered_listing_shows_the_filters_as_the_page_lists(page, site_url):
    """Back to the unfiltered listing, the browser showed the boxes ticked that were sent:
    "Filtrera" then applied filters the visitor thought were gone."""
    page.goto(site_url + "/metoder/")
    box = page.locator(".facet-form input[name=faktor][value=samverkan]")
    box.check(force=True)
    with page.expect_navigation():
        page.locator(".facet-form__submit").click()
    assert "faktor=samverkan" in page.url
    with page.expect_navigation():
        page.go_back()
    assert page.url.endswith("/metoder/")
    checked = page.locator(".facet-form input[type=checkbox]:checked").count()
    assert checked == 0
