"""Short excerpts of a page's text around the searched words, for the search results.

The text comes from the stored field values (StreamField raw data, rich text HTML), never by
rendering blocks, so building an excerpt runs no query. Matching uses a rough Swedish stem, so
"avhoppen" marks "avhopp", as the search found it.
"""

import html
import re
from dataclasses import dataclass

from django.utils.html import strip_tags

from wagtail.blocks import StreamValue

from pluginnovation.discovery.swedish import stem

EXCERPT_LENGTH = 220
CONTEXT_BEFORE = 60
# The type-specific text of each content type, then the body. Summaries are shown on their own.
TEXT_FIELDS = [
    "key_findings",
    "what_was_done",
    "lessons_learned",
    "purpose",
    "audience",
    "steps",
    "body",
]
# Keys of StreamField struct values that hold text a reader sees.
TEXT_KEYS = ("text", "title", "caption", "attribution", "source")
# Blocks left out: a document's link text and an image's caption are shown only while the file
# is public.
SKIPPED_BLOCKS = ("document", "image")
# Block-level tags separate words; strip_tags alone would glue "slut.</p><p>Nästa" together.
BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|h[1-6]|br|div|blockquote)\b[^>]*>", re.IGNORECASE)


@dataclass
class Segment:
    text: str
    match: bool = False


def stream_text(value):
    """The reader-visible strings in StreamField raw data (lists, dicts, strings)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from stream_text(item)
    elif isinstance(value, dict):
        if "type" in value and "value" in value:
            if value["type"] not in SKIPPED_BLOCKS:
                yield from stream_text(value["value"])
        else:
            for key in TEXT_KEYS:
                yield from stream_text(value.get(key))


def page_text(page):
    parts = []
    for name in TEXT_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, StreamValue):
            parts.extend(stream_text(list(value.raw_data)))
        elif isinstance(value, str):
            parts.append(value)
    text = BLOCK_TAG.sub(" ", " ".join(parts))
    text = html.unescape(strip_tags(text))
    return " ".join(text.split())


def word_pattern(words):
    stems = sorted({stem(word) for word in words if word}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def excerpt(text, words, length=EXCERPT_LENGTH):
    """About `length` characters of text around the first searched word, as segments."""
    if not text:
        return []
    pattern = word_pattern(words)
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - CONTEXT_BEFORE) if found else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    window = text[start:end]
    segments = split(window, pattern)
    if start:
        segments.insert(0, Segment("…"))
    if end < len(text):
        segments.append(Segment("…"))
    return segments


def split(text, pattern):
    if pattern is None:
        return [Segment(text)]
    segments, last = [], 0
    for match in pattern.finditer(text):
        if match.start() > last:
            segments.append(Segment(text[last : match.start()]))
        segments.append(Segment(match.group(0), match=True))
        last = match.end()
    if last < len(text):
        segments.append(Segment(text[last:]))
    return segments
