"""Send every confirmed alert subscriber one mail of what is new for them (run daily by cron),
and delete the subscriptions whose confirmation link expired unconfirmed."""

import time

from django.core.management.base import BaseCommand

from pluginnovation.alerts.digest import send_digests


class Command(BaseCommand):
    help = (
        "Skickar bevakningsmejl: nytt publikt innehåll sedan förra mejlet till varje bekräftad "
        "prenumerant, och tar bort obekräftade anmälningar vars länk har gått ut."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        outcome = send_digests()
        self.stdout.write(
            f"Skickade {outcome.sent} mejl, {outcome.nothing_new} utan nytt, "
            f"{outcome.failed} misslyckades, {outcome.removed_unconfirmed} obekräftade "
            f"borttagna ({time.monotonic() - started:.1f} s)."
        )
        if outcome.failed:
            self.stderr.write(
                f"{outcome.failed} mejl kunde inte skickas; de försöks igen nästa gång."
            )
