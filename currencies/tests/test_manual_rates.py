from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from audit.models import AuditLog
from currencies.models import ExchangeRate, RateSource

pytestmark = pytest.mark.django_db


def test_set_exchange_rate_marks_the_rate_manual_and_audits_the_value_it_replaced(make_rate):
    make_rate("NGN", "0.00090", date(2026, 11, 20))
    call_command("set_exchange_rate", "ngn", "0.00096", "--date", "2026-11-20", "--note", "feed down")
    rate = ExchangeRate.objects.get(currency="NGN", date=date(2026, 11, 20))
    assert (rate.cad_per_unit, rate.source, rate.note) == (Decimal("0.000960000000"), RateSource.MANUAL, "feed down")
    log = AuditLog.objects.get(action="exchange_rate.set")
    assert log.changes["cad_per_unit"] == ["0.000900000000", "0.000960000000"]
    assert log.changes["source"] == ["bank_of_canada", "manual"]


def test_set_exchange_rate_defaults_to_today():
    call_command("set_exchange_rate", "USD", "1.39")
    assert ExchangeRate.objects.get(currency="USD").date == timezone.localdate()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["XOF", "0.0025"], "fixed at 655.957 per euro"),
        (["CAD", "1"], "reference currency"),
        (["USD", "-1"], "positive"),
        (["USD", "abc"], "not a number"),
        (["ZZZ", "1"], "not a supported currency"),
        (["USD", "1.3", "--date", "20-11-2026"], "YYYY-MM-DD"),
    ],
)
def test_set_exchange_rate_refuses_what_it_cannot_store(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("set_exchange_rate", *arguments)
    assert not ExchangeRate.objects.exists()
    assert not AuditLog.objects.filter(action="exchange_rate.set").exists()


def test_staff_enter_a_rate_in_the_admin_and_it_is_manual_and_audited(client, admin_login):
    from accounts.tests.factories import StaffFactory

    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    response = client.post(
        "/admin/currencies/exchangerate/add/",
        {"currency": "EUR", "date": "2026-11-20", "cad_per_unit": "1.6200", "note": "Bank late"},
    )
    assert response.status_code == 302, response.content[:2000]
    eur = ExchangeRate.objects.get(currency="EUR")
    assert (eur.source, eur.entered_by) == (RateSource.MANUAL, staff)
    assert ExchangeRate.objects.get(currency="XOF").source == RateSource.PARITY
    assert AuditLog.objects.get(action="exchange_rate.set").user == staff
    assert client.get("/admin/currencies/exchangerate/").status_code == 200
    assert client.post(f"/admin/currencies/exchangerate/{eur.pk}/delete/").status_code == 403
    assert BuyerFactory  # buyers never reach the admin (covered by the admin site itself)


def test_the_admin_refuses_a_pegged_currency_and_replaces_a_feed_rate_of_the_same_day(client, make_rate, admin_login):
    from accounts.tests.factories import StaffFactory

    admin_login(client, StaffFactory(is_superuser=True))
    refused = client.post(
        "/admin/currencies/exchangerate/add/", {"currency": "XOF", "date": "2026-11-20", "cad_per_unit": "0.0025"}
    )
    assert refused.status_code == 200
    assert "fixed at 655.957 per euro" in refused.content.decode()
    assert not ExchangeRate.objects.exists()
    feed = make_rate("USD", "1.39", date(2026, 11, 20))
    added = client.post(
        "/admin/currencies/exchangerate/add/", {"currency": "USD", "date": "2026-11-20", "cad_per_unit": "1.41"}
    )
    assert added.status_code == 302, added.context["adminform"].form.errors
    feed.refresh_from_db()
    assert (feed.cad_per_unit, feed.source) == (Decimal("1.410000000000"), RateSource.MANUAL)
    changed = client.post(f"/admin/currencies/exchangerate/{feed.pk}/change/", {"cad_per_unit": "1.42", "note": "typo"})
    assert changed.status_code == 302
    feed.refresh_from_db()
    assert feed.cad_per_unit == Decimal("1.420000000000")
    assert AuditLog.objects.filter(action="exchange_rate.set").count() == 2
