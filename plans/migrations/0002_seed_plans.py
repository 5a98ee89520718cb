"""The three plans as shipped (plans.seed); staff edit them in the admin from then on."""

from django.db import migrations


def seed(apps, schema_editor):
    from plans.seed import PLANS

    Plan = apps.get_model("plans", "Plan")
    for spec in PLANS:
        Plan.objects.get_or_create(code=spec["code"], defaults=spec)


def unseed(apps, schema_editor):
    apps.get_model("plans", "Plan").objects.filter(subscriptions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
