import pytest


@pytest.fixture(autouse=True)
def _todays_rates(todays_rates):
    """Listings in other currencies are valued in CAD at the day's rate: every test here has them."""
