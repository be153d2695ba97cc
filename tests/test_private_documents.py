"""A document in a private collection (a collection, or one above it, with a view restriction)
is never named or linked on a public page: not in body text, method material or a research
article's report. Wagtail's document view refuses the download anyway; this keeps the title
and address off the page."""

import re

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest
from wagtail_factories import ImageFactory

from methods.models import MethodPage
from pluginnovation.content.blocks import BodyBlock
from pluginnovation.news.models import NewsPage
from research.models import ResearchArticlePage
from tests.factories import StandardPageFactory, site_root

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def private_collection(name="Interna dokument", below=False):
    parent = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=parent, restriction_type=CollectionViewRestriction.LOGIN
    )
    return parent.add_child(name=f"{name}, undermapp") if below else parent


def document(title, collection=None):
    return Document.objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4\n" + b"x" * 100, name=f"{title.lower()}.pdf"),
        **({"collection": collection} if collection else {}),
    )


@pytest.mark.parametrize("below", [False, True])
def test_a_body_document_block_hides_a_private_document(media, below):
    block = BodyBlock().child_blocks["document"]
    secret = document("Hemligt protokoll", private_collection(below=below))
    html = block.render(block.to_python({"document": secret.pk, "title": ""}))
    assert "Hemligt protokoll" not in html and secret.url not in html
    public = document("Öppen checklista")
    html = block.render(block.to_python({"document": public.pk, "title": ""}))
    assert "Öppen checklista" in html and public.url in html


def test_method_material_lists_only_public_documents(client, media):
    page = MethodPage.objects.live().public().first()
    secret = document("Intern mall", private_collection())
    public = document("Öppen mall")
    page.material = [("document", {"document": secret}), ("document", {"document": public})]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Öppen mall" in html and public.url in html
    assert "Intern mall" not in html and secret.url not in html


def test_a_research_articles_private_report_is_not_linked(client, media):
    page = ResearchArticlePage.objects.live().public().first()
    page.pdf = document("Opublicerad rapport", private_collection())
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Opublicerad rapport" not in html and page.pdf.url not in html


def test_printed_packs_and_pdfs_leave_private_documents_out(client, media):
    import io

    from pypdf import PdfReader

    method = MethodPage.objects.live().public().first()
    research = ResearchArticlePage.objects.live().public().first()
    secret = document("Intern mall", private_collection())
    method.material = [
        ("document", {"document": secret}),
        ("document", {"document": document("Öppen mall")}),
    ]
    method.save_revision().publish()
    research.pdf = document("Opublicerad rapport", private_collection("Utkast"))
    research.save_revision().publish()
    for page in (method, research):
        response = client.post(
            "/samling/spara/", {"sida": page.pk, "next": "/"}, HTTP_ORIGIN="http://testserver"
        )
        assert response.status_code == 302
    pack = client.get("/samling/skriv-ut/").content.decode()
    reader = PdfReader(io.BytesIO(client.get("/samling/pdf/").content))
    text = " ".join(page.extract_text() for page in reader.pages)
    for printed in (pack, " ".join(text.split())):
        assert "Öppen mall" in printed
        assert "Intern mall" not in printed and secret.url not in printed
        assert "Opublicerad rapport" not in printed and research.pdf.url not in printed


def test_links_in_rich_text_lead_only_to_what_a_visitor_may_see(client, media):
    """An editor can link any page or document from body text with the choosers; a link to a
    draft, a restricted page or a private document keeps its words but loses its address,
    on the page, in the printed pack and in the PDF (as Wagtail does for a deleted page)."""
    method, restricted, unpublished, public = MethodPage.objects.live().order_by("pk")[:4]
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    unpublished.unpublish()
    secret = document("Intern mall", private_collection())
    open_one = document("Öppen mall")
    links = [
        ("page", restricted.pk, "begränsad sida"),
        ("page", unpublished.pk, "opublicerad sida"),
        ("document", secret.pk, "intern mall"),
        ("page", public.pk, "öppen sida"),
        ("document", open_one.pk, "öppen mall"),
    ]
    paragraph = " ".join(f'<a linktype="{kind}" id="{pk}">{words}</a>' for kind, pk, words in links)
    method.body = [*method.body.raw_data, {"type": "paragraph", "value": f"<p>{paragraph}</p>"}]
    method.save_revision().publish()
    html = client.get(method.url).content.decode()
    client.post(
        "/samling/spara/", {"sida": method.pk, "next": "/"}, HTTP_ORIGIN="http://testserver"
    )
    pack = client.get("/samling/skriv-ut/").content.decode()
    pdf = client.get("/samling/pdf/").content
    for shown in (html, pack):
        for words in ("begränsad sida", "opublicerad sida", "intern mall"):
            assert f"<a>{words}</a>" in shown
        assert restricted.url not in shown and unpublished.url not in shown
        assert secret.url not in shown
        assert re.search(rf'<a href="[^"]*{public.url}">öppen sida</a>', shown)
        assert re.search(rf'<a href="[^"]*{open_one.url}">öppen mall</a>', shown)
    for address in (restricted.url, unpublished.url, secret.url):
        assert address.encode() not in pdf
    assert public.url.encode() in pdf


# Wagtail serves every image to anyone who has its address and has no privacy for images; an
# image an editor keeps in a private collection is still never shown on a public page.


def image_block(image, alt_text=""):
    value = {"image": image.pk, "decorative": False, "alt_text": alt_text}
    return {"image": value, "caption": ""}


@pytest.mark.parametrize("below", [False, True])
def test_a_body_image_block_hides_a_private_image(client, media, below):
    secret = ImageFactory(title="Elevlista", description="Foto av en elevlista")
    secret.collection = private_collection(below=below)
    secret.save()
    shown = ImageFactory(title="Klassrum", description="Ett klassrum")
    page = StandardPageFactory(
        parent=site_root(),
        title="Bildsida",
        body=[
            {"type": "image", "value": image_block(secret)},
            {"type": "image", "value": image_block(shown)},
        ],
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert 'alt="Ett klassrum"' in html
    assert "Foto av en elevlista" not in html and "elevlista" not in html.lower()
    assert html.count("<figure") == 1


def test_a_news_items_image_is_left_out_once_its_collection_is_made_private(client, media):
    page = NewsPage.objects.live().first()
    page.image = ImageFactory(title="Internt foto")
    page.image_alt = "Personalen på planeringsdagen"
    page.save_revision().publish()
    assert "Personalen på planeringsdagen" in client.get(page.url).content.decode()
    page.image.collection = private_collection()
    page.image.save()
    html = client.get(page.url).content.decode()
    assert "Personalen på planeringsdagen" not in html and "news-image" not in html


def test_a_printed_pack_leaves_private_images_out(client, media):
    secret = ImageFactory(title="Internt", description="Hemlig whiteboard")
    secret.collection = private_collection()
    secret.save()
    page = MethodPage.objects.live().public().first()
    page.body = [{"type": "image", "value": image_block(secret)}]
    page.save_revision().publish()
    response = client.post(
        "/samling/spara/", {"sida": page.pk, "next": "/"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302
    pack = client.get("/samling/skriv-ut/").content.decode()
    assert "Hemlig whiteboard" not in pack and "<img" not in pack


PRIVATE_IMAGE_MESSAGE = "Bilden ligger i en samling med sekretess"


def test_an_editor_is_told_when_a_body_image_is_in_a_private_collection(media):
    from django.core.exceptions import ValidationError

    figure = BodyBlock().child_blocks["image"]
    secret = ImageFactory(title="Internt", description="Hemlig whiteboard")
    secret.collection = private_collection()
    secret.save()
    with pytest.raises(ValidationError) as refused:
        figure.clean(figure.to_python(image_block(secret, "Tavlan")))
    # Beside the chooser, inside the image's group of fields.
    chooser = refused.value.block_errors["image"].block_errors["image"]
    assert PRIVATE_IMAGE_MESSAGE in str(chooser)
    # A draft saves: the image is hidden when the page is shown anyway.
    figure.defer_required_validation()
    try:
        figure.clean(figure.to_python(image_block(secret, "Tavlan")))
    finally:
        figure.restore_deferred_validation()
    shown = ImageFactory(title="Klassrum", description="Ett klassrum")
    assert figure.clean(figure.to_python(image_block(shown, "Tavlan")))["image"].pk == shown.pk


def test_an_editor_is_told_on_publishing_a_news_item_with_a_private_image(admin_client, media):
    from pluginnovation.news.models import NewsIndexPage
    from tests.test_news import clean_index
    from tests.test_news_admin import add_url, news_data

    index = clean_index(NewsIndexPage, "aktuellt", "Aktuellt")
    image = ImageFactory(title="Internt foto", collection=private_collection())
    data = news_data("Planeringsdagen") | {"image": str(image.pk), "action-publish": "1"}
    refused = admin_client.post(add_url(index, NewsPage), data)
    assert refused.status_code == 200
    assert PRIVATE_IMAGE_MESSAGE in refused.content.decode()
    # A draft saves (and so does autosave): the image is hidden when the page is shown anyway.
    del data["action-publish"]
    assert admin_client.post(add_url(index, NewsPage), data).status_code == 302


def test_publishing_without_the_form_is_not_stopped_by_a_private_image(client, media):
    """Workflow approval, bulk publishing and publish_scheduled save without the edit form:
    an image whose collection was made private later must not stop them."""
    page = NewsPage.objects.live().first()
    page.image = ImageFactory(title="Internt foto")
    page.save_revision().publish()
    page.image.collection = private_collection()
    page.image.save()
    page.summary = "Ändrad sammanfattning."
    page.save_revision().publish()
    assert "Ändrad sammanfattning." in client.get(page.url).content.decode()


def test_moving_images_to_a_private_collection_in_bulk_is_a_content_change(client, admin_user):
    """Wagtail's bulk "add to collection" moves images with update(): no save signal, no log
    entry. Cached pages must still drop an image moved into a private collection."""
    from django.urls import reverse

    from pluginnovation.discovery.cache import read_version

    image = ImageFactory(title="Klassrum", description="Ett klassrum")
    secret = private_collection()
    client.force_login(admin_user)
    before = read_version()
    url = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "add_to_collection"])
    response = client.post(f"{url}?id={image.pk}", {"collection": secret.pk})
    assert response.status_code in (200, 302)
    image.refresh_from_db()
    assert image.collection_id == secret.pk
    assert read_version() != before


def test_the_api_leaves_out_a_private_images_block_and_a_news_items_text_for_it(client, media):
    secret = ImageFactory(title="Internt", description="Hemlig whiteboard")
    secret.collection = private_collection()
    secret.save()
    shown = ImageFactory(title="Klassrum", description="Ett klassrum")
    page = MethodPage.objects.live().public().first()
    page.body = [
        {"type": "image", "value": image_block(secret, "Hemlig alt")},
        {"type": "image", "value": image_block(shown, "Öppen alt")},
    ]
    page.save_revision().publish()
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    images = [block["value"]["image"] for block in data["body"] if block["type"] == "image"]
    assert [image["image"] for image in images] == [shown.pk]
    assert "Hemlig alt" not in str(data)
    news = NewsPage.objects.live().first()
    news.image = ImageFactory(title="Foto")
    news.image_alt = "Personalen på planeringsdagen"
    news.save_revision().publish()
    news.image.collection = private_collection("Interna foton")
    news.image.save()
    data = client.get(f"/api/v2/pages/{news.pk}/").json()
    assert data["image"] is None and data["image_alt"] is None


def test_an_image_in_rich_text_is_shown_only_from_a_public_collection(client, media):
    """The editors' toolbar offers no image in rich text, but an import, the shell or older
    content can hold one: a private image is left out of the page, the printed pack, the API
    and the archive (whose files are the images the pages show), a public one is shown."""
    secret = ImageFactory(title="Hemlig bild", file__filename="hemligbild.png")
    secret.collection = private_collection()
    secret.save()
    shown = ImageFactory(title="Klassrum", file__filename="klassrum.png")
    embeds = [
        f'<embed embedtype="image" id="{secret.pk}" format="fullwidth" alt="Hemlig alt"/>',
        f'<embed embedtype="image" id="{shown.pk}" format="okänt" alt="Öppen alt"/>',
        '<embed embedtype="image" id="x" alt="Trasig"/>',
        '<embed embedtype="media" url="https://www.youtube.com/watch?v=abc"/>',
    ]
    page = MethodPage.objects.live().public().first()
    page.body = [
        *page.body.raw_data,
        {"type": "paragraph", "value": "<p>Bild:</p>" + "".join(embeds)},
    ]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    client.post("/samling/spara/", {"sida": page.pk, "next": "/"}, HTTP_ORIGIN="http://testserver")
    pack = client.get("/samling/skriv-ut/").content.decode()
    for public in (html, pack):
        assert "Hemlig alt" not in public and "hemligbild" not in public
        assert 'alt="Öppen alt"' in public and "klassrum" in public
        assert "Trasig" not in public
    api = str(client.get(f"/api/v2/pages/{page.pk}/").json())
    assert "Hemlig alt" not in api and f'id="{secret.pk}"' not in api
    assert "Öppen alt" in api and "youtube.com" in api


def test_method_material_of_only_private_documents_leaves_no_empty_section(client, media):
    """The heading "Material att ladda ner" stayed, over an empty bullet."""
    page = MethodPage.objects.live().public().first()
    secret = document("Intern mall", private_collection())
    page.material = [("document", {"document": secret})]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Material att ladda ner" not in html
    assert not re.search(r"<li>\s*</li>", html)


def test_an_editor_is_told_when_a_document_is_in_a_private_collection(media):
    from django.core.exceptions import ValidationError

    from pluginnovation.content.visibility import PRIVATE_DOCUMENT_MESSAGE

    block = BodyBlock().child_blocks["document"]
    secret = document("Intern mall", private_collection())
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"document": secret.pk, "title": ""}))
    assert PRIVATE_DOCUMENT_MESSAGE in str(refused.value.block_errors["document"])
    # A draft saves: the document is left out when the page is shown anyway.
    block.defer_required_validation()
    try:
        block.clean(block.to_python({"document": secret.pk, "title": ""}))
    finally:
        block.restore_deferred_validation()
    public = document("Öppen mall")
    assert block.clean(block.to_python({"document": public.pk, "title": ""}))["document"] == public
