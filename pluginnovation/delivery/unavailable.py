"""The answer while the database is away (a restart, a fail-over): a Swedish 503 with
Retry-After instead of a 500, so visitors, crawlers and load balancers know to come back.

Django calls handler500 inside the `except` that caught the error, so the error is at hand.
The page cache, outside, serves its stale copy instead where it has one. The next request after
the database is back gets a new connection (CONN_HEALTH_CHECKS drops the broken one).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return defaults.server_error(request, template_name)
    logger.warning("Database unavailable: %s", error)
    # Plain HTML without context processors: nothing here may need the database.
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response
