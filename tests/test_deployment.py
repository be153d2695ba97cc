"""Deployment recipes in deploy/: private documents stay private.

The nginx tests parse deploy/nginx.conf and, where nginx is installed, run its rules for real.
Backups are manage.py commands, tested in tests/test_backup.py.
"""

import http.client
import importlib
import io
import re
import shutil
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_url_caches

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest
from PIL import Image as PILImage

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEPLOY = PROJECT_ROOT / "deploy"
NGINX_CONF = DEPLOY / "nginx.conf"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# ---------------------------------------------------------------------------------------------
# nginx: deploy/nginx.conf serves images from disk and nothing else under /media/


class Directive:
    def __init__(self, name, args, block=None):
        self.name, self.args, self.block = name, args, block

    def find(self, name):
        return [child for child in self.block or [] if child.name == name]

    def value(self, name):
        found = self.find(name)
        return found[0].args if found else None


def tokenize(text):
    tokens, word, quote, comment = [], "", None, False
    for char in text:
        if comment:
            comment = char != "\n"
        elif quote:
            if char == quote:
                tokens.append(word)
                word, quote = "", None
            else:
                word += char
        elif char in "\"'":
            quote = char
        elif char == "#":
            comment = True
        elif char.isspace() or char in "{};":
            if word:
                tokens.append(word)
                word = ""
            if char in "{};":
                tokens.append(char)
        else:
            word += char
    return tokens


def parse_nginx(text):
    """The directive tree of an nginx configuration file (enough of the grammar for ours)."""
    tokens = iter(tokenize(text))

    def block():
        directives, words = [], []
        for token in tokens:
            if token == ";":
                directives.append(Directive(words[0], words[1:]))
                words = []
            elif token == "{":
                directives.append(Directive(words[0], words[1:], block()))
                words = []
            elif token == "}":
                return directives
            else:
                words.append(token)
        assert not words, f"unterminated directive {words}"
        return directives

    return Directive("main", [], block())


def https_server(config):
    servers = [
        s for s in config.find("server") if any("443" in d.args[0] for d in s.find("listen"))
    ]
    assert len(servers) == 1
    return servers[0]


def matching_location(server, uri):
    """nginx's choice among prefix locations: an exact match, else the longest prefix."""
    locations = server.find("location")
    assert all(loc.args[0] not in ("~", "~*") for loc in locations), "regex locations untested"
    exact = [loc for loc in locations if loc.args[0] == "=" and loc.args[1] == uri]
    if exact:
        return exact[0]
    prefixes = [loc for loc in locations if loc.args[0] != "=" and uri.startswith(loc.args[-1])]
    return max(prefixes, key=lambda loc: len(loc.args[-1]))


def serves_from_disk(location):
    return bool(location.find("alias") or location.find("root")) and not location.find("internal")


def refuses(location):
    return (
        location.value("return") == ["404"]
        or location.find("internal")
        or location.value("deny") == ["all"]
    )


@pytest.fixture(scope="module")
def recipe():
    return https_server(parse_nginx(NGINX_CONF.read_text()))


@pytest.mark.parametrize(
    "uri",
    [
        "/media/documents/rapport.pdf",
        "/media/documents/",
        "/media/rapport.pdf",
        "/media/any-new-folder/file.pdf",
    ],
)
def test_the_nginx_recipe_never_serves_documents_or_other_media_from_disk(recipe, uri):
    location = matching_location(recipe, uri)

    assert not serves_from_disk(location)
    assert not location.find("proxy_pass")
    assert refuses(location)


@pytest.mark.parametrize("folder", ["images", "original_images"])
def test_the_nginx_recipe_serves_images_from_their_own_folder(recipe, folder):
    location = matching_location(recipe, f"/media/{folder}/bild.jpg")

    assert serves_from_disk(location)
    assert location.value("alias") == [f"/srv/pluginnovation/media/{folder}/"]
    # An uploaded file can never run as a page, even if it is not what its name says.
    headers = {tuple(d.args[:2]) for d in location.find("add_header")}
    assert ("X-Content-Type-Options", "nosniff") in headers
    assert any(name == "Content-Security-Policy" and "sandbox" in value for name, value in headers)


def test_the_nginx_recipe_sends_documents_to_django(recipe):
    location = matching_location(recipe, "/dokument/12/rapport.pdf")

    assert location.value("proxy_pass") == ["http://unix:/run/pluginnovation/gunicorn.sock"]
    headers = {d.args[0]: d.args[1] for d in location.find("proxy_set_header")}
    assert headers["X-Forwarded-Proto"] == "$scheme"  # overwritten, never passed on


def test_plain_http_is_sent_to_the_sites_own_name_not_the_requests_host():
    """The port-80 server is nginx's only one there, so it answers every Host: its redirect
    must not lead to a name the request made up."""
    config = parse_nginx(NGINX_CONF.read_text())
    (plain,) = [s for s in config.find("server") if s.find("listen")[0].args[0] == "80"]
    assert plain.value("return") == ["301", "https://$server_name$request_uri"]
    assert plain.value("server_name") == https_server(config).value("server_name")


def test_the_deployment_guide_points_at_the_committed_recipes():
    guide = (PROJECT_ROOT / "docs" / "deployment.md").read_text()

    assert "(../deploy/nginx.conf)" in guide  # a working link from docs/


def test_the_guides_nginx_excerpts_are_copied_from_the_recipe():
    guide = (PROJECT_ROOT / "docs" / "deployment.md").read_text()
    excerpts = re.findall(r"```nginx\n(.*?)```", guide, flags=re.DOTALL)

    assert excerpts
    for excerpt in excerpts:
        assert excerpt in NGINX_CONF.read_text(), excerpt


# Running the recipe's rules in a real nginx, with a stand-in for gunicorn.


class EchoUpstream(BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"django {self.path} proto={self.headers.get('X-Forwarded-Proto')}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def render(directives, indent=""):
    lines = []
    for directive in directives:
        words = " ".join([directive.name, *(quote_arg(arg) for arg in directive.args)])
        if directive.block is None:
            lines.append(f"{indent}{words};")
        else:
            lines += [
                f"{indent}{words} {{",
                render(directive.block, indent + "    "),
                f"{indent}}}",
            ]
    return "\n".join(lines)


def quote_arg(arg):
    if not any(c.isspace() or c in ";{}'\"" for c in arg):
        return arg
    return f"'{arg}'" if '"' in arg else f'"{arg}"'


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def running_recipe(tmp_path, recipe):
    """nginx on a free port with the recipe's https server rules, minus TLS, in tmp_path."""
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not nginx:
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    media = tmp_path / "media"
    for folder in ("images", "original_images", "documents"):
        (media / folder).mkdir(parents=True)
        (media / folder / "fil.pdf").write_bytes(PDF)

    upstream = ThreadingHTTPServer(("127.0.0.1", 0), EchoUpstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port = free_port()
    rules = [
        d for d in recipe.block if d.name not in ("listen", "server_name") and "ssl" not in d.name
    ]
    server = render(rules, "        ")
    server = server.replace("/srv/pluginnovation/media/", f"{media}/").replace(
        "http://unix:/run/pluginnovation/gunicorn.sock", f"http://127.0.0.1:{upstream.server_port}"
    )
    server = server.replace("/var/log/nginx/pluginnovation.access.log", f"{tmp_path}/access.log")
    # What the recipe sets beside its servers (the access log's format and its maps).
    beside = render(
        [d for d in parse_nginx(NGINX_CONF.read_text()).block if d.name != "server"], "    "
    )
    mime_types = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else ""
    (tmp_path / "nginx.conf").write_text(
        f"""
user root;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{}}
http {{
    {mime_types}
    access_log off;
{beside}
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    server {{
        listen 127.0.0.1:{port};
{server}
    }}
}}
"""
    )
    process = subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(50):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        upstream.shutdown()


def fetch(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers=headers or {})  # sent as written: no normalising
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def test_nginx_answers_404_for_documents_even_by_detour(running_recipe):
    for path in (
        "/media/documents/fil.pdf",
        "/media/images/../documents/fil.pdf",
        "/media/images/%2e%2e/documents/fil.pdf",
        "/media/images/..%2fdocuments/fil.pdf",
        "/media//documents/fil.pdf",
        "/media/",
    ):
        status, _, body = fetch(running_recipe, path)
        assert status == 404, path
        assert PDF not in body, path


def test_nginx_serves_images_with_safe_headers(running_recipe):
    for folder in ("images", "original_images"):
        status, headers, body = fetch(running_recipe, f"/media/{folder}/fil.pdf")

        assert status == 200 and body == PDF
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in headers["Content-Security-Policy"]


def test_nginx_logs_addresses_without_their_tokens(running_recipe, tmp_path):
    token, other = "hemligtToken_123-abc", "annatToken_456"
    site = "https://kunskapsbank.example.se"
    status, _, _ = fetch(
        running_recipe,
        f"/sjalvskattning/redigera/{token}/resultat/?steg=2",
        headers={"Referer": f"{site}/samling/delad/{other}/"},
    )
    assert status == 200
    fetch(running_recipe, f"/bevaka/avsluta/{token}/")
    fetch(running_recipe, "/samling/skriv-ut/", headers={"Referer": f"{site}/metoder/"})
    # nginx writes a request's line after its answer has gone: wait for the third.
    log_file = tmp_path / "access.log"
    for _ in range(50):
        log = log_file.read_text() if log_file.exists() else ""
        if log.count("\n") >= 3:
            break
        time.sleep(0.1)
    assert token not in log and other not in log
    assert '"GET /sjalvskattning/redigera/***/resultat/?steg=2 HTTP/1.1" 200' in log
    assert f'"{site}/samling/delad/***/"' in log
    assert "GET /bevaka/avsluta/***/ HTTP/1.1" in log
    assert '"GET /samling/skriv-ut/ HTTP/1.1" 200 ' in log and f'"{site}/metoder/"' in log


def test_nginx_passes_documents_to_django_and_overwrites_the_proto_header(running_recipe):
    status, _, body = fetch(
        running_recipe, "/dokument/12/fil.pdf", headers={"X-Forwarded-Proto": "https"}
    )

    assert status == 200
    assert body == b"django /dokument/12/fil.pdf proto=http"


# ---------------------------------------------------------------------------------------------
# Django's own media serving (DEBUG, `make run`): images only


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def debug_urls(media_root):
    """pluginnovation.urls as `make run` builds it: the patterns are made once, at import."""
    import pluginnovation.urls

    try:
        with override_settings(DEBUG=True):
            importlib.reload(pluginnovation.urls)
            clear_url_caches()
            yield
    finally:
        importlib.reload(pluginnovation.urls)  # back to the patterns every other test uses
        clear_url_caches()


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Interna underlag")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return get_document_model().objects.create(
        title="Intern rapport",
        collection=collection,
        file=ContentFile(PDF, name="intern-rapport.pdf"),
    )


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_debug_media_serving_does_not_serve_documents(client, debug_urls, private_document):
    response = client.get(private_document.file.url)

    assert private_document.file.url.startswith("/media/documents/")
    assert response.status_code == 404
    assert PDF not in content(response)


def test_a_private_document_is_served_by_wagtail_only_after_login(
    client, debug_urls, private_document, admin_user
):
    url = private_document.url
    assert url == f"/dokument/{private_document.pk}/intern-rapport.pdf"

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert PDF not in content(anonymous)

    client.force_login(admin_user)
    signed_in = client.get(url)
    assert signed_in.status_code == 200
    assert content(signed_in) == PDF


def test_debug_media_serving_still_serves_images(client, debug_urls, db):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Bild", file=ContentFile(buffer.getvalue(), name="bild.png")
    )
    rendition = image.get_rendition("width-20")

    for url in (image.file.url, rendition.url):
        assert url.startswith(("/media/original_images/", "/media/images/"))
        response = client.get(url)
        assert response.status_code == 200, url
        assert content(response).startswith(b"\x89PNG")
