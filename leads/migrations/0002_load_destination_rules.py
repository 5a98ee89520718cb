"""Load leads/data/destination_rules.csv into DestinationRule. Reversing removes the countries the
file names (staff-added countries stay)."""

from django.db import migrations

from leads.destination_rules import destination_rule_rows, destination_rules_upsert


def load(apps, schema_editor):
    destination_rules_upsert(model=apps.get_model("leads", "DestinationRule"), rows=destination_rule_rows())


def unload(apps, schema_editor):
    countries = [row["country"] for row in destination_rule_rows()]
    apps.get_model("leads", "DestinationRule").objects.filter(country__in=countries).delete()


class Migration(migrations.Migration):
    dependencies = [("leads", "0001_destination_rules")]

    operations = [migrations.RunPython(load, unload)]
