"""The admin's delete view for terms: a term in use is not deleted (taxonomy.uses)."""

from django.contrib import messages
from django.shortcuts import redirect

from wagtail.snippets.views.snippets import DeleteView

from pluginnovation.content.text import swedish_list
from pluginnovation.taxonomy.uses import term_uses


def refusal(term, uses):
    return (
        f"”{term}” kan inte raderas: den används på {swedish_list(uses)}. Ta bort den där "
        "först, eller byt namn på den om det är namnet som ska ändras."
    )


class TermDeleteView(DeleteView):
    # Its template: wagtailsnippets/snippets/taxonomy/delete.html, which Wagtail's
    # snippet views look for first for the taxonomy app's models.

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.uses = term_uses(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.uses:
            context["refusal"] = refusal(self.object, self.uses)
        return context

    def form_valid(self, form):
        if self.uses:
            messages.error(self.request, refusal(self.object, self.uses))
            return redirect(self.get_delete_url())
        return super().form_valid(form)
