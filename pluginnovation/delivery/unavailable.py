"""The answer to a failure. While the database is away (a restart, a fail-over): a 503 with
Retry-After instead of a 500, so visitors, crawlers and load balancers know to come back. A
form sent without fields its page always sends: a 400.

Django calls handler500 inside the `except` that caught the error, so the error is at hand.
The page cache, outside, serves its stale copy instead where it has one. The next request after
the database is back gets a new connection (CONN_HEALTH_CHECKS drops the broken one).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.utils.datastructures import MultiValueDictKeyError

from pluginnovation.delivery.error_pages import plain_page

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if (
        isinstance(error, MultiValueDictKeyError)
        and request.method == "POST"
        and error.args
        and error.args[0] not in request.POST
    ):
        # A form sent without fields its own page always sends (made by hand, or cut short):
        # Wagtail's and Django's form code reads them without asking. Nothing was saved. Any
        # other such error is a bug of ours, and stays a 500 (logged as an error).
        return plain_page(request, "400.html", 400)
    if not isinstance(error, OperationalError | InterfaceError):
        return plain_page(request, template_name, 500)
    logger.warning("Database unavailable: %s", error)
    response = plain_page(request, "503.html", 503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response
