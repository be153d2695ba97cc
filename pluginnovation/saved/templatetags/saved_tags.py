from django import template
from django.contrib.messages import get_messages

from pluginnovation.delivery.policy import MESSAGES_COOKIE
from pluginnovation.saved import buttons

register = template.Library()

# The tag of the message the save view leaves for a visitor who saved without JavaScript, read
# once by the page they return to (pluginnovation.saved.views.save_and_answer).
JUST_SAVED = "saved-just-now"


@register.simple_tag(takes_context=True)
def just_saved_class(context):
    """ " saved-now" on the <body> of the page a visitor returns to after saving, once: CSS
    then shows "Sparad i Min samling" beside the form in the address's fragment (#spara-12).
    Without it a copied address would tell anyone it was saved. Only a visitor with waiting
    messages is asked (a personal cookie: such a page is never the cached copy)."""
    request = context.get("request")
    if request is None or not request.COOKIES.get(MESSAGES_COOKIE):
        return ""
    storage = get_messages(request)
    # The messages read from the cookie, looked at without iterating the storage, which would
    # mark every one of them read. Only the confirmation is taken out; the others (the
    # self-assessment's, in another tab) wait for the page that lists them. A HEAD renders a
    # page nobody sees (delivery.head): it takes nothing.
    waiting = storage._loaded_messages
    saved = any(JUST_SAVED in message.tags.split() for message in waiting)
    if saved and request.method != "HEAD":
        waiting[:] = [message for message in waiting if JUST_SAVED not in message.tags.split()]
        storage.added_new = True  # so the cookie is written again without it
    return " saved-now" if saved else ""


register.simple_tag(takes_context=True)(buttons.save_button)
