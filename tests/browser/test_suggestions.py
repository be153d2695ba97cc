"""Suggestions as you type in the header search: an ARIA combobox, keyboard operable."""

from urllib.parse import unquote

from .axe import axe_violations

FIELD = "#site-search-q"
LIST = "#site-search-q-forslag"
STATUS = "#site-search-q-status"


def type_and_wait_for_options(page, text):
    page.locator(FIELD).press_sequentially(text, delay=40)
    page.locator(f"{LIST} [role=option]").first.wait_for(state="visible")


def test_arrow_down_and_enter_go_to_the_suggested_page(page, site_url):
    page.goto(site_url + "/")
    field = page.locator(FIELD)
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "false"
    type_and_wait_for_options(page, "frånv")
    # The first options shown may be those of "frå", answered while the last letters were
    # typed: wait for the answer to the whole word (a loaded machine made this race visible).
    page.wait_for_function(
        """list => {
            const options = [...document.querySelectorAll(list + " [role=option]")];
            return options.length > 0
                && options.every(option => option.textContent.toLowerCase().includes("frånv"));
        }""",
        arg=LIST,
    )
    options = page.locator(f"{LIST} [role=option]")
    assert field.get_attribute("aria-expanded") == "true"
    assert field.get_attribute("aria-controls") == "site-search-q-forslag"
    assert all("frånv" in text.lower() for text in options.all_inner_texts())
    assert page.locator(STATUS).inner_text() == f"{options.count()} förslag"
    # Each option shows its kind ("Metod"); the comma before it is for screen readers alone.
    kinds = page.locator(f"{LIST} .search-suggestions__kind").all_inner_texts()
    assert kinds and all(kind.strip()[:1].isalpha() for kind in kinds)
    names = page.locator(f"{LIST} [role=option]").evaluate_all(
        "options => options.map(option => option.textContent)"
    )
    assert all(", " in name for name in names)

    field.press("ArrowDown")
    first = options.first
    assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    label = first.locator(".search-suggestions__label").inner_text()
    with page.expect_navigation():
        field.press("Enter")
    assert "/sok/" not in page.url
    assert page.locator("h1").inner_text() == label


def test_escape_closes_and_enter_then_searches_as_usual(page, site_url):
    page.goto(site_url + "/")
    field = page.locator(FIELD)
    type_and_wait_for_options(page, "samv")
    field.press("Escape")
    assert page.locator(LIST).is_hidden()
    assert field.get_attribute("aria-expanded") == "false"
    with page.expect_navigation():
        field.press("Enter")
    assert unquote(page.url).endswith("/sok/?q=samv")


def test_arrow_keys_wrap_and_a_click_goes_to_the_page(page, site_url):
    page.goto(site_url + "/")
    field = page.locator(FIELD)
    type_and_wait_for_options(page, "samv")
    options = page.locator(f"{LIST} [role=option]")
    field.press("ArrowUp")
    assert field.get_attribute("aria-activedescendant") == options.last.get_attribute("id")
    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    with page.expect_navigation():
        options.first.click()
    assert page.url.endswith("/framgangsfaktorer/samverkan/")


def test_no_wcag_violations_with_the_list_open(page, site_url):
    page.goto(site_url + "/")
    type_and_wait_for_options(page, "frånv")
    page.locator(FIELD).press("ArrowDown")
    assert axe_violations(page) == []


def test_every_search_field_on_a_page_suggests_without_script_errors(page, site_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(site_url + "/sok/?q=skola")
    field = page.locator("#search-page-q")
    field.fill("")
    field.press_sequentially("mento", delay=40)
    page.locator("#search-page-q-forslag [role=option]").first.wait_for(state="visible")
    # The header's list stays closed: each field has its own.
    assert page.locator(LIST).is_hidden()
    assert errors == []  # a CSP violation would be reported here as a console error


def test_swedish_titles_among_english_suggestions_are_marked_swedish(page, site_url):
    page.goto(site_url + "/en/")
    type_and_wait_for_options(page, "frånv")
    languages = page.locator(f"{LIST} .search-suggestions__label").evaluate_all(
        "labels => labels.map(label => label.lang)"
    )
    assert languages and set(languages) == {"sv"}


def test_one_suggestion_is_counted_in_the_singular(page, site_url):
    page.goto(site_url + "/en/")
    type_and_wait_for_options(page, "collab")
    assert page.locator(f"{LIST} [role=option]").count() == 1  # the factor Collaboration
    assert page.locator(STATUS).inner_text() == "1 suggestion"


def test_the_active_suggestion_stands_out_in_a_contrast_theme(browser, site_url):
    """A Windows contrast theme dropped the active option's navy background: which one Enter
    would open was shown by a thin underline alone."""
    context = browser.new_context(forced_colors="active", color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "/")
    type_and_wait_for_options(page, "men")
    page.locator(FIELD).press("ArrowDown")
    page.locator(FIELD).press("ArrowDown")
    active = page.locator(f"{LIST} .search-suggestions__option--active")
    assert active.count() == 1
    options = page.locator(f"{LIST} [role=option]")
    assert options.count() >= 2
    # The colour an option is seen on: its own, or the list's where its own is transparent.
    seen_on = """el => {
        for (let node = el; node; node = node.parentElement) {
            const colour = getComputedStyle(node).backgroundColor;
            if (colour !== "rgba(0, 0, 0, 0)") return colour;
        }
        return "none";
    }"""
    others = {
        option.evaluate(seen_on)
        for option in options.all()
        if "search-suggestions__option--active" not in option.get_attribute("class")
    }
    assert active.evaluate(seen_on) not in others
    context.close()
