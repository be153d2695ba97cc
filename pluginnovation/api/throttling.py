"""How fast one client may call the API: a few hundred requests a minute per client address,
counted in the shared cache, so every app server counts the same client together."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from pluginnovation.security import client_ip


class ClientAddressThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, keyed on the address our own proxies saw.

    DRF's get_ident() trusts X-Forwarded-For according to NUM_PROXIES, a second setting that
    could disagree with TRUSTED_PROXY_COUNT; client_ip() is what the login lock-out uses.
    Nobody is signed in to the API (no authentication classes), so everyone is counted.
    """

    scope = "api"

    def get_rate(self):
        # Read when the throttle is made, not when DRF's module was imported, so a changed
        # REST_FRAMEWORK setting (a test, a deployment's override) takes effect.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_ident(self, request):
        return client_ip(request) or "unknown"
