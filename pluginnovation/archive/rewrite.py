"""Turning a rendered page into an archive page.

- Every internal href, src, srcset and form action becomes a path relative to the page's own
  file, ending in a file name, so it works from a file server and from disk alike.
- A link to an address the archive does not hold (a server feature, page 2 of a listing, a
  filter of a filtered listing) goes to the archive's notice page instead.
- Forms need a server: "Spara" buttons are removed; search forms go to the archive's own
  search page; every other form becomes a short notice with a link to the notice page.
- Each page gets the archive banner at the top of its header, and the banner's stylesheet.
- An element marked `data-archive-omit` is left out: text true only of the live site (files
  remade on publish, the API). Such an element must not hold another element of its own tag.

The pages are the site's own well-formed output (checked with the Nu HTML Checker by its
tests), so attributes and forms are found with regular expressions: fast, and the rest of
the markup is left exactly as the site wrote it.
"""

import html
import re
from dataclasses import dataclass

from pluginnovation.archive.addresses import internal_key, relative_url, split_key
from pluginnovation.archive.crawl import CSS_URL

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.I | re.S)
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b([^<>]*)>")
URL_ATTRIBUTE = re.compile(
    r"""(\s)(href|src|srcset|action|poster)(\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.I
)
SCRIPT_WITH_SRC = re.compile(r"<script\b[^>]*\ssrc=[^>]*>\s*</script>", re.I)
SUGGEST_ATTRIBUTE = re.compile(r"""\sdata-suggest-[a-z-]+(?:="[^"]*")?""", re.I)
HEADER_START = re.compile(r"""<header\b[^>]*class="[^"]*\bsite-header\b[^"]*"[^>]*>""", re.I)
BODY_START = re.compile(r"<body\b[^>]*>", re.I)
ARCHIVE_OMIT = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*\sdata-archive-omit\b[^>]*>.*?</\1\s*>", re.I | re.S
)
HTML_LANG = re.compile(r"""<html\b[^>]*\blang="([a-zA-Z-]+)\"""", re.I)


def attribute(attributes, name):
    match = re.search(rf"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)')""", attributes, re.I)
    return html.unescape(match.group(1) or match.group(2) or "") if match else None


def page_language(text):
    match = HTML_LANG.search(text[:500])
    return "en" if match and match.group(1).lower().startswith("en") else "sv"


@dataclass
class Links:
    """Resolves links against the archive: what a page's file should point to."""

    crawl: object
    host: str
    search_files: dict  # {language: file of the archive's search page}
    notice_files: dict  # {language: file of the notice page}

    def target_file(self, key):
        path, _ = split_key(key)
        for language, file in self.search_files.items():
            if path == ("/en/sok/" if language == "en" else "/sok/"):
                return file
        resource = self.crawl.lookup(key)
        return resource.file if resource else None

    def relative(self, url, page_key, page_file):
        """(new url, archived?) for one URL found on a page; external URLs stay as they are."""
        key = internal_key(url, page_key, self.host)
        if key is None:
            return url, True
        fragment = url.partition("#")[2]
        target = self.target_file(key)
        if target is None:
            return None, False
        return relative_url(page_file, target, fragment), True


def replace_forms(text, notice_html, search_key):
    def replace(match):
        attributes, inner = match.group(1), match.group(2)
        classes = attribute(attributes, "class") or ""
        if "save-form" in classes.split():
            return ""
        method = (attribute(attributes, "method") or "get").lower()
        action_path = split_key(search_key)[0]
        action = attribute(attributes, "action") or ""
        if method == "get" and action.split("?")[0].rstrip("/").endswith("/sok"):
            attributes = re.sub(r"""(\saction=)"[^"]*\"""", rf'\1"{action_path}"', attributes)
            return f"<form{attributes}>{SUGGEST_ATTRIBUTE.sub('', inner)}</form>"
        return notice_html

    return FORM.sub(replace, text)


def rewrite_html(text, page_key, page_file, links, extras):
    """The archive copy of one rendered page. `extras` holds, per language, the banner, the
    form notice and the stylesheet link (HTML with site addresses, rewritten here too)."""
    language = page_language(text)
    extra = extras[language]
    text = ARCHIVE_OMIT.sub("", text)
    text = replace_forms(text, extra["form_notice"], extra["search_key"])
    header = HEADER_START.search(text) or BODY_START.search(text)
    if header:
        text = text[: header.end()] + extra["banner"] + text[header.end() :]
    text = text.replace("</head>", extra["head"] + "</head>", 1)
    notice = extra["notice_key"]

    def drop_unarchived_scripts(match):
        src = attribute(match.group(0), "src")
        return match.group(0) if links.relative(src, page_key, page_file)[1] else ""

    text = SCRIPT_WITH_SRC.sub(drop_unarchived_scripts, text)

    def rewrite_tag(match):
        name, attributes = match.group(1).lower(), match.group(2)
        if not URL_ATTRIBUTE.search(attributes):
            return match.group(0)
        dropped = False

        def rewrite_attribute(found):
            nonlocal dropped
            attr = found.group(2).lower()
            value = html.unescape(found.group(4) if found.group(4) is not None else found.group(5))
            if attr == "srcset":
                parts = []
                for candidate in value.split(","):
                    bits = candidate.strip().split(maxsplit=1)
                    if not bits:
                        continue
                    new, ok = links.relative(bits[0], page_key, page_file)
                    if not ok:
                        continue
                    parts.append(" ".join([new, *bits[1:]]))
                new_value = ", ".join(parts)
            else:
                new_value, ok = links.relative(value, page_key, page_file)
                if not ok:
                    if name == "a" or name == "area":
                        new_value = links.relative(notice, page_key, page_file)[0]
                    else:
                        dropped = True
                        return found.group(0)
            quoted = html.escape(new_value, quote=True)
            return f'{found.group(1)}{found.group(2)}{found.group(3)}"{quoted}"'

        new_attributes = URL_ATTRIBUTE.sub(rewrite_attribute, attributes)
        if dropped:
            return ""  # a <link> or an image the archive does not hold
        return f"<{match.group(1)}{new_attributes}>"

    return TAG.sub(rewrite_tag, text)


def rewrite_css(text, css_key, css_file, links):
    def replace(match):
        url = match.group(2)
        if url.startswith("data:"):
            return match.group(0)
        new, ok = links.relative(url, css_key, css_file)
        return f'url("{new}")' if ok else "none"

    return CSS_URL.sub(replace, text)
