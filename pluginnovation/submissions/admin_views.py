"""The admin's side of a tip: reading it, and "Gör till fallstudie"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.views.decorators.http import require_POST

from wagtail.admin.views.generic import InspectView

from pluginnovation.submissions.conversion import ConversionError, make_case_study
from pluginnovation.submissions.models import Submission

CHANGE = "submissions.change_submission"


class SubmissionInspectView(InspectView):
    """All the school sent, with the button that turns it into a draft case study."""

    def get_created_display_value(self):
        # In the site's time zone (Europe/Stockholm), as editors read the clock.
        return date_format(localtime(self.object.created), "j F Y H:i")

    def get_municipality_display_value(self):
        return str(self.object.municipality) if self.object.municipality_id else "–"

    def get_municipality_other_display_value(self):
        return self.object.municipality_other or "–"

    def get_what_was_done_display_value(self):
        return linebreaksbr(self.object.what_was_done, autoescape=True)

    def get_results_display_value(self):
        return linebreaksbr(self.object.results, autoescape=True) if self.object.results else "–"

    def get_contact_name_display_value(self):
        return self.object.contact_name or "–"

    def get_consent_display_value(self):
        return "Ja" if self.object.consent else "Nej"

    def get_show_contact_display_value(self):
        return "Ja" if self.object.show_contact else "Nej"

    def get_factors_display_value(self):
        return ", ".join(factor.name for factor in self.object.factors.all()) or "–"

    def get_case_study_display_value(self):
        page = self.object.case_study
        return page.get_admin_display_title() if page is not None else "Ingen än"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object.case_study
        context["case_study"] = page
        context["case_study_edit_url"] = (
            reverse("wagtailadmin_pages:edit", args=[page.pk]) if page is not None else ""
        )
        context["can_convert"] = self.request.user.has_perm(CHANGE)
        context["convert_url"] = reverse(
            "wagtailsnippets_submissions_submission:make_case_study", args=[self.object.pk]
        )
        return context


@require_POST
def make_case_study_view(request, pk):
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    if not Submission.objects.filter(pk=pk).exists():
        raise Http404
    inspect_url = reverse("wagtailsnippets_submissions_submission:inspect", args=[pk])
    try:
        page, created = make_case_study(pk, request.user)
    except ConversionError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(inspect_url)
    if created:
        messages.success(
            request,
            f"Ett utkast till fallstudie skapades av tipset ”{page.title}”. Fyll i det som "
            "saknas (period, lärdomar, resultat) och skicka det till granskning.",
        )
    else:
        messages.info(
            request, "Tipset har redan gjorts till en fallstudie. Här är den, ingen ny skapades."
        )
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
