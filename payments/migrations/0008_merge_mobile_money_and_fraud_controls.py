"""Joins the two branches of Payments II, made side by side: mobile money (0006) and fraud controls (0007).
Nothing to migrate: a merge, reversible as such."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0006_mobile_money_payments"),
        ("payments", "0007_fraud_controls"),
    ]

    operations = []
