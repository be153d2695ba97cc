"""HEAD is GET without the body (RFC 9110): link checkers, uptime monitors and a browser's
prefetch send it. The view runs as for a GET, but nobody sees what it renders."""


class HeadKeepsMessagesMiddleware:
    """A page that lists Django's one-time messages uses them up; rendered for a HEAD, it is
    shown to nobody, so the messages stay for the GET that follows. Inside MessageMiddleware,
    which stores the messages left when this returns."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        storage = getattr(request, "_messages", None)
        if request.method == "HEAD" and storage is not None:
            storage.used = False
        return response
