"""Content checks for uploaded documents and images; see uploads.py for the forms using them."""


class UploadRefused(Exception):
    """A check found something wrong; `code` picks the Swedish message in messages.py."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params
