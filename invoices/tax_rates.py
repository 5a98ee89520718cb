"""The tax rates shipped with the project (invoices/data/tax_rates.csv): loaded by a data migration, and
by the tests after a transactional test has flushed the tables. Staff keep them current in the admin."""

import csv
from pathlib import Path

TAX_RATES_CSV = Path(__file__).resolve().parent / "data" / "tax_rates.csv"


def tax_rates_load(*, model) -> None:
    """Create or update one row per (regime, code, valid_from) of the CSV; `model` is the TaxRate model
    (the historical one in a migration)."""
    with TAX_RATES_CSV.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            model.objects.update_or_create(
                regime=row["regime"],
                code=row["code"],
                valid_from=row["valid_from"],
                defaults={**row, "valid_until": row["valid_until"] or None},
            )
