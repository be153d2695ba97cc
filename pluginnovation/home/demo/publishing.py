"""Saving what the demo data describes: pages published under their parent, and documents
stored under a name made from their content. The site's loader and the loaders of news and
projects use the same two steps."""

import hashlib
import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.documents import get_document_model

from reportlab import rl_config

from pluginnovation.content.forms import ascii_slug
from pluginnovation.printing import pdf

from .datafiles import DemoDataError


def publish_page(parent, page, entry, created):
    """Add `page` under `parent` and publish it; a page the data cannot make names its file."""
    page.live = False
    try:
        parent.add_child(instance=page)  # validates the page (full_clean) as it saves
    except ValidationError as error:
        if entry is None:
            raise
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise DemoDataError(f"{entry.name}: sidan går inte att spara ({problems})") from error
    page.save_revision(clean=False).publish()
    created["pages"] += 1
    return page


def stored_file_name(filename, content, digest):
    """Name the file by its content, so every test run reuses one file instead of adding one."""
    stem, extension = os.path.splitext(filename)
    name = f"documents/{stem}-{digest[:8]}{extension}"
    if default_storage.exists(name):
        return name
    return default_storage.save(name, ContentFile(content))


def store_document(title, filename, content, created):
    """A Wagtail document of `content`, stored by its content's digest."""
    digest = hashlib.sha1(content).hexdigest()
    document = get_document_model()(title=title, file_size=len(content), file_hash=digest)
    document.file.name = stored_file_name(filename, content, digest)
    document.save()
    created["documents"] += 1
    return document


def generated_pdf(title, story, subject, created):
    """The document with this title, or a new one made from `story()` (flowables of
    pluginnovation.printing.pdf): a demo's slides or fact sheet."""
    document = get_document_model().objects.filter(title=title).first()
    if document is not None:
        return document
    # Invariant output (no creation time or random id), so the same text gives the same file.
    invariant, rl_config.invariant = rl_config.invariant, 1
    try:
        content = pdf.render(story(), title=title, subject=subject)
    finally:
        rl_config.invariant = invariant
    return store_document(title, f"{ascii_slug(title)[:60]}.pdf", content, created)
