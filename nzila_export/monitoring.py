"""Error reporting. Sentry starts only when SENTRY_DSN is set, and never receives personal data."""

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration


def start_sentry(*, dsn: str, environment: str, traces_sample_rate: float, crons_enabled: bool) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(), CeleryIntegration(monitor_beat_tasks=crons_enabled)],
        send_default_pii=False,
        traces_sample_rate=traces_sample_rate,
    )
