"""The public form at /tipsa/, its thank-you page (reached by a redirect after a post, so a
reload never sends twice) and the page a flood of posts gets."""

from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from pluginnovation.delivery.private import not_stored
from pluginnovation.http_methods import require_http_methods
from pluginnovation.submissions import duplicates, limits, spam
from pluginnovation.submissions.forms import SubmissionForm
from pluginnovation.submissions.models import RETENTION_TEXT
from pluginnovation.submissions.notify import notify_editors

# What the thank-you page may repeat: the title just sent (never the contact details), or
# that the tip had arrived before.
THANKS_KEY = "submissions_thanks"
ALREADY_KEY = "submissions_already_sent"


def context(**extra):
    return {
        "retention": RETENTION_TEXT,
        "honeypot_field": spam.HONEYPOT_FIELD,
        "timestamp_field": spam.TIMESTAMP_FIELD,
        **extra,
    }


@not_stored
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request):
    if request.method != "POST":
        form = SubmissionForm()
        return render(
            request,
            "submissions/form.html",
            context(form=form, token=spam.new_token(), meta_title="Tipsa om ett arbetssätt"),
        )

    if not spam.allow_post(request):
        return render(
            request,
            "submissions/too_many.html",
            context(meta_title="För många tips på kort tid"),
            status=429,
        )
    if limits.over_hourly_cap():
        # Nothing is read or stored: the form's own errors can wait until we take tips again.
        response = render(
            request,
            "submissions/busy.html",
            context(meta_title="Just nu tar vi emot många tips"),
            status=503,
        )
        response["Retry-After"] = "3600"
        return response
    form = SubmissionForm(request.POST)
    problem, token = spam.spam_problem(request.POST)
    # Before the time stamp's verdict: a tip sent again at once would be "too fast".
    if form.is_valid() and duplicates.sent_before(form):
        request.session[ALREADY_KEY] = True
        return HttpResponseRedirect(reverse("submissions:thanks"))
    if form.is_valid() and problem is None:
        with transaction.atomic():
            submission = form.save()
            transaction.on_commit(lambda: notify_editors(submission))
        duplicates.remember(form)
        request.session[THANKS_KEY] = submission.title
        return HttpResponseRedirect(reverse("submissions:thanks"))
    return render(
        request,
        "submissions/form.html",
        context(
            form=form,
            token=token,
            # The time check is the last thing between a tip and the editors: while a field
            # is wrong it would only stand above what to fix (and time passes as it is fixed).
            problem=problem if form.is_valid() or problem != spam.TOO_FAST else None,
            meta_title="Fel: Tipsa om ett arbetssätt",
        ),
    )


@not_stored
@require_safe
def thanks(request):
    # Shown once: on a shared computer the next visitor does not see the last one's title.
    # A HEAD (a link checker, a prefetch) shows nothing, so it leaves the title for the GET.
    session = request.session
    read = session.pop if request.method == "GET" else session.get
    title = read(THANKS_KEY, None)
    return render(
        request,
        "submissions/thanks.html",
        context(
            title=title if isinstance(title, str) else "",
            already=read(ALREADY_KEY, False) is True,
            meta_title="Tack för ditt tips",
        ),
    )
