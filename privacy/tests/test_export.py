"""The right of access: everything an account holds, and nothing of anyone else's."""

import json
from datetime import datetime

import pytest
from django.core import mail
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from deals.models import DealStatus
from deals.services import deal_release_hold
from deals.tests.factories import DealFactory
from documents.models import DocumentType
from documents.tests.factories import DocumentFactory
from leads.tests.factories import LeadFactory
from notifications.models import MessageLog, MessageStatus
from notifications.tasks import dispatch_due_messages
from privacy.models import DataRequest, DataRequestKind, DataRequestStatus
from privacy.services.exports import export_files_purge
from privacy.tests.conftest import link_in, zip_of
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


def test_a_buyers_export_holds_its_deal_and_nothing_of_the_dealer_or_another_buyer(client_for, api_client):
    deal = DealFactory(
        status=DealStatus.PENDING_PAYMENT, buyer__first_name="Awa", vehicle__dealer__username="harbour-auto"
    )
    buyer, dealer = deal.buyer, deal.dealer
    own_lead = LeadFactory(vehicle=deal.vehicle, buyer=buyer, message="Is the Camry still available?")
    identity = DocumentFactory(deal=deal, document_type=DocumentType.BUYER_ID, uploaded_by=buyer)
    DocumentFactory(deal=deal, original_name="dealer-bill-of-sale.pdf")  # the dealer's upload
    other_listing = VehicleFactory(dealer=dealer, vin="2T1BURHE0JC000001")
    other_buyer = BuyerFactory(username="second-buyer", email="second.buyer@example.com")
    LeadFactory(vehicle=other_listing, buyer=other_buyer, message="Second buyer asking about the other car")

    answer = client_for(buyer).get("/api/v1/privacy/export/")

    assert answer.status_code == 200, answer.json()
    assert answer.json()["status"] == "completed"
    expires_at = datetime.fromisoformat(answer.json()["expires_at"])
    assert expires_at.utcoffset() == timezone.localtime().utcoffset()  # the platform's time, not UTC's Z
    download = api_client.get(answer.json()["url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    archive = zip_of(download)
    document_file = f"files/documents/{identity.pk}-{identity.file.name.rsplit('/', 1)[-1]}"
    assert sorted(archive.namelist()) == sorted([
        "README.txt", document_file, *(f"{name}.json" for name in (
            "profile", "vehicles", "leads", "deals", "documents", "payments", "invoices", "commissions",
            "notifications", "consents", "sign_ins", "requests",
        )),
    ])  # fmt: skip
    assert archive.read(document_file) == identity.file.open("rb").read()
    read = {name: json.loads(archive.read(name)) for name in archive.namelist() if name.endswith(".json")}
    assert (read["profile.json"]["username"], read["profile.json"]["first_name"]) == (buyer.username, "Awa")
    assert [(row["id"], row["roles"]) for row in read["deals.json"]] == [(deal.pk, ["buyer"])]
    assert [(row["id"], row["message"]) for row in read["leads.json"]] == [(own_lead.pk, own_lead.message)]
    assert [row["id"] for row in read["documents.json"]] == [identity.pk]
    assert read["vehicles.json"] == []
    everything = b"".join(archive.read(name) for name in archive.namelist()).decode(errors="ignore")
    for others in (dealer.email, dealer.username, other_buyer.email, other_buyer.username, other_listing.vin,
                   "Second buyer asking", "dealer-bill-of-sale"):  # fmt: skip
        assert others not in everything
    assert "deals.json: Your deals and their timelines." in archive.read("README.txt").decode()
    data_request = DataRequest.objects.get(user=buyer)
    assert (data_request.kind, data_request.status) == (DataRequestKind.ACCESS, DataRequestStatus.COMPLETED)
    assert AuditLog.objects.filter(action="privacy.export", user=buyer, object_id=str(data_request.pk)).exists()


def test_the_texts_the_platform_stored_are_exported_in_the_persons_language(client_for, api_client):
    deal = DealFactory(is_on_hold=True, hold_reason="High fraud risk", buyer__preferred_language="fr")
    deal_release_hold(deal=deal, reviewer=StaffFactory(), note="Called the buyer")

    answer = client_for(deal.buyer).get("/api/v1/privacy/export/")

    deals = json.loads(zip_of(api_client.get(answer.json()["url"])).read("deals.json"))
    assert [event["reason"] for event in deals[0]["timeline"]] == ["Suspension levée : Called the buyer"]


def test_a_large_account_is_built_by_a_worker_and_its_link_e_mailed(
    client_for, api_client, settings, django_capture_on_commit_callbacks
):
    settings.PRIVACY_EXPORT_ASYNC_ABOVE_ROWS = 0
    buyer = LeadFactory().buyer
    with django_capture_on_commit_callbacks() as queued:
        first = client_for(buyer).get("/api/v1/privacy/export/")
        again = client_for(buyer).get("/api/v1/privacy/export/")
    assert (first.status_code, first.json()["url"], first.json()["status"]) == (202, None, "received")
    assert again.json()["request"] == first.json()["request"]  # asked again while it is built: the same request

    for callback in queued:
        callback()  # the worker builds it (Celery runs eagerly in tests)
    MessageLog.objects.filter(status=MessageStatus.QUEUED).update(send_after=timezone.now())
    dispatch_due_messages()

    (email,) = mail.outbox
    assert (email.to, email.subject) == ([buyer.email], "Your Nzila Export Hub data is ready to download")
    link = link_in(email.body)
    assert zip_of(api_client.get(link)).read("leads.json")
    assert api_client.get(link[:-5] + "xxxx/").status_code == 404

    settings.PRIVACY_EXPORT_LINK_DAYS = 0  # the link's days are over
    assert api_client.get(link).json()["code"] == "link_expired"
    data_request = DataRequest.objects.get()
    stored = data_request.export_file.name
    assert export_files_purge() == 1
    assert not data_request.export_file.storage.exists(stored)
