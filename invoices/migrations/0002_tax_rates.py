"""The tax rates in force (invoices/data/tax_rates.csv): GST, HST, QST and the export zero-rating, with
their effective dates (Nova Scotia's HST went from 15 % to 14 % on 2025-04-01)."""

from django.db import migrations

from invoices.tax_rates import tax_rates_load


def load_tax_rates(apps, schema_editor):
    tax_rates_load(model=apps.get_model("invoices", "TaxRate"))


def remove_tax_rates(apps, schema_editor):
    apps.get_model("invoices", "TaxRate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("invoices", "0001_initial")]

    operations = [migrations.RunPython(load_tax_rates, remove_tax_rates)]
