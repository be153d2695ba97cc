from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from pluginnovation.content.addresses import taken_address
from pluginnovation.content.numbers import typed_int
from pluginnovation.content.visibility import visible
from pluginnovation.editorial import admin_api, decisions, reports
from pluginnovation.editorial.english_pages import SubmitEnglishPageView
from pluginnovation.editorial.image_chooser import select_format_view
from pluginnovation.editorial.live_file_views import (
    DocumentDeleteView,
    DocumentEditView,
    ImageDeleteView,
    ImageEditView,
)
from pluginnovation.editorial.returned import ReturnedForChangesPanel
from pluginnovation.editorial.views import EditorialGuideView, RolePanel


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("redaktorsguide/", EditorialGuideView.as_view(), name="editorial_guide")]


@hooks.register("register_admin_urls", order=-1)
def translate_only_pages_offered_in_english():
    """Ahead of simple_translation's view at the same address (english_pages.py)."""
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            SubmitEnglishPageView.as_view(),
            name="submit_english_page",
        )
    ]


@hooks.register("register_admin_urls", order=-1)
def explain_a_refused_change_of_a_file_on_live_pages():
    """Ahead of Wagtail's edit and delete views of documents and images (live_file_views.py)."""
    return [
        path("documents/edit/<int:document_id>/", DocumentEditView.as_view(), name="doc_edit"),
        path(
            "documents/delete/<int:document_id>/", DocumentDeleteView.as_view(), name="doc_delete"
        ),
        path("images/<int:image_id>/", ImageEditView.as_view(), name="image_edit"),
        path("images/<int:image_id>/delete/", ImageDeleteView.as_view(), name="image_delete"),
    ]


@hooks.register("register_admin_urls", order=-1)
def choose_image_formats_only_for_permitted_images():
    """Ahead of Wagtail's image chooser view at the same address (image_chooser.py)."""
    return [
        path(
            "images/chooser/<int:image_id>/select_format/",
            select_format_view(),
            name="select_permitted_image_format",
        )
    ]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))


@hooks.register("register_admin_menu_item")
def register_guide_menu_item():
    return MenuItem(
        "Redaktörsguide",
        reverse("editorial_guide"),
        name="editorial-guide",
        icon_name="help",
        order=900,
    )


# Wagtail's help menu links to its English editor guide and release notes on other sites,
# beside the project's own Redaktörsguide; only its keyboard shortcuts stay.
EXTERNAL_HELP = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def keep_one_guide(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(EXTERNAL_HELP)]


hooks.register("construct_admin_api", admin_api.limit_files, order=100)


@hooks.register("construct_page_chooser_queryset")
def choose_among_what_the_editor_may_read(pages, request):
    """The page chooser (for links) offers a regional editor the pages anyone may see and her
    own region's; another region's drafts and restricted pages are not hers to read. The
    chooser names a page by its latest title, so a public page whose new title is not yet
    published is left out too. Those who publish see every page, as in the explorer."""
    user = request.user
    if reports.publishes(user):
        return pages
    own = page_permission_policy.instances_user_has_any_permission_for(user, {"add", "change"})
    public = visible(Page.objects.all()).filter(draft_title=F("title")).values("pk")
    return pages.filter(Q(pk__in=public) | Q(pk__in=own.values("pk")))


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(ReturnedForChangesPanel())
    panels.append(RolePanel())


@hooks.register("construct_reports_menu")
def hide_site_wide_reports(request, menu_items):
    if not reports.publishes(request.user):
        menu_items[:] = [item for item in menu_items if item.name != reports.NAME]


@hooks.register("before_bulk_action")
def refuse_to_publish_incomplete_drafts(request, action_type, objects, action):
    """A bulk publish publishes each page's latest version without the editor's form, which
    asks for what a draft may leave out (ContentPage.missing_for_publishing): if any version
    it would publish is incomplete, nothing is published and the editor is told what is
    missing where."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        # The drafts below that Wagtail would publish: those this editor may publish.
        for page in objects:
            pages += [
                draft
                for draft in page.get_descendants().not_live().specific()
                if draft.permissions_for_user(request.user).can_publish()
            ]
    incomplete = []
    for page in pages:
        version = page.get_latest_revision_as_object()
        missing = getattr(version, "missing_for_publishing", list)()
        if missing:
            incomplete.append(f"”{version.title}”: {' '.join(missing)}")
    if not incomplete:
        return None
    messages.error(
        request,
        "Inget publicerades. Utkast som saknar uppgifter publiceras inte; öppna sidan, fyll i "
        "det som saknas och publicera den där. " + " ".join(incomplete),
    )
    return redirect(action.next_url)


@hooks.register("before_move_page", order=-1)
def refuse_a_move_before_asking_about_it(request, page, destination):
    """Wagtail asks "Är du säker …?" before it checks a move, and refuses only once asked; the
    other hooks' warnings (a case study's municipality) would be shown for a move that never
    happens. First of the hooks, so none of them runs for it."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("before_move_page")
def refuse_a_move_to_an_address_the_site_answers(request, page, destination):
    """The page form refuses a slug the site's own views answer just below a home page
    (content.addresses); a move there would make the page unreachable all the same."""
    address = taken_address(page.slug, destination)
    if address is None:
        return None
    messages.error(
        request,
        f"”{page.title}” kan inte flyttas hit: adressen {address} används redan av "
        "webbplatsen. Byt sidans adress (slug) först, eller välj en annan plats.",
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_copy_page")
def refuse_a_copy_to_an_address_the_site_answers(request, page):
    if request.method != "POST":
        return None
    parent = Page.objects.filter(pk=typed_int(request.POST.get("new_parent_page"))).first()
    address = taken_address(request.POST.get("new_slug", ""), parent)
    if address is None:
        return None
    messages.error(
        request,
        f"Kopian kan inte få adressen {address}: den används redan av webbplatsen. Välj en "
        "annan adress (slug) eller en annan plats.",
    )
    return redirect("wagtailadmin_pages:copy", page.pk)


@hooks.register("before_bulk_action")
def refuse_a_bulk_move_to_an_address_the_site_answers(request, action_type, objects, action):
    if action_type != "move":
        return None
    destination = action.cleaned_form.cleaned_data["chooser"]
    taken = [(page, taken_address(page.slug, destination)) for page in objects]
    taken = [f"”{page.title}” ({address})" for page, address in taken if address]
    if not taken:
        return None
    messages.error(
        request,
        "Inget flyttades. Adressen används redan av webbplatsen för "
        + ", ".join(taken)
        + ". Byt sidornas adress (slug) först, eller välj en annan plats.",
    )
    return redirect(action.next_url)


@hooks.register("after_edit_page")
def name_the_review_decision(request, page):
    decisions.name_the_decision(request, page)
