import pytest
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from accounts.models import User

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_signs_in():
    call_command("seed_demo")
    call_command("seed_demo")
    roles = sorted(User.objects.values_list("role", flat=True))
    assert roles == ["broker", "buyer", "buyer", "dealer", "dealer", "staff"]
    staff = User.objects.get(username="staff")
    assert (staff.is_staff, staff.is_superuser) == (True, True)
    assert User.objects.get(username="buyer_abidjan").check_password(DEMO_PASSWORD)
