"""pluginnovation.html_format builds the HTML of listings' hot loops (facet options, a card's factor
links) as Django's format_html would, escaping every value that is not already safe."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

import pytest

from pluginnovation import html_format as html

ROW = '<li class="{}"><a href="{}" title="{}">{}</a> ({})</li>'
STRANGE = [
    '<script>alert("x")</script>',
    "Koll & uppföljning",
    'O\'Brien "citat" <b>',
    "",
    "\u202e\u0000\ufeffå",
    "x" * 10_000,
]


@pytest.mark.parametrize("text", STRANGE)
def test_values_are_escaped_as_format_html_escapes_them(text):
    values = (text, f"/sok/?q={text}&typ=metod", text, mark_safe("<em>säker</em>"), 7)
    assert html.format_html(ROW, *values) == format_html(ROW, *values)
    assert isinstance(html.format_html(ROW, *values), SafeString)


def test_rows_are_joined_as_format_html_join_joins_them():
    rows = [(text, "/a/", text, text, number) for number, text in enumerate(STRANGE)]
    joined = html.format_html_join("\n", ROW, rows)
    assert joined == format_html_join("\n", ROW, rows)
    assert isinstance(joined, SafeString)
    assert "<script>" not in joined and "&lt;script&gt;" in joined


def test_named_values_are_escaped_too():
    template = '<a href="{href}" title="{title}">{}</a>'
    values = {"href": "/?a=1&b=2", "title": STRANGE[2]}
    assert html.format_html(template, STRANGE[0], **values) == format_html(
        template, STRANGE[0], **values
    )


def test_rows_of_named_values_are_joined_too():
    template = '<a href="{href}">{text}</a>'
    rows = [{"href": f"/?q={text}", "text": text} for text in STRANGE]
    assert html.format_html_join(", ", template, rows) == format_html_join(", ", template, rows)


def test_safe_values_are_kept_as_they_are():
    inner = html.format_html('<span lang="{}">{}</span>', "sv", "Fallstudie")
    assert html.format_html("<p>{}</p>", inner) == '<p><span lang="sv">Fallstudie</span></p>'
