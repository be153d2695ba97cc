"""The test suite leaves the checkout as it found it: uploads go to a temporary folder."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

import pytest

pytestmark = pytest.mark.django_db

CHECKOUT = Path(__file__).resolve().parent.parent


def files_in_checkout_media():
    media = CHECKOUT / "var" / "media"
    return {path for path in media.rglob("*") if path.is_file()} if media.exists() else set()


def test_an_upload_in_a_test_is_stored_outside_the_checkout(client):
    before = files_in_checkout_media()
    client.force_login(get_user_model().objects.create_superuser("uppladdare", "u@e.se", "pw"))
    pdf = SimpleUploadedFile("isolering.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    response = client.post(
        "/admin/documents/add/", {"title": "Isoleringstest", "file": pdf, "collection": 1}
    )
    assert response.status_code == 302
    stored = Path(get_document_model().objects.get(title="Isoleringstest").file.path)
    assert stored.is_file()
    assert CHECKOUT not in stored.parents
    assert files_in_checkout_media() == before
    assert Path(settings.MEDIA_ROOT) in stored.parents
