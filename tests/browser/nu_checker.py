"""The Nu HTML Checker (npm package vnu-jar, `make vnu`) over pages of a running server."""

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import PROJECT_ROOT

VNU_JAR = Path(
    os.environ.get("VNU_JAR", PROJECT_ROOT / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar")
)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # an error page is validated too
        return error.read()


def html_errors(site_url, paths, folder):
    """The checker's errors, "<name>.html:<line>: <message>", for {name: path} on the server at
    site_url (the pages are saved in folder). Skips the test when the checker is not installed,
    or fails it when REQUIRE_BROWSER is set, as CI does."""
    if not (VNU_JAR.exists() and shutil.which("java")):
        message = f"Nu HTML Checker not found at {VNU_JAR} (or no java): run `make vnu`."
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    files = []
    for name, path in paths.items():
        file = Path(folder) / (name.replace(" ", "-") + ".html")
        file.write_bytes(fetch(site_url + path))
        files.append(str(file))
    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        for message in json.loads(checked.stdout)["messages"]
    ]
