"""The demo's English pages (data/en/): each file is the translation of one Swedish page.

A file names its Swedish original by its path below the Swedish home page (`translation_of:
om/evidens`; "/" is the home page itself). The loader copies the original into the English
locale with Wagtail's own translation action (as "Översätt" in the admin does), fills in the
English fields from the file and publishes it. Parents are translated before their children,
siblings in file-name order; a page that already has its English translation is left as an
editor may have changed it.
"""

from pathlib import Path

from wagtail.models import Locale

from .datafiles import DATA_DIR, fail
from .pagefiles import BODY, PAGE_KEYS, PageType, read_pages

TRANSLATION = PageType(
    frozenset(PAGE_KEYS | {"intro", "translation_of"}),
    BODY,
    required=("slug", "title", "translation_of"),
)
LANGUAGE = "en"


def original_path(entry):
    return entry.fields["translation_of"].strip("/")


def load_translations(home, created, data_dir=None):
    """Translate and publish the Swedish pages that the files in data/en/ translate."""
    folder = Path(data_dir or DATA_DIR) / LANGUAGE
    locale, _ = Locale.objects.get_or_create(language_code=LANGUAGE)
    originals = [(find_original(home, entry), entry) for entry in read_pages(folder, TRANSLATION)]
    # Parents before children; siblings in the files' order (their names start with a number),
    # which is the order of the English menu.
    for original, entry in sorted(originals, key=lambda pair: (pair[0].depth, pair[1].path.name)):
        if original.get_translation_or_none(locale) is not None:
            continue
        translation = original.copy_for_translation(locale)
        fields = {k: v for k, v in entry.fields.items() if k != "translation_of"}
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.full_clean()
        translation.save()
        translation.save_revision(clean=False).publish()
        created["translations"] += 1


def find_original(home, entry):
    path = original_path(entry)
    page = home
    for slug in filter(None, path.split("/")):
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            fail(entry.path, f"translation_of: det finns ingen svensk sida ”{path}”")
    return page.specific
