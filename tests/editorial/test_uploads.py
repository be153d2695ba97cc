"""Uploads through the admin: only real files of the allowed types are stored."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

import pytest
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db

Document = get_document_model()
MB = 1024 * 1024
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
DOCM = zip_bytes(
    {
        "[Content_Types].xml": "<Types/>",
        "word/document.xml": "<w:document/>",
        "word/vbaProject.bin": "macro",
    }
)
ODT = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(media_root):
    return [path for path in media_root.rglob("*") if path.is_file()]


def upload_single(client, name, content, collection=None):
    data = {
        "title": name,
        "file": SimpleUploadedFile(name, content),
        "collection": str((collection or Collection.get_first_root_node()).pk),
    }
    return client.post(reverse("wagtaildocs:add"), data)


def upload_multiple(client, name, content, collection=None):
    data = {
        "files[]": SimpleUploadedFile(name, content),
        "collection": str((collection or Collection.get_first_root_node()).pk),
    }
    return client.post(reverse("wagtaildocs:add_multiple"), data)


def assert_refused_everywhere(client, editor, media_root, name, content, message):
    """The upload form and the multiple upload both refuse the file with `message`, and
    nothing is stored: no document, no temporary upload, no file."""
    client.force_login(editor)
    response = upload_single(client, name, content)
    assert response.status_code == 200
    assert message in response.text
    assert "Filändelsen “”" not in response.text  # no second, misleading message
    response = upload_multiple(client, name, content)
    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert not Document.objects.filter(title=name).exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


REFUSED = [
    ("program.exe", EXECUTABLE, "Filtypen ”.exe” går inte att ladda upp"),
    ("anteckningar.txt", b"hej", "Filtypen ”.txt” går inte att ladda upp"),
    ("rapport.pdf", EXECUTABLE, "Filens innehåll stämmer inte med filändelsen ”.pdf”"),
    ("rapport.docx", PDF, "Filens innehåll stämmer inte med filändelsen ”.docx”"),
    ("makron.docx", DOCM, "Filen innehåller makron"),
    ("tabell.xlsx", DOCX, "Filens innehåll stämmer inte med filändelsen ”.xlsx”"),
    ("text.odt", DOCX, "Filens innehåll stämmer inte med filändelsen ”.odt”"),
]


@pytest.mark.parametrize("name,content,message", REFUSED)
def test_bad_documents_are_refused_and_nothing_is_stored(
    client, editor, media_root, name, content, message
):
    assert_refused_everywhere(client, editor, media_root, name, content, message)


def test_oversized_documents_are_refused(client, editor, media_root):
    client.force_login(editor)
    content = PDF + b"0" * (20 * MB)
    response = upload_single(client, "stor.pdf", content)
    assert "Filen är för stor" in response.text
    assert "Största tillåtna storlek är 20,0\xa0MB" in response.text
    assert not Document.objects.filter(title="stor.pdf").exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    "name,content", [("rapport.pdf", PDF), ("mall.docx", DOCX), ("text.odt", ODT)]
)
def test_real_documents_are_accepted(client, editor, media_root, name, content):
    client.force_login(editor)
    response = upload_single(client, name, content)
    assert response.status_code == 302
    document = Document.objects.get(title=name)
    assert document.file.read() == content


def test_the_multiple_uploader_accepts_a_real_pdf(client, editor):
    client.force_login(editor)
    response = upload_multiple(client, "rapport.pdf", PDF)
    assert response.json()["success"] is True
    assert Document.objects.filter(file__endswith="rapport.pdf").exists()


def test_documents_are_served_with_safe_headers(client, editor):
    client.force_login(editor)
    upload_single(client, "rapport.pdf", PDF)
    upload_single(client, "mall.docx", DOCX)
    client.logout()
    pdf = client.get(Document.objects.get(title="rapport.pdf").url)
    assert pdf.status_code == 200
    assert pdf["X-Content-Type-Options"] == "nosniff"
    assert pdf["Content-Security-Policy"] == "default-src 'none'"
    docx = client.get(Document.objects.get(title="mall.docx").url)
    assert docx["Content-Disposition"].startswith("attachment")


def test_regional_editor_uploads_only_to_her_regions_collection(client, site, north_editor):
    client.force_login(north_editor)
    own = Collection.objects.get(name=site.north.name)
    other = Collection.objects.get(name=site.south.name)
    assert upload_single(client, "norr.pdf", PDF, collection=own).status_code == 302
    assert Document.objects.get(title="norr.pdf").collection == own
    # Her only collection is forced on her uploads, whatever collection the post names.
    for collection in (other, Collection.get_first_root_node()):
        upload_single(client, "fel.pdf", PDF, collection=collection)
    placed = Document.objects.filter(title="fel.pdf").values_list("collection__name", flat=True)
    assert set(placed) == {own.name}


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_images_need_a_description(client, editor, media_root):
    client.force_login(editor)
    data = {
        "title": "Mentorssamtal",
        "collection": str(Collection.get_first_root_node().pk),
    }
    response = client.post(
        reverse("wagtailimages:add"),
        {**data, "file": SimpleUploadedFile("bild.png", png_bytes())},
    )
    assert response.status_code == 200
    assert "Skriv en beskrivning av bilden" in response.text
    assert not get_image_model().objects.exists()

    response = client.post(
        reverse("wagtailimages:add"),
        {
            **data,
            "description": "Elev och mentor i samtal",
            "file": SimpleUploadedFile("bild.png", png_bytes()),
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.get().description == "Elev och mentor i samtal"


def test_a_renamed_file_is_not_accepted_as_an_image(client, editor, media_root):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Falsk bild",
            "description": "Ingen bild alls",
            "collection": str(Collection.get_first_root_node().pk),
            "file": SimpleUploadedFile("bild.png", EXECUTABLE),
        },
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert stored_files(media_root) == []


def test_regional_editor_cannot_change_files_outside_her_collection(
    client, site, editor, north_editor
):
    client.force_login(editor)
    upload_single(client, "central.pdf", PDF)
    document = Document.objects.get(title="central.pdf")
    client.force_login(north_editor)
    edit = reverse("wagtaildocs:edit", args=[document.pk])
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, {"title": "Kapad", "collection": str(document.collection_id)})
    client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert Document.objects.get(pk=document.pk).title == "central.pdf"


CHOOSE_AGAIN = "Välj filen igen"


def add_image(client, **fields):
    """The single image form, sent with the shared collection and `fields`."""
    data = {"collection": str(Collection.get_first_root_node().pk), **fields}
    response = client.post(reverse("wagtailimages:add"), data)
    assert response.status_code == 200  # back with an error
    return response.text


def test_an_image_form_with_another_error_asks_for_the_file_again(client, editor, media_root):
    # Browsers empty a file field when the form comes back with an error: without a word
    # about it, an editor fixes the description, saves, and gets "Detta fält måste fyllas i".
    client.force_login(editor)
    html = add_image(
        client, title="Mentorssamtal", file=SimpleUploadedFile("bild.png", png_bytes())
    )
    assert "Skriv en beskrivning av bilden" in html
    assert CHOOSE_AGAIN in html
    assert not get_image_model().objects.exists()


def test_a_document_form_with_another_error_asks_for_the_file_again(client, editor, media_root):
    client.force_login(editor)
    data = {"title": "Handlingsplan", "collection": "999999"}  # no such collection
    response = client.post(
        reverse("wagtaildocs:add"), {**data, "file": SimpleUploadedFile("plan.pdf", PDF)}
    )
    assert response.status_code == 200
    assert CHOOSE_AGAIN in response.text
    assert not Document.objects.filter(title="Handlingsplan").exists()


def test_no_file_chosen_is_not_asked_for_again(client, editor, media_root):
    # Without a file there is nothing to choose again: Wagtail's own "required" message says it.
    client.force_login(editor)
    assert CHOOSE_AGAIN not in add_image(client, title="Utan fil")


def test_a_refused_file_says_why_and_not_to_choose_it_again(client, editor, media_root):
    client.force_login(editor)
    html = add_image(client, title="Falsk bild", file=SimpleUploadedFile("bild.png", EXECUTABLE))
    assert "är inte en bild som går att läsa" in html
    assert CHOOSE_AGAIN not in html


def test_the_admin_api_lists_only_the_files_the_editor_may_choose(client, site, north_editor):
    """Wagtail's admin API listed every document and image, another region's restricted
    collection included (titles, files, alt texts), to any editor: it offers what her choosers
    offer."""
    own = Collection.objects.get(name=site.north.name)
    other = Collection.objects.get(name=site.south.name)
    for collection in (own, other):
        Document.objects.create(
            title=f"Dokument {collection.name}",
            file=SimpleUploadedFile(f"{collection.pk}.pdf", PDF),
            collection=collection,
        )
        get_image_model().objects.create(
            title=f"Bild {collection.name}",
            file=SimpleUploadedFile(f"{collection.pk}.png", png_bytes()),
            collection=collection,
        )
    client.force_login(north_editor)
    for kind, model, word in (
        ("documents", Document, "Dokument"),
        ("images", get_image_model(), "Bild"),
    ):
        response = client.get(f"/admin/api/main/{kind}/", {"limit": 100})
        assert response.status_code == 200
        titles = {item["title"] for item in response.json()["items"]}
        assert f"{word} {own.name}" in titles
        assert f"{word} {other.name}" not in titles
        hidden = model.objects.get(collection=other)
        assert client.get(f"/admin/api/main/{kind}/{hidden.pk}/").status_code == 404
        own_file = model.objects.get(collection=own)
        assert client.get(f"/admin/api/main/{kind}/{own_file.pk}/").status_code == 200
