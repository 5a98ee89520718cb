from datetime import timedelta

import factory
from django.utils import timezone

from shipments.tests.factories import ShipmentFactory
from support.models import FaqCategory, FaqEntry, Ticket, TicketCategory, TicketStatus


class TicketFactory(factory.django.DjangoModelFactory):
    """A ticket as stored, on a shipment of its opener (a buyer), with the normal priority's targets;
    tests of opening and moving tickets go through the API and services."""

    class Meta:
        model = Ticket

    shipment = factory.SubFactory(ShipmentFactory)
    opened_by = factory.LazyAttribute(lambda ticket: ticket.shipment.deal.buyer)
    subject = "Where is my car?"
    category = TicketCategory.DELAY
    status = TicketStatus.OPEN
    first_response_due_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=8))
    resolution_due_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=48))


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqEntry

    category = FaqCategory.SHIPPING
    question_en = "How long does shipping to Abidjan take?"
    answer_en = "About four weeks from Halifax."
    question_fr = "Combien de temps dure l'expédition vers Abidjan ?"
    answer_fr = "Environ quatre semaines depuis Halifax."
    is_published = True
