"""How responses reach visitors: the page cache, HTTP caching, compression, a CDN's purges and
the answer while the database is away. Above the views in the layering: it imports from the
discovery layer (the content version) and nothing imports from it but settings and urls."""
