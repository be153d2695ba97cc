"""What the review mails need beyond Wagtail's context."""

from django import template

from wagtail.models import TaskState

from pluginnovation.editorial.decisions import latest_review

register = template.Library()


@register.simple_tag
def review_comment(page):
    """The comment left with the latest decision on the page's latest review, or "".
    Wagtail gives it to the mail for "Begär ändringar" only, not for "Godkänn med kommentar"."""
    state = latest_review(page)
    if state is None:
        return ""
    decided = (
        TaskState.objects.filter(workflow_state=state, finished_at__isnull=False)
        .order_by("-finished_at")
        .first()
    )
    return decided.get_comment() if decided else ""
