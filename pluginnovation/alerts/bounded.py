"""The subscription form's POST, read with a bound per field.

Django refuses a body of more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields with a bare 400
(raised while the CSRF middleware reads the form, before any view). The form page reads its
own body instead: only the form's fields, at most MAX_CHOICES + 1 values each, so a flood of
values for a topic reaches the form as "too many" and gets its Swedish message. The CSRF
check runs afterwards on what was read (views.subscribe is exempt from the middleware and
protected by csrf_protect inside).
"""

from urllib.parse import unquote_plus

from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from pluginnovation.alerts.forms import MAX_CHOICES, SubscribeForm

FIELDS = frozenset(SubscribeForm.base_fields) | {"csrfmiddlewaretoken"}
URLENCODED = "application/x-www-form-urlencoded"
# Marks a field whose values were cut off (the form then sees more than MAX_CHOICES).
KEEP = MAX_CHOICES + 1


def read_post(request):
    """Set request.POST from a bounded reading of an urlencoded body. Returns False when a
    body of another kind holds more fields than Django reads (nothing usable was read)."""
    if request.content_type != URLENCODED:
        try:
            request.POST  # noqa: B018 (Django's own parser, with its own bound)
        except TooManyFieldsSent:
            request._post, request._files = QueryDict(), MultiValueDict()
            return False
        return True
    encoding = request.encoding or "utf-8"
    data = QueryDict(mutable=True, encoding=encoding)
    counts = {}
    for pair in request.body.split(b"&"):  # the body is bounded by DATA_UPLOAD_MAX_MEMORY_SIZE
        if not pair:
            continue
        raw_key, _, raw_value = pair.partition(b"=")
        key = unquote_plus(raw_key[:100].decode(encoding, "replace"), encoding, "replace")
        if key not in FIELDS or counts.get(key, 0) >= KEEP:
            continue
        counts[key] = counts.get(key, 0) + 1
        value = unquote_plus(raw_value.decode(encoding, "replace"), encoding, "replace")
        data.appendlist(key, value)
    data._mutable = False
    request._post, request._files = data, MultiValueDict()
    return True
