"""Time the PDF of a 20-page collection (issue 11: under 5 s on this machine).

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python -m bench.collection_pdf

Migrates the database and loads the demo content (safe to run twice), saves the 20 content
pages with the longest bodies into a fresh collection, and requests /samling/pdf/ through
Django's test client (the whole request: session, queries, print layout, ReportLab) --rounds
times. Prints the median and slowest time, the size and page count of the PDF and the SQL
queries. Runs with DEBUG off.
"""

import argparse
import io
import os
import statistics
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pluginnovation.settings.dev")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from pypdf import PdfReader

    from pluginnovation.content.models import ContentPage

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    pages = sorted(
        ContentPage.objects.live().specific(),
        key=lambda page: len(str(page.body.raw_data)),
        reverse=True,
    )[: args.pages]
    client = Client()
    for page in pages:
        client.post(
            "/samling/spara/", {"sida": page.pk, "next": "/"}, HTTP_ORIGIN="http://testserver"
        )
    times = []
    for _round in range(args.rounds):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/samling/pdf/")
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    reader = PdfReader(io.BytesIO(response.content))
    print(
        f"PDF of {len(pages)} saved pages: median {statistics.median(times):.2f} s, "
        f"slowest {max(times):.2f} s over {args.rounds} rounds; {len(reader.pages)} PDF pages, "
        f"{len(response.content) / 1024:.0f} kB, {len(queries)} SQL queries"
    )


if __name__ == "__main__":
    main()
