"""The admin in Swedish for editors: the texts Wagtail 7.4 leaves in English, and one word for
the review ("granskning"), seen through real admin requests by logged-in editors."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from django.urls import reverse
from django.utils import translation

import wagtail
from wagtail.models import Page

import polib
import pytest

from pluginnovation.editorial.roles import regional_group_name
from pluginnovation.taxonomy.models import SuccessFactor
from tests.editorial.support import (
    case_study_form_data,
    edit_url,
    make_user,
    review,
    submit_for_review,
)

pytestmark = pytest.mark.django_db

# Words for the review that docs/editorial.md rules out: Wagtail's "moderering",
# "moderationsstadiet", "avvisad" and the old task name's "Godkännande".
FORBIDDEN_REVIEW_WORDS = re.compile(r"moder|avvis|godkännande|lämna(?:s|t|de)? in", re.IGNORECASE)


class TextCollector(HTMLParser):
    """Collects what a reader sees: text outside script, style and template elements."""

    HIDDEN = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.hidden_depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.hidden_depth += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.hidden_depth -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden_depth:
            self.parts.append(data)


def visible_text(response):
    collector = TextCollector()
    collector.feed(response.content.decode())
    return " ".join(" ".join(collector.parts).split())


def explore(client, page):
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert response.status_code == 200
    return response


def test_the_page_listing_counts_its_pages_in_swedish(client, site, editor):
    client.force_login(editor)
    text = visible_text(explore(client, site.case_index))
    sections = site.case_index.get_children().count()
    assert f"1–{sections} av {sections} sidor" in text
    assert not re.search(r"\d+-\d+ of \d+", text)


def test_the_page_editor_speaks_swedish_and_says_granskning(client, site, north_editor):
    client.force_login(north_editor)
    response = client.get(edit_url(site.north_case))
    assert response.status_code == 200
    text = visible_text(response)
    assert "Automatisk sparning är pausad" in text
    assert "Autosave is paused" not in response.text
    assert "Skicka till granskning" in text
    assert not FORBIDDEN_REVIEW_WORDS.search(text)


def test_changes_requested_reads_swedish_in_the_editor_and_on_the_dashboard(
    client, site, editor, north_editor
):
    client.force_login(north_editor)
    submit_for_review(client, site.north_case, title="Närvarolyftet, andra versionen")
    client.force_login(editor)
    review(client, site.north_case, "reject", "Lägg till källa för siffrorna.")

    client.force_login(north_editor)
    editor_page = client.get(edit_url(site.north_case))
    text = visible_text(editor_page)
    assert "Ändringar begärda" in text
    assert "Skicka till granskning igen" in text
    assert "Changes requested" not in editor_page.text
    assert not FORBIDDEN_REVIEW_WORDS.search(text)

    dashboard = visible_text(client.get("/admin/"))
    assert "Ditt innehåll under granskning" in dashboard
    assert "Changes requested" not in dashboard
    assert not FORBIDDEN_REVIEW_WORDS.search(dashboard)


def test_the_reviewer_sees_the_same_words(client, site, editor, north_editor):
    client.force_login(north_editor)
    submit_for_review(client, site.north_case, title="Närvarolyftet, granskas")
    client.force_login(editor)
    dashboard = visible_text(client.get("/admin/"))
    assert "Väntar på din granskning" in dashboard
    assert not FORBIDDEN_REVIEW_WORDS.search(dashboard)
    actions = visible_text(client.get(edit_url(site.north_case)))
    assert "Godkänn och publicera" in actions
    task_state = Page.objects.get(pk=site.north_case.pk).current_workflow_task_state
    modal = client.get(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[site.north_case.pk, "reject", task_state.pk],
        )
    )
    form = json.loads(modal.content)["html"]
    assert re.search(r'<label[^>]*for="id_comment"[^>]*>\s*Kommentar\s*</label>', form)
    history = client.get(reverse("wagtailadmin_pages:history", args=[site.north_case.pk]))
    assert "Skickad till ”Granskning”. Nästa steg: ”Granskning av redaktör”" in visible_text(
        history
    )


def javascript_catalogue(client):
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.text, re.S)
    return json.loads(match.group(1))


def test_the_javascript_catalogue_has_the_autosave_texts_in_swedish(client, north_editor):
    client.force_login(north_editor)
    catalogue = javascript_catalogue(client)
    assert catalogue["Autosave in progress…"] == "Sparar automatiskt…"
    assert catalogue["Changes have been autosaved."] == "Ändringarna har sparats automatiskt."
    # Wagtail's own Swedish has these two swapped.
    assert catalogue["Expand all"] == "Fäll ut alla"
    assert catalogue["Collapse all"] == "Fäll ihop alla"
    # The help menu's count of new items, read by screen readers, lacked its ")".
    assert catalogue["(%(number)s new items in this menu)"].endswith(")")
    texts = [
        text
        for value in catalogue.values()
        for text in ([value] if isinstance(value, str) else value)
    ]
    assert not [text for text in texts if FORBIDDEN_REVIEW_WORDS.search(text)]


def test_the_review_reports_say_granskning(client, site, north_editor):
    """The Rapporter menu and its two reports about the review, as a regional editor sees them:
    the vocabulary's granskning, not Wagtail's arbetsflöde."""
    client.force_login(north_editor)
    submit_for_review(client, site.north_case, title="Närvarolyftet, i granskning")
    for url in ("/admin/", "/admin/reports/workflow/", "/admin/reports/workflow_tasks/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "rbetsflöde" not in response.text, url
    assert "Granskningar" in visible_text(client.get("/admin/reports/workflow/"))


def test_one_editors_guide_the_projects_own(client, north_editor):
    """Wagtail's dashboard banner and help menu link to its English guide on another site
    ("Wagtail 7.4 redaktörsguide", "Redaktörshandbok") beside the project's Redaktörsguide."""
    client.force_login(north_editor)
    dashboard = client.get("/admin/")
    assert "guide.wagtail.org" not in dashboard.text
    assert "docs.wagtail.org" not in dashboard.text
    assert reverse("editorial_guide") in dashboard.text


def test_the_upload_forms_name_the_shared_collection_in_swedish(client, editor):
    client.force_login(editor)
    for url in ("/admin/images/multiple/add/", "/admin/documents/multiple/add/"):
        text = visible_text(client.get(url))
        assert "Gemensamma filer" in text, url
        assert "Root" not in text, url


def test_the_review_mails_are_swedish_and_carry_the_comment(
    client, site, editor, north_editor, mailoutbox
):
    client.force_login(north_editor)
    submit_for_review(client, site.north_case, title="Närvarolyftet, för granskning")
    [submitted] = mailoutbox
    assert submitted.to == [editor.email]
    assert "har skickats till" in submitted.subject
    mailoutbox.clear()

    client.force_login(editor)
    review(client, site.north_case, "reject", "Lägg till källa för siffrorna.")
    [returned] = mailoutbox
    assert returned.to == [north_editor.email]
    assert returned.subject == "Ändringar begärda i sidan ”Närvarolyftet, för granskning”"
    assert "rita har granskat sidan ”Närvarolyftet, för granskning” och begär ändringar" in (
        returned.body
    )
    assert "Granskarens kommentar: ”Lägg till källa för siffrorna.”" in returned.body
    assert "rejected" not in returned.body
    assert not FORBIDDEN_REVIEW_WORDS.search(returned.body)


def test_another_regions_editor_gets_no_mail_about_it(
    client, site, editor, north_editor, mailoutbox
):
    south_editor = make_user("sara", regional_group_name(site.south.name))
    client.force_login(north_editor)
    submit_for_review(client, site.north_case, title="Närvarolyftet, tredje versionen")
    client.force_login(editor)
    review(client, site.north_case, "reject", "Mer om metoden.")
    assert mailoutbox
    assert all(south_editor.email not in message.to for message in mailoutbox)


def wagtail_source_strings():
    """Every msgid of Wagtail's catalogues, singular and plural, with its context."""
    root = Path(wagtail.__file__).parent
    for path in root.glob("**/locale/en/LC_MESSAGES/django.po"):
        yield from polib.pofile(str(path))


def translate(entry):
    if entry.msgid_plural:
        return [translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
    if entry.msgctxt:
        return [translation.pgettext(entry.msgctxt, entry.msgid)]
    return [translation.gettext(entry.msgid)]


def test_no_wagtail_text_uses_the_words_we_ruled_out():
    """Every server-side Wagtail text, as Django translates it (the JS ones are checked above)."""
    offenders = []
    with translation.override("sv"):
        for entry in wagtail_source_strings():
            offenders += [
                (entry.msgid, text)
                for text in translate(entry)
                if FORBIDDEN_REVIEW_WORDS.search(text)
            ]
    assert offenders == []


@pytest.mark.parametrize("role", ["editor", "north_editor"])
def test_our_guide_and_dashboard_use_the_same_words(client, site, role, request):
    client.force_login(request.getfixturevalue(role))
    guide = visible_text(client.get(reverse("editorial_guide")))
    dashboard = visible_text(client.get("/admin/"))
    for text in (guide, dashboard):
        assert "granskning" in text
        assert not FORBIDDEN_REVIEW_WORDS.search(text)
    for term in ("Skicka till granskning", "Ändringar begärda", "Tillbaka till dig för ändringar"):
        assert term in guide


def test_unpublishing_and_a_taken_name_read_as_plain_swedish(admin_client, site):
    """Wagtail's and Django's Swedish here: "Sida '…' opublicerad" for Avpublicera, and "med
    detta Namn finns redan" with the field's label capitalised mid-sentence."""
    page = site.north_case
    response = admin_client.post(
        reverse("wagtailadmin_pages:unpublish", args=[page.pk]), follow=True
    )
    assert f"Sidan ”{page.title}” är avpublicerad." in visible_text(response)

    factor = SuccessFactor.objects.first()
    response = admin_client.post(
        reverse("wagtailsnippets_taxonomy_successfactor:add"),
        {"name": factor.name, "slug": "zyx-ny", "sort_order": 0},
    )
    text = visible_text(response)
    assert "Namn: värdet används redan. Välj ett annat." in text
    assert "med detta" not in text


def test_a_new_draft_and_a_publish_are_named_in_plain_swedish(client, site, editor):
    """Wagtail's Swedish here: "Sida '…' skapad" and "har blivit publicerad"."""
    client.force_login(editor)
    add = reverse(
        "wagtailadmin_pages:add", args=["casestudies", "casestudypage", site.north_section.pk]
    )
    data = case_study_form_data(site.north_case, title="Ett nytt utkast", slug="ett-nytt-utkast")
    text = visible_text(client.post(add, data, follow=True))
    assert "Sidan ”Ett nytt utkast” är skapad och sparad som utkast." in text
    draft = Page.objects.get(slug="ett-nytt-utkast")
    published = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        {**case_study_form_data(draft), "action-publish": "action-publish"},
        follow=True,
    )
    assert "Sidan ”Ett nytt utkast” är publicerad." in visible_text(published)


def test_the_image_chooser_in_the_body_is_named_in_swedish(client, site, editor):
    """Wagtail names the chooser inside its ImageBlock after the field: "Image *"."""
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[site.article.pk])
    definitions = client.get(url).text
    assert "Bildfil" in definitions
    assert not re.search(r'"label": ?"Image"', definitions)


def test_the_promote_tab_reads_as_plain_swedish(client, site, editor):
    """Wagtail's Swedish: "Slugg", "Titeltagg", "URLer t.ex"."""
    client.force_login(editor)
    text = visible_text(client.get(reverse("wagtailadmin_pages:edit", args=[site.article.pk])))
    assert "Sidans adress (slug)" in text and "Rubrik för sökmotorer" in text
    assert not re.search(r"(?i)slugg|titeltagg|URLer", text)


def test_the_multiple_uploader_says_the_description_is_needed(client, editor):
    # Wagtail's "to comply with best practices" reads as advice; here an image without a
    # description is not saved at all.
    client.force_login(editor)
    text = client.get("/admin/images/multiple/add/").text
    assert "bästa praxis" not in text
    assert "Bilden sparas inte utan en beskrivning" in text


def decide_in_the_editor(client, page, action, comment=""):
    """The reviewer's decision sent from the page editor's own action menu, with the form."""
    client.get("/admin/")  # shows, and so clears, the messages of the steps before
    latest = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
    data = case_study_form_data(page, title=latest.title)  # the helper starts from the live page
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = action
    if comment:
        data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    response = client.post(edit_url(page), data, follow=True)
    assert response.status_code == 200
    return [str(message).strip() for message in response.context["messages"]]


@pytest.mark.parametrize(
    "action,comment,said",
    [
        ("approve", "", "har godkänts och publicerats"),
        ("approve", "Bra, tack!", "har godkänts och publicerats"),
        ("reject", "Lägg till källan.", "har skickats tillbaka med begäran om ändringar"),
    ],
)
def test_a_decision_in_the_editor_is_named_for_what_it_did(
    client, site, editor, north_editor, action, comment, said
):
    # Wagtail says only "has been updated", which after "Godkänn och publicera" leaves the
    # reviewer wondering whether anything was published.
    client.force_login(north_editor)
    submit_for_review(client, site.north_case, title="Närvarolyftet, granskas")
    client.force_login(editor)
    messages = decide_in_the_editor(client, site.north_case, action, comment)
    assert len(messages) == 1, messages
    assert said in messages[0]
    assert "Närvarolyftet, granskas" in messages[0]
    live_title = Page.objects.get(pk=site.north_case.pk).title
    assert (live_title == "Närvarolyftet, granskas") == (action == "approve")


def test_a_plain_save_by_the_reviewer_still_says_updated(client, site, editor, north_editor):
    client.force_login(north_editor)
    submit_for_review(client, site.north_case, title="Närvarolyftet, granskas")
    client.force_login(editor)
    client.get("/admin/")
    response = client.post(
        edit_url(site.north_case), case_study_form_data(site.north_case), follow=True
    )
    messages = [str(message).strip() for message in response.context["messages"]]
    assert len(messages) == 1 and messages[0].endswith("har uppdaterats."), messages


def test_an_edited_document_is_said_to_be_updated_not_uploaded(client, editor, settings, tmp_path):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    settings.MEDIA_ROOT = tmp_path
    document = get_document_model().objects.create(
        title="Checklista", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="checklista.pdf")
    )
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Checklista för mentorer", "collection": Collection.get_first_root_node().pk},
        follow=True,
    )
    messages = [str(message).strip() for message in response.context["messages"]]
    assert "Dokumentet ”Checklista för mentorer” har uppdaterats." in messages[0], messages


def test_the_approval_mail_carries_the_reviewers_comment(
    client, site, editor, north_editor, mailoutbox
):
    """ "Godkänn med kommentar" sent the author a mail without the comment."""
    client.force_login(north_editor)
    submit_for_review(client, site.north_case, title="Närvarolyftet, för granskning")
    mailoutbox.clear()
    client.force_login(editor)
    review(client, site.north_case, "approve", "Bra, men lägg gärna till en bild.")
    [approved] = [mail for mail in mailoutbox if north_editor.email in mail.to]
    assert "Granskarens kommentar: ”Bra, men lägg gärna till en bild.”" in approved.body


def test_the_redirect_form_reads_as_plain_swedish(admin_client):
    text = visible_text(admin_client.get("/admin/redirects/add/"))
    assert "glömmen" not in text
    assert "får sökmotorerna att glömma den gamla adressen" in text


def test_a_page_published_without_a_user_names_no_none(client, site, editor):
    """The aging pages report printed "None" for pages published by a command."""
    site.article.save_revision().publish()  # no user, as the demo loader and commands publish
    client.force_login(editor)
    text = visible_text(client.get("/admin/reports/aging-pages/"))
    assert "None" not in text
    assert "okänd" in text


def test_page_counts_statuses_and_schedules_read_as_swedish(client, site, editor):
    """Found by an editor: "1–1 av 1 None" over the admin's search, "Denna sida har2
    undersidor", "LIVE + SCHEMALAGD" and "Sida 'X' är publicerad och denna version …"."""
    from wagtail.models import Page as WagtailPage

    client.force_login(editor)
    search = visible_text(client.get("/admin/pages/search/?q=Norrby"))
    assert "None" not in search and re.search(r"1–1 av 1\b", search)
    section = site.north_section
    section.add_child(instance=WagtailPage(title="Andra fallet", slug="andra-fallet"))
    unpublish = visible_text(client.get(f"/admin/pages/{section.pk}/unpublish/"))
    assert "Sidan har 2 undersidor" in unpublish and "har2" not in unpublish
    with translation.override("sv"):
        assert translation.gettext("live + scheduled") == "publicerad + schemalagd"
        scheduled = translation.gettext(
            "Page '%(page_title)s' is live and this version has been scheduled for publishing."
        ) % {"page_title": "X"}
    assert scheduled.startswith("Sidan ”X” är publicerad")


def test_the_sign_in_page_speaks_swedish_and_names_the_site(client):
    """The password was labelled "Password" beside "Användarnamn", under "Logga in till
    Wagtail"."""
    text = visible_text(client.get("/admin/login/"))
    assert "Lösenord" in text and "Password" not in text
    assert "Logga in på PlugInnovation" in text and "Logga in till Wagtail" not in text


def test_a_yes_no_column_says_ja_or_nej(client, site, editor):
    """The statements' "Visas" column told a screen reader "True" or "False"."""
    from django.contrib.auth import get_user_model

    from pluginnovation.assessment.models import Statement

    factor = SuccessFactor.objects.first()
    Statement.objects.create(text="Vi följer upp frånvaron varje vecka.", factor=factor, live=True)
    admin = get_user_model().objects.create_superuser("ada", "ada@example.se", "x")
    client.force_login(admin)
    html = client.get(reverse("wagtailsnippets_assessment_statement:list")).content.decode()
    spoken = re.findall(r'<span class="w-sr-only">\s*(\w+)\s*</span>', html)
    assert "Ja" in spoken
    assert "True" not in spoken and "False" not in spoken


def test_the_guides_contents_list_every_section_and_covers_the_central_teams_work(client, editor):
    """ "Engelska sidor" sat under the heading "Framgångsfaktorerna" with no entry of its own,
    and nothing covered news, events, project pages, the self-assessment's statements, tips
    from schools or search synonyms, which the central team keeps."""
    client.force_login(editor)
    html = client.get(reverse("editorial_guide")).content.decode()
    sections = re.findall(r'<h2 id="([\w-]+)">', html)
    linked = re.findall(r'<li><a href="#([\w-]+)">', html)
    assert sections[0] == "guide-contents"
    assert linked == sections[1:]
    text = visible_text(client.get(reverse("editorial_guide")))
    for words in (
        "Engelska sidor",
        "Nyheter",
        "Evenemang",
        "Projektsidor",
        "Självskattning",
        "Tips från skolor",
        "Söksynonymer",
        "Schemalägg publicering",
    ):
        assert words in text, words


def test_copying_to_an_address_in_use_is_refused_in_plain_swedish(client, site, editor):
    """Wagtail's own Swedish read "Detta URL-fragment är redan i användning inom ramen för sin
    topp-sida"Forskning"", unlike the editor's "Sluggen … används redan"."""
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[site.article.pk]),
        {
            "new_title": "En kopia",
            "new_slug": site.article.slug,
            "new_parent_page": str(site.research_index.pk),
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    # In the words of the copy form's own field, "Nytt URL-fragment".
    assert "URL-fragmentet används redan av en annan sida under ”Forskning”" in text
    assert "topp-sida" not in text


def test_a_copy_is_confirmed_as_a_copy_of_its_source(client, site, editor):
    """ "Sidan ”Frånvaro som varningssignal” är kopierad." named the page copied from, as if
    that page had changed; the message's Redigera button opens the new copy."""
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[site.article.pk]),
        {
            "new_title": "Frånvaro som varningssignal (kopia)",
            "new_slug": "franvaro-kopia",
            "new_parent_page": str(site.research_index.pk),
        },
        follow=True,
    )
    text = response.content.decode()
    assert "En kopia av ”Frånvaro som varningssignal” har skapats." in text
    assert "är kopierad" not in text
