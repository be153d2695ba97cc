"""Bevaka in Chromium: a keyboard-only visitor subscribes; axe on the form (also with its
errors), the confirmation page and the unsubscribe page; screenshots at 1280 and 390 px."""

import sqlite3
import uuid
from pathlib import Path

from django.core import signing

from pluginnovation.alerts.tokens import CONFIRM_SALT, UNSUBSCRIBE_SALT

from .axe import axe_violations

MAX_TABS = 150
SHOTS = Path("/tmp/alerts/screens")


def tab_to(page, predicate):
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate})(document.activeElement)"):
            assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
            return
    raise AssertionError(f"Tab never reached an element matching {predicate}")


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def key_of(database, email):
    """The key of the one subscription of `email` (an address unique to this run), read from
    the demo server's database as its mail would carry it."""
    with sqlite3.connect(database) as db:
        row = db.execute("SELECT key FROM alerts_subscription WHERE email = ?", [email]).fetchone()
    assert row, f"no subscription for {email}"
    return row[0]


def label_of(text):
    return f"el => el.labels && el.labels.length && el.labels[0].textContent.includes({text!r})"


def test_subscribe_with_the_keyboard_confirm_and_unsubscribe(page, site_url, site_database):
    email = f"tangentbord.{uuid.uuid4().hex[:12]}@skola.se"
    page.goto(site_url + "/bevaka/")
    assert axe_violations(page) == []
    shoot(page, "bevaka")

    # Sending the empty form shows the error summary, focused, linked to the fields.
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.includes('Starta bevakningen')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert axe_violations(page) == []
    shoot(page, "bevaka-fel")

    tab_to(page, "el => el.id === 'id_email'")
    page.keyboard.type(email)
    tab_to(page, label_of("Samverkan"))
    page.keyboard.press("Space")
    tab_to(page, label_of("Nyheter från Aktuellt"))
    page.keyboard.press("Space")
    tab_to(page, "el => el.id === 'id_consent'")
    page.keyboard.press("Space")
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.includes('Starta bevakningen')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/bevaka/skickat/")
    assert "Kolla din e-post" in page.locator("h1").inner_text()
    assert axe_violations(page) == []

    key = key_of(site_database, email)
    page.goto(f"{site_url}/bevaka/bekrafta/{signing.dumps(key, salt=CONFIRM_SALT)}/")
    assert "Samverkan" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    shoot(page, "bekrafta")
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.includes('Ja, starta')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bevakningen är bekräftad" in page.locator("h1").inner_text()
    assert axe_violations(page) == []

    page.goto(f"{site_url}/bevaka/avsluta/{signing.dumps(key, salt=UNSUBSCRIBE_SALT)}/")
    assert axe_violations(page) == []
    shoot(page, "avsluta")
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.includes('Ja, avsluta')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bevakningen är avslutad" in page.locator("h1").inner_text()
    assert axe_violations(page) == []
    with sqlite3.connect(site_database) as db:
        query = "SELECT count(*) FROM alerts_subscription WHERE email = ?"
        assert db.execute(query, [email]).fetchone() == (0,)


def test_a_broken_link_gets_a_readable_page(page, site_url):
    response = page.goto(site_url + "/bevaka/bekrafta/inte-en-riktig-lank/")
    assert response.status == 400
    assert "Länken fungerar inte" in page.locator("h1").inner_text()
    assert axe_violations(page) == []
