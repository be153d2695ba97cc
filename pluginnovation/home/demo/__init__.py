"""Demo content for PlugInnovation: the data files, and the code that builds the site from them.

data/ holds the pages as Markdown with YAML front matter, the categories as YAML and the
documents as PDFs (data/README.md explains them). reader.py reads and checks the folder, with
pagefiles.py, datafiles.py and markdown.py; loader.py and pagebuilder.py create what is missing.
`manage.py load_demo_content` runs the loader.
"""
