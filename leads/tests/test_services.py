from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import BrokerFactory, BuyerFactory, DealerFactory
from audit.models import AuditLog
from leads.models import Lead, LeadContact, LeadStatus
from leads.services import (
    VehicleNotOpenForInquiries,
    lead_assign_broker,
    lead_contact_log,
    lead_create,
    lead_dealer_tell,
    lead_transition,
)
from leads.tasks import tell_dealers_of_new_leads
from leads.tests.factories import AvailableVehicleFactory, LeadFactory
from notifications.models import MessageLog, Notification
from nzila_export.exceptions import DomainError
from nzila_export.stored_text import stored_text_read
from nzila_export.transitions import InvalidTransition
from vehicles.models import VehicleStatus

pytestmark = pytest.mark.django_db


def _create(**overrides) -> Lead:
    fields = {
        "vehicle": overrides.pop("vehicle", None) or AvailableVehicleFactory(year=2022),
        "full_name": "Adaeze Okafor",
        "email": "adaeze@example.ng",
        "destination_country": "NG",
        "source": "website",
        **overrides,
    }
    return lead_create(**fields)


def test_an_anonymous_inquiry_with_a_known_buyer_s_email_is_linked_to_that_buyer():
    buyer = BuyerFactory(email="Adaeze@Example.ng")
    lead = _create(email="adaeze@example.NG", submitted_by=None)
    assert lead.buyer == buyer
    assert lead.dealer == lead.vehicle.dealer
    assert (lead.status, lead.destination_allowed, lead.destination_reasons) == ("new", True, [])
    assert lead.score == 66  # 30 engagement + 20 price + 6 website + 10 age
    assert (lead.priority, lead.next_action["action"]) == ("medium", "first_contact")
    record = AuditLog.objects.get(action="lead.create")
    assert record.object_id == str(lead.pk)
    assert record.changes["buyer"] == buyer.pk


def test_a_dealer_with_the_same_email_is_not_taken_for_the_buyer():
    DealerFactory(email="adaeze@example.ng")
    assert _create().buyer is None


def test_a_signed_in_buyer_is_the_lead_s_buyer_whatever_the_email():
    buyer = BuyerFactory()
    lead = _create(email="another@example.com", submitted_by=buyer)
    assert lead.buyer == buyer


def test_a_broker_who_submits_a_lead_is_assigned_to_it():
    broker = BrokerFactory()
    lead = _create(source="broker", submitted_by=broker)
    assert (lead.broker, lead.buyer) == (broker, None)
    assert lead.score == 30 + 20 + 12 + 0 + 10 + 10


def test_the_dealer_is_notified_of_a_new_lead_in_its_language_by_the_minute_job():
    dealer = DealerFactory(preferred_language="fr")
    lead = _create(vehicle=AvailableVehicleFactory(dealer=dealer, make="Honda", model="CR-V", year=2021))
    assert not Notification.objects.exists()  # the inquiry does not wait for it
    assert not MessageLog.objects.exists()
    assert tell_dealers_of_new_leads() == 1
    lead.refresh_from_db()
    assert lead.dealer_told_at is not None
    notification = Notification.objects.get(user=dealer, event="lead.received")
    assert notification.title == "Nouvelle demande : Honda CR-V 2021 de Adaeze Okafor"
    assert "Nigeria" in notification.body
    assert f"/api/v1/leads/{lead.pk}/" in notification.body
    email = MessageLog.objects.get(user=dealer, channel="email")
    assert (email.event, email.recipient, email.language) == ("lead.received", dealer.email, "fr")


def test_a_lead_on_a_refused_destination_is_taken_with_the_reasons():
    lead = _create(destination_country="KE")
    tell_dealers_of_new_leads()
    assert lead.pk is not None
    assert lead.destination_allowed is False
    assert [stored_text_read(reason) for reason in lead.destination_reasons] == [
        "Kenya admits right-hand-drive cars only, and cars from Canada are left-hand drive."
    ]
    assert lead.next_action["action"] == "offer_eligible_alternatives"
    assert "Kenya admits right-hand-drive cars only" in Notification.objects.get(event="lead.received").body


def test_each_dealer_is_told_once_however_often_the_job_runs():
    first = _create()
    already_told = _create(email="another@example.ng")
    assert lead_dealer_tell(lead_id=already_told.pk) is True
    told_at = Lead.objects.get(pk=already_told.pk).dealer_told_at
    second = _create(email="third@example.ng")

    assert tell_dealers_of_new_leads() == 2
    assert tell_dealers_of_new_leads() == 0
    assert lead_dealer_tell(lead_id=first.pk) is False
    told = Notification.objects.filter(event="lead.received").values_list("related_key", flat=True)
    assert sorted(told) == sorted(f"leads.lead:{lead.pk}" for lead in (first, already_told, second))
    assert MessageLog.objects.filter(event="lead.received", channel="email").count() == 3
    assert Lead.objects.get(pk=already_told.pk).dealer_told_at == told_at


@pytest.mark.parametrize("status", [VehicleStatus.DRAFT, VehicleStatus.SOLD, VehicleStatus.RESERVED])
def test_no_lead_on_a_vehicle_that_is_not_available(status):
    vehicle = AvailableVehicleFactory(status=status)
    with pytest.raises(VehicleNotOpenForInquiries) as refusal:
        _create(vehicle=vehicle)
    assert (refusal.value.field, refusal.value.message) == ("vehicle", "This vehicle is not available for inquiries.")
    assert not Lead.objects.exists()
    assert not Notification.objects.exists()


def test_status_moves_along_the_allowed_path_and_is_audited():
    lead = LeadFactory()
    dealer = lead.dealer
    for status in ["contacted", "qualified", "negotiating", "converted"]:
        lead = lead_transition(lead=lead, status=status, user=dealer)
    lead.refresh_from_db()
    assert lead.status == "converted"
    assert lead.conversion_probability == 1
    assert lead.next_action == {
        "action": "none",
        "reason": {"message": "The lead is converted.", "values": {}},
        "due_within_hours": None,
    }
    changes = [record.changes["status"] for record in AuditLog.objects.filter(action="lead.transition").order_by("id")]
    assert changes == [
        ["new", "contacted"],
        ["contacted", "qualified"],
        ["qualified", "negotiating"],
        ["negotiating", "converted"],
    ]


def test_lost_needs_a_reason_and_a_refusal_changes_nothing():
    lead = LeadFactory(status=LeadStatus.CONTACTED, score=50)
    with pytest.raises(DomainError) as refusal:
        lead_transition(lead=lead, status="lost", lost_reason="  ")
    assert refusal.value.field == "lost_reason"
    lead.refresh_from_db()
    assert (lead.status, lead.lost_reason, lead.score) == ("contacted", "", 50)
    assert not AuditLog.objects.filter(action="lead.transition").exists()

    lead = lead_transition(lead=lead, status="lost", lost_reason="Bought a car locally")
    assert (lead.status, lead.lost_reason, lead.conversion_probability) == ("lost", "Bought a car locally", 0)


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        (
            "converted",
            "contacted",
            "Cannot move from “converted” to “contacted” (possible from here: none, it is final).",
        ),
        ("lost", "new", "Cannot move from “lost” to “new” (possible from here: none, it is final)."),
        (
            "new",
            "negotiating",
            "Cannot move from “new” to “negotiating” (possible from here: contacted, qualified, lost).",
        ),
        ("qualified", "qualified", "The lead is already qualified."),
    ],
)
def test_refused_transitions_say_why_and_change_nothing(current, target, message):
    lead = LeadFactory(status=current)
    updated_at = lead.updated_at
    with pytest.raises(InvalidTransition) as refusal:
        lead_transition(lead=lead, status=target)
    assert refusal.value.message == message
    assert refusal.value.status_code == 409
    lead.refresh_from_db()
    assert (lead.status, lead.updated_at) == (current, updated_at)
    assert not AuditLog.objects.filter(action="lead.transition").exists()


def test_a_contact_moves_last_contacted_at_and_makes_a_new_lead_contacted():
    lead = LeadFactory()
    dealer = lead.dealer
    contact = lead_contact_log(lead=lead, channel="whatsapp", note="Sent photos and the shipping quote.", user=dealer)
    lead.refresh_from_db()
    assert lead.last_contacted_at == contact.contacted_at
    assert lead.status == "contacted"
    assert lead.next_action["action"] == "qualify"
    assert contact.contacted_by == dealer
    record = AuditLog.objects.get(action="lead.contact")
    assert record.changes["status"] == ["new", "contacted"]


def test_an_earlier_contact_logged_late_does_not_move_last_contacted_at_back():
    lead = LeadFactory(status=LeadStatus.CONTACTED)
    Lead.objects.filter(pk=lead.pk).update(created_at=timezone.now() - timedelta(days=2))
    lead.refresh_from_db()
    latest = lead_contact_log(lead=lead, channel="phone", note="Called.")
    lead_contact_log(
        lead=lead, channel="email", note="Yesterday's e-mail.", contacted_at=timezone.now() - timedelta(days=1)
    )
    lead.refresh_from_db()
    assert lead.last_contacted_at == latest.contacted_at
    assert lead.contacts.count() == 2


def test_no_contact_in_the_future_or_on_a_closed_lead():
    lead = LeadFactory()
    with pytest.raises(DomainError) as future:
        lead_contact_log(lead=lead, channel="phone", note="x", contacted_at=timezone.now() + timedelta(hours=1))
    assert future.value.field == "contacted_at"
    closed = LeadFactory(status=LeadStatus.CONVERTED)
    with pytest.raises(InvalidTransition):
        lead_contact_log(lead=closed, channel="phone", note="x")
    assert not LeadContact.objects.exists()
    lead.refresh_from_db()
    assert (lead.status, lead.last_contacted_at) == ("new", None)


def test_no_contact_before_the_lead_came_in_but_a_slow_clock_is_forgiven():
    lead = LeadFactory()
    with pytest.raises(DomainError) as before:
        lead_contact_log(lead=lead, channel="phone", note="x", contacted_at=lead.created_at - timedelta(days=1))
    assert before.value.field == "contacted_at"
    assert before.value.message == "A contact cannot come before the lead came in."
    assert not LeadContact.objects.exists()
    lead.refresh_from_db()
    assert (lead.status, lead.last_contacted_at) == ("new", None)
    a_minute_before = lead.created_at - timedelta(minutes=1)
    contact = lead_contact_log(lead=lead, channel="phone", note="x", contacted_at=a_minute_before)
    assert contact.contacted_at == a_minute_before


def test_assigning_a_broker_adds_ten_points_and_only_brokers_can_be_assigned():
    lead = lead_create(
        vehicle=AvailableVehicleFactory(), full_name="Kofi", email="kofi@example.gh", destination_country="GH"
    )
    score = lead.score
    with pytest.raises(DomainError) as refusal:
        lead_assign_broker(lead=lead, broker=BuyerFactory())
    assert refusal.value.field == "broker"
    broker = BrokerFactory()
    lead = lead_assign_broker(lead=lead, broker=broker, user=lead.dealer)
    assert (lead.broker, lead.score) == (broker, score + 10)
    assert AuditLog.objects.get(action="lead.assign_broker").changes == {"broker": [None, broker.pk]}
    lead = lead_assign_broker(lead=lead, broker=None)
    assert (lead.broker, lead.score) == (None, score)
