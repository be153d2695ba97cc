"""axe-core in Chromium on the project pages and the region sections: no WCAG 2.1 A/AA
violation, one h1, no horizontal scrolling on a phone.

The shared demo server has the project pages once the demo loader calls
pluginnovation.projects.demo.load_projects. Until then this module starts a server of its own
over a demo database with the project pages added (same settings as the shared one).
"""

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import PROJECT_ROOT, free_port, wait_until_up

from .axe import axe_violations

PATHS = {
    "project index": "/projekt/",
    "project page": "/projekt/plug-in/",
    "project page with few case studies": "/projekt/plug-in-2-0/",
    "region with case studies": "/fallstudier/gr/",
    "region without case studies": "/fallstudier/skane/",
    "case study index with region links": "/fallstudier/",
}
ADD_PROJECTS = """
from collections import Counter
from wagtail.models import Site
from pluginnovation.projects.demo import load_projects
load_projects(Site.objects.get(is_default_site=True).root_page.specific, Counter())
"""


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except urllib.error.URLError:
        return False


@pytest.fixture(scope="module")
def projects_url(site_url, tmp_path_factory):
    """The shared demo server if it has the project pages, otherwise a server of our own."""
    if answers(site_url + "/projekt/plug-in/"):
        yield site_url
        return
    database = tmp_path_factory.mktemp("projects-browser") / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pluginnovation.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    manage = [sys.executable, str(PROJECT_ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo_content"], ["shell", "-c", ADD_PROJECTS]):
        subprocess.run(
            manage + command + ["-v0"], env=env, check=True, cwd=PROJECT_ROOT, timeout=300
        )
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/projekt/", server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("name", PATHS)
def test_project_and_region_pages_have_no_wcag_violations(page, projects_url, name):
    response = page.goto(projects_url + PATHS[name])
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("name", ["project page", "region with case studies", "project index"])
def test_no_horizontal_scrolling_at_320_pixels(browser, projects_url, name):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    tab = context.new_page()
    tab.goto(projects_url + PATHS[name])
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_the_project_map_is_a_picture_with_its_counties_in_words(page, projects_url):
    page.goto(projects_url + "/projekt/plug-in/")
    svg = page.locator(".county-map-small svg")
    assert svg.get_attribute("role") == "img"
    assert page.locator(".county-map-small__county--fallstudier").count() >= 1
    listed = page.locator(".county-map-small__list dt").all_inner_texts()
    assert "Jämtlands län" in listed and "Västra Götalands län" in listed


def test_project_and_region_pages_are_valid_html(projects_url, tmp_path):
    """The Nu HTML Checker, as in test_html_validity.py, on these pages."""
    from tests.browser.test_html_validity import VNU_JAR, fetch

    if not (VNU_JAR.exists() and shutil.which("java")):
        pytest.skip(f"Nu HTML Checker not found at {VNU_JAR} (or no java): run `make vnu`.")
    files = []
    for name, path in PATHS.items():
        file = tmp_path / (name.replace(" ", "-") + ".html")
        file.write_bytes(fetch(projects_url + path))
        files.append(str(file))
    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        for message in json.loads(checked.stdout)["messages"]
    ]
    assert errors == []
