import pytest


@pytest.fixture(autouse=True)
def _destination_rules(destination_rules):
    """Leads check their destination's rules: every test here has them."""
