"""Soak: 32 connections for 60 s over a mix of pages, with a PostgreSQL restart in the middle.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pluginnovation_tput \\
        .venv/bin/python -m bench.soak [--seconds 60] [--restart-at 20] [--connections 32]

Prepares the database as bench/run.py does and starts the site as bench/throughput.py does
(production settings, gunicorn with two workers on 127.0.0.1:8103, Redis under a key prefix of
its own, PAGE_CACHE_SECONDS=600 unless --page-cache-seconds says otherwise). Every page of
bench/throughput.py's page types except search is requested once (so a page cache holds them),
then two wrk processes run side by side (bench/soak.lua): one over those warm pages (--connections
minus --search-connections), one over search queries with a counter, which never repeat and so are
never cached (--search-connections, default 8). At --restart-at seconds PostgreSQL restarts
(`pg_ctlcluster --skip-systemctl-redirect 15 main restart`). A probe sends one such uncached search
at a time throughout, to time when the site serves uncached pages again after the restart.

Reports responses by status and by the X-Cache header (hit, miss, stale, bypass; absent before the
page cache exists), wrk's socket errors and timeouts, errors for the warm pages (status >= 500,
socket errors or timeouts), 500s (must be 0) and 503s, and the recovery time. PostgreSQL is
started again at the end if it is not running, whatever happened; gunicorn is stopped, also after
an error or Ctrl-C.
"""

import argparse
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench import servers

PORT = 8103


def postgres(action, cluster):
    version, name = cluster.split()
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def ensure_postgres(cluster):
    """Start the cluster if it is not running, and wait until it accepts connections."""
    if postgres("status", cluster).returncode != 0:
        print("PostgreSQL is not running: starting it", flush=True)
        postgres("start", cluster)
    for _ in range(120):
        ready = subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"], timeout=10)
        if ready.returncode == 0:
            return
        time.sleep(0.5)
    raise RuntimeError("PostgreSQL did not come back within 60 s")


class Probe(threading.Thread):
    """One uncached search at a time; records (sent, answered, status) in wall-clock seconds."""

    def __init__(self, port, tag):
        super().__init__(daemon=True)
        self.port, self.tag = port, tag
        self.results = []
        self.finished = threading.Event()

    def run(self):
        n = 0
        while not self.finished.is_set():
            n += 1
            sent = time.time()
            try:
                status = servers.get(self.port, f"/sok/?q=avhoppen+probe{self.tag}n{n}")[0]
            except OSError as error:
                status = type(error).__name__
            self.results.append((sent, time.time(), status))
            self.finished.wait(0.25)


def start_wrk(args, script_args, connections, workdir, name):
    command = servers.wrk_command(
        PORT, "soak.lua", script_args, connections, 2, args.seconds, timeout=args.timeout
    )
    out = open(Path(workdir) / f"{name}.out", "w+")  # noqa: SIM115 (read after wrk exits)
    return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, text=True), out


def finish_wrk(process, out, seconds):
    process.wait(timeout=seconds + 60)
    out.seek(0)
    return servers.wrk_result(out.read(), "SOAK_RESULT ")


def summarise(counts):
    """Totals from one wrk's counts: statuses, X-Cache values, socket errors."""
    statuses = {int(key.split()[1]): n for key, n in counts.items() if key.startswith("status ")}
    x_cache = {}
    for key, n in counts.items():
        if key.startswith("x-cache "):
            value = key.split()[1]
            x_cache[value] = x_cache.get(value, 0) + n
    cached_errors = sum(
        n
        for key, n in counts.items()
        if key.startswith("x-cache ")
        and key.split()[1] in ("hit", "stale")
        and int(key.split()[2]) >= 500
    )
    sockets = sum(counts.get(f"socket {kind}", 0) for kind in ("connect", "read", "write"))
    return {
        "responses": sum(statuses.values()),
        "2xx": sum(n for status, n in statuses.items() if 200 <= status < 300),
        "500": statuses.get(500, 0),
        "503": statuses.get(503, 0),
        "other non-2xx": sum(
            n
            for status, n in statuses.items()
            if not 200 <= status < 300 and status not in (500, 503)
        ),
        "socket errors": sockets,
        "timeouts": counts.get("socket timeout", 0),
        "x_cache": x_cache,
        "hit/stale with status >= 500": cached_errors,
        "errors": sum(n for status, n in statuses.items() if status >= 500)
        + sockets
        + counts.get("socket timeout", 0),
        "p50_ms": counts["p50_us"] / 1000,
        "p99_ms": counts["p99_us"] / 1000,
        "statuses": statuses,
    }


def timeline(counts, since):
    """Responses per second (ok / 5xx) relative to `since`, for seconds that had any 5xx."""
    seconds = {}
    for key, n in counts.items():
        if key.startswith("second "):
            _, second, kind = key.split()
            seconds.setdefault(int(second) - int(since), {"ok": 0, "5xx": 0})[kind] += n
    return dict(sorted(seconds.items()))


def recovery(probe, restart_began, restart_returned):
    """When the probe saw uncached pages fail, and when they were served again."""
    failures = [r for r in probe if r[0] >= restart_began - 1 and r[2] != 200]
    if not failures:
        return "the probe saw no failure"
    last_failure = failures[-1][0]
    first_ok = next((r for r in probe if r[0] > last_failure and r[2] == 200), None)
    statuses = sorted({str(r[2]) for r in failures})
    text = (
        f"{len(failures)} probe(s) failed ({', '.join(statuses)}), the first sent "
        f"{failures[0][0] - restart_began:+.1f} s after the restart began"
    )
    if first_ok is None:
        return text + "; no uncached page was served again before the end"
    return text + (
        f"; uncached pages served again {first_ok[1] - restart_began:.1f} s after the restart "
        f"began ({first_ok[1] - restart_returned:.1f} s after pg_ctlcluster returned; that "
        f"request was sent {first_ok[0] - restart_began:.1f} s after the restart began)"
    )


def report(args, facts, results, probe, restart):
    pages, search = results["pages"], results["search"]
    began, returned = restart
    print(f"\nMachine: {facts}")
    restart_text = (
        "no restart (control run)"
        if args.no_restart
        else f"PostgreSQL restart began at {began - results['started']:.1f} s and took "
        f"{returned - began:.1f} s"
    )
    print(
        f"\n{args.connections} connections for {args.seconds} s "
        f"({args.connections - args.search_connections} on warm pages, "
        f"{args.search_connections} on uncached searches), PAGE_CACHE_SECONDS="
        f"{args.page_cache_seconds}, {args.threads} thread(s) per worker; {restart_text}\n"
    )
    rows = [
        ("responses", "responses"),
        ("2xx", "2xx"),
        ("500", "500"),
        ("503", "503"),
        ("other non-2xx", "other non-2xx"),
        ("socket errors (connect, read, write)", "socket errors"),
        (f"timeouts (no answer within {args.timeout} s)", "timeouts"),
        ("errors (status >= 500, socket errors, timeouts)", "errors"),
        ("X-Cache hit/stale with status >= 500", "hit/stale with status >= 500"),
        ("latency p50 / p99 ms", None),
    ]
    print("| | warm pages | uncached searches | all |")
    print("| --- | ---: | ---: | ---: |")
    for label, key in rows:
        if key is None:
            cells = [f"{r['p50_ms']:.0f} / {r['p99_ms']:.0f}" for r in (pages, search)] + [""]
        else:
            cells = [str(pages[key]), str(search[key]), str(pages[key] + search[key])]
        print(f"| {label} | " + " | ".join(cells) + " |")
    for name, r in (("warm pages", pages), ("uncached searches", search)):
        print(f"X-Cache, {name}: {r['x_cache']}; statuses: {r['statuses']}")
    print(f"\nRecovery: {recovery(probe, began, returned)}")
    for name in ("pages", "search"):
        seconds = timeline(results[f"{name}_counts"], began)
        bad = {s: v for s, v in seconds.items() if v["5xx"]}
        print(f"Seconds after the restart began with 5xx ({name}): {bad or 'none'}")
    verdict = "no 500" if pages["500"] + search["500"] == 0 else "500s served"
    print(f"\nWarm-page errors: {pages['errors']}; {verdict}.")


def stop(signum, frame):
    raise KeyboardInterrupt


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--restart-at", type=float, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--search-connections", type=int, default=8)
    parser.add_argument(
        "--timeout", type=int, default=30, help="wrk counts slower answers as timeouts (s)"
    )
    parser.add_argument("--page-cache-seconds", type=int, default=600)
    parser.add_argument("--cluster", default="15 main", help="PostgreSQL version and cluster")
    parser.add_argument("--no-restart", action="store_true", help="a control run: no restart")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, stop)

    from django.db import connections

    from bench.run import prepare, setup
    from bench.throughput import targets

    setup()
    live = prepare(args.pages, args.seed)
    warm_paths = [
        path for name, paths in targets(args.seed).items() if name != "search" for path in paths
    ]
    facts = servers.machine()
    facts["pages"] = live
    connections.close_all()  # the restart would break it anyway

    workdir = tempfile.mkdtemp(prefix="bench-soak-")
    env = servers.production_env(args.page_cache_seconds, Path(workdir) / "static", "soak")
    tag = uuid.uuid4().hex[:6]
    processes = []
    try:
        servers.collectstatic(env)
        with servers.gunicorn(PORT, env, threads=args.threads) as log:
            print(f"gunicorn's log (tracebacks of 500s): {log}", flush=True)
            for path in warm_paths:
                status = servers.get(PORT, path)[0]
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}, not 200")
            listing = Path(workdir) / "paths.txt"
            listing.write_text("\n".join(warm_paths) + "\n")
            probe = Probe(PORT, tag)
            started = time.time()
            pages_connections = args.connections - args.search_connections
            processes.append(start_wrk(args, [str(listing)], pages_connections, workdir, "pages"))
            processes.append(
                start_wrk(args, ["search", tag], args.search_connections, workdir, "s")
            )
            probe.start()
            time.sleep(max(0.0, started + args.restart_at - time.time()))
            began = time.time()
            if not args.no_restart:
                print(f"Restarting PostgreSQL at {began - started:.1f} s", flush=True)
                restarted = postgres("restart", args.cluster)
                print(f"pg_ctlcluster restart: exit {restarted.returncode}", flush=True)
            returned = time.time()
            (pages_process, pages_out), (search_process, search_out) = processes
            pages_counts = finish_wrk(pages_process, pages_out, args.seconds)
            search_counts = finish_wrk(search_process, search_out, args.seconds)
            probe.finished.set()
            probe.join(timeout=15)
            facts["load average after"] = servers.load()
    finally:
        for process, out in processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=10)
            out.close()
        ensure_postgres(args.cluster)
        shutil.rmtree(workdir, ignore_errors=True)
        servers.drop_cache_keys(env["CACHE_KEY_PREFIX"])
    results = {
        "started": started,
        "pages": summarise(pages_counts),
        "search": summarise(search_counts),
        "pages_counts": pages_counts,
        "search_counts": search_counts,
    }
    report(args, facts, results, probe.results, (began, returned))


if __name__ == "__main__":
    main()
