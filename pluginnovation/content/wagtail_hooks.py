from wagtail import hooks

from pluginnovation.content import rich_text_languages, rich_text_links


# After Wagtail's own (order 0), which register the handlers these replace.
@hooks.register("register_rich_text_features", order=100)
def links_to_what_visitors_may_see(features):
    rich_text_links.register(features)


@hooks.register("register_rich_text_features")
def language_of_parts(features):
    rich_text_languages.register(features)
