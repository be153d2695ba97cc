"""Benchmark: does search find the right page, and how fast, at 10,000 pages?

    createdb -h 127.0.0.1 -U postgres pluginnovation_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pluginnovation_bench \\
        .venv/bin/python -m bench.search_quality --pages 10000

Migrates the database and loads the demo content, then runs every query of
bench/search_queries.yaml through /sok/ (Django's test client: middleware, view, queries,
template) and counts it found when one of its pages is among the first five results. That is
done on the demo content alone, then again after topping the site up with generated pages
(bench/content.py) to --pages content pages: the generated pages share the demo's vocabulary,
so they compete for the top five. Times are per request in milliseconds, warm (each query asked
once before timing) unless --cold; the suggestions (/sok/forslag/) are timed for the first four
letters of each query, warm and as the first request after an edit (when each process rebuilds
its catalogue of titles). Without DATABASE_URL it runs on the development SQLite database.
"""

import argparse
import re
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.run import machine, percentile, prepare, setup

QUERIES = Path(__file__).with_name("search_queries.yaml")
TOP = 5
# A result's link: the promoted pages first, then the hits, in the order the page shows them.
RESULT_LINK = re.compile(r'class="(?:promotion|card search-hit)\b[^"]*".*?href="([^"]+)"', re.S)


def load_queries():
    import yaml

    with QUERIES.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def result_slugs(html):
    """The slugs of the pages the results page links to as results, in order."""
    slugs = []
    for href in RESULT_LINK.findall(html):
        slug = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]
        if slug not in slugs:
            slugs.append(slug)
    return slugs


def timed(client, url, rounds, cold):
    from pluginnovation.discovery.cache import changed

    client.get(url)  # warm up: caches, compiled templates
    times = []
    for _ in range(rounds):
        if cold:
            changed()  # as after an edit: nothing the discovery cache holds is valid
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    return times


def evaluate(queries, rounds, cold):
    """[(query, rank or None, top slugs)], {request: times}."""
    from django.test import Client

    client = Client()
    outcomes, search_times, suggest_times, after_edit = [], [], [], []
    for item in queries:
        url = "/sok/?" + urlencode({"q": item["q"]})
        response = client.get(url)
        assert response.status_code == 200, url
        top = result_slugs(response.content.decode())[:TOP]
        rank = next((i + 1 for i, slug in enumerate(top) if slug in item["expect"]), None)
        outcomes.append((item, rank, top))
        search_times += timed(client, url, rounds, cold)
        suggest_url = "/sok/forslag/?" + urlencode({"q": item["q"][:4]})
        suggest_times += timed(client, suggest_url, rounds, cold)
        # The first keystroke after an edit: each process rebuilds its catalogue of titles.
        after_edit += timed(client, suggest_url, rounds, cold=True)
    times = {
        "search /sok/": search_times,
        "suggestions /sok/forslag/": suggest_times,
        "suggestions, first after an edit": after_edit,
    }
    return outcomes, times


def missing_pages(queries):
    from pluginnovation.content.models import ContentPage

    wanted = {slug for item in queries for slug in item["expect"]}
    present = set(ContentPage.objects.live().filter(slug__in=wanted).values_list("slug", flat=True))
    return sorted(wanted - present)


def report(title, live, outcomes, times):
    found = sum(rank is not None for _item, rank, _top in outcomes)
    print(f"\n### {title}: {live} live content pages\n")
    share = 100 * found / len(outcomes)
    print(f"Found in the top {TOP}: {found} of {len(outcomes)} ({share:.0f} %)\n")
    print("| kind | found | of |")
    print("| --- | ---: | ---: |")
    kinds = {}
    for item, rank, _top in outcomes:
        counts = kinds.setdefault(item["kind"], [0, 0])
        counts[0] += rank is not None
        counts[1] += 1
    for kind, (hits, total) in kinds.items():
        print(f"| {kind} | {hits} | {total} |")
    print("\n| request | median ms | p95 ms |")
    print("| --- | ---: | ---: |")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} |")
    misses = [(item, top) for item, rank, top in outcomes if rank is None]
    if misses:
        print("\nNot in the top five:")
        for item, top in misses:
            print(f"- {item['q']!r} ({item['kind']}): got {', '.join(top) or 'no results'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5, help="timed requests per query")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cold", action="store_true", help="invalidate the discovery cache before each request"
    )
    args = parser.parse_args()
    setup()
    from django.core.management import call_command

    from pluginnovation.content.models import ContentPage

    queries = load_queries()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    missing = missing_pages(queries)
    if missing:
        raise SystemExit(f"Pages named in {QUERIES.name} but not in the demo: {missing}")
    cache = "cold" if args.cold else "warm"
    print(f"{len(queries)} queries, {cache}; {machine()}")
    live = ContentPage.objects.live().count()
    if live >= args.pages:  # topped up by an earlier run
        report("Content", live, *evaluate(queries, args.rounds, args.cold))
        return
    report("Demo content alone", live, *evaluate(queries, args.rounds, args.cold))
    live = prepare(args.pages, args.seed)
    report("With generated pages", live, *evaluate(queries, args.rounds, args.cold))


if __name__ == "__main__":
    main()
