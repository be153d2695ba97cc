"""304 Not Modified for a page whose ETag or date the browser or proxy already has."""

from django.middleware import http


class ConditionalGetMiddleware(http.ConditionalGetMiddleware):
    """Django's, keeping the page cache's X-Cache on a 304: Django keeps only the headers RFC
    9110 names, and DevTools would go on showing the first answer's `miss`."""

    def process_response(self, request, response):
        answer = super().process_response(request, response)
        if answer is not response and "X-Cache" in response:
            answer["X-Cache"] = response["X-Cache"]
        return answer
