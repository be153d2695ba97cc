"""Queries per page: the brief's bound, whatever the amount of content."""

CEILING = 15


def measure(client, django_assert_max_num_queries, urls, ceiling=CEILING):
    """{url: queries} for each address's second request (the first fills the caches), each
    within `ceiling`: a test compares the counts at two sizes of content."""
    counts = {}
    for url in urls:
        assert client.get(url).status_code == 200, url
        with django_assert_max_num_queries(ceiling, info=url) as captured:
            client.get(url)
        counts[url] = len(captured)
    return counts
