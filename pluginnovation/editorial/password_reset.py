"""The admin's "forgotten password" form with a bound on its mails.

Wagtail's form sends a reset mail for every request: anyone could fill an editor's inbox, and
the sign-in lock-out (django-axes) does not count these. A few mails per address and per client
an hour are plenty for a person. Past the bound the form answers as always ("if the address
belongs to an account, a mail is on its way"), so it tells nobody which addresses exist, but
sends nothing.
"""

import hashlib
import logging

from django.http import HttpResponseRedirect

from wagtail.admin.views.account import PasswordResetView

from pluginnovation import ratelimit

logger = logging.getLogger(__name__)

MAILS_PER_ADDRESS = 3
MAILS_PER_CLIENT = 10


class BoundedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        address = form.cleaned_data["email"].strip().lower()
        digest = hashlib.sha256(address.encode()).hexdigest()[:32]
        if not (
            ratelimit.allow(self.request, "password-reset", MAILS_PER_CLIENT)
            and ratelimit.allow_for("password-reset-address", digest, MAILS_PER_ADDRESS)
        ):
            logger.warning("Password reset mail not sent: too many requests")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
