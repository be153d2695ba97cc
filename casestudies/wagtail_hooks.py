"""The editor is warned when a move takes a case study out of its municipality's region
(casestudies.models.municipality_left_behind): on Wagtail's confirmation page and after the
move; a bulk move has no confirmation page of its own, so there only after it. A copy into
another region is warned of after it."""

from django.contrib import messages

from wagtail import hooks

from casestudies.models import municipality_left_behind


@hooks.register("before_move_page")
def warn_of_a_municipality_left_behind(request, page, destination):
    # Called for the confirmation page and again for the move itself: the warning is shown
    # on both, the second time beside Wagtail's "moved".
    message = municipality_left_behind(page, destination)
    if message:
        messages.warning(request, message)


@hooks.register("before_bulk_action")
def warn_of_municipalities_left_behind_in_a_bulk_move(request, action_type, objects, action):
    if action_type != "move":
        return
    destination = action.cleaned_form.cleaned_data.get("chooser")
    for page in objects:
        message = municipality_left_behind(page.specific, destination)
        if message:
            messages.warning(request, f"{page.title}: {message}")


@hooks.register("after_copy_page")
def warn_of_a_municipality_left_behind_in_a_copy(request, page, new_page):
    message = municipality_left_behind(new_page.specific, new_page.get_parent(), "kopieringen")
    if message:
        messages.warning(request, message)
