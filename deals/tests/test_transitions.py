from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import BrokerFactory, BuyerFactory, StaffFactory
from audit.models import AuditLog
from deals.models import Deal, DealEvent, DealStatus
from deals.services import deal_transition
from deals.tests.factories import DealFactory
from notifications.models import Notification
from vehicles.models import VehicleStatus

pytestmark = pytest.mark.django_db


def move(client, deal, to, **body):
    return client.post(f"/api/v1/deals/{deal.pk}/transition/", {"to": to, **body}, format="json")


@pytest.mark.parametrize(
    ("path", "description"),
    [
        ("/api/v1/deals/", "The vehicle is reserved by another open deal, or no longer listed."),
        ("/api/v1/deals/{id}/transition/", "The deal's status does not allow this move."),
        ("/api/v1/deals/{id}/review/", "The deal is not held, or its status does not allow cancelling it."),
        ("/api/v1/leads/{id}/convert/", "The lead was already converted into a deal, or its vehicle is reserved."),
    ],
)
def test_the_schema_documents_the_409_of_each_deal_write(client, path, description):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert schema["paths"][path]["post"]["responses"]["409"]["description"] == description


def test_a_move_outside_the_graph_is_a_409_and_changes_nothing(client_for):
    deal = DealFactory()
    response = move(client_for(deal.dealer), deal, "paid")
    assert response.status_code == 409
    assert response.json() == {
        "status": 409,
        "code": "invalid_transition",
        "detail": "Cannot move from “draft” to “paid” (possible from here: pending documents, cancelled).",
        "fields": {"to": ["Cannot move from “draft” to “paid” (possible from here: pending documents, cancelled)."]},
    }
    deal.refresh_from_db()
    assert deal.status == DealStatus.DRAFT
    assert not DealEvent.objects.exists()


def test_the_dealer_moves_a_draft_to_pending_documents_and_it_is_recorded(client_for):
    deal = DealFactory()
    assert move(client_for(deal.buyer), deal, "pending_documents").status_code == 403
    response = move(client_for(deal.dealer), deal, "pending_documents")
    assert response.status_code == 200
    assert response.json()["status"] == "pending_documents"
    event = DealEvent.objects.get(deal=deal)
    assert (event.from_status, event.to_status, event.actor) == ("draft", "pending_documents", deal.dealer)
    record = AuditLog.objects.get(action="deal.transition")
    assert record.changes == {"status": ["draft", "pending_documents"], "reason": ""}
    assert Notification.objects.filter(event="deal.moved", user=deal.buyer).exists()
    timeline = client_for(deal.buyer).get(f"/api/v1/deals/{deal.pk}/timeline/").json()
    assert [(row["from_status"], row["to_status"], row["actor"]) for row in timeline] == [
        ("draft", "pending_documents", deal.dealer.username)
    ]


def test_cancelling_needs_a_reason_and_frees_the_vehicle(client_for):
    deal = DealFactory(status=DealStatus.PENDING_DOCUMENTS)
    refused = move(client_for(deal.buyer), deal, "cancelled")
    assert refused.status_code == 400
    assert refused.json()["fields"] == {"reason": ["A reason is required to cancel a deal."]}

    response = move(client_for(deal.buyer), deal, "cancelled", reason="Found a car closer to home")
    assert response.status_code == 200
    assert response.json()["cancellation_reason"] == "Found a car closer to home"
    deal.vehicle.refresh_from_db()
    assert deal.vehicle.status == VehicleStatus.AVAILABLE


def test_a_buyer_cannot_cancel_a_paid_deal_but_staff_can(client_for):
    deal = DealFactory(status=DealStatus.PAID)
    assert move(client_for(deal.buyer), deal, "cancelled", reason="changed my mind").status_code == 403
    assert move(client_for(StaffFactory()), deal, "cancelled", reason="Refund agreed").status_code == 200


def test_nothing_cancels_a_deal_in_transit(client_for):
    deal = DealFactory(status=DealStatus.IN_TRANSIT)
    assert move(client_for(StaffFactory()), deal, "cancelled", reason="too late").status_code == 409


def test_each_party_sees_its_deal_and_nobody_else_does(client_for):
    broker = BrokerFactory()
    deal = DealFactory(broker=broker)
    other_deal = DealFactory()
    for party in (deal.dealer, deal.buyer, broker):
        body = client_for(party).get("/api/v1/deals/").json()
        assert [row["id"] for row in body["results"]] == [deal.pk]
    outsider = BuyerFactory()
    assert client_for(outsider).get("/api/v1/deals/").json()["count"] == 0
    assert client_for(outsider).get(f"/api/v1/deals/{deal.pk}/").status_code == 404
    assert move(client_for(outsider), deal, "cancelled", reason="x").status_code == 404
    assert client_for(StaffFactory()).get("/api/v1/deals/").json()["count"] == 2
    assert client_for(deal.buyer).get(f"/api/v1/deals/{other_deal.pk}/timeline/").status_code == 404


def test_deal_list_runs_a_fixed_number_of_queries(client_for, django_assert_num_queries):
    staff = StaffFactory()
    client = client_for(staff)
    DealFactory.create_batch(3)
    with django_assert_num_queries(5):  # request savepoint, user, count, page, release
        client.get("/api/v1/deals/?page_size=2")
    DealFactory.create_batch(10)
    with django_assert_num_queries(5):
        client.get("/api/v1/deals/?page_size=12")


@pytest.mark.django_db(transaction=True)
def test_two_moves_at_once_cannot_both_win(run_at_once):
    deal = DealFactory()

    def attempt():
        deal_transition(deal=deal, to=DealStatus.PENDING_DOCUMENTS, actor=deal.dealer)
        return "moved"

    assert sorted(run_at_once(attempt)) == ["invalid_transition", "moved"]
    assert DealEvent.objects.filter(deal=deal, to_status=DealStatus.PENDING_DOCUMENTS).count() == 1


def test_stalled_deals_are_flagged_and_filterable(client_for, settings):
    settings.DEAL_STALLED_AFTER_DAYS = {**settings.DEAL_STALLED_AFTER_DAYS, "draft": 7}
    stalled = DealFactory(status_changed_at=timezone.now() - timedelta(days=8))
    fresh = DealFactory(status_changed_at=timezone.now() - timedelta(days=2))
    staff_client = client_for(StaffFactory())
    body = staff_client.get("/api/v1/deals/?is_stalled=true").json()
    assert [row["id"] for row in body["results"]] == [stalled.pk]
    assert body["results"][0]["is_stalled"] is True
    assert [row["id"] for row in staff_client.get("/api/v1/deals/?is_stalled=false").json()["results"]] == [fresh.pk]
    held = DealFactory(is_on_hold=True, hold_reason="High fraud risk")
    assert [row["id"] for row in staff_client.get("/api/v1/deals/?is_on_hold=yes").json()["results"]] == [held.pk]
    for name in ("is_stalled", "is_on_hold"):  # were read as no filter: every deal
        refused = staff_client.get(f"/api/v1/deals/?{name}=maybe")
        assert (refused.status_code, refused.json()["fields"]) == (400, {name: ["Must be a valid boolean."]})


def test_deal_row_is_unchanged_after_refusals(client_for):
    deal = DealFactory()
    before = Deal.objects.filter(pk=deal.pk).values().get()
    move(client_for(deal.dealer), deal, "delivered")
    move(client_for(deal.buyer), deal, "pending_documents")
    move(client_for(deal.dealer), deal, "cancelled")
    assert Deal.objects.filter(pk=deal.pk).values().get() == before


def test_a_refused_move_names_the_missing_documents_as_the_dealer_reads_them(client_for):
    """The message is read by a person: the documents' names in the dealer's language, not their codes (the
    checklist gives the codes)."""
    deal = DealFactory(status=DealStatus.PENDING_DOCUMENTS, vehicle__dealer__preferred_language="fr")

    response = move(client_for(deal.dealer), deal, "pending_payment")

    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Des documents exigés avant le paiement ne sont pas encore vérifiés\xa0: Acte de vente, Certificat "
        "d'immatriculation (propriété), Recherche de privilèges, Facture commerciale."
    )
    deal.refresh_from_db()
    assert deal.status == DealStatus.PENDING_DOCUMENTS
