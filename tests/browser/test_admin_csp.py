"""The Content-Security-Policy in Chromium: public pages break none of it, the admin keeps working.

Each document and frame gets a `securitypolicyviolation` listener before its own scripts run.
Playwright adds it through the DevTools protocol, which the page's policy does not govern, so a
strict policy cannot block the listener itself; test_the_watcher_reports_a_violation shows it
sees what the policy blocks.
"""

import pytest

WATCH_SCRIPT = """
window.cspViolations = 0;
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI} in ${event.documentURI}`
    );
    window.cspViolations += 1;
});
"""
FACT_TITLE = "Testfakta i förhandsvisningen"
FACT_TEXT = "Tre av fyra elever fullföljde."


def csp_directives(response):
    header = response.headers["content-security-policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def assert_strict(response):
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]


class Problems:
    """What went wrong in the browser: CSP violations and console errors and warnings."""

    def __init__(self, page):
        self.page = page
        self.violations = []
        self.console = []
        page.expose_function("reportCspViolation", self.on_violation)
        page.add_init_script(WATCH_SCRIPT)
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))

    def on_violation(self, description):
        self.violations.append(description)

    def on_console(self, message):
        # Chromium's "verbose" advice (e.g. autocomplete hints) is not a problem.
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text}")

    def collected(self):
        # A round trip to the page lets reports already sent reach Python first.
        self.page.evaluate("1")
        return {"violations": self.violations, "console": self.console}


NONE = {"violations": [], "console": []}


@pytest.fixture
def problems(page):
    return Problems(page)


def test_the_watcher_reports_a_violation(page, problems, site_url):
    page.goto(site_url + "/")
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    page.wait_for_function("window.cspViolations > 0")
    assert problems.collected()["violations"] == [f"style-src-attr blocked inline in {site_url}/"]


@pytest.mark.parametrize("path", ["/", "MethodPage", "/utforska/"])
def test_public_pages_keep_the_strict_policy_without_violations(
    page, problems, site_url, page_paths, path
):
    response = page.goto(site_url + page_paths.get(path, path))
    assert response.status == 200
    assert_strict(response)
    page.wait_for_load_state("networkidle")  # the favicon, among others
    assert problems.collected() == NONE


def log_in(page, site_url, admin_login):
    page.goto(site_url + "/admin/login/")
    page.locator("#id_username").fill(admin_login["username"])
    page.locator("#id_password").fill(admin_login["password"])
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in").click()
    assert page.url == site_url + "/admin/"


def add_fact_box(page):
    """Add a fact box at the end of the body, through the block menu, and fill it in."""
    from playwright.sync_api import expect

    body = page.locator("#panel-child-innehall-body-section")
    count = page.locator("input[name='body-count']")
    blocks_before = int(count.input_value())
    body.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Faktaruta").click()
    # The admin's script adds the block a moment after the click: wait for it (CI once read
    # the count before).
    expect(count).to_have_value(str(blocks_before + 1))
    prefix = f"body-{blocks_before}-value"
    new_block = body.locator("[data-streamfield-child]").filter(
        has=page.locator(f"[name='{prefix}-title']")
    )
    new_block.locator("[contenteditable='true']").fill(FACT_TEXT)
    # Draftail copies its text into the form a moment later; the preview sends the form.
    page.wait_for_function(
        "([name, text]) => document.getElementsByName(name)[0].value.includes(text)",
        arg=[f"{prefix}-text", FACT_TEXT],
    )
    page.locator(f"[name='{prefix}-title']").fill(FACT_TITLE)


def test_the_admin_has_its_own_policy_and_keeps_working(
    page, problems, site_url, page_ids, admin_login
):
    log_in(page, site_url, admin_login)
    explorer = page.goto(site_url + "/admin/pages/")
    assert explorer.status == 200
    assert page.get_by_role("link", name="Hem", exact=True).first.is_visible()

    editor = page.goto(f"{site_url}/admin/pages/{page_ids['MethodPage']}/edit/")
    assert editor.status == 200
    # Wagtail's admin writes inline script and style, so it has a policy of its own.
    admin_policy = csp_directives(editor)
    assert "'unsafe-inline'" in admin_policy["script-src"]
    assert "'unsafe-inline'" in admin_policy["style-src"]
    assert admin_policy["frame-ancestors"] == ["'self'"]
    add_fact_box(page)

    with page.expect_response(
        lambda response: "/edit/preview/" in response.url and response.request.method == "GET"
    ) as preview:
        page.locator("[data-side-panel-toggle='preview']").click()
    # The preview shows the page as the public will see it, under the public policy.
    assert_strict(preview.value)
    preview_frame = page.frame_locator("#w-preview-iframe")
    preview_frame.get_by_text(FACT_TITLE).wait_for()
    preview_frame.get_by_text(FACT_TEXT).wait_for()
    # The watcher runs in the preview's frame too (undefined there would mean it did not).
    assert preview_frame.locator("html").evaluate("() => window.cspViolations") == 0

    assert problems.collected() == NONE
