"""Ways in for each role: /for/ and /for/<roll>/, the role page's lists, the home page's links,
the editors who may change the pages, and the queries they cost."""

import datetime
import re
import shutil

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from bench.content import generate_content
from methods.evidence import KnowledgeBasis
from pluginnovation.audiences.models import AudienceIndexPage, AudiencePage, AudiencePick
from pluginnovation.audiences.selection import role_sections, role_terms
from pluginnovation.content.models import ContentPage
from pluginnovation.editorial.roles import EDITORS, regional_group_name
from pluginnovation.home.demo.datafiles import DATA_DIR, DemoDataError
from pluginnovation.home.demo.reader import read_demo_data
from pluginnovation.home.models import HomePage
from pluginnovation.taxonomy.models import Level, Region, TargetGroup
from tests.factories import (
    CaseStudyPageFactory,
    MethodPageFactory,
    ResearchArticlePageFactory,
    TargetGroupFactory,
    content_tree,
)
from tests.query_ceiling import measure

pytestmark = pytest.mark.django_db

ROLE_SLUGS = ["mentor", "syv", "kurator", "rektor", "huvudman"]


def day(n):
    return datetime.date(2020, 1, 1) + datetime.timedelta(days=n)


@pytest.fixture
def group():
    """A target group only this test's pages have, so the demo content stays out of the lists."""
    return TargetGroupFactory(name="Testmålgruppen", slug="testmalgruppen")


@pytest.fixture
def tree():
    return content_tree()


@pytest.fixture
def role(group):
    """A role page for `group`, under the demo site's /for/."""
    index = AudienceIndexPage.objects.get()
    page = AudiencePage(title="Testroll", slug="testroll", intro="En roll för testerna.")
    page.target_groups = [group]
    index.add_child(instance=page)
    return page


def method(tree, group, level=None, basis="", days=0, **kwargs):
    return MethodPageFactory(
        parent=tree.methods,
        target_groups=[group],
        evidence_level=level,
        knowledge_basis=basis,
        published_date=day(days),
        **kwargs,
    )


def pick(role, *pages):
    role.picks = [AudiencePick(page=page) for page in pages]
    role.save()


def sections(role):
    role = AudiencePage.objects.get(pk=role.pk)
    return role_sections(role, role_terms(role))


def pks(pages):
    return [page.pk for page in pages]


# The lists


def test_picks_come_in_the_editors_order_each_once(role, tree, group):
    first = ResearchArticlePageFactory(parent=tree.research)
    second = method(tree, group, level=2)
    third = CaseStudyPageFactory(parent=tree.section)
    pick(role, third, first, second, first)
    picked = sections(role)["picked"]
    assert pks(picked) == [third.pk, first.pk, second.pk]
    # Each as its own type, with its card's facts at hand.
    assert [type(page).__name__ for page in picked] == [
        "CaseStudyPage",
        "ResearchArticlePage",
        "MethodPage",
    ]
    assert dict(picked[2].card_facts())["Evidensstyrka"].startswith("2 av 4")


def test_drafts_and_restricted_pages_are_never_shown(role, tree, group):
    shown = method(tree, group, level=1, days=1)
    draft = method(tree, group, level=4, days=9, live=False)
    secret = method(tree, group, level=4, days=8)
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    hidden_below = ResearchArticlePageFactory(
        parent=tree.research, target_groups=[group], published_date=day(20)
    )
    PageViewRestriction.objects.create(page=tree.research, restriction_type="login")
    pick(role, draft, secret, hidden_below, shown)
    lists = sections(role)
    assert pks(lists["picked"]) == [shown.pk]
    everything = pks(lists["picked"] + lists["strongest"] + lists["newest"])
    assert draft.pk not in everything
    assert secret.pk not in everything
    assert hidden_below.pk not in everything


def test_the_strongest_methods_by_evidence_then_knowledge_basis(role, tree, group):
    weak = method(tree, group, level=1, days=30)
    strong = method(tree, group, level=4, days=1)
    both = method(tree, group, level=3, basis=KnowledgeBasis.BOTH, days=2)
    experience = method(tree, group, level=3, basis=KnowledgeBasis.EXPERIENCE, days=3)
    unknown = method(tree, group, level=None, days=40)
    other_group = MethodPageFactory(parent=tree.methods, evidence_level=4)
    strongest = sections(role)["strongest"]
    assert pks(strongest) == [strong.pk, both.pk, experience.pk]
    assert weak.pk not in pks(strongest)
    assert unknown.pk not in pks(strongest)
    assert other_group.pk not in pks(strongest)


def test_the_newest_leave_out_the_picks_and_the_strongest(role, tree, group):
    strong = method(tree, group, level=4, days=50)
    picked = ResearchArticlePageFactory(
        parent=tree.research, target_groups=[group], published_date=day(60)
    )
    case_study = CaseStudyPageFactory(
        parent=tree.section, target_groups=[group], published_date=day(40)
    )
    research = ResearchArticlePageFactory(
        parent=tree.research, target_groups=[group], published_date=day(30)
    )
    weak = method(tree, group, level=1, days=20)
    oldest = ResearchArticlePageFactory(
        parent=tree.research, target_groups=[group], published_date=day(10)
    )
    pick(role, picked)
    lists = sections(role)
    assert pks(lists["picked"]) == [picked.pk]
    assert pks(lists["strongest"])[0] == strong.pk
    newest = pks(lists["newest"])
    assert picked.pk not in newest and strong.pk not in newest
    # Of the rest, newest first; the weak method is among the strongest three, so not here.
    assert pks(lists["strongest"]) == [strong.pk, weak.pk]
    assert newest == [case_study.pk, research.pk, oldest.pk]
    every = pks(lists["picked"] + lists["strongest"] + lists["newest"])
    assert len(every) == len(set(every))


def test_levels_narrow_the_automatic_lists(role, tree, group):
    individual = Level.objects.get(slug="individ")
    organisation = Level.objects.get(slug="organisation")
    for_individuals = method(tree, group, level=2, levels=[individual])
    for_schools = method(tree, group, level=4, levels=[organisation])
    role.levels = [individual]
    role.save()
    lists = sections(role)
    assert pks(lists["strongest"]) == [for_individuals.pk]
    assert for_schools.pk not in pks(lists["newest"])


def test_without_target_groups_or_levels_only_the_picks(role, tree, group):
    method(tree, group, level=4)
    chosen = ResearchArticlePageFactory(parent=tree.research)
    role.target_groups = []
    pick(role, chosen)
    lists = sections(role)
    assert pks(lists["picked"]) == [chosen.pk]
    assert lists["strongest"] == [] and lists["newest"] == []


# The pages


@pytest.mark.parametrize("slug", ROLE_SLUGS)
def test_every_role_has_its_page_with_picks_and_automatic_content(client, slug):
    response = client.get(f"/for/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Börja här" in html
    assert "Nytt för dina målgrupper" in html
    assert 'href="/sjalvskattning/"' in html
    page = response.context["page"]
    assert page.intro in html
    assert response.context["picked"], slug
    assert response.context["role_target_groups"], slug


def test_the_roles_index_lists_the_five_roles_in_order(client):
    response = client.get("/for/")
    assert response.status_code == 200
    links = re.findall(r'href="/for/([a-z]+)/"', response.content.decode())
    assert links == ROLE_SLUGS


def test_a_draft_role_is_not_listed_and_not_served(client):
    AudiencePage.objects.get(slug="kurator").unpublish()
    assert client.get("/for/kurator/").status_code == 404
    assert "/for/kurator/" not in client.get("/for/").content.decode()
    assert "/for/kurator/" not in client.get("/").content.decode()


def test_unknown_role_and_deeper_paths_are_not_found(client):
    assert client.get("/for/finns-inte/").status_code == 404
    assert client.get("/for/mentor/mer/").status_code == 404
    assert client.get("/for/" + "x" * 3000 + "/").status_code == 404


def test_the_home_page_links_every_role_and_the_self_assessment(client):
    html = client.get("/").content.decode()
    section = html[html.index('id="roles-heading"') :]
    section = section[: section.index("</section>")]
    assert "Ingång för din roll" in section
    assert re.findall(r'href="/for/([a-z]+)/"', section) == ROLE_SLUGS
    assert '<a href="/sjalvskattning/">Gör en självskattning</a>' in section


def test_the_home_page_allows_the_roles_index_below_it():
    assert AudienceIndexPage in HomePage.allowed_subpage_models()
    assert AudienceIndexPage.objects.get().url == "/for/"


# The admin


def editor(group_name, username):
    user = get_user_model().objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_data(page, **changes):
    picks = [{"id": link.pk, "page": link.page_id} for link in page.picks.all()]
    fields = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "offer": rich_text(page.offer),
        "picks": inline_formset(picks, initial=len(picks)),
        "target_groups": [term.pk for term in page.target_groups.all()],
        "levels": [term.pk for term in page.levels.all()],
    }
    fields.update(changes)
    return nested_form_data(fields)


def with_pick(data, page):
    """The edit form's data with one more pick at the end."""
    number = int(data["picks-TOTAL_FORMS"])
    data["picks-TOTAL_FORMS"] = str(number + 1)
    data.update(
        {
            f"picks-{number}-page": str(page.pk),
            f"picks-{number}-ORDER": str(number + 1),
            f"picks-{number}-id": "",
            f"picks-{number}-DELETE": "",
        }
    )
    return data


def test_a_central_editor_edits_and_publishes_a_role_page(client):
    client.force_login(editor(EDITORS, "rita"))
    page = AudiencePage.objects.get(slug="mentor")
    url = f"/admin/pages/{page.pk}/edit/"
    assert client.get(url).status_code == 200
    extra = ContentPage.objects.live().get(slug="blocklasning")
    picked_before = [link.page_id for link in page.picks.all()]
    data = with_pick(edit_data(page, intro="En ny ingress för mentorer."), extra)
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = AudiencePage.objects.get(pk=page.pk)
    assert page.intro == "En ny ingress för mentorer."
    assert [link.page_id for link in page.picks.all()] == [*picked_before, extra.pk]
    assert "En ny ingress för mentorer." in client.get("/for/mentor/").content.decode()


def test_the_preview_shows_unsaved_picks_and_target_groups(client):
    client.force_login(editor(EDITORS, "petra"))
    page = AudiencePage.objects.get(slug="rektor")
    extra = ContentPage.objects.live().get(slug="blocklasning")
    nyanlanda = TargetGroup.objects.get(slug="nyanlanda")
    data = with_pick(edit_data(page, intro="Förhandsvisad ingress."), extra)
    data["target_groups"] = [str(nyanlanda.pk)]
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Förhandsvisad ingress." in html
    assert extra.title in html
    assert "Nyanlända elever" in html
    page.refresh_from_db()
    assert page.intro != "Förhandsvisad ingress."


def test_a_regional_editor_cannot_edit_role_pages(client):
    region = Region.objects.get(slug="gr")
    client.force_login(editor(regional_group_name(region.name), "regina"))
    page = AudiencePage.objects.get(slug="rektor")
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code in (302, 403)
    response = client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, intro="Nej"))
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.intro != "Nej"


# Queries


def test_role_pages_stay_within_the_query_ceiling_at_two_sizes(
    client, django_assert_max_num_queries
):
    urls = ["/", "/for/", *(f"/for/{slug}/" for slug in ROLE_SLUGS)]
    small = measure(client, django_assert_max_num_queries, urls)
    generate_content(9 * ContentPage.objects.count(), seed=12)
    large = measure(client, django_assert_max_num_queries, urls)
    # The role pages' cost does not move with the amount of content at all. (The home page's
    # newest cards are read one query per type, so it may vary with the types among them.)
    roles = [url for url in urls if url.startswith("/for/")]
    assert {url: large[url] for url in roles} == {url: small[url] for url in roles}
    print("role pages, queries at 1x and 10x:", {url: (small[url], large[url]) for url in urls})


# The demo data


def test_the_demo_roles_have_their_picks_in_the_files_order():
    mentor = AudiencePage.objects.get(slug="mentor")
    assert [link.page.slug for link in mentor.picks.all()] == [
        "mentorssamtal-som-bygger-relationer",
        "daglig-franvarouppfoljning",
        "samarbete-med-vardnadshavare",
    ]
    assert [link.sort_order for link in mentor.picks.all()] == [0, 1, 2]
    assert {term.slug for term in mentor.levels.all()} == {"individ"}


@pytest.mark.parametrize(
    "old, new, problem",
    [
        ("method: mentorssamtal-som-bygger-relationer", "method: finns-inte", "ingen sida"),
        ("method: mentorssamtal-som-bygger-relationer", "metod: x", "varje rad under picks"),
        ("levels: [individ]", "levels: individ", "levels ska vara en lista"),
    ],
)
def test_a_broken_role_file_is_named_in_the_error(tmp_path, old, new, problem):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "audiences" / "1-mentor.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DemoDataError) as error:
        read_demo_data(folder)
    assert "audiences/1-mentor.md" in str(error.value) and problem in str(error.value)
