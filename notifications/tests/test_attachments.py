"""Files that go with an e-mail: named in the notification's context, read from storage when it is sent."""

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, DealerFactory
from notifications.models import MessageLog, MessageStatus
from notifications.services import notify
from notifications.tasks import dispatch_due_messages
from notifications.tests.test_delivery import time_zone_where_local_hour_is

pytestmark = pytest.mark.django_db


def stored_pdf(name: str, content: bytes) -> dict:
    stored_name = storages["default"].save(name, ContentFile(content))
    return {"storage": "default", "name": stored_name, "filename": name, "content_type": "application/pdf"}


def test_an_email_carries_its_attachments_read_from_storage(django_capture_on_commit_callbacks):
    buyer = BuyerFactory()
    attachment = stored_pdf("statement.pdf", b"%PDF-1.7 statement")
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            event="account.password_changed",
            recipients=[buyer],
            context={"changed_at": timezone.now(), "attachments": [attachment]},
        )
    assert mail.outbox[0].attachments == [("statement.pdf", b"%PDF-1.7 statement", "application/pdf")]
    assert MessageLog.objects.get(channel="email").items[0]["attachments"] == [attachment]


def test_one_email_carrying_several_notifications_attaches_the_files_of_each(django_capture_on_commit_callbacks):
    buyer = BuyerFactory(timezone=time_zone_where_local_hour_is(*range(9, 19)))
    subject_of_the_updates = DealerFactory()
    for name in ("first.pdf", "second.pdf"):
        notify(
            event="account.welcome",
            recipients=[buyer],
            context={"attachments": [stored_pdf(name, name.encode())]},
            related_object=subject_of_the_updates,
        )
    MessageLog.objects.filter(channel="email").update(send_after=timezone.now())  # the window has passed
    dispatch_due_messages()
    assert len(mail.outbox) == 1
    assert [(name, content) for name, content, _type in mail.outbox[0].attachments] == [
        ("first.pdf", b"first.pdf"),
        ("second.pdf", b"second.pdf"),
    ]


def test_an_email_whose_attachment_is_gone_fails_for_staff_to_see(django_capture_on_commit_callbacks):
    buyer = BuyerFactory()
    attachment = stored_pdf("statement.pdf", b"%PDF-1.7 statement")
    storages["default"].delete(attachment["name"])
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            event="account.password_changed",
            recipients=[buyer],
            context={"changed_at": timezone.now(), "attachments": [attachment]},
        )
    message = MessageLog.objects.get(channel="email")
    assert (message.status, message.error) == (
        MessageStatus.FAILED,
        "Attachment statement.pdf is missing from storage.",
    )
    assert mail.outbox == []
