"""Language of parts in rich text (WCAG 2.1 3.1.2): editors mark an English title or quote in
a Swedish text, or a Swedish term in an English one, so screen readers read it in the right
language. Two Draftail inline styles, "EN" and "SV", stored as <span lang="en"> and
<span lang="sv">; a span with any other language is pasted as plain text.
"""

# (feature name, Draftail type, language code, the button's description)
LANGUAGES = (
    ("lang-en", "LANG_EN", "en", "Engelska: texten läses upp på engelska"),
    ("lang-sv", "LANG_SV", "sv", "Svenska: texten läses upp på svenska"),
)
FEATURES = [name for name, *_ in LANGUAGES]


def register(features):
    # Imported here: models import FEATURES, and Wagtail's admin imports the models.
    from wagtail.admin.rich_text.converters.html_to_contentstate import (
        InlineStyleElementHandler,
    )
    from wagtail.admin.rich_text.editors.draftail.features import InlineStyleFeature

    for name, style, code, description in LANGUAGES:
        control = {
            "type": style,
            "label": code.upper(),
            "description": description,
            # Seen only in the editor: a dotted line under the marked words.
            "style": {"textDecoration": "underline dotted"},
        }
        features.register_editor_plugin("draftail", name, InlineStyleFeature(control))
        features.register_converter_rule(
            "contentstate",
            name,
            {
                "from_database_format": {f'span[lang="{code}"]': InlineStyleElementHandler(style)},
                "to_database_format": {
                    "style_map": {style: {"element": "span", "props": {"lang": code}}}
                },
            },
        )
