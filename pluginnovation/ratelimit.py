"""A bound on how fast one client can create things the site keeps for months (anonymous
assessments, collections): a counter per kind and client address in the shared cache, for an
hour. A person or a school team creates a handful; a bot doing it in a loop is refused. Also
used for guesses at page and document passwords (password_attempts.py) and for the admin's
password reset mails (editorial/password_reset.py)."""

import ipaddress

from django.core.cache import cache

from pluginnovation.security import client_ip

WINDOW_SECONDS = 60 * 60


def client_key(request):
    """Whom a request counts against: its IPv4 address, or its IPv6 /64 network (a home or a
    host gets a whole /64 and may use any address in it, so single addresses would let one
    client go on without end)."""
    try:
        ip = ipaddress.ip_address(client_ip(request))
    except ValueError:  # none, or not an address: all such requests count together
        return "unknown"
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def allow(request, kind, per_hour):
    """Count one more `kind` for this client; False once past `per_hour` in the window."""
    return allow_for(kind, client_key(request), per_hour)


def allow_for(kind, who, per_hour):
    """Count one more `kind` for `who` (a client, an e-mail address's digest); False once past
    `per_hour` in the window."""
    key = f"ratelimit:{kind}:{who}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= per_hour
