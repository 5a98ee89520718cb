from leads.tests.conftest import _destination_rules  # noqa: F401  (autouse: the rules the data migration loads)
