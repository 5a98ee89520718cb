import pytest

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from notifications.models import ChannelPreference, SuppressedRecipient

pytestmark = pytest.mark.django_db


def test_staff_changing_a_consent_or_lifting_a_suppression_in_the_admin_is_audited(client, admin_login):
    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    buyer = BuyerFactory()
    preference = ChannelPreference.objects.create(user=buyer, channel="whatsapp", category="marketing", enabled=True)
    changed = client.post(
        f"/admin/notifications/channelpreference/{preference.pk}/change/",
        {"user": buyer.pk, "channel": "whatsapp", "category": "marketing"},  # unticked: consent withdrawn
    )
    assert changed.status_code == 302
    record = AuditLog.objects.get(action="channel_preference.staff_edit")
    assert (record.user, record.object_id, record.changes) == (staff, str(preference.pk), {"enabled": [True, False]})

    suppression = SuppressedRecipient.objects.create(channel="email", address="a@example.com", reason="bounced")
    lifted = client.post(f"/admin/notifications/suppressedrecipient/{suppression.pk}/delete/", {"post": "yes"})
    assert lifted.status_code == 302
    record = AuditLog.objects.get(action="suppressed_recipient.staff_delete")
    assert (record.user, record.object_id) == (staff, str(suppression.pk))
    assert {name: record.changes[name] for name in ("channel", "address", "reason")} == {
        "channel": ["email", None], "address": ["a@example.com", None], "reason": ["bounced", None]
    }  # fmt: skip
