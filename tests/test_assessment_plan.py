"""The action plan of the self-assessment: choosing methods, writing the steps, the PDF,
visibility, retention and the query ceiling on every page of the flow."""

import datetime
import io
import re
from collections import Counter

from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from pypdf import PdfReader

from bench.content import generate_content
from methods.models import MethodIndexPage, MethodPage
from pluginnovation.assessment.demo import load_statements
from pluginnovation.assessment.models import MAX_PLAN_ITEMS, Assessment, PlanItem
from pluginnovation.assessment.recommendations import plan_method_choices
from pluginnovation.content.models import ContentPage
from tests.discovery_support import add_page
from tests.query_ceiling import CEILING, measure
from tests.test_assessment import answer_all, start, weak_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def statements():
    cache.clear()
    load_statements(Counter())
    yield
    cache.clear()


@pytest.fixture
def done(client):
    """An assessment answered with samverkan the weakest factor."""
    assessment = start(client)
    answer_all(client, assessment, weak_in("samverkan"))
    return assessment


def plan_url(assessment):
    return f"/sjalvskattning/redigera/{assessment.edit_token}/plan/"


def result_url(assessment):
    return f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/"


def recommended(client, assessment):
    return client.get(result_url(assessment)).context["recommendations"].methods


def add(client, assessment, *methods):
    return client.post(
        plan_url(assessment), {"lagg_till": "1", "metod": [str(m.pk) for m in methods]}
    )


def row(item, **values):
    fields = {"forsta_steg": "", "ansvarig": "", "datum": "", "uppfoljning": ""}
    fields.update(values)
    return {f"rad-{item.pk}-{name}": value for name, value in fields.items()}


def method_under_index(title, **fields):
    parent = MethodIndexPage.objects.first()
    return add_page(MethodPage, title, parent=parent, factors=("samverkan",), **fields)


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(
        io.BytesIO(b"".join(response.streaming_content))
        if response.streaming
        else io.BytesIO(response.content)
    )
    return "\n".join(page.extract_text() for page in reader.pages)


# Building the plan


def test_the_team_adds_recommended_methods_and_writes_the_plan(client, done):
    methods = recommended(client, done)[:2]
    response = add(client, done, *methods)
    assert response.status_code == 302
    items = list(done.plan_items.order_by("sort_order"))
    assert [item.method_id for item in items] == [m.pk for m in methods]
    page = client.get(plan_url(done))
    html = page.content.decode()
    assert page.status_code == 200
    assert "lades till i handlingsplanen" in html
    for method in methods:
        assert method.title in html
    assert html.count('type="date"') == 2
    data = {"spara": "1"}
    data.update(
        row(
            items[0],
            forsta_steg="Boka ett möte med elevhälsan",
            ansvarig="Rektor",
            datum="2027-03-15",
            uppfoljning="På arbetslagsmötet i april",
        )
    )
    data.update(row(items[1], ansvarig="Mentor"))
    response = client.post(plan_url(done), data)
    assert response.status_code == 302
    items[0].refresh_from_db()
    assert items[0].first_step == "Boka ett möte med elevhälsan"
    assert items[0].responsible == "Rektor"
    assert items[0].due_date == datetime.date(2027, 3, 15)
    assert items[0].follow_up == "På arbetslagsmötet i april"
    assert "Handlingsplanen är sparad" in client.get(plan_url(done)).content.decode()


def test_any_visible_method_can_be_added_but_not_twice(client, done):
    choices = plan_method_choices()
    assert len(choices) == MethodPage.objects.live().count()
    pk, title = choices[-1]
    add(client, done, MethodPage.objects.get(pk=pk))
    add(client, done, MethodPage.objects.get(pk=pk))
    assert done.plan_items.count() == 1
    html = client.get(plan_url(done)).content.decode()
    assert f'<option value="{pk}">' not in html


def test_an_invalid_date_is_named_and_nothing_else_is_lost(client, done):
    method = recommended(client, done)[0]
    add(client, done, method)
    item = done.plan_items.get()
    for bad in ["15/3", "2027-02-30", "²０２７-01-01", "9999-01-01", "x" * 5000, "2027-1-5"]:
        data = row(item, forsta_steg="Första steget", ansvarig="SYV", datum=bad)
        response = client.post(plan_url(done), {**data, "spara": "1"})
        html = response.content.decode()
        assert response.status_code == 400, bad
        named = (
            "Skriv datumet som år-månad-dag",
            "Skriv högst",
            "finns inte",
            "går inte att välja",
        )
        assert any(message in html for message in named), bad
        assert "Planen är inte sparad" in html
        assert "Första steget" in html  # what was typed is still there
        item.refresh_from_db()
        assert item.first_step == ""


@pytest.mark.parametrize("far", ["0001-01-01", "1999-12-31", "2101-01-01", "9999-01-01"])
def test_a_date_too_far_off_says_so_rather_than_how_to_write_it(client, done, far):
    method = recommended(client, done)[0]
    add(client, done, method)
    item = done.plan_items.get()
    response = client.post(plan_url(done), {**row(item, datum=far), "spara": "1"})
    html = response.content.decode()
    assert response.status_code == 400
    # "För långt bort" read oddly for 1999: the message names the years that can be chosen.
    assert f"Datumet {far} går inte att välja. Välj ett datum mellan år 2000 och 2100." in html
    assert "Skriv datumet som år-månad-dag" not in html


def test_plan_text_is_bounded_and_escaped(client, done):
    method = recommended(client, done)[0]
    add(client, done, method)
    item = done.plan_items.get()
    too_long = client.post(plan_url(done), {**row(item, forsta_steg="a" * 1001), "spara": "1"})
    assert too_long.status_code == 400
    assert "Skriv högst 1000 tecken" in too_long.content.decode()
    assert "<title>Fel: Handlingsplan" in too_long.content.decode()
    script = '<script>alert("x")</script><b>fet</b>'
    ok = client.post(
        plan_url(done), {**row(item, forsta_steg=script, ansvarig=script[:120]), "spara": "1"}
    )
    assert ok.status_code == 302
    item.refresh_from_db()
    assert item.first_step == script  # stored as text
    for url in (plan_url(done), f"/sjalvskattning/delad/{done.read_token}/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html
    assert "\x00" not in item.first_step
    nul = client.post(plan_url(done), {**row(item, ansvarig="a\x00b"), "spara": "1"})
    assert nul.status_code == 400


def test_the_shared_plan_and_its_pdf_give_each_method_at_the_address_asked_for(client, done):
    """Not the Wagtail site's configured host name, which may not be the one in use."""
    method = recommended(client, done)[0]
    add(client, done, method)
    shared = f"/sjalvskattning/delad/{done.read_token}/"
    for host in ("testserver", "kunskapsbank.example"):
        html = client.get(shared, HTTP_HOST=host).content.decode()
        assert f'<span class="url">http://{host}{method.url}</span>' in html
        text = "".join(pdf_text(client.get(shared + "handlingsplan.pdf", HTTP_HOST=host)).split())
        assert f"http://{host}{method.url}" in text


def test_the_pdf_writes_dates_as_the_page_does(client, done):
    method = recommended(client, done)[0]
    add(client, done, method)
    item = done.plan_items.get()
    client.post(plan_url(done), {**row(item, datum="2027-01-20"), "spara": "1"})
    shared = f"/sjalvskattning/delad/{done.read_token}/"
    assert "20 januari 2027" in client.get(shared).content.decode()
    assert "20 januari 2027" in " ".join(pdf_text(client.get(shared + "handlingsplan.pdf")).split())


def test_a_plan_holds_at_most_twenty_methods(client, done):
    parent = MethodIndexPage.objects.first()
    extra = [
        add_page(MethodPage, f"Extrametod {i}", parent=parent) for i in range(MAX_PLAN_ITEMS + 3)
    ]
    add(client, done, *extra[:15])
    response = add(client, done, *extra[15:])
    assert response.status_code == 302
    assert done.plan_items.count() == MAX_PLAN_ITEMS
    html = client.get(plan_url(done)).content.decode()
    assert "högst 20 metoder" in html
    assert "så många som får plats" in html
    # Hundreds of ids in one request are cut, not processed; thousands of fields are refused.
    response = client.post(plan_url(done), {"lagg_till": "1", "metod": ["1"] * 900})
    assert response.status_code == 302
    response = client.post(plan_url(done), {"lagg_till": "1", "metod": ["1"] * 5000})
    assert response.status_code == 400


def test_a_method_is_removed_from_the_plan(client, done):
    methods = recommended(client, done)[:2]
    add(client, done, *methods)
    first, second = done.plan_items.order_by("sort_order")
    response = client.post(
        plan_url(done), {**row(first), **row(second, ansvarig="Kurator"), "ta_bort": str(first.pk)}
    )
    assert response.status_code == 302
    assert list(done.plan_items.values_list("pk", "responsible")) == [(second.pk, "Kurator")]


@pytest.mark.parametrize(
    "data",
    [
        {"lagg_till": "1", "metod": ["²", "-1", "0", "99999999999999999999", "<b>"]},
        {"lagg_till": "1"},
        {"ta_bort": "²"},
        {"ta_bort": "99999999999"},
        {"rad-²-forsta_steg": "x", "rad-99999-ansvarig": "y"},
        {},
    ],
)
def test_hostile_plan_posts_never_fail(client, done, data):
    response = client.post(plan_url(done), data)
    assert response.status_code in (302, 400)
    assert client.get(plan_url(done)).status_code == 200


def test_another_assessments_row_cannot_be_removed(client, done):
    other = Assessment.objects.create()
    method = MethodPage.objects.live().first()
    item = PlanItem.objects.create(assessment=other, method=method)
    client.post(plan_url(done), {"ta_bort": str(item.pk)})
    assert PlanItem.objects.filter(pk=item.pk).exists()


# Visibility


def test_drafts_and_restricted_methods_never_reach_recommendations_plan_or_pdf(client, done):
    draft = method_under_index("Hemlig utkastmetod", live=False, evidence_level=4)
    locked = method_under_index("Låst metod", evidence_level=4)
    PageViewRestriction.objects.create(page=locked, restriction_type="login")
    shown = method_under_index("Synlig stark metod", evidence_level=4)

    methods = recommended(client, done)
    assert shown in methods
    assert draft not in methods and locked not in methods
    assert {draft.pk, locked.pk}.isdisjoint(pk for pk, _ in plan_method_choices())
    result_html = client.get(result_url(done)).content.decode()
    assert "Hemlig utkastmetod" not in result_html and "Låst metod" not in result_html

    add(client, done, draft, locked, shown)
    assert list(done.plan_items.values_list("method", flat=True)) == [shown.pk]
    refused = add(client, done, draft)
    assert "Vi hittar inte den metoden" in client.get(refused.url).content.decode()

    # A method published when it was chosen and unpublished since drops out of every view.
    shown.unpublish()
    for url in (plan_url(done), f"/sjalvskattning/delad/{done.read_token}/"):
        html = client.get(url).content.decode()
        assert "Synlig stark metod" not in html
        assert "inte längre publicerad" in html
    text = pdf_text(client.get(f"/sjalvskattning/delad/{done.read_token}/handlingsplan.pdf"))
    assert "Synlig stark metod" not in text
    # The printed plan says so too, as the pages do: its numbering does not hide a gap. And
    # it does not go on to say that no method was chosen.
    assert "1 metod i planen är inte längre publicerad" in " ".join(text.split())
    assert "inte valt några metoder" not in " ".join(text.split())
    for url in (plan_url(done), f"/sjalvskattning/delad/{done.read_token}/"):
        assert "inte valt några metoder" not in client.get(url).content.decode()


# The PDF


def test_the_pdf_holds_the_profile_and_the_chosen_methods_with_their_steps(client, done):
    methods = recommended(client, done)[:2]
    add(client, done, *methods)
    first, second = done.plan_items.order_by("sort_order")
    client.post(
        plan_url(done),
        {
            **row(
                first,
                forsta_steg="Kartlägg frånvaron",
                ansvarig="Rektor",
                datum="2027-03-15",
                uppfoljning="Varje månad",
            ),
            **row(second, ansvarig="SYV"),
            "spara": "1",
        },
    )
    client.cookies.clear()
    response = client.get(f"/sjalvskattning/delad/{done.read_token}/handlingsplan.pdf")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "attachment" in response["Content-Disposition"]
    text = " ".join(pdf_text(response).split())
    for method in methods:
        assert " ".join(method.title.split()) in text
        assert method.url_path.rstrip("/").rsplit("/", 1)[-1] in text  # its address
    for expected in (
        "Kartlägg frånvaron",
        "Rektor",
        "15 mars 2027",
        "Varje månad",
        "SYV",
        "Samverkan",
        "1,0 av 4",
        "4,0 av 4",
        "Handlingsplan",
    ):
        assert expected in text, expected


def test_a_plan_step_longer_than_a_page_still_gives_the_pdf(client, done):
    """A team may paste a long list: 1,000 characters of short lines are taller than an A4
    page, and a table row that does not fit a page used to stop the PDF (an error page)."""
    add(client, done, recommended(client, done)[0])
    (item,) = done.plan_items.all()
    lines = "steg\n" * 200
    response = client.post(
        plan_url(done),
        {**row(item, forsta_steg=lines, uppfoljning=lines), "spara": "1"},
    )
    assert response.status_code in (200, 302)
    item.refresh_from_db()
    assert item.first_step.count("steg") == 200
    response = client.get(f"/sjalvskattning/delad/{done.read_token}/handlingsplan.pdf")
    assert response.status_code == 200
    assert pdf_text(response).count("steg") >= 400


def test_the_pdf_needs_the_read_token(client, done):
    assert (
        client.get(f"/sjalvskattning/delad/{done.edit_token}/handlingsplan.pdf").status_code == 404
    )


# Retention


def test_the_command_removes_assessments_after_the_retention_period(client, done):
    method = MethodPage.objects.live().first()
    PlanItem.objects.create(assessment=done, method=method)
    recent = Assessment.objects.create()
    Assessment.objects.filter(pk=done.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=366)
    )
    out = io.StringIO()
    call_command("remove_old_assessments", "--dry-run", stdout=out)
    assert "1 självskattningar skulle tas bort" in out.getvalue()
    assert Assessment.objects.filter(pk=done.pk).exists()
    call_command("remove_old_assessments", stdout=out)
    assert not Assessment.objects.filter(pk=done.pk).exists()
    assert not PlanItem.objects.filter(assessment_id=done.pk).exists()
    assert Assessment.objects.filter(pk=recent.pk).exists()


def test_every_change_restarts_the_retention_period(client, done):
    long_ago = timezone.now() - datetime.timedelta(days=300)
    Assessment.objects.filter(pk=done.pk).update(updated_at=long_ago)
    add(client, done, MethodPage.objects.live().first())
    done.refresh_from_db()
    assert done.updated_at > long_ago + datetime.timedelta(days=299)


# Queries


def flow_urls(assessment):
    return [
        "/sjalvskattning/",
        f"/sjalvskattning/redigera/{assessment.edit_token}/steg/1/",
        f"/sjalvskattning/redigera/{assessment.edit_token}/steg/4/",
        result_url(assessment),
        plan_url(assessment),
        f"/sjalvskattning/delad/{assessment.read_token}/",
        f"/sjalvskattning/delad/{assessment.read_token}/handlingsplan.pdf",
    ]


def test_every_page_of_the_flow_stays_within_the_query_ceiling(
    client, done, django_assert_max_num_queries
):
    add(client, done, *recommended(client, done)[:3])
    small = measure(client, django_assert_max_num_queries, flow_urls(done))
    # Posting a step and a plan stays bounded too.
    statements = (
        client.get(f"/sjalvskattning/redigera/{done.edit_token}/steg/1/").context["step"].statements
    )
    with django_assert_max_num_queries(CEILING):
        client.post(
            f"/sjalvskattning/redigera/{done.edit_token}/steg/1/",
            {**{f"svar-{s.pk}": "2" for s in statements}, "riktning": "nasta"},
        )
    generate_content(9 * ContentPage.objects.count(), seed=21)
    large = measure(client, django_assert_max_num_queries, flow_urls(done))
    print("assessment queries at 1x and 10x:", {url: (small[url], large[url]) for url in small})
    for url in small:
        assert large[url] <= small[url] + 1, (url, small[url], large[url])


def test_a_date_that_does_not_exist_is_called_so(client, done):
    add(client, done, recommended(client, done)[0])
    item = done.plan_items.get()
    response = client.post(plan_url(done), {**row(item, datum="2027-02-31"), "spara": "1"})
    assert response.status_code == 400
    assert "Datumet 2027-02-31 finns inte" in response.content.decode()


def test_removing_a_row_ignores_its_own_fields_and_keeps_the_others_edits(client, done):
    first, second = recommended(client, done)[:2]
    add(client, done, first)
    add(client, done, second)
    keep, drop = done.plan_items.order_by("pk")
    data = {
        **row(keep, forsta_steg="Boka ett möte"),
        **row(drop, forsta_steg="Något", datum="22027-03-10"),
        "ta_bort": str(drop.pk),
    }
    response = client.post(plan_url(done), data)
    assert response.status_code == 302
    assert list(done.plan_items.values_list("pk", flat=True)) == [keep.pk]
    keep.refresh_from_db()
    assert keep.first_step == "Boka ett möte"


def test_the_removal_date_is_counted_in_swedish_time():
    """Changed at 00:45 in Stockholm (23:45 the day before in UTC): the twelve months run
    from the Swedish date the visitor sees as "Senast ändrad"."""
    stockholm = datetime.timezone(datetime.timedelta(hours=1))
    changed = datetime.datetime(2026, 12, 7, 0, 45, tzinfo=stockholm)
    assessment = Assessment(updated_at=changed.astimezone(datetime.UTC))
    assert timezone.localdate(assessment.updated_at) == datetime.date(2026, 12, 7)
    removal = assessment.removal_date
    assert removal > datetime.date(2027, 12, 6) and removal.day == 7


def test_after_removing_a_row_the_address_names_where_to_go_on(client, done):
    """The keyboard went back to the top of the page (assessment.js follows the address)."""
    add(client, done, *recommended(client, done)[:3])
    first, middle, last = done.plan_items.order_by("sort_order")
    response = client.post(plan_url(done), {"ta_bort": str(middle.pk)})
    assert response["Location"].endswith(f"#rad-{last.pk}-forsta_steg")
    response = client.post(plan_url(done), {"ta_bort": str(last.pk)})
    assert response["Location"].endswith(f"#rad-{first.pk}-forsta_steg")
    for odd in ("999999", "-1", "²", "x" * 300):  # nothing removed, never a 500
        assert client.post(plan_url(done), {"ta_bort": odd}).status_code == 302
    assert done.plan_items.count() == 1
    response = client.post(plan_url(done), {"ta_bort": str(first.pk)})
    assert response["Location"].endswith("#annan-metod")


def test_a_date_that_has_passed_is_saved_with_a_question(client, done):
    """2020-01-01 as "Klart senast" was saved without a word: likely a slip of the keyboard."""
    method = recommended(client, done)[0]
    add(client, done, method)
    item = done.plan_items.get()
    response = client.post(plan_url(done), {**row(item, datum="2020-01-01"), "spara": "1"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.due_date == datetime.date(2020, 1, 1)
    html = client.get(plan_url(done)).content.decode()
    assert "Handlingsplanen är sparad." in html
    assert f"Klart senast för ”{method.title}” är 1 januari 2020, som redan har varit." in html
    # Set apart from the confirmation, as a warning.
    assert re.search(r'<p class="notice notice--warning">Klart senast för', html)
    # Saving again with the same date does not ask again.
    client.post(plan_url(done), {**row(item, datum="2020-01-01"), "spara": "1"})
    assert "som redan har varit" not in client.get(plan_url(done)).content.decode()
