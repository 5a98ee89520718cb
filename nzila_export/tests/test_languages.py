"""The API answers in the caller's language: the signed-in caller's profile, else Accept-Language, else
English (nzila_export.api.languages), with Content-Language saying which."""

import pytest
from rest_framework.test import APIClient

from accounts.tests.factories import BuyerFactory, DealerFactory, StaffFactory
from deals.models import DealEvent, DealStatus
from deals.tests.factories import DealFactory
from leads.models import Lead, LeadStatus
from leads.tests.factories import LeadFactory
from vehicles.models import VehicleStatus
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"  # French typography: before a colon and inside « »


def transition(client, deal, to, *, language: str | None = None, **body):
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    return client.post(f"/api/v1/deals/{deal.pk}/transition/", {"to": to, **body}, format="json", **headers)


def test_a_french_buyer_is_refused_in_french_and_nothing_changes(client_for):
    deal = DealFactory(buyer=BuyerFactory(preferred_language="fr"))
    response = transition(client_for(deal.buyer), deal, DealStatus.PENDING_DOCUMENTS)
    message = f"Vous ne pouvez pas faire passer cette transaction au statut «{NBSP}en attente de documents{NBSP}»."
    assert response.status_code == 403
    assert response["Content-Language"] == "fr"
    assert response.json() == {
        "status": 403,
        "code": "permission_denied",
        "detail": message,
        "fields": {"to": [message]},
    }
    deal.refresh_from_db()
    assert deal.status == DealStatus.DRAFT
    assert not DealEvent.objects.filter(deal=deal).exists()


def test_a_french_buyer_gets_a_cancellation_refusal_in_french(client_for):
    deal = DealFactory(buyer=BuyerFactory(preferred_language="fr"))
    response = transition(client_for(deal.buyer), deal, DealStatus.CANCELLED, reason="  ")
    assert response.status_code == 400
    assert response.json()["fields"] == {"reason": ["Veuillez indiquer un motif pour annuler une transaction."]}


def test_a_french_buyer_inquiring_about_a_sold_car_is_refused_in_french(client_for):
    vehicle = VehicleFactory(status=VehicleStatus.SOLD)
    body = {"vehicle": vehicle.pk, "full_name": "Awa Koné", "email": "awa@example.com", "destination_country": "CI"}
    response = client_for(BuyerFactory(preferred_language="fr")).post("/api/v1/leads/", body, format="json")
    message = "Ce véhicule n'est pas disponible pour des demandes de renseignements."
    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "code": "vehicle_unavailable",
        "detail": message,
        "fields": {"vehicle": [message]},
    }
    assert not Lead.objects.exists()


def test_a_french_dealer_working_a_lead_is_refused_in_french(client_for):
    lead = LeadFactory(vehicle__dealer=DealerFactory(preferred_language="fr"))
    response = client_for(lead.dealer).patch(f"/api/v1/leads/{lead.pk}/", {"status": "lost"}, format="json")
    assert response.status_code == 400
    assert response.json()["detail"] == "Indiquez pourquoi le prospect a été perdu."
    assert response.json()["fields"] == {"lost_reason": ["Indiquez pourquoi le prospect a été perdu."]}
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW


def test_an_anonymous_caller_gets_validation_messages_in_its_accept_language(api_client):
    body = {"vehicle": 999999, "email": "not an address", "destination_country": "CI"}
    response = api_client.post("/api/v1/leads/", body, format="json", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")
    assert response.status_code == 400
    assert response["Content-Language"] == "fr"
    assert response.json() == {
        "status": 400,
        "code": "invalid",
        "detail": "Saisie invalide.",
        "fields": {
            "vehicle": ["Aucun véhicule ne porte ce numéro."],
            "full_name": ["Ce champ est obligatoire."],
            "email": ["Saisissez une adresse e-mail valide."],
        },
    }
    english = api_client.post("/api/v1/leads/", body, format="json")
    assert english["Content-Language"] == "en"
    assert english.json()["fields"]["vehicle"] == ["No vehicle with this id."]


def test_the_profile_language_wins_over_accept_language(client_for):
    english_deal = DealFactory(buyer=BuyerFactory(preferred_language="en"))
    response = transition(client_for(english_deal.buyer), english_deal, "pending_documents", language="fr")
    assert response.status_code == 403
    assert response["Content-Language"] == "en"
    assert response.json()["detail"] == "You may not move this deal to pending documents."

    french_deal = DealFactory(buyer=BuyerFactory(preferred_language="fr"))
    response = transition(client_for(french_deal.buyer), french_deal, "pending_documents", language="en")
    assert response["Content-Language"] == "fr"
    assert response.json()["detail"].startswith("Vous ne pouvez pas")


def test_session_callers_get_their_profile_language_in_the_api_and_the_admin(admin_login):
    deal = DealFactory(buyer=BuyerFactory(preferred_language="fr"))
    client = APIClient()
    client.force_login(deal.buyer)
    response = transition(client, deal, DealStatus.PENDING_DOCUMENTS, language="en")
    assert response.status_code == 403
    assert response["Content-Language"] == "fr"
    assert response.json()["detail"].startswith("Vous ne pouvez pas")

    admin = APIClient()
    admin_login(admin, StaffFactory(is_superuser=True, preferred_language="fr"))
    page = admin.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert page["Content-Language"] == "fr"
    assert '<html lang="fr"' in page.content.decode()


def test_choosing_a_language_answers_in_it_from_then_on(client_for):
    client = client_for(BuyerFactory(preferred_language="en"))
    response = client.post("/api/v1/users/me/language/", {"language": "fr"}, format="json")
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    assert client.get("/api/v1/users/me/")["Content-Language"] == "fr"


def test_errors_outside_the_views_follow_accept_language(client):
    response = client.get("/no/such/page/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert response["Content-Language"] == "fr"
    assert response.json() == {"status": 404, "code": "not_found", "detail": "Non trouvé."}


def test_a_failed_sign_in_is_answered_in_accept_language(api_client):
    BuyerFactory(username="awa")
    body = {"username": "awa", "password": "not her password"}
    response = api_client.post("/api/v1/auth/token/", body, format="json", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 401
    assert response.json()["detail"] == "Aucun compte actif n'a été trouvé avec les identifiants fournis"
