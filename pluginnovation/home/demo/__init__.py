"""Demo content for PlugInnovation: the data, and the loader that builds the site from it.

The data modules hold plain Python (strings, dates, slugs); `loader.py` turns them into terms,
documents and published pages. `manage.py load_demo_content` runs the loader.
"""
