"""Shared by bench/throughput.py and bench/soak.py: the site under gunicorn, wrk, machine facts.

The site runs as in production: `pluginnovation.settings.production`, gunicorn with two sync
workers on 127.0.0.1, static files collected into a temporary STATIC_ROOT and served by
whitenoise, the cache in Redis under a key prefix of its own (removed again at the end). Every
request carries `X-Forwarded-Proto: https`, as the TLS-terminating proxy would send it, so
SECURE_SSL_REDIRECT does not answer with a redirect.
"""

import contextlib
import http.client
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
VENV_BIN = ROOT / ".venv" / "bin"
HEADERS = {"X-Forwarded-Proto": "https"}
REDIS_URL = "redis://127.0.0.1:6379/0"


def production_env(page_cache_seconds, static_root, label):
    """The environment of the production settings, with a cache key prefix of its own."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="pluginnovation.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48),
        WAGTAILADMIN_BASE_URL="https://pluginnovation.example",
        ALLOWED_HOSTS="127.0.0.1",
        # wrk talks to gunicorn directly: no proxy appends to X-Forwarded-For.
        TRUSTED_PROXY_COUNT="0",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"bench-{label}-{uuid.uuid4().hex[:8]}",
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        STATIC_ROOT=str(static_root),
        DEBUG="false",
    )
    return env


def collectstatic(env):
    """Collect static files into env's STATIC_ROOT; return the hashed name of css/site.css."""
    subprocess.run(
        [VENV_BIN / "python", "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    manifest = json.loads((Path(env["STATIC_ROOT"]) / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def get(port, path, headers=None, timeout=30):
    """One GET; returns (status, response headers as a dict, body bytes as sent)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={**HEADERS, **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(port, env, workers=2, threads=1, ready_path="/"):
    """Run the site under gunicorn on 127.0.0.1:port until the block ends (also on errors)."""
    descriptor, log_path = tempfile.mkstemp(prefix=f"bench-gunicorn-{port}-", suffix=".log")
    os.close(descriptor)
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [
                VENV_BIN / "gunicorn",
                "pluginnovation.wsgi",
                f"--workers={workers}",
                # More than one thread makes gunicorn's gthread worker (docs/deployment.md).
                f"--threads={threads}",
                f"--bind=127.0.0.1:{port}",
                "--timeout=30",
                "--graceful-timeout=5",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us, not gunicorn; we stop it below
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}, see {log_path}")
            try:
                if get(port, ready_path, timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer within 60 s, see {log_path}")
            time.sleep(0.2)
        yield log_path
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def drop_cache_keys(prefix):
    """Remove the run's keys from Redis (they would expire anyway)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])
    return len(keys)


def wrk_command(port, script, args, connections, threads, seconds, timeout=30, headers=None):
    command = [
        "wrk",
        f"--connections={connections}",
        f"--threads={threads}",
        f"--duration={seconds}s",
        f"--timeout={timeout}s",
        f"--script={BENCH / script}",
    ]
    for name, value in {**HEADERS, **(headers or {})}.items():
        command += ["--header", f"{name}: {value}"]
    return command + [f"http://127.0.0.1:{port}/", "--", *args]


def wrk_result(output, marker):
    """The JSON object the Lua script's done() printed after marker."""
    for line in output.splitlines():
        if line.startswith(marker):
            return json.loads(line[len(marker) :])
    raise RuntimeError(f"wrk printed no {marker} line:\n{output}")


def machine():
    """Facts about the machine and the database, as a dict of strings."""
    from django.db import connection

    cpu = "unknown"
    with contextlib.suppress(OSError, StopIteration), open("/proc/cpuinfo") as info:
        cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    memory = "unknown"
    with contextlib.suppress(OSError, StopIteration), open("/proc/meminfo") as info:
        kib = next(int(line.split()[1]) for line in info if line.startswith("MemTotal"))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgresql = cursor.fetchone()[0]
    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": cpu,
        "memory": memory,
        "postgresql": postgresql,
        "python": sys.version.split()[0],
        "load average": load(),
    }


def load():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
