"""Invoice PDFs: median time of our HTML to PDF path (invoices.services.pdf.pdf_from_html: one font
configuration per process, fonts loaded once) against a bare `weasyprint.HTML(string=html).write_pdf()`
of the same HTML, side by side in one run (alternating, after a warm-up). Ours includes building the
HTML from the invoice's rows each time. Target: ours at most 1.2 times the bare one.

Runs against its own database (BENCH_INVOICES_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/nzila_invoices_bench), created and migrated on the first run; the
invoice is made in a transaction rolled back at the end, so nothing is kept and nothing is queued.

    .venv/bin/python scripts/bench/invoice_pdf.py [--iterations 30]
"""

import argparse
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BENCH_DATABASE_URL = os.environ.get(
    "BENCH_INVOICES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila_invoices_bench"
)
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nzila_export.settings")
os.environ["DEBUG"] = "false"
os.environ["LOG_LEVEL"] = "ERROR"  # WeasyPrint and fontTools log every font they subset

import django  # noqa: E402

from scripts.create_database import database_create  # noqa: E402

TARGET_RATIO = 1.2
WARM_UP = 2


def issued_invoice():
    """A French buyer's CIF invoice, issued (call inside a transaction that is rolled back)."""
    from deals.models import Incoterm
    from invoices.services.drafting import invoice_draft_for_deal
    from invoices.services.issuing import invoice_issue
    from payments.tests.factories import PayableDealFactory

    deal = PayableDealFactory(
        incoterm=Incoterm.CIF, agreed_price=Decimal("18000.00"), buyer__preferred_language="fr",
        buyer__company_name="Sahel Motors SARL", buyer__address="Rue du Commerce 12, Plateau, Abidjan",
        buyer__country="CI", vehicle__dealer__company_name="Harbour Auto Halifax",
    )  # fmt: skip
    return invoice_issue(invoice=invoice_draft_for_deal(deal=deal), user=deal.dealer)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=30)
    arguments = parser.parse_args()
    database_create(BENCH_DATABASE_URL)
    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from weasyprint import HTML

    from invoices.services.pdf import invoice_html, pdf_from_html

    call_command("migrate", verbosity=0, interactive=False)
    with transaction.atomic():
        invoice = issued_invoice()
        html = invoice_html(invoice=invoice)
        # Ours is the whole render: the HTML built from the rows (template, QR code), then the PDF.
        paths = {
            "ours": lambda: pdf_from_html(html=invoice_html(invoice=invoice)),
            "bare": lambda: HTML(string=html).write_pdf(),
        }
        timings = {name: [] for name in paths}
        for iteration in range(WARM_UP + arguments.iterations):
            for name, render in paths.items():
                started = time.perf_counter()
                render()
                if iteration >= WARM_UP:
                    timings[name].append((time.perf_counter() - started) * 1000)
        transaction.set_rollback(True)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    ratio = medians["ours"] / medians["bare"]
    print(f"ours (HTML from the rows, then PDF): median {medians['ours']:.1f} ms over {arguments.iterations} renders")
    print(f"bare WeasyPrint of the same HTML:    median {medians['bare']:.1f} ms over {arguments.iterations} renders")
    print(f"ratio ours / bare: {ratio:.2f} (target <= {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
