"""The archive's search index: one entry per archived page, written as a script that sets a
global, since Chromium refuses fetch() of file:// addresses but runs a <script src> there.

An entry holds what the search looks through and shows: title, summary, kind of page, a few
subject words (success factors, projects, regions, keywords) and the page's file. Titles and
summaries are read from the rendered pages, so every archived page is in the index, also
those outside the page tree (success factors, the map, the results overview); kinds and
subject words come from the pages' own records.
"""

import html
import json
import re

from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from pluginnovation.archive.addresses import first_segment, split_key
from pluginnovation.archive.wording import DEFAULT_KIND, VIEW_KINDS
from pluginnovation.content.categories import CATEGORIES
from pluginnovation.content.models import ContentPage, type_name
from pluginnovation.content.visibility import visible

H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S | re.I)
TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)
DESCRIPTION = re.compile(r"""<meta name="description" content="([^"]*)\"""", re.I)
TAGS = re.compile(r"<[^>]+>")
SITE_SUFFIX = " – PlugInnovation"
WORD_FIELDS = ("factors", "projects", "regions", "tags")
GLOBAL_NAME = "PLUGINNOVATION_ARCHIVE_INDEX"


def plain(fragment):
    return " ".join(html.unescape(TAGS.sub(" ", fragment)).split())


def page_title(text):
    heading = H1.search(text)
    if heading and plain(heading.group(1)):
        return plain(heading.group(1))
    title = TITLE.search(text)
    return plain(title.group(1)).removesuffix(SITE_SUFFIX) if title else ""


def subject_words(page_ids):
    """{page id: [words]} for the content pages among `page_ids`; one query per category."""
    fields = [category.field for category in CATEGORIES if category.field in WORD_FIELDS]
    pages = visible(ContentPage.objects.filter(pk__in=page_ids)).only("pk")
    words = {}
    for page in pages.prefetch_related(*fields):
        words[page.pk] = [str(term) for name in fields for term in getattr(page, name).all()]
    return words


def entries(crawl, scope, pages_html, skip_keys):
    """The index entries, in address order. `pages_html` gives each HTML key's rendered text."""
    page_ids = [page_id for page_id, _ in scope.visible_paths.values()]
    words = subject_words(page_ids)
    content_ids = set(words)
    result = []
    for key in sorted(crawl.html_keys()):
        path, query = split_key(key)
        if query or key in skip_keys:
            continue
        text = pages_html(key)
        language = "en" if path.startswith("/en/") else "sv"
        entry = {
            "t": page_title(text),
            "s": "",
            "k": "",
            "w": [],
            "u": crawl.resources[key].file,
            "l": language,
            "in": language,
        }
        description = DESCRIPTION.search(text)
        if description:
            entry["s"] = html.unescape(description.group(1))
        page = scope.visible_paths.get(path)
        with translation.override(language):
            if page:
                page_id, content_type_id = page
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                entry["k"] = type_name(model) if model else DEFAULT_KIND[language]
                entry["w"] = words.get(page_id, [])
                if page_id in content_ids and language == "sv":
                    # The content is Swedish only: the English search finds it too.
                    entry["in"] = "sv en"
            else:
                entry["k"] = VIEW_KINDS[language].get(first_segment(path), DEFAULT_KIND[language])
        if entry["t"]:
            result.append(entry)
    return result


def script(index_entries):
    data = json.dumps(index_entries, ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL_NAME} = {data};\n"
