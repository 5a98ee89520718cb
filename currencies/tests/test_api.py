from decimal import Decimal

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_anyone_lists_currencies_with_exponent_and_current_rate(api_client, make_rate):
    make_rate("USD", "1.3950")
    make_rate("XOF", "0.002462051628")
    response = api_client.get("/api/v1/currencies/")
    assert response.status_code == 200
    by_code = {row["code"]: row for row in response.json()}
    assert list(by_code)[:3] == ["CAD", "USD", "EUR"]
    assert by_code["CAD"] == {
        "code": "CAD", "name": "Canadian Dollar", "exponent": 2, "cad_per_unit": "1.000000000000",
        "rate_date": timezone.localdate().isoformat(), "rate_source": "reference",
    }  # fmt: skip
    assert by_code["XOF"]["exponent"] == 0
    assert Decimal(by_code["USD"]["cad_per_unit"]) == Decimal("1.395")
    assert by_code["NGN"]["cad_per_unit"] is None
    assert by_code["NGN"]["rate_date"] is None


def test_currency_names_follow_the_language(api_client):
    response = api_client.get("/api/v1/currencies/", HTTP_ACCEPT_LANGUAGE="fr")
    assert {row["code"]: row["name"] for row in response.json()}["XOF"] == "franc CFA (BCEAO)"
