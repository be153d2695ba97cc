"""The research article's admin form."""

from pluginnovation.content.forms import ContentPageForm

TYPE_REQUIRED_MESSAGE = "Välj vilken sorts publikation det är, t.ex. utvärdering eller bok."


class ResearchArticleForm(ContentPageForm):
    """A new article must say what kind of publication it is.

    Older pages may lack a type; they stay editable without one, since an editor who does not
    know the type should not have to guess it (the page then says "uppgift saknas").
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("publication_type")
        if field is not None and self.instance.pk is None:
            field.required = True
            field.error_messages["required"] = TYPE_REQUIRED_MESSAGE
