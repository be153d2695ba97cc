"""Whether a research article's link leads to the publication itself.

A link to a publisher's start page makes the reader hunt for the document, and such links are
what an editor pastes when the real address is hard to find, so they are refused outright.
"""

from urllib.parse import urlsplit

HOME_PAGE_MESSAGE = "Länka till själva publikationen, inte till utgivarens startsida."
SCHEME_MESSAGE = "Länken ska börja med https:// eller http://."

# Paths that are still the site's start page: the root, its index file or a language root.
START_PAGE_PATHS = {"", "index.html", "index.htm", "index.php", "sv", "en", "start", "startsida"}


def publication_link_error(url):
    """The Swedish message for a link that is not a publication's own address, else None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return SCHEME_MESSAGE
    if parts.path.strip("/").lower() in START_PAGE_PATHS:
        return HOME_PAGE_MESSAGE
    return None
