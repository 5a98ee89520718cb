import importlib
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command

from audit.models import AuditLog
from leads.destination_rules import DESTINATION_RULES_FILE, DestinationRulesFileError, destination_rule_rows
from leads.models import DestinationRule
from leads.services import destination_rules_load

pytestmark = pytest.mark.django_db


def test_the_data_migration_loads_the_file_and_unloads_only_its_countries():
    migration = importlib.import_module("leads.migrations.0002_load_destination_rules")
    DestinationRule.objects.all().delete()
    staff_added = DestinationRule.objects.create(
        country="MA", name="Morocco", currency="MAD", sources="staff research", as_of="2026-01"
    )
    migration.load(django_apps, None)
    assert DestinationRule.objects.count() == 17
    migration.unload(django_apps, None)
    assert list(DestinationRule.objects.all()) == [staff_added]


def test_every_country_of_the_csv_is_loaded():
    assert DestinationRule.objects.count() == 16
    kenya = DestinationRule.objects.get(country="KE")
    assert (kenya.steering_allowed, kenya.max_age_years, kenya.age_counted_from) == ("RHD", 8, "first_registration")
    ivory_coast = DestinationRule.objects.get(country="CI")
    assert ivory_coast.max_age_years == 5
    assert ivory_coast.required_documents == [
        "bsc_cargo_tracking_note",
        "fdi_import_declaration",
        "ci_insurance_certificate",
    ]
    assert ivory_coast.ports == ["CIABJ", "CISPY"]
    assert ivory_coast.sources.startswith("financialafrik.com 2017-12-07")
    assert (ivory_coast.currency, ivory_coast.confidence, ivory_coast.as_of) == ("XOF", "high", "2025-12")
    assert DestinationRule.objects.get(country="GH").max_age_years is None
    assert DestinationRule.objects.get(country="TZ").required_documents == []


def test_command_restores_edited_values_and_keeps_other_countries(capsys):
    DestinationRule.objects.filter(country="CI").update(max_age_years=9, sources="edited")
    extra = DestinationRule.objects.create(
        country="MA", name="Morocco", currency="MAD", sources="staff research", as_of="2026-01"
    )
    call_command("load_destination_rules")
    assert "0 created, 16 updated" in capsys.readouterr().out
    ivory_coast = DestinationRule.objects.get(country="CI")
    assert ivory_coast.max_age_years == 5
    assert ivory_coast.sources.startswith("financialafrik.com")
    assert DestinationRule.objects.filter(pk=extra.pk).exists()
    record = AuditLog.objects.get(action="destination_rules.load")
    assert record.changes["updated"] == 16
    # What the file changed, with the values it replaced: only the edited country differed.
    assert record.changes["values"] == {
        "CI": {"max_age_years": [9, 5], "sources": ["edited", ivory_coast.sources]}
    }  # fmt: skip


def test_command_creates_missing_rules():
    DestinationRule.objects.filter(country__in=["KE", "UG"]).delete()
    assert destination_rules_load() == (2, 14)
    assert DestinationRule.objects.count() == 16


def test_a_file_without_the_expected_columns_loads_nothing(tmp_path: Path):
    bad_file = tmp_path / "rules.csv"
    bad_file.write_text("country,name\nMA,Morocco\n", encoding="utf-8")
    with pytest.raises(DestinationRulesFileError, match="missing columns"):
        destination_rules_load(path=bad_file)
    with pytest.raises(CommandError, match="missing columns"):
        call_command("load_destination_rules", file=bad_file)
    with pytest.raises(CommandError, match="No such file"):
        call_command("load_destination_rules", file=tmp_path / "absent.csv")
    assert not DestinationRule.objects.filter(country="MA").exists()


def test_the_project_reads_its_own_copy_of_the_file():
    assert DESTINATION_RULES_FILE.parent.name == "data"
    assert DESTINATION_RULES_FILE.parent.parent.name == "leads"
    assert len(destination_rule_rows()) == 16
