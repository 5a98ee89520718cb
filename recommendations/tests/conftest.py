import pytest


@pytest.fixture(autouse=True)
def _destination_rules(destination_rules):
    """Recommendations keep to what the buyer's country admits: every test here has the rules."""
