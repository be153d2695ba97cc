"""What a test client's Min samling is, found as the site finds it: by the client's cookie."""

from django.test import RequestFactory

from pluginnovation.saved import owner


def owned_collection(client):
    """The collection the client's cookies lead to, or None."""
    request = RequestFactory().get("/samling/")
    if owner.COOKIE in client.cookies:
        request.COOKIES = {owner.COOKIE: client.cookies[owner.COOKIE].value}
    return owner.collection(request)
