import socket
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal

import pytest
import stripe
from django.utils import timezone

from payments.models import ExchangeRate, RateSource

SECRET_KEY = "sk_test_nzila"


@pytest.fixture
def make_rate():
    def make(currency: str, cad_per_unit: str, on: date | None = None, source: str = RateSource.BANK_OF_CANADA):
        return ExchangeRate.objects.create(
            currency=currency, date=on or timezone.localdate(), cad_per_unit=Decimal(cad_per_unit), source=source,
            confirmed_at=timezone.now(),
        )  # fmt: skip

    return make


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def localstripe_url():
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "payments.tests.localstripe_server", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("localstripe did not start")
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def on_stripe(settings, localstripe_url):
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_API_BASE = localstripe_url
    settings.PAYMENTS_CARD_GATEWAY = "stripe"
    return stripe.StripeClient(SECRET_KEY, base_addresses={"api": localstripe_url})
