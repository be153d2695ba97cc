"""Finding content: facets, listings, related pages, full-text search and their cache.

The middle layer: it reads the content models (pluginnovation.content and the content apps)
and is used by the views and templates (pluginnovation.search, the template tags). Nothing in
the content layer imports it.
"""
