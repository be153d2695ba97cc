"""Throughput: requests per second per page type under gunicorn, as a fraction of a static floor.

    createdb -h 127.0.0.1 -U postgres pluginnovation_tput
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pluginnovation_tput \\
        .venv/bin/python -m bench.throughput --pages 10000 [--mode cached|uncached] [--seconds 10]

Prepares the database as bench/run.py does (migrate, demo content, generated pages up to --pages),
collects the static files into a temporary folder and starts the site with production settings
under gunicorn (two workers, 127.0.0.1:8101 cached, :8102 uncached; bench/servers.py), with the
cache in Redis under a key prefix of its own. The page cache is switched by PAGE_CACHE_SECONDS:
600 for `--mode cached`, 0 for `--mode uncached`; both by default, one server each. Every address
is requested once before timing (it must answer 200; this also fills the caches).

wrk (Debian package `wrk`) then runs for --seconds against each target with 8 connections and 2
threads, rotating through the target's addresses (bench/rotate.lua), without Accept-Encoding
unless --accept-encoding gives one (the warm-up sends the same): first the floor, the site's
own CSS file through the same gunicorn, Django and whitenoise; then home, factor pages, filtered
listings, region sections, search, and research, case study and method pages; then, as a
reference, the site's simplest page (/om/: a short text in the shared header, menu and footer);
then the floor again. Each page type is reported as requests/s, latency p50/p99, responses
other than 2xx and socket errors, and as a fraction of the mean of the two floor runs. Last,
the size on the wire of a listing page with `Accept-Encoding: br`, `gzip` and none. Everything
runs on 127.0.0.1 and stops at the end, also after an error or Ctrl-C.
"""

import argparse
import json
import random
import shutil
import signal
import statistics
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

from bench import servers

MODES = {"cached": (600, 8101), "uncached": (0, 8102)}


REFERENCE = "reference: information page"

# The page types of bench/run.py that are measured here, under the names reported.
PAGE_TYPES = {
    "home": "home",
    "factor page": "factor page",
    "listing, 2 filters": "listing, 2 filters",
    "region section": "region section",
    "search": "search",
    "research article": "detail, research",
    "case study": "detail, case study",
    "method": "detail, method",
}


def targets(seed):
    """Addresses per page type (bench/run.py's), as wrk sends them; wrk rotates through each."""
    from bench.run import page_types

    chosen = page_types(random.Random(seed))
    pages = {
        name: [quote(path, safe="/?=&+") for path in chosen[source]]
        for name, source in PAGE_TYPES.items()
    }
    # Not a page type of the issue: the site's simplest page (a heading and two paragraphs
    # inside the header, menu and footer every page has), for what the shared parts cost.
    pages[REFERENCE] = ["/om/"]
    return pages


def measure(port, paths, seconds, workdir, headers):
    """One wrk run over paths; returns wrk's figures plus requests/s and the load average."""
    listing = Path(workdir) / "paths.txt"
    listing.write_text("\n".join(paths) + "\n")
    command = servers.wrk_command(
        port,
        "rotate.lua",
        [str(listing)],
        connections=8,
        threads=2,
        seconds=seconds,
        headers=headers,
    )
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    result = servers.wrk_result(output, "WRK_RESULT ")
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["sockets"] = sum(result[key] for key in ("connect", "read", "write", "timeout"))
    result["load"] = servers.load().split()[0]
    result["urls"] = len(paths)
    return result


def warm(port, pages, headers):
    """Request every address once (it must answer 200), then again to read X-Cache."""
    for paths in pages.values():
        for path in paths:
            status = servers.get(port, path, headers)[0]
            if status != 200:
                raise RuntimeError(f"{path} answered {status}, not 200")
    seen = {}
    for paths in pages.values():
        for path in paths:
            value = servers.get(port, path, headers)[1].get("X-Cache", "absent")
            seen[value] = seen.get(value, 0) + 1
    return seen


def wire_sizes(port, path):
    """Body bytes as sent for path with Accept-Encoding br, gzip and none."""
    sizes = {}
    for encoding in ("br", "gzip", "identity"):
        status, headers, body = servers.get(port, path, {"Accept-Encoding": encoding})
        sizes[encoding] = (status, headers.get("Content-Encoding", "none"), len(body))
    return sizes


def run_mode(mode, pages, args):
    page_cache_seconds, port = MODES[mode]
    headers = {"Accept-Encoding": args.accept_encoding} if args.accept_encoding else {}
    workdir = tempfile.mkdtemp(prefix=f"bench-throughput-{mode}-")
    env = servers.production_env(page_cache_seconds, Path(workdir) / "static", mode)
    try:
        css = servers.collectstatic(env)
        with servers.gunicorn(port, env, threads=args.threads):
            x_cache = warm(port, pages, headers)
            print(f"[{mode}] warmed; X-Cache on a second request: {x_cache}", flush=True)
            results = {"floor (start)": measure(port, [css], args.seconds, workdir, headers)}
            for name, paths in pages.items():
                results[name] = measure(port, paths, args.seconds, workdir, headers)
                print(f"[{mode}] {name}: {results[name]['rps']:.0f} req/s", flush=True)
            results["floor (end)"] = measure(port, [css], args.seconds, workdir, headers)
            listing = pages["listing, 2 filters"][0]
            sizes = wire_sizes(port, listing)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        servers.drop_cache_keys(env["CACHE_KEY_PREFIX"])
    floor = statistics.mean([results["floor (start)"]["rps"], results["floor (end)"]["rps"]])
    for result in results.values():
        result["of_floor"] = result["rps"] / floor
    return {
        "results": results,
        "floor": floor,
        "sizes": sizes,
        "listing": listing,
        "x_cache": x_cache,
        "css": css,
    }


def print_mode(mode, run, args):
    page_cache_seconds, seconds = MODES[mode][0], args.seconds
    encoding = args.accept_encoding or "none"
    print(f"\n### {mode} (PAGE_CACHE_SECONDS={page_cache_seconds}, Accept-Encoding: {encoding})")
    print(f"wrk 8 connections, 2 threads, {seconds} s per target; floor = mean of the two floor")
    print(f"runs = {run['floor']:.0f} req/s\n")
    print("| target | URLs | req/s | of floor | p50 ms | p99 ms | non-2xx | socket errors | load |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in run["results"].items():
        print(
            f"| {name} | {r['urls']} | {r['rps']:.0f} | {r['of_floor']:.3f} "
            f"| {r['p50_us'] / 1000:.1f} | {r['p99_us'] / 1000:.1f} | {r['non2xx']} "
            f"| {r['sockets']} | {r['load']} |"
        )
    print(f"\nX-Cache on a second request after warming: {run['x_cache']}")
    print(f"\n| {run['listing']} on the wire | status | Content-Encoding | body bytes |")
    print("| --- | ---: | --- | ---: |")
    for encoding, (status, content_encoding, size) in run["sizes"].items():
        print(f"| Accept-Encoding: {encoding} | {status} | {content_encoding} | {size:,} |")


def print_summary(runs):
    names = [name for name in next(iter(runs.values()))["results"] if "floor" not in name]
    print("\n| page type | " + " | ".join(f"{mode} req/s | of floor" for mode in runs) + " |")
    print("| --- | " + " | ".join("---: | ---:" for _ in runs) + " |")
    print(
        "| floor (mean) | " + " | ".join(f"{run['floor']:.0f} | 1" for run in runs.values()) + " |"
    )
    for name in names:
        cells = [runs[mode]["results"][name] for mode in runs]
        figures = " | ".join(f"{r['rps']:.0f} | {r['of_floor']:.3f}" for r in cells)
        print(f"| {name} | {figures} |")


def stop(signum, frame):
    raise KeyboardInterrupt


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--mode", choices=["cached", "uncached", "both"], default="both")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per target")
    parser.add_argument(
        "--accept-encoding", default="", help="send this Accept-Encoding (default: none)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, stop)

    from bench.run import prepare, setup

    setup()
    live = prepare(args.pages, args.seed)
    pages = targets(args.seed)
    facts = servers.machine()
    print(f"{live} live content pages; " + "; ".join(f"{k}: {v}" for k, v in facts.items()))
    modes = ["cached", "uncached"] if args.mode == "both" else [args.mode]
    runs = {mode: run_mode(mode, pages, args) for mode in modes}
    facts["load average after"] = servers.load()
    print(f"\nMachine: {facts}")
    for mode, run in runs.items():
        print_mode(mode, run, args)
    if len(runs) > 1:
        print_summary(runs)
    if args.json:
        Path(args.json).write_text(
            json.dumps({"pages": live, "machine": facts, "runs": runs}, indent=2)
        )


if __name__ == "__main__":
    main()
