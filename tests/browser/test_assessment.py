"""The self-assessment in Chromium: the whole flow with the keyboard alone, axe (WCAG 2.1 AA)
on every page of it, and the share link opened in a fresh browser."""

import pytest

from .axe import axe_violations

LOAD_STATEMENTS = (
    "from collections import Counter; "
    "from pluginnovation.assessment.demo import load_statements; "
    "load_statements(Counter())"
)


@pytest.fixture(scope="module")
def assessment_site(site_url, site_shell):
    """The demo server, with the demo statements loaded into its database (the demo loader
    may already have done it; load_statements creates only what is missing)."""
    site_shell(LOAD_STATEMENTS)
    return site_url


def tab_to(page, selector, limit=250):
    """Press Tab until the focused element matches the CSS selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def press_enter_and_wait(page):
    """Enter on the focused button or link, and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def check_page(page):
    assert page.locator("h1").count() == 1
    assert page.locator('meta[name="robots"][content^="noindex"]').count() == 1
    assert axe_violations(page) == []


def answer_step_with_keyboard(page, choice):
    """Answer every statement of the step: Tab into each radio group, Space picks the first
    option, ArrowRight moves the choice along the scale."""
    groups = page.locator("fieldset.statement").count()
    for index in range(groups):
        tab_to(page, f"fieldset.statement:nth-of-type({index + 1}) input[type=radio]")
        page.keyboard.press("Space")
        for _ in range(choice(index)):
            page.keyboard.press("ArrowRight")
    assert page.locator("input[type=radio]:checked").count() == groups


def test_the_whole_flow_with_the_keyboard_and_axe_on_every_page(browser, assessment_site, page):
    site = assessment_site
    page.goto(site + "/sjalvskattning/")
    check_page(page)
    tab_to(page, "form.assessment-start button")
    press_enter_and_wait(page)
    page.wait_for_url("**/steg/1/")

    # Step 1 sent with one answer missing: an error summary, the answer given is kept.
    check_page(page)
    assert page.locator(".assessment-step__count").inner_text() == "Steg 1 av 4"
    tab_to(page, "fieldset.statement:nth-of-type(1) input[type=radio]")
    page.keyboard.press("Space")
    tab_to(page, "button[value=nasta]")
    press_enter_and_wait(page)
    assert page.locator(".error-summary").count() == 1
    assert page.locator("fieldset.statement:nth-of-type(1) input:checked").count() == 1
    check_page(page)

    for number in range(1, 5):
        assert page.locator(".assessment-step__count").inner_text() == f"Steg {number} av 4"
        assert page.locator('[aria-current="step"]').count() == 1
        # Samverkan (step 3) is the weak spot; the rest mostly true.
        answer_step_with_keyboard(page, (lambda i: 0) if number == 3 else (lambda i: 3))
        tab_to(page, "button[value=nasta]")
        press_enter_and_wait(page)
        if number < 4:
            page.wait_for_url(f"**/steg/{number + 1}/")
            check_page(page)
    page.wait_for_url("**/resultat/")

    # The result: chart with a text alternative, table, recommendations.
    check_page(page)
    assert page.locator('svg[role="img"]').count() == 1
    assert page.locator("table.profile__table tbody tr").count() == 4
    assert "Förslag för samverkan" in page.locator("#rekommendationer").inner_text()
    tab_to(page, ".add-methods input[type=checkbox]")
    page.keyboard.press("Space")
    chosen = page.locator(".add-methods input:checked + label").inner_text()
    tab_to(page, ".add-methods button")
    press_enter_and_wait(page)
    page.wait_for_url("**/plan/**")

    # The plan: write the first step, who, when and the follow-up.
    check_page(page)
    assert chosen in page.locator("fieldset.plan-item legend").first.inner_text()
    # The keyboard starts in the new row's first field.
    assert page.evaluate("document.activeElement.name").endswith("forsta_steg")
    page.keyboard.type("Gå igenom frånvaron på nästa arbetslagsmöte")
    tab_to(page, "fieldset.plan-item input[name$=ansvarig]")
    page.keyboard.type("Mentor")
    tab_to(page, "fieldset.plan-item input[type=date]")
    # Headless Chromium shows the date field in its own (en-US) order: month, day, year.
    page.keyboard.type("03152027")
    tab_to(page, "fieldset.plan-item textarea[name$=uppfoljning]")
    page.keyboard.type("Rektor följer upp i maj")
    # Another method added before saving: what was typed is kept, and saved.
    tab_to(page, "#annan-metod")
    page.keyboard.press("ArrowDown")
    tab_to(page, "button[name=lagg_till]")
    press_enter_and_wait(page)
    assert page.locator("fieldset.plan-item").count() == 2
    assert page.locator("fieldset.plan-item textarea").first.input_value().startswith("Gå igenom")
    # The keyboard goes on in the new row's first field, not at the top of the page.
    new_field = page.url.split("#")[1]
    assert page.evaluate("document.activeElement.id") == new_field
    assert page.evaluate("document.activeElement.closest('fieldset').id") != "rad-1"
    tab_to(page, "button[name=spara]")
    press_enter_and_wait(page)
    assert "Handlingsplanen är sparad" in page.locator("main").inner_text()
    # The keyboard goes on from the message that says so, which is read out.
    assert page.evaluate("document.activeElement.id") == "meddelanden"
    assert page.locator("fieldset.plan-item input[type=date]").first.input_value() == "2027-03-15"
    check_page(page)
    # Enter in a field saves the plan: it removes no row (the form's first button was once
    # the first row's "Ta bort").
    who = page.locator("fieldset.plan-item").nth(1).locator("input[name$=ansvarig]")
    who.fill("Kurator")
    with page.expect_navigation():
        who.press("Enter")
    assert page.locator("fieldset.plan-item").count() == 2
    assert "Handlingsplanen är sparad" in page.locator("main").inner_text()
    assert page.locator("fieldset.plan-item").first.locator("textarea").first.input_value()
    who = page.locator("fieldset.plan-item").nth(1).locator("input[name$=ansvarig]")
    assert who.input_value() == "Kurator"

    # On paper: the plan as saved, to read; not the form with its boxes, nor the message.
    assert not page.locator(".plan-read").is_visible()
    page.emulate_media(media="print")
    for hidden in (".plan-form", ".plan-add", ".share", ".assessment-messages"):
        assert not page.locator(hidden).is_visible(), hidden
    printed = page.locator(".plan-read").inner_text()
    assert "Kurator" in printed and "Handlingsplanen, senast sparad" in printed
    assert page.locator(".plan-read li").count() == 2
    page.emulate_media(media="screen")
    read_link = page.locator("#las-lank").input_value()
    edit_token = page.url.split("/redigera/")[1].split("/")[0]

    # The share link in a fresh browser: the plan is there, the edit link is not.
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    colleague = context.new_page()
    colleague.goto(read_link)
    check_page(colleague)
    text = colleague.locator("main").inner_text()
    assert chosen in text and "Mentor" in text and "Gå igenom frånvaron" in text
    # Each method's address as the colleague reaches the site.
    assert colleague.locator(".plan-read__url").first.inner_text().startswith(f"Adress: {site}/")
    assert edit_token not in colleague.content()
    pdf = colleague.request.get(read_link + "handlingsplan.pdf")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    tab_to(colleague, ".copy button")
    press_enter_and_wait(colleague)
    colleague.wait_for_url("**/redigera/**/resultat/")
    assert edit_token not in colleague.url
    assert "egen kopia" in colleague.locator("main").inner_text()
    check_page(colleague)
    context.close()

    # A tampered link: a Swedish 404 page.
    response = page.goto(site + "/sjalvskattning/delad/" + "A" * 32 + "/")
    assert response.status == 404
    check_page(page)


def answer_step_with_clicks(page, option=0):
    for group in page.locator("fieldset.statement").all():
        group.locator("input[type=radio]").nth(option).check()
    with page.expect_navigation():
        page.locator("button[value=nasta]").click()


def test_no_horizontal_scrolling_at_320_pixels(browser, assessment_site):
    """A step, and the result with its filters (a fieldset as wide as its longest option
    made the result page 352 px wide)."""
    context = browser.new_context(viewport={"width": 320, "height": 700})
    tab = context.new_page()
    tab.goto(assessment_site + "/sjalvskattning/")
    tab.locator("form.assessment-start button").click()
    tab.wait_for_url("**/steg/1/")
    overflow = {"step": tab.evaluate("document.documentElement.scrollWidth - innerWidth")}
    for _ in range(4):
        answer_step_with_clicks(tab, option=1)
    tab.wait_for_url("**/resultat/")
    assert tab.locator(".narrowing fieldset").count() == 1
    overflow["result"] = tab.evaluate("document.documentElement.scrollWidth - innerWidth")
    context.close()
    assert overflow == {"step": 0, "result": 0}


def test_the_profile_chart_stays_readable_in_forced_colours(browser, assessment_site):
    """A contrast theme kept the chart's dark fills on its black: the words were invisible.
    The chart keeps its own colours on white."""
    context = browser.new_context(forced_colors="active", color_scheme="dark")
    tab = context.new_page()
    tab.goto(assessment_site + "/sjalvskattning/")
    tab.locator("form.assessment-start button").click()
    for _ in range(4):
        answer_step_with_clicks(tab, option=2)
    tab.wait_for_url("**/resultat/")
    colours = tab.evaluate(
        """() => {
            const svg = document.querySelector(".profile__svg");
            const label = svg.querySelector(".profile__label");
            return [getComputedStyle(svg).backgroundColor, getComputedStyle(label).fill];
        }"""
    )
    context.close()
    assert colours[0] == "rgb(255, 255, 255)"
    assert colours[1] not in ("rgb(255, 255, 255)", "none")


def test_the_step_bar_keeps_the_answers_given_on_a_step(assessment_site, page):
    """A team that jumps ahead with the step bar keeps what it answered on the step it left."""
    page.goto(assessment_site + "/sjalvskattning/")
    with page.expect_navigation():
        page.locator("form.assessment-start button").click()
    page.wait_for_url("**/steg/1/")
    with page.expect_navigation():
        page.locator(".assessment-progress a").nth(1).click()
    page.wait_for_url("**/steg/2/")
    page.locator("fieldset.statement").nth(0).locator("input[type=radio]").nth(1).check()
    page.locator("fieldset.statement").nth(1).locator("input[type=radio]").nth(2).check()
    with page.expect_navigation():
        page.locator(".assessment-progress a").nth(2).click()
    page.wait_for_url("**/steg/3/")
    with page.expect_navigation():
        page.locator(".assessment-progress a").nth(1).click()
    page.wait_for_url("**/steg/2/")
    statements = page.locator("fieldset.statement")
    assert statements.nth(0).locator("input[type=radio]").nth(1).is_checked()
    assert statements.nth(1).locator("input[type=radio]").nth(2).is_checked()
    assert page.locator(".error-summary").count() == 0


def test_removing_a_plan_row_with_text_asks_first(assessment_site, page):
    """A tap on "Ta bort" by mistake lost what was typed in the row; now it asks first, when
    there is something to lose."""
    page.goto(assessment_site + "/sjalvskattning/")
    with page.expect_navigation():
        page.locator("form.assessment-start button").click()
    page.wait_for_url("**/steg/1/")
    page.goto(page.url.replace("/steg/1/", "/plan/"))
    for _ in range(2):
        with page.expect_navigation():
            page.locator(".plan-add button").click()
    rows = page.locator("fieldset.plan-item")
    assert rows.count() == 2
    rows.first.locator("textarea").first.fill("Boka ett möte med mentorerna")
    asked = []

    def answer(dialog, accept):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, False))
    rows.first.locator("button[name=ta_bort]").click()
    assert len(asked) == 1 and "försvinner" in asked[0]
    assert rows.count() == 2
    assert rows.first.locator("textarea").first.input_value() == "Boka ett möte med mentorerna"

    page.once("dialog", lambda dialog: answer(dialog, True))
    with page.expect_navigation():
        rows.first.locator("button[name=ta_bort]").click()
    assert rows.count() == 1 and len(asked) == 2
    # The keyboard goes on in the row that followed, not at the top of the page.
    focused = page.evaluate("document.activeElement.id")
    assert focused == rows.first.locator("textarea").first.get_attribute("id")

    # An empty row has nothing to lose: it goes at once; with no row left, the keyboard goes
    # on at "Lägg till en metod".
    with page.expect_navigation():
        rows.first.locator("button[name=ta_bort]").click()
    assert rows.count() == 0 and len(asked) == 2
    assert page.evaluate("document.activeElement.id") == "annan-metod"


def test_a_date_half_typed_is_not_saved_as_no_date(assessment_site, page):
    """A date field with only the month and day typed (or 30 February) sends nothing: the plan
    said "Handlingsplanen är sparad" and the date, and any date saved before, was gone. The
    form is not sent; the field says what is wrong and has the keyboard."""
    page.goto(assessment_site + "/sjalvskattning/")
    with page.expect_navigation():
        page.locator("form.assessment-start button").click()
    page.wait_for_url("**/steg/1/")
    page.goto(page.url.replace("/steg/1/", "/plan/"))
    with page.expect_navigation():
        page.locator(".plan-add button").click()
    row = page.locator("fieldset.plan-item").first
    when = row.locator("input[type=date]")
    when.focus()
    # Headless Chromium shows the date field in its own (en-US) order: month, day, year.
    page.keyboard.type("0315")
    page.locator(".plan-form > button[name=spara]").last.click()
    page.wait_for_timeout(300)
    assert "/plan/" in page.url
    assert "Handlingsplanen är sparad" not in page.locator("main").inner_text()
    error = row.locator(".field-error")
    assert "Datumet är inte komplett" in error.inner_text()
    assert page.evaluate("document.activeElement.type") == "date"
    assert when.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in when.get_attribute("aria-describedby")
    # Typed in full, the plan is saved with it.
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("03152027")
    with page.expect_navigation():
        page.locator(".plan-form > button[name=spara]").last.click()
    assert "Handlingsplanen är sparad" in page.locator("main").inner_text()
    assert page.locator("fieldset.plan-item input[type=date]").first.input_value() == "2027-03-15"
