from wagtail.admin.forms import WagtailAdminPageForm

FACTOR_REQUIRED_MESSAGE = (
    "Välj minst en framgångsfaktor. Allt innehåll i kunskapsbanken ordnas efter faktorerna."
)


class ContentPageForm(WagtailAdminPageForm):
    """Shows each success factor with its definition and explains a missing choice clearly."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        factors = self.fields.get("factors")
        if factors is not None:
            factors.required = True
            factors.error_messages["required"] = FACTOR_REQUIRED_MESSAGE
            factors.label_from_instance = lambda factor: f"{factor.name} – {factor.definition}"
