"""Signed links to a ticket's attachments (nzila_export.signed_links), as for export documents: whoever may
see the ticket gets a link valid for ATTACHMENT_LINK_MAX_AGE; opening it is audited as the user it was made for."""

from datetime import timedelta

from accounts.models import User
from audit.services import audit_record
from nzila_export.signed_links import DownloadLink, DownloadLinkInvalid, signed_link_make, signed_link_open
from support.models import TicketAttachment

ATTACHMENT_LINK_MAX_AGE = timedelta(minutes=5)
SALT = "support.attachment"


def attachment_download_link(*, attachment: TicketAttachment, user) -> DownloadLink:
    return signed_link_make(
        view_name="support-attachment-download",
        payload={"attachment": attachment.pk, "user": user.pk},
        salt=SALT,
        max_age=ATTACHMENT_LINK_MAX_AGE,
    )


def attachment_download_open(*, token: str) -> TicketAttachment:
    payload = signed_link_open(token=token, lifetimes={SALT: ATTACHMENT_LINK_MAX_AGE})
    attachment = TicketAttachment.objects.filter(pk=payload.get("attachment")).first()
    if attachment is None:
        raise DownloadLinkInvalid()
    user = User.objects.filter(pk=payload.get("user")).first()
    audit_record(action="support.attachment_download", instance=attachment.ticket, user=user,
                 changes={"attachment": attachment.pk})  # fmt: skip
    return attachment
