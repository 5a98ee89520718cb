import pytest
from django.test import Client
from django.urls import path
from rest_framework.views import APIView

from accounts.models import User
from accounts.services import user_update_profile
from accounts.tests.factories import BuyerFactory
from leads.models import Lead
from nzila_export.exceptions import Conflict
from nzila_export.middleware import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.django_db


class ExplodingView(APIView):
    permission_classes = []

    def get(self, request):
        raise RuntimeError("boom")


class RefusingView(APIView):
    permission_classes = []

    def get(self, request):
        raise Conflict("This deal is already paid.", field="status")


class ProfileView(APIView):
    """A view calling the real profile service with what it is given: its model validation (full_clean)
    raises Django's ValidationError."""

    permission_classes = []

    def post(self, request):
        user_update_profile(user=User.objects.get(username=request.data["username"]), data={"timezone": "Mars/Base"})


urlpatterns = [
    path("explode/", ExplodingView.as_view()),
    path("refuse/", RefusingView.as_view()),
    path("profile/", ProfileView.as_view()),
]
handler500 = "nzila_export.api.errors.server_error"


def test_unknown_url_is_a_json_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": 404, "code": "not_found", "detail": "Not found."}


@pytest.mark.parametrize(
    "url",
    ["/api/v1/vehicles//", "/api/v1/vehicles//photos/0/", "/api/v1/no/such/thing/", "/api/v1/vehicles/%0A;W/similar/"],
)
def test_an_api_url_that_matches_nothing_is_a_json_404_in_development_too(client, settings, url):
    """`make run` serves with DEBUG on, where Django answers an unmatched URL with its HTML debug page;
    under /api/ a client (and the fuzzer, which sends empty path parameters) gets the API's JSON 404."""
    settings.DEBUG = True
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": 404, "code": "not_found", "detail": "Not found."}


def test_an_api_url_without_its_trailing_slash_still_redirects(client):
    response = client.get("/api/v1/health")
    assert (response.status_code, response["Location"]) == (301, "/api/v1/health/")


def test_wrong_method_is_a_json_405(client_for):
    response = client_for(BuyerFactory()).delete("/api/v1/users/me/")
    assert response.status_code == 405
    assert response.json() == {"status": 405, "code": "method_not_allowed", "detail": 'Method "DELETE" not allowed.'}


@pytest.mark.urls(__name__)
def test_unexpected_error_is_a_json_500_without_details(settings):
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/explode/")
    assert response.status_code == 500
    assert response.json() == {
        "status": 500,
        "code": "server_error",
        "detail": "Something went wrong on our side; it has been logged.",
    }


@pytest.mark.urls(__name__)
def test_a_django_validation_error_from_a_service_is_a_400_naming_the_field(client):
    buyer = BuyerFactory(timezone="Africa/Abidjan")
    response = client.post("/profile/", {"username": buyer.username}, content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert (body["code"], list(body["fields"])) == ("invalid", ["timezone"])
    buyer.refresh_from_db()
    assert buyer.timezone == "Africa/Abidjan"


@pytest.mark.urls(__name__)
def test_domain_refusal_has_its_status_and_field(client):
    response = client.get("/refuse/")
    assert response.status_code == 409
    assert response.json() == {
        "status": 409,
        "code": "conflict",
        "detail": "This deal is already paid.",
        "fields": {"status": ["This deal is already paid."]},
    }


@pytest.mark.parametrize(
    ("body", "english", "french"),
    [
        (
            b'{"vehicle": 1,',
            "The body is not valid JSON: it goes wrong at line 1, column 15.",
            "Le corps de la requête n'est pas du JSON valide : l'erreur se trouve ligne 1, colonne 15.",
        ),
        (b"\xff\xfe", "The body is not text in UTF-8.", "Le corps de la requête n'est pas du texte en UTF-8."),
        (b'{"vehicle": NaN}', "The body is not valid JSON.", "Le corps de la requête n'est pas du JSON valide."),
    ],
)
def test_a_body_that_is_not_json_is_a_400_in_the_readers_language(client, body, english, french):
    """DRF's JSON parser words its refusal in English with Python's reason, whatever the reader's language."""
    for language, detail in (("en", english), ("fr", french)):
        response = client.post("/api/v1/leads/", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 400
        assert response.json() == {"status": 400, "code": "parse_error", "detail": detail}
    assert not Lead.objects.exists()


def test_a_broken_multipart_body_is_a_400_in_the_readers_language(client_for):
    client = client_for(BuyerFactory(preferred_language="fr"))
    response = client.post("/api/v1/documents/", b"x", content_type="multipart/form-data")
    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "code": "parse_error",
        "detail": "Le corps de la requête n'est pas un formulaire multipart valide.",
    }


def test_csrf_failure_is_json(api_client):
    user = BuyerFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/admin/logout/")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


def test_security_headers_on_api_and_admin(client):
    for url in ["/api/v1/health/", "/admin/login/"]:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-XSS-Protection"] == "1; mode=block"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert "camera=()" in response["Permissions-Policy"]


def test_api_docs_are_served_without_any_cdn(client):
    for url in ["/api/docs/", "/api/redoc/"]:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "cdn" not in html.lower()
        assert "/static/drf_spectacular_sidecar/" in html
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")


def test_the_schema_describes_no_serializer_by_the_docstring_of_a_building_block(client):
    from nzila_export.api.serializers import BuiltOnceModelSerializer, BuiltOnceSerializer, ReadPlanMixin

    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    described = {name: component.get("description", "") for name, component in schema["components"]["schemas"].items()}
    for block in (BuiltOnceModelSerializer, BuiltOnceSerializer, ReadPlanMixin):
        opening = block.__doc__.split("\n")[0]
        assert not [name for name, text in described.items() if opening in text], block
    assert {"LeadVehicle", "LeadCreateRequest"} <= set(described)


def test_pagination_defaults_to_20_and_caps_page_size_at_100(client_for):
    from accounts.tests.factories import StaffFactory

    staff = StaffFactory()
    BuyerFactory.create_batch(120)
    client = client_for(staff)
    assert len(client.get("/api/v1/users/").json()["results"]) == 20
    assert len(client.get("/api/v1/users/?page_size=500").json()["results"]) == 100
    assert client.get("/api/v1/users/?page=99").status_code == 404
