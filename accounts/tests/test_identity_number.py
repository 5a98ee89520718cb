"""A buyer's identity number: set through the profile, encrypted at rest, read back only masked."""

import pytest
from django.db import connection

from accounts.models import User
from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog

pytestmark = pytest.mark.django_db

ME = "/api/v1/users/me/"


def identity_column(user: User) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT identity_number FROM accounts_user WHERE id = %s", [user.pk])
        return cursor.fetchone()[0]


def test_a_buyer_sets_its_identity_number_and_reads_it_back_masked_only(client_for):
    buyer = BuyerFactory()
    client = client_for(buyer)

    response = client.patch(ME, {"identity_number": "  CI-A0123456789 "}, format="json")

    assert response.status_code == 200
    assert response.json()["identity_number_masked"] == "••••6789"
    assert "identity_number" not in response.json()
    shown = client.get(ME)
    assert shown.json()["identity_number_masked"] == "••••6789"
    for body in (response.content, shown.content, client.get(f"/api/v1/users/{buyer.pk}/").content):
        assert b"0123456789" not in body
    column = identity_column(buyer)
    assert column.startswith("gAAAAA")  # a Fernet token
    assert "0123456789" not in column
    assert User.objects.get(pk=buyer.pk).identity_number.reveal() == "CI-A0123456789"  # stripped
    record = AuditLog.objects.get(action="user.update_profile")
    assert record.changes == {"identity_number": [None, "••••6789"]}


def test_the_same_identity_number_again_is_no_change_and_an_empty_one_removes_it(client_for):
    buyer = BuyerFactory()
    client = client_for(buyer)
    client.patch(ME, {"identity_number": "P1234567"}, format="json")

    again = client.patch(ME, {"identity_number": "P1234567"}, format="json")
    removed = client.patch(ME, {"identity_number": ""}, format="json")

    assert (again.status_code, removed.status_code) == (200, 200)
    assert removed.json()["identity_number_masked"] == ""
    assert identity_column(buyer) == ""
    changes = [record.changes for record in AuditLog.objects.filter(action="user.update_profile").order_by("id")]
    assert changes == [{"identity_number": [None, "••••4567"]}, {"identity_number": ["••••4567", None]}]


@pytest.mark.parametrize("number", ["12", "A" * 31, "AB/123456", "P123 4567\n89", "123_4567"])
def test_a_malformed_identity_number_is_refused_with_its_field(client_for, number):
    buyer = BuyerFactory()

    response = client_for(buyer).patch(ME, {"identity_number": number}, format="json")

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "identity_number": ["An identity number is 4 to 30 letters, digits, spaces or dashes, as on the document."]
    }
    assert identity_column(buyer) == ""
    assert not AuditLog.objects.filter(action="user.update_profile").exists()


def test_staff_see_an_identity_number_masked_in_the_admin(client, admin_login):
    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    buyer = BuyerFactory()
    buyer.identity_number = "CI-A0123456789"
    buyer.save()

    page = client.get(f"/admin/accounts/user/{buyer.pk}/change/")

    assert page.status_code == 200
    assert "••••6789" in page.content.decode()
    assert "0123456789" not in page.content.decode()
