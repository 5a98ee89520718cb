"""Payments under repetition and concurrency, through the real code:

- the same Stripe webhook delivered 10 times leaves one charge in the ledger;
- 50 concurrent confirmations of one payment (threads, each with its own database connection) leave one;
- webhook handling throughput: signed payment_intent.succeeded events through the real view stack
  (Django's test client, in process), one after the other: verified, stored once and queued. Target: at
  least 200 events per second. Then the rate at which one worker applies them (ledger, deal, audit,
  notifications), reported for information.

Runs against its own database (BENCH_PAYMENTS_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/nzila_payments_bench), created and migrated on the first run, and its
own Redis database (BENCH_PAYMENTS_REDIS_URL, default redis://127.0.0.1:6379/8), whose queue it purges.

Seen here (1000 events): the same webhook 10 times and 50 concurrent confirmations each leave one
charge; 304 events/s answered through the inbox; one worker applies about 61 events/s.

    .venv/bin/python scripts/bench/payments_webhooks.py [--events 1000]
"""

import argparse
import hashlib
import hmac
import json
import os
import random
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BENCH_DATABASE_URL = os.environ.get(
    "BENCH_PAYMENTS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila_payments_bench"
)
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
# Its own Redis database too: the queue is purged at the end, so never the one a worker reads.
os.environ["REDIS_URL"] = os.environ.get("BENCH_PAYMENTS_REDIS_URL", "redis://127.0.0.1:6379/8")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nzila_export.settings")
os.environ["DEBUG"] = "false"
os.environ["LOG_LEVEL"] = "ERROR"
# Tasks are queued on Redis as in production (a worker applies events and sends messages, not the web
# process); this script plays the worker for the events and purges the queue at the end.
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
os.environ["CELERY_BROKER_URL"] = os.environ["REDIS_URL"]
os.environ["STRIPE_WEBHOOK_SECRET"] = SECRET = "whsec_bench"
os.environ["STRIPE_SECRET_KEY"] = "sk_test_bench"

import django  # noqa: E402

from scripts.create_database import database_create  # noqa: E402

TARGET_EVENTS_PER_SECOND = 200
CONCURRENT_CONFIRMATIONS = 50


def signed(body: str) -> str:
    timestamp = int(time.time())
    signature = hmac.new(SECRET.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


def succeeded_event(payment, event_id: str) -> str:
    data = {"id": payment.provider_reference, "object": "payment_intent", "amount": int(payment.amount * 100),
            "currency": "cad", "status": "succeeded", "metadata": {"payment_id": str(payment.pk)}}  # fmt: skip
    return json.dumps({"id": event_id, "object": "event", "type": "payment_intent.succeeded", "data": {"object": data}})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1000)
    arguments = parser.parse_args()
    database_create(BENCH_DATABASE_URL)
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
    from payments.services.payments import payment_confirm
    from payments.tests.factories import PayableDealFactory, StripePaymentFactory
    from webhooks.models import InboxEvent
    from webhooks.services import inbox_event_process

    call_command("migrate", verbosity=0, interactive=False)
    from accounts.models import User
    from accounts.tests.factories import UserFactory
    from payments.tests.factories import StripePaymentFactory as _PaymentFactory

    # Each run adds rows beside the earlier runs': the factories' numbering goes on where they stopped.
    UserFactory.reset_sequence((User.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1)
    _PaymentFactory.reset_sequence((Payment.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1)
    run = f"{int(time.time())}"
    client = Client()

    def deliver(body: str):
        return client.post("/api/v1/webhooks/stripe/", body, content_type="application/json",
                           HTTP_STRIPE_SIGNATURE=signed(body))  # fmt: skip

    failures = []
    from vehicles.vins import vin_random

    vin = vin_random(rng=random.Random(run), make="Toyota")  # noqa: S311 - a new car each run, not a secret
    deal = PayableDealFactory(agreed_price=Decimal("900000000"), vehicle__vin=vin)

    payment = StripePaymentFactory(deal=deal, amount=Decimal("10"), provider_reference=f"pi_replay_{run}")
    body = succeeded_event(payment, f"evt_replay_{run}")
    statuses = {deliver(body).status_code for _ in range(10)}
    for event_id in InboxEvent.objects.filter(event_id=f"evt_replay_{run}").values_list("pk", flat=True):
        inbox_event_process(event_id=event_id)  # what the worker does with the queued event
    charges = LedgerEntry.objects.filter(payment=payment, kind=LedgerEntryKind.CHARGE).count()
    print(f"same webhook delivered 10 times: answers {sorted(statuses)}, {charges} charge in the ledger")
    if charges != 1:
        failures.append("replayed webhook")

    payment = StripePaymentFactory(deal=deal, amount=Decimal("10"), provider_reference=f"pi_race_{run}",
                                   provider="sandbox", method="sandbox")  # fmt: skip
    Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.REQUIRES_ACTION)
    barrier = threading.Barrier(CONCURRENT_CONFIRMATIONS)

    def confirm():
        try:
            barrier.wait()
            payment_confirm(payment=Payment.objects.get(pk=payment.pk), user=None)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(CONCURRENT_CONFIRMATIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    charges = LedgerEntry.objects.filter(payment=payment, kind=LedgerEntryKind.CHARGE).count()
    print(f"{CONCURRENT_CONFIRMATIONS} concurrent confirmations of one payment: {charges} charge in the ledger")
    if charges != 1:
        failures.append("concurrent confirmations")

    payments = [
        StripePaymentFactory(deal=deal, amount=Decimal("10"), provider_reference=f"pi_{run}_{index}")
        for index in range(arguments.events)
    ]
    bodies = [succeeded_event(payment, f"evt_{run}_{index}") for index, payment in enumerate(payments)]
    started = time.perf_counter()
    answers = [deliver(body).status_code for body in bodies]
    elapsed = time.perf_counter() - started
    rate = arguments.events / elapsed
    print(f"webhook answers (verify, store once, queue): {arguments.events} events in {elapsed:.2f} s = "
          f"{rate:.0f} events/s (target {TARGET_EVENTS_PER_SECOND}); answers {sorted(set(answers))}")  # fmt: skip
    if rate < TARGET_EVENTS_PER_SECOND or set(answers) != {200}:
        failures.append("throughput")
    # What one worker then does with them: the ledger, the deal, the audit log and the notifications.
    stored = list(InboxEvent.objects.filter(event_id__startswith=f"evt_{run}_").values_list("pk", flat=True))
    started = time.perf_counter()
    for event_id in stored:
        inbox_event_process(event_id=event_id)
    elapsed = time.perf_counter() - started
    charged = LedgerEntry.objects.filter(payment__in=payments, kind=LedgerEntryKind.CHARGE).count()
    print(f"applying them, one worker: {len(stored)} events in {elapsed:.2f} s = {len(stored) / elapsed:.0f} "
          f"events/s; {charged} charges for {len(payments)} payments")  # fmt: skip
    if charged != len(payments):
        failures.append("applying")
    from nzila_export.celery import app

    app.control.purge()  # the queued events were applied above; the queued messages are not sent
    if failures:
        print("FAILED: " + ", ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
