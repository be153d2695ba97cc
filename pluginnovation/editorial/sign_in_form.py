"""Wagtail's sign-in form with its password field named in Swedish: Wagtail gives the field no
label, so Django made one of the field's name, "Password", beside "Användarnamn"."""

from wagtail.admin.forms.auth import LoginForm


class SwedishLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Lösenord"
