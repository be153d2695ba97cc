"""The self-assessment (/sjalvskattning/): statements, the four steps, the result, tokens,
sharing, copying and hostile input. The plan, the PDF, retention and query counts are in
test_assessment_plan.py."""

import datetime
import re
from collections import Counter

from django.core.cache import cache
from django.utils import timezone

import pytest

from pluginnovation.assessment.demo import load_statements, read_statements
from pluginnovation.assessment.models import Answer, Assessment, PlanItem, Scale, Statement
from pluginnovation.assessment.scoring import steps
from pluginnovation.taxonomy.models import Level, SuccessFactor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def statements():
    """The demo statements (the demo loader may already have created them) and a fresh
    creation counter for every test."""
    cache.clear()
    load_statements(Counter())
    yield
    cache.clear()


def start(client):
    response = client.post("/sjalvskattning/ny/")
    assert response.status_code == 302
    match = re.fullmatch(r"/sjalvskattning/redigera/([A-Za-z0-9_-]{32})/steg/1/", response.url)
    assert match, response.url
    return Assessment.objects.get(edit_token=match[1])


def step_url(assessment, number):
    return f"/sjalvskattning/redigera/{assessment.edit_token}/steg/{number}/"


def answer_all(client, assessment, value_for=lambda statement: 3):
    """Answer every step as a team would; returns the last response (a redirect)."""
    response = None
    for step in steps():
        data = {f"svar-{s.pk}": str(value_for(s)) for s in step.statements}
        data["riktning"] = "nasta"
        response = client.post(step_url(assessment, step.number), data)
        assert response.status_code == 302, response.content.decode()[:2000]
    return response


def weak_in(slug):
    """Answers: everything "Stämmer helt" except the factor `slug`, "Stämmer inte alls"."""
    return lambda statement: 1 if statement.factor.slug == slug else 4


# Statements


def test_the_demo_has_four_to_six_statements_for_each_factor():
    counts = Counter(Statement.objects.filter(live=True).values_list("factor__slug", flat=True))
    assert set(counts) == set(SuccessFactor.objects.values_list("slug", flat=True))
    assert all(4 <= n <= 6 for n in counts.values()), counts


def test_loading_the_statements_twice_creates_nothing_the_second_time():
    Statement.objects.all().delete()
    first, second = Counter(), Counter()
    load_statements(first)
    load_statements(second)
    expected = sum(len(group["statements"]) for group in read_statements())
    assert first["statements"] == expected == Statement.objects.count()
    assert second["statements"] == 0


def test_an_edited_statement_is_left_alone_and_a_hidden_one_is_not_asked():
    statement = Statement.objects.filter(factor__slug="samverkan").first()
    statement.live = False
    statement.save()
    load_statements(Counter())
    assert Statement.objects.filter(text=statement.text).count() == 1
    assert all(statement not in step.statements for step in steps())


def test_steps_follow_the_factors_and_the_editors_order():
    factor_order = list(SuccessFactor.objects.values_list("slug", flat=True))
    step_list = steps()
    assert [step.factor.slug for step in step_list] == factor_order
    first = step_list[0].statements
    # An editor moves the last statement of the first step to the top.
    first[-1].sort_order = -1
    Statement.objects.filter(pk=first[-1].pk).update(sort_order=0)
    Statement.objects.exclude(pk=first[-1].pk).update(sort_order=1)
    assert steps()[0].statements[0] == first[-1]


def test_the_admin_lists_the_statements_under_a_swedish_menu_and_can_reorder_them(
    admin_client,
):
    menu = admin_client.get("/admin/").content.decode()
    # The menu is rendered from JSON, where "ä" is escaped.
    assert "Sj\\u00e4lvskattning" in menu or "Självskattning" in menu
    listing = admin_client.get("/admin/snippets/assessment/statement/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Vi ser varje elevs frånvaro varje vecka" in html
    first, second = Statement.objects.order_by("sort_order")[:2]
    moved = admin_client.post(
        f"/admin/snippets/assessment/statement/reorder/{second.pk}/?position=0"
    )
    assert moved.status_code == 200
    assert Statement.objects.order_by("sort_order").first() == second
    add = admin_client.get("/admin/snippets/assessment/statement/add/")
    assert add.status_code == 200
    assert "framgångsfaktor" in add.content.decode().lower()
    factor = SuccessFactor.objects.get(slug="flexibilitet")
    level = Level.objects.get(slug="individ")
    saved = admin_client.post(
        "/admin/snippets/assessment/statement/add/",
        {
            "text": "Vi erbjuder sommarskola.",
            "factor": factor.pk,
            "levels": [level.pk],
            "live": "on",
        },
    )
    assert saved.status_code == 302
    new = Statement.objects.get(text="Vi erbjuder sommarskola.")
    assert list(new.levels.all()) == [level]
    assert new.sort_order == max(Statement.objects.values_list("sort_order", flat=True))
    assert new in steps()[1].statements


# The flow


def test_the_start_page_explains_and_starts_with_a_post_form(client):
    response = client.get("/sjalvskattning/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "20 minuter" in html and "12 månader" in html
    assert "kurator" in html and "rektor" in html
    assert re.search(r'<form[^>]+method="post"[^>]+action="/sjalvskattning/ny/"', html)
    assert "csrfmiddlewaretoken" in html
    assert '<meta name="robots" content="noindex' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_starting_needs_a_post(client):
    assert client.get("/sjalvskattning/ny/").status_code == 405
    assert Assessment.objects.count() == 0


def test_a_step_shows_its_statements_as_radio_groups_with_progress(client):
    assessment = start(client)
    response = client.get(step_url(assessment, 2))
    html = response.content.decode()
    step = steps()[1]
    assert response.status_code == 200
    assert "Steg 2 av 4" in html
    assert f"<h1>{step.factor.name}</h1>" in html
    assert html.count("<fieldset") == len(step.statements)
    assert html.count("<legend") == len(step.statements)
    for statement in step.statements:
        assert html.count(f'name="svar-{statement.pk}"') == 5  # four steps and "Vet inte"
    assert 'aria-current="step"' in html
    assert "Stämmer till stor del" in html and "Vet inte" in html
    assert "csrfmiddlewaretoken" in html
    assert "no-store" in response["Cache-Control"]


def test_the_whole_flow_ends_in_a_profile_and_recommendations(client):
    assessment = start(client)
    last = answer_all(client, assessment, weak_in("samverkan"))
    assert last.url == f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/"
    assert Answer.objects.filter(assessment=assessment).count() == Statement.objects.count()
    response = client.get(last.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<svg[^>]+role="img"[^>]+aria-labelledby=', html)
    assert "<desc" in html and "Samverkan: 1,0 av 4" in html
    assert "<table" in html and "4,0" in html
    assert "Utvecklingsområde" in html and "Styrka" in html
    assert "Förslag för samverkan" in html
    methods = response.context["recommendations"].methods
    assert methods
    assert all("samverkan" in {f.slug for f in m.factors.all()} for m in methods)
    levels = [m.evidence_level or 0 for m in methods]
    assert levels == sorted(levels, reverse=True)
    assert assessment.read_token in html and assessment.edit_token in html


def test_the_team_narrows_the_recommendations_by_level_and_target_group(client):
    assessment = start(client)
    answer_all(client, assessment, weak_in("uppfoljning"))
    url = f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/"
    level = Level.objects.get(slug="individ")
    response = client.post(url, {"niva": "individ", "malgrupp": ""})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.level == level
    recommended = client.get(url).context["recommendations"]
    for page in recommended.methods + recommended.case_studies + recommended.research:
        assert level in page.levels.all()
    # An unknown value changes nothing and says so.
    response = client.post(url, {"niva": "<script>", "malgrupp": "x" * 5000}, follow=True)
    assert response.status_code == 200
    assert "Välj nivå och målgrupp i listorna" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.level == level


def test_a_missing_answer_is_named_and_the_other_answers_are_kept(client):
    assessment = start(client)
    statements = steps()[0].statements
    answered, missing = statements[:-1], statements[-1]
    data = {f"svar-{s.pk}": "2" for s in answered}
    response = client.post(step_url(assessment, 1), {**data, "riktning": "nasta"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Fel: Steg 1 av 4:" in html  # the first words a screen reader says
    assert "Ett påstående saknar svar" in html
    assert "Välj ett svar för påståendet." in html
    assert f'href="#svar-{missing.pk}-fraga"' in html
    assert set(
        Answer.objects.filter(assessment=assessment).values_list("statement", flat=True)
    ) == {s.pk for s in answered}
    for statement in answered:
        assert f'name="svar-{statement.pk}" value="2" checked' in html


def test_going_back_saves_without_asking_for_every_answer(client):
    assessment = start(client)
    answer_all(client, assessment)
    second = steps()[1].statements
    response = client.post(
        step_url(assessment, 2), {f"svar-{second[0].pk}": "1", "riktning": "tillbaka"}
    )
    assert response.status_code == 302
    assert response.url == step_url(assessment, 1)
    assert Answer.objects.get(assessment=assessment, statement=second[0]).value == 1


@pytest.mark.parametrize(
    "till, target",
    [("3", "steg/3/"), ("1", "steg/1/"), ("resultat", "resultat/"), ("plan", "plan/")],
)
def test_the_step_bar_saves_the_answers_given_and_goes_where_it_was_asked(client, till, target):
    """The step bar's links send the step's form (static/js/assessment.js): what was answered
    is kept, also with answers missing, and the team lands where it clicked."""
    assessment = start(client)
    second = steps()[1].statements
    response = client.post(step_url(assessment, 2), {f"svar-{second[0].pk}": "1", "till": till})
    assert response.status_code == 302
    assert response.url == f"/sjalvskattning/redigera/{assessment.edit_token}/{target}"
    assert Answer.objects.get(assessment=assessment, statement=second[0]).value == 1


@pytest.mark.parametrize("till", ["9", "0", "-1", "²", "٣", "2.0", "x" * 500, "", "resultat/../"])
def test_an_odd_step_bar_target_is_ignored(client, till):
    assessment = start(client)
    second = steps()[1].statements
    response = client.post(step_url(assessment, 2), {f"svar-{second[0].pk}": "1", "till": till})
    assert response.status_code == 400  # as without it: answers are missing on the step
    assert Answer.objects.get(assessment=assessment, statement=second[0]).value == 1


def test_an_answer_given_earlier_counts_when_a_step_is_sent_again_without_it(client):
    assessment = start(client)
    answer_all(client, assessment)
    response = client.post(step_url(assessment, 1), {"riktning": "nasta"})
    assert response.status_code == 302


def test_dont_know_is_not_counted(client):
    assessment = start(client)
    answer_all(client, assessment, lambda s: 0 if s.factor.slug == "flexibilitet" else 4)
    html = client.get(f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/").content
    assert "Flexibilitet: inget underlag" in html.decode()


# Tokens, sharing and copying


def test_two_assessments_begun_the_same_day_have_links_told_apart(client):
    """Both read "Självskattning påbörjad 7 december 2026, senast ändrad 7 december 2026",
    two links with the same text to different places (WCAG 2.4.4)."""
    morning = start(client)
    start(client)  # and another, later the same day
    now = timezone.now()
    Assessment.objects.filter(pk=morning.pk).update(
        created_at=now - datetime.timedelta(hours=5), updated_at=now - datetime.timedelta(hours=5)
    )
    html = client.get("/sjalvskattning/").content.decode()
    texts = re.findall(r'<a href="/sjalvskattning/redigera/[^"]+">([^<]+)</a>', html)
    assert len(texts) == 2
    assert texts[0] != texts[1]
    assert all(" kl. " in text for text in texts)


def test_two_assessments_begun_the_same_minute_have_links_told_apart(client):
    """The time is to the minute: two begun in one minute (a double click, two tabs) had
    links with the same text. The later one is numbered."""
    first = start(client)
    second = start(client)
    moment = timezone.now().replace(second=5)
    Assessment.objects.filter(pk__in=[first.pk, second.pk]).update(
        created_at=moment, updated_at=moment
    )
    Assessment.objects.filter(pk=second.pk).update(
        created_at=moment + datetime.timedelta(seconds=30)
    )
    html = client.get("/sjalvskattning/").content.decode()
    links = dict(re.findall(r'<a href="/sjalvskattning/redigera/([^/"]+)/[^"]+">([^<]+)</a>', html))
    assert set(links) == {first.edit_token, second.edit_token}
    assert links[first.edit_token] != links[second.edit_token]
    assert links[second.edit_token].startswith(links[first.edit_token])


def test_the_session_remembers_the_edit_link_to_the_first_step_left(client):
    """ "Fortsätt där ni slutade" led to the result page after one step of five."""
    assessment = start(client)
    html = client.get("/sjalvskattning/").content.decode()
    assert "Fortsätt där ni slutade" in html
    assert step_url(assessment, 1) in html
    first = steps()[0]
    client.post(
        step_url(assessment, 1),
        {**{f"svar-{s.pk}": "3" for s in first.statements}, "riktning": "nasta"},
    )
    assert step_url(assessment, 2) in client.get("/sjalvskattning/").content.decode()
    answer_all(client, assessment)
    html = client.get("/sjalvskattning/").content.decode()
    assert f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/" in html


def test_the_two_tokens_are_random_and_different():
    a, b = Assessment.objects.create(), Assessment.objects.create()
    tokens = {a.read_token, a.edit_token, b.read_token, b.edit_token}
    assert len(tokens) == 4
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{32}", token) for token in tokens)


def test_the_read_token_reads_but_never_edits(client):
    assessment = start(client)
    answer_all(client, assessment)
    read = assessment.read_token
    for url in (
        f"/sjalvskattning/redigera/{read}/steg/1/",
        f"/sjalvskattning/redigera/{read}/resultat/",
        f"/sjalvskattning/redigera/{read}/plan/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"riktning": "nasta"}).status_code == 404, url
    # And the edit token does not open the read view (it is not a read token).
    assert client.get(f"/sjalvskattning/delad/{assessment.edit_token}/").status_code == 404


def test_the_shared_view_reads_in_a_fresh_session_without_revealing_the_edit_link(
    client, django_user_model
):
    assessment = start(client)
    answer_all(client, assessment, weak_in("bemotande"))
    client.logout()
    client.cookies.clear()
    response = client.get(f"/sjalvskattning/delad/{assessment.read_token}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert assessment.edit_token not in html
    assert "Gör en egen kopia" in html
    assert "Bemötande" in html or "bemötande" in html
    assert '<meta name="robots" content="noindex' in html
    assert "no-store" in response["Cache-Control"]
    assert "<form" in html and "/kopiera/" in html
    assert "svar-" not in html  # no answer form


@pytest.mark.parametrize(
    "path",
    [
        "/sjalvskattning/delad/{bad}/",
        "/sjalvskattning/delad/{bad}/handlingsplan.pdf",
        "/sjalvskattning/redigera/{bad}/steg/1/",
        "/sjalvskattning/redigera/{bad}/resultat/",
        "/sjalvskattning/redigera/{bad}/plan/",
    ],
)
@pytest.mark.parametrize(
    "bad",
    [
        "A" * 32,  # well formed, unknown
        "kort",
        "x" * 3000,
        "%C2%B2" * 16,
        "%3Cscript%3E",
        "..%2F..%2Fetc",
    ],
)
def test_unknown_or_tampered_tokens_get_a_swedish_404(client, path, bad):
    response = client.get(path.format(bad=bad))
    assert response.status_code == 404
    if path.count("/") > 3 and "%2F" not in bad:
        assert "Självskattningen hittades inte" in response.content.decode()
        assert "no-store" in response["Cache-Control"]


def test_a_tampered_token_of_a_real_assessment_is_unknown(client):
    assessment = start(client)
    token = assessment.read_token
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert client.get(f"/sjalvskattning/delad/{tampered}/").status_code == 404


def test_an_expired_assessment_is_gone_even_before_the_command_runs(client):
    assessment = start(client)
    Assessment.objects.filter(pk=assessment.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=400)
    )
    response = client.get(f"/sjalvskattning/delad/{assessment.read_token}/")
    assert response.status_code == 404
    assert "12 månader" in response.content.decode()
    assert client.get(step_url(assessment, 1)).status_code == 404


def test_a_copy_has_the_same_answers_and_plan_and_new_tokens(client):
    assessment = start(client)
    answer_all(client, assessment, weak_in("samverkan"))
    method = (
        client.get(f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/")
        .context["recommendations"]
        .methods[0]
    )
    PlanItem.objects.create(assessment=assessment, method=method, first_step="Boka möte")
    client.cookies.clear()
    assert client.get(f"/sjalvskattning/delad/{assessment.read_token}/kopiera/").status_code == 405
    response = client.post(f"/sjalvskattning/delad/{assessment.read_token}/kopiera/")
    assert response.status_code == 302
    copy = Assessment.objects.exclude(pk=assessment.pk).get()
    assert response.url == f"/sjalvskattning/redigera/{copy.edit_token}/resultat/"
    assert {copy.read_token, copy.edit_token}.isdisjoint(
        {assessment.read_token, assessment.edit_token}
    )
    assert sorted(copy.answers.values_list("statement", "value")) == sorted(
        assessment.answers.values_list("statement", "value")
    )
    assert list(copy.plan_items.values_list("method", "first_step")) == [(method.pk, "Boka möte")]
    # Editing the copy leaves the original alone.
    first = steps()[0].statements[0]
    client.post(step_url(copy, 1), {f"svar-{first.pk}": "1", "riktning": "tillbaka"})
    assert Answer.objects.get(assessment=assessment, statement=first).value == 4
    assert "egen kopia" in client.get(response.url).content.decode()


# Bad input and bots


@pytest.mark.parametrize(
    "number", ["0", "5", "-1", "²", "١", "99999999999999999999", "1.0", "x" * 5000, "%00"]
)
def test_odd_step_numbers_are_a_normal_404(client, number):
    assessment = start(client)
    response = client.get(step_url(assessment, number))
    assert response.status_code == 404
    # The assessment exists: the page says the step is missing and leads back into it.
    html = response.content.decode()
    assert "<h1>Steget finns inte</h1>" in html
    assert "hittades inte" not in html
    assert f'href="{step_url(assessment, 1)}"' in html


@pytest.mark.parametrize(
    "value", ["²", "5", "-1", "1.5", "", " ", "x" * 100_000, "<script>alert(1)</script>", "\x00"]
)
def test_odd_answers_are_refused_with_a_message(client, value):
    assessment = start(client)
    statement = steps()[0].statements[0]
    response = client.post(
        step_url(assessment, 1), {f"svar-{statement.pk}": value, "riktning": "nasta"}
    )
    assert response.status_code == 400
    assert not Answer.objects.filter(assessment=assessment, statement=statement).exists()
    assert "<script>alert" not in response.content.decode()


def test_answers_to_other_steps_and_unknown_statements_are_ignored(client):
    assessment = start(client)
    other = steps()[1].statements[0]
    data = {f"svar-{s.pk}": "3" for s in steps()[0].statements}
    data.update({f"svar-{other.pk}": "1", "svar-999999999": "2", "svar-²": "2", "riktning": "x"})
    response = client.post(step_url(assessment, 1), data)
    assert response.status_code == 302
    assert not Answer.objects.filter(assessment=assessment, statement=other).exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_wrong_http_methods_are_refused(client, method):
    assessment = start(client)
    for url in (
        "/sjalvskattning/",
        step_url(assessment, 1),
        f"/sjalvskattning/redigera/{assessment.edit_token}/plan/",
        f"/sjalvskattning/delad/{assessment.read_token}/",
        f"/sjalvskattning/delad/{assessment.read_token}/kopiera/",
    ):
        assert getattr(client, method)(url).status_code == 405, url
    assert client.post(f"/sjalvskattning/delad/{assessment.read_token}/").status_code == 405


def test_a_bot_creating_assessments_in_a_loop_is_stopped_politely(client, settings):
    settings.ASSESSMENT_NEW_PER_HOUR = 3
    for _ in range(3):
        assert client.post("/sjalvskattning/ny/").status_code == 302
    response = client.post("/sjalvskattning/ny/")
    assert response.status_code == 429
    assert "Försök igen om en timme" in response.content.decode()
    assert Assessment.objects.count() == 3
    # Copies count too.
    read = Assessment.objects.first().read_token
    assert client.post(f"/sjalvskattning/delad/{read}/kopiera/").status_code == 429


def test_every_area_to_develop_gets_suggestions_the_weakest_first(client):
    """Two factors under 2,5 are both named "Här finns mest att vinna": both get methods."""
    assessment = start(client)
    low = {"uppfoljning": 2, "flexibilitet": 1}
    answer_all(client, assessment, lambda statement: low.get(statement.factor.slug, 4))
    response = client.get(f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/")
    recommended = response.context["recommendations"]
    assert [factor.slug for factor in recommended.factors] == ["flexibilitet", "uppfoljning"]
    html = response.content.decode()
    assert "Förslag för flexibilitet och koll och uppföljning" in html
    for pages in (recommended.methods, recommended.case_studies, recommended.research):
        covered = {f.slug for page in pages for f in page.factors.all()}
        assert {"flexibilitet", "uppfoljning"} <= covered, pages
    assert len(set(recommended.methods)) == len(recommended.methods)


def test_the_suggestions_headings_sit_below_their_sections(client):
    """Sections are h3 under "Förslag för …" (h2); a card's title one level down, so a
    screen reader moving by heading tells a section from its pages."""
    assessment = start(client)
    answer_all(client, assessment, weak_in("samverkan"))
    html = client.get(f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/").text
    section = html.split('id="rekommendationer"')[1]
    assert "<h3>Fallstudier: så gjorde andra</h3>" in section
    assert re.search(r'<h4 class="card__title">', section)
    assert not re.search(r'<h3 class="card__title">', section)


def test_the_weakest_area_gets_its_best_even_when_another_has_newer_pages(client):
    """Candidates were the newest pages of both areas together: with enough newer pages of the
    other area, the weakest got nothing though it had pages of its own."""
    import datetime

    from casestudies.models import CaseStudyPage

    flexible = CaseStudyPage.objects.live().filter(factors__slug="flexibilitet").distinct()
    assert flexible.exists()
    others = (
        CaseStudyPage.objects.live()
        .filter(factors__slug="uppfoljning")
        .exclude(pk__in=flexible.values("pk"))
    )
    assert others.count() >= 3
    others.update(published_date=datetime.date(2030, 1, 1))  # newer than any flexible one
    assessment = start(client)
    low = {"uppfoljning": 2, "flexibilitet": 1}
    answer_all(client, assessment, lambda statement: low.get(statement.factor.slug, 4))
    url = f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/"
    recommended = client.get(url).context["recommendations"]
    shown = {f.slug for page in recommended.case_studies for f in page.factors.all()}
    assert "flexibilitet" in shown
    # Shown in the order the heading promises: newest first.
    dates = [page.published_date for page in recommended.case_studies]
    assert dates == sorted(dates, reverse=True)
    levels = [m.evidence_level or 0 for m in recommended.methods]
    assert levels == sorted(levels, reverse=True)


def test_a_team_that_answered_vet_inte_everywhere_is_told_so_without_contradictions(client):
    """It read "look at the statements where you answered highest" and "when you have
    answered the statements …", and was offered to narrow suggestions there were none of."""
    assessment = start(client)
    answer_all(client, assessment, value_for=lambda statement: Scale.DONT_KNOW)
    html = client.get(f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/").text
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Ni svarade ”Vet inte” på alla påståenden" in text
    assert "där ni svarade högst" not in text
    assert "När ni har svarat på påståendena" not in text
    assert 'class="narrowing"' not in html
    shared = client.get(f"/sjalvskattning/delad/{assessment.read_token}/").text
    assert "där ni svarade högst" not in shared


def test_every_pdf_link_says_the_pdf_is_not_tagged_for_screen_readers(client):
    """Min samling said so beside its PDF link; the self-assessment's links did not."""
    assessment = start(client)
    answer_all(client, assessment)
    for address in (
        f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/",
        f"/sjalvskattning/delad/{assessment.read_token}/",
    ):
        html = client.get(address).text
        link = re.search(r'<a [^>]*href="[^"]*handlingsplan\.pdf"[^>]*>', html).group(0)
        assert 'aria-describedby="pdf-hint"' in link, address
        assert re.search(r'<p id="pdf-hint" class="hint">PDF-filen har inte rubriker', html)


def test_a_result_without_answers_does_not_say_vet_inte_was_answered(client):
    assessment = start(client)
    html = client.get(f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/").text
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "saknar svar" in text and "Vet inte” på alla" not in text
    assert "Det finns inga svar att bygga en profil på än" in text


def test_an_area_answered_vet_inte_throughout_is_named_where_there_is_most_to_gain(client):
    """A team that did not know how it works with samverkan was told only about its other
    areas: not knowing is itself worth finding out, so the area is named there too."""
    assessment = start(client)
    answer_all(
        client,
        assessment,
        lambda statement: Scale.DONT_KNOW if statement.factor.slug == "samverkan" else 2,
    )
    for address in (
        f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/",
        f"/sjalvskattning/delad/{assessment.read_token}/",
    ):
        html = client.get(address).text
        section = html[
            html.index('id="utveckla"') : html.index("</section>", html.index('id="utveckla"'))
        ]
        text = " ".join(re.sub(r"<[^>]+>", " ", section).split())
        assert "Om samverkan svarade ni ”Vet inte” på alla påståenden" in text, address
        # The areas with answers are named as before.
        assert "Flexibilitet är ett utvecklingsområde" in text
    from tests.test_assessment_plan import pdf_text

    pdf = client.get(f"/sjalvskattning/delad/{assessment.read_token}/handlingsplan.pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Att ta reda på • Samverkan" in text


def test_several_areas_answered_vet_inte_are_named_as_a_swedish_list(client):
    assessment = start(client)
    unknown = {"uppfoljning", "flexibilitet", "samverkan"}
    answer_all(
        client,
        assessment,
        lambda statement: Scale.DONT_KNOW if statement.factor.slug in unknown else 2,
    )
    html = client.get(f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/").text
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Om koll och uppföljning, flexibilitet och samverkan svarade ni ”Vet inte”" in text


def result_text(client, assessment):
    html = client.get(f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/").text
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_single_factor_answered_is_not_called_both_a_strength_and_the_weakest(client):
    """One area answered "Stämmer helt" was "en styrka (4,0 av 4)" and, just below, "Lägst
    ligger koll och uppföljning – börja gärna där"."""
    assessment = start(client)
    first = steps()[0]
    for statement in first.statements:
        Answer.objects.create(assessment=assessment, statement=statement, value=Scale.FULLY)
    text = result_text(client, assessment)
    name = first.factor.name
    assert f"{name} är en styrka" in text
    assert "Lägst ligger" not in text
    assert f"Ni har bara svarat om {name.lower()} än" in text
    assert "svarat lägst" not in text  # nor above the suggestions


def test_when_every_factor_is_a_strength_the_least_strong_is_not_called_the_lowest(client):
    assessment = start(client)
    least = steps()[1].factor
    answer_all(client, assessment, lambda s: 3 if s.factor == least else 4)
    text = result_text(client, assessment)
    assert "Lägst ligger" not in text
    assert f"Alla faktorer ni har svarat om är styrkor. Minst stark är {least.name.lower()}" in text


def test_factors_answered_alike_are_not_ranked(client):
    """All answered "Stämmer helt": "Minst stark är a och b och c och d – där finns mest kvar
    att vinna", at 4 of 4."""
    assessment = start(client)
    answer_all(client, assessment, lambda statement: 4)
    text = result_text(client, assessment)
    assert "Alla faktorer ni har svarat om är styrkor, och lika starka (4,0 av 4)" in text
    assert "Minst stark" not in text and "Lägst ligger" not in text


def test_the_lowest_of_several_factors_are_named_as_a_swedish_list(client):
    assessment = start(client)
    low = {step.factor.slug for step in steps()[:3]}
    answer_all(client, assessment, lambda s: 3 if s.factor.slug in low else 4)
    names = [step.factor.name.lower() for step in steps()[:3]]
    assert f"Minst stark är {names[0]}, {names[1]} och {names[2]} –" in result_text(
        client, assessment
    )
