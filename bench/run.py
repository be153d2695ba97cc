"""Benchmark: server time per page type with 10,000 content pages.

    createdb -h 127.0.0.1 -U postgres pluginnovation_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pluginnovation_bench \\
        .venv/bin/python -m bench.run --pages 10000

Migrates the database, loads the demo content, tops it up with generated pages (bench/content.py)
to --pages content pages, then requests each page type through Django's test client (the whole
request: middleware, view, queries, template) and prints the median and 95th percentile in
milliseconds, plus SQL queries per request. Runs with DEBUG off, as in production. With --cold
an editor publishes a content page (a new revision of a random one) before every request, so
each request is the first after a publish.
"""

import argparse
import os
import platform
import statistics
import time


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pluginnovation.settings.dev")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()


def prepare(pages, seed):
    from django.core.management import call_command
    from django.db import connection

    from bench.content import generate_content
    from pluginnovation.content.models import ContentPage

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    missing = pages - ContentPage.objects.count()
    if missing > 0:
        started = time.perf_counter()
        generate_content(missing, seed=seed)
        print(f"Generated {missing} pages in {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return ContentPage.objects.live().count()


def page_types(rng):
    """Addresses to request per page type; each round picks one of them."""
    from casestudies.models import CaseStudyPage, RegionSectionPage
    from methods.models import MethodPage
    from pluginnovation.taxonomy.models import SuccessFactor, TargetGroup
    from research.models import ResearchArticlePage

    factors = list(SuccessFactor.objects.values_list("slug", flat=True))
    groups = list(TargetGroup.objects.values_list("slug", flat=True))
    details = {}
    for model in (ResearchArticlePage, CaseStudyPage, MethodPage):
        pks = list(model.objects.live().order_by("pk").values_list("pk", flat=True))
        details[model] = [p.url for p in model.objects.filter(pk__in=rng.sample(pks, 10))]
    sections = [p.url for p in RegionSectionPage.objects.live().order_by("path")]
    return {
        "home": ["/"],
        "factor page": [f"/framgangsfaktorer/{slug}/" for slug in factors],
        "listing, 2 filters": [
            f"/utforska/?faktor={f}&malgrupp={g}" for f in factors for g in groups
        ]
        + [f"/fallstudier/?faktor={f}&typ=fallstudie" for f in factors],
        "search": [
            "/sok/?q=frånvaro",
            "/sok/?q=mentorerna",
            "/sok/?q=avhoppen",
            "/sok/?q=samverkan+socialtjänsten",
            "/sok/?q=studieavbrotten&faktor=samverkan",
            "/sok/?q=blockläsning",
        ],
        "search, misspelt (trigram)": ["/sok/?q=blockläsnig", "/sok/?q=socialtjänstn"],
        "results overview": [
            "/resultat/",
            f"/resultat/?faktor={factors[0]}",
            "/resultat/?indikator=narvaro&region=gr",
        ],
        "methods sorted by evidence or effort": [
            "/metoder/?ordning=evidens",
            "/metoder/?ordning=insats&kunskapsgrund=beprovad-erfarenhet",
            "/utforska/?typ=metod&evidens=3&evidens=4&ordning=evidens",
        ],
        "region section": sections,
        "county map": ["/karta/"],
        "detail": [url for urls in details.values() for url in urls],
        "detail, research": details[ResearchArticlePage],
        "detail, case study": details[CaseStudyPage],
        "detail, method": details[MethodPage],
    }


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(rounds, seed, cold=False):
    import random

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pluginnovation.content.models import ContentPage

    rng = random.Random(seed)
    pks = list(ContentPage.objects.live().values_list("pk", flat=True))

    def changed():
        """An editor's publish, with its signals: the caches it makes stale are stale."""
        page = ContentPage.objects.get(pk=rng.choice(pks)).specific
        page.save_revision().publish()

    client = Client()
    results = {}
    for name, urls in page_types(rng).items():
        for url in urls:  # warm up: caches, connection, compiled templates
            assert client.get(url).status_code == 200, url
        times = []
        for i in range(rounds):
            if cold:
                changed()  # as after an edit: nothing the discovery cache holds is valid
            started = time.perf_counter()
            client.get(urls[i % len(urls)])
            times.append((time.perf_counter() - started) * 1000)
        queries = 0
        for url in urls:  # counted apart: capturing queries slows them down a little
            if cold:
                changed()
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            queries = max(queries, len(captured))
        results[name] = (statistics.median(times), percentile(times, 0.95), queries)
    return results


def machine():
    from django.db import connection

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT 1")
        database = cursor.fetchone()[0] if connection.vendor == "postgresql" else "SQLite"
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {database}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cold", action="store_true", help="publish a content page before each request"
    )
    args = parser.parse_args()
    setup()
    live = prepare(args.pages, args.seed)
    load_before = os.getloadavg()[0]
    results = run(args.rounds, args.seed, cold=args.cold)
    cache = "cold (a content page published before each request)" if args.cold else "warm"
    load = f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    print(f"\n{live} live content pages, {cache}; {machine()}; {load}\n")
    print("| page type | median ms | p95 ms | SQL queries |")
    print("| --- | ---: | ---: | ---: |")
    for name, (median, p95, queries) in results.items():
        print(f"| {name} | {median:.1f} | {p95:.1f} | {queries} |")


if __name__ == "__main__":
    main()
