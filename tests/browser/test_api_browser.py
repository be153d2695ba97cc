"""The open API read by another site's script in Chromium: CORS lets a page of another origin
read /api/v2/ with a plain fetch, and never with the visitor's cookies.

The other site is a small server of its own on another port of 127.0.0.1: another origin, on
the same loopback address space, so that Chromium's local-network rules (which would stop a
page it thinks public from reaching 127.0.0.1) do not interfere.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

OTHER_PAGE = b"<!doctype html><html lang=sv><title>Kommunens sida</title><h1>Hej</h1></html>"
FETCH = """async ([url, credentials]) => {
    try {
        const response = await fetch(url, {credentials});
        return {status: response.status, body: await response.json()};
    } catch (error) {
        return {refused: String(error)};
    }
}"""


class OtherSite(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(OTHER_PAGE)))
        self.end_headers()
        self.wfile.write(OTHER_PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def other_site(page):
    server = ThreadingHTTPServer(("127.0.0.1", 0), OtherSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        yield page
    finally:
        server.shutdown()
        server.server_close()


def test_another_sites_script_reads_the_api(other_site, site_url):
    url = f"{site_url}/api/v2/pages/?type=methods.MethodPage&faktor=samverkan&fields=summary"
    result = other_site.evaluate(FETCH, [url, "omit"])
    assert result.get("status") == 200, result
    items = result["body"]["items"]
    assert items and all(item["meta"]["type"] == "methods.MethodPage" for item in items)
    assert all(item["summary"] for item in items)
    # Read again, now from the page cache: still allowed.
    assert other_site.evaluate(FETCH, [url, "omit"]).get("status") == 200

    error = other_site.evaluate(FETCH, [f"{site_url}/api/v2/pages/?limit=²", "omit"])
    assert error["status"] == 400 and error["body"]["message"]


def test_the_browser_refuses_to_send_cookies_along(other_site, site_url):
    result = other_site.evaluate(FETCH, [f"{site_url}/api/v2/pages/", "include"])
    assert "refused" in result, result
