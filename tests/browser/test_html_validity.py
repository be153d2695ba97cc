"""Every page type is valid HTML according to the Nu HTML Checker (npm package vnu-jar)."""

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import PROJECT_ROOT
from .test_accessibility import DETAIL_TYPES, FIXED_PATHS
from .test_english_pages import ENGLISH_PATHS

VNU_JAR = Path(
    os.environ.get("VNU_JAR", PROJECT_ROOT / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar")
)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is validated too
        return error.read()


def test_every_page_type_is_valid_html(site_url, page_paths, tmp_path):
    if not (VNU_JAR.exists() and shutil.which("java")):
        message = f"Nu HTML Checker not found at {VNU_JAR} (or no java): run `make vnu`."
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    paths = {**FIXED_PATHS, **ENGLISH_PATHS, **{name: page_paths[name] for name in DETAIL_TYPES}}
    files = []
    for name, path in paths.items():
        file = tmp_path / (name.replace(" ", "-") + ".html")
        file.write_bytes(fetch(site_url + path))
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
