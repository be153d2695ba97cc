from django import template
from django.conf import settings

from pluginnovation.saved import buttons

register = template.Library()

# Set by the save view for a visitor who saved without JavaScript, read once by the page they
# return to (pluginnovation.saved.views.save_and_answer).
JUST_SAVED = "saved-just-now"


@register.simple_tag(takes_context=True)
def just_saved_class(context):
    """ " saved-now" on the <body> of the page a visitor returns to after saving, once: CSS
    then shows "Sparad i Min samling" beside the form in the address's fragment (#spara-12).
    Without it a copied address would tell anyone it was saved. Only a visitor who has a
    session is asked: reading the session of everyone else would make every page vary on
    cookies."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return " saved-now" if request.session.pop(JUST_SAVED, None) else ""


register.simple_tag(takes_context=True)(buttons.save_button)
