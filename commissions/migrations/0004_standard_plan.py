"""The plan every broker is on until staff change it (the admin keeps plans): per calendar month, the tier
reached applying to every deal of the month, by completed deals: 1-5 at 2.0 %, 6-15 at 2.5 %, 16 and more
at 3.0 %; a referring broker takes 30 % of a deal's commission."""

from datetime import date
from decimal import Decimal

from django.db import migrations

TIERS = [(Decimal(1), Decimal("2.0")), (Decimal(6), Decimal("2.5")), (Decimal(16), Decimal("3.0"))]


def create_standard_plan(apps, schema_editor):
    CommissionPlan = apps.get_model("commissions", "CommissionPlan")
    CommissionTier = apps.get_model("commissions", "CommissionTier")
    plan, created = CommissionPlan.objects.get_or_create(
        name="Standard broker plan",
        broker=None,
        defaults={
            "basis": "deals", "period": "month", "application": "whole_period", "minimum_cad": Decimal(0),
            "referrer_share_percent": Decimal(30), "valid_from": date(2026, 1, 1),
        },
    )  # fmt: skip
    if created:
        CommissionTier.objects.bulk_create(
            CommissionTier(plan=plan, threshold=threshold, percent=percent) for threshold, percent in TIERS
        )


def remove_standard_plan(apps, schema_editor):
    apps.get_model("commissions", "CommissionPlan").objects.filter(name="Standard broker plan", broker=None).delete()


class Migration(migrations.Migration):
    dependencies = [("commissions", "0003_payouts")]

    operations = [migrations.RunPython(create_standard_plan, remove_standard_plan)]
