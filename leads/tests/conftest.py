import pytest

from leads.destination_rules import destination_rule_rows, destination_rules_upsert
from leads.models import DestinationRule


@pytest.fixture(autouse=True)
def _destination_rules(db):
    """The rules the data migration loads. A transactional test elsewhere in the run (or an earlier
    run on the reused database) flushes every table, migration data included, so load them again
    when they are gone."""
    if not DestinationRule.objects.exists():
        destination_rules_upsert(model=DestinationRule, rows=destination_rule_rows())
