"""After a Redaktör requests changes, the page is listed on the submitter's dashboard with the
reviewer, the date and the comment, driven through the real review workflow."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.timezone import localtime

import pytest

from pluginnovation.editorial.returned import ReturnedForChangesPanel
from pluginnovation.editorial.roles import regional_group_name
from tests.editorial.support import (
    add_case_study,
    edit_url,
    make_user,
    review,
    submit_for_review,
)

pytestmark = pytest.mark.django_db

HEADING = "Tillbaka till dig för ändringar"


def returned_page(client, site, editor, north_editor, comment):
    client.force_login(north_editor)
    page = submit_for_review(client, site.north_case, title="Närvarolyftet, andra versionen")
    client.force_login(editor)
    return review(client, page, "reject", comment)


def test_the_submitter_sees_the_page_the_reviewer_and_the_comment(
    client, site, editor, north_editor
):
    editor.first_name, editor.last_name = "Rita", "Redaktör"
    editor.save()
    page = returned_page(client, site, editor, north_editor, "Lägg till <källa> för siffrorna.")
    task_state = page.current_workflow_state.current_task_state

    client.force_login(north_editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    panel = response.text.split(HEADING, 1)[1].split("</section>", 1)[0]
    assert f'href="{edit_url(page)}"' in panel
    assert "Närvarolyftet, andra versionen" in panel  # the version she sent, not the live title
    assert "Rita Redaktör" in panel
    assert "Lägg till &lt;källa&gt; för siffrorna." in panel
    assert date_format(localtime(task_state.finished_at), "j F Y \\k\\l. H.i") in panel


def test_no_comment_is_said_plainly(client, site, editor, north_editor):
    returned_page(client, site, editor, north_editor, "")
    client.force_login(north_editor)
    response = client.get("/admin/")
    assert "Ingen kommentar." in response.text.split(HEADING, 1)[1]


def test_only_the_submitter_sees_it(client, site, editor, north_editor):
    returned_page(client, site, editor, north_editor, "Mer om metoden.")
    south_editor = make_user("sara", regional_group_name(site.south.name))
    for user in (south_editor, editor):
        client.force_login(user)
        response = client.get("/admin/")
        assert response.status_code == 200
        assert HEADING not in response.text
        assert "Mer om metoden." not in response.text


def test_it_leaves_the_list_once_sent_for_review_again(client, site, editor, north_editor):
    page = returned_page(client, site, editor, north_editor, "Mer om metoden.")
    client.force_login(north_editor)
    submit_for_review(client, page, title="Närvarolyftet, tredje versionen")
    response = client.get("/admin/")
    assert HEADING not in response.text


def panel_queries(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = ReturnedForChangesPanel().render_html({"request": request})
    return len(queries), html


def test_one_query_whatever_the_number_of_pages(client, site, editor, north_editor):
    returned_page(client, site, editor, north_editor, "Första.")
    count_for_one, html = panel_queries(north_editor)
    assert html.count(reverse("wagtailadmin_pages:edit", args=[site.north_case.pk])) == 1

    more = [add_case_study(site.north_section, site.north_town, f"Fallstudie {n}") for n in (2, 3)]
    for page in more:
        client.force_login(north_editor)
        submit_for_review(client, page, title=f"{page.title}, reviderad")
        client.force_login(editor)
        review(client, page, "reject", f"Kommentar till {page.title}.")
    count_for_three, html = panel_queries(north_editor)
    assert "Kommentar till Fallstudie 3." in html
    assert count_for_one == count_for_three == 1
