"""Every page type is valid HTML according to the Nu HTML Checker (npm package vnu-jar)."""

from .nu_checker import html_errors
from .test_accessibility import DETAIL_TYPES, FIXED_PATHS
from .test_english_pages import ENGLISH_PATHS


def test_every_page_type_is_valid_html(site_url, page_paths, tmp_path):
    paths = {**FIXED_PATHS, **ENGLISH_PATHS, **{name: page_paths[name] for name in DETAIL_TYPES}}
    assert html_errors(site_url, paths, tmp_path) == []
