import hashlib
from datetime import timedelta
from decimal import Decimal

import pytest
import schemathesis
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.tests.factories import BrokerFactory, BuyerFactory, DealerFactory, StaffFactory
from audit.models import AuditLog
from deals.models import Incoterm
from invoices.models import Invoice, InvoiceKind, InvoiceStatus
from invoices.services.drafting import invoice_draft_for_deal
from invoices.services.issuing import invoice_issue
from nzila_export.tests.test_api_schema_fuzz import CHECKS, api_schema, signed_in  # noqa: F401 (api_schema: a fixture)
from payments.models import LedgerEntryKind, PaymentStatus
from payments.services.ledger import ledger_entry_write
from payments.tests.factories import PayableDealFactory, StripePaymentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.runs_long]

URL = "/api/v1/invoices/"
YEAR = timezone.localdate().year
VEHICLE_LINE = {"kind": "vehicle", "description": "2019 Toyota RAV4", "unit_price": "16000.00"}
CIF_LINES = [
    VEHICLE_LINE,
    {"kind": "ocean_freight", "description": "Halifax to Abidjan", "unit_price": "1500"},
    {"kind": "insurance", "description": "Marine insurance", "unit_price": "250", "quantity": "2"},
]


def detail(invoice) -> str:
    return f"{URL}{invoice.pk}/"


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def issued_invoice(draft_invoice):
    return invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)


def rendered(invoice: Invoice) -> Invoice:
    """The invoice as the PDF task leaves it (the file and its checksum)."""
    content = b"%PDF-1.7 invoice " + invoice.number.encode()
    invoice.pdf.save(f"{invoice.number}.pdf", ContentFile(content), save=False)
    invoice.pdf_sha256, invoice.pdf_rendered_at = hashlib.sha256(content).hexdigest(), timezone.now()
    invoice.save(update_fields=["pdf", "pdf_sha256", "pdf_rendered_at"])
    return invoice


def paid(deal, amount: str) -> None:
    payment = StripePaymentFactory(deal=deal, amount=Decimal(amount), status=PaymentStatus.SUCCEEDED)
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount)


# --- Who sees what ---------------------------------------------------------------------------------


def test_the_dealer_issues_the_draft_and_only_then_the_buyer_sees_it(client_for, draft_invoice):
    deal = draft_invoice.deal
    buyer, dealer = client_for(deal.buyer), client_for(deal.dealer)
    assert buyer.get(URL).json()["count"] == 0  # a draft is the dealer's work in progress
    assert buyer.get(detail(draft_invoice)).status_code == 404
    assert dealer.get(URL).json()["results"][0]["status"] == "draft"

    response = dealer.post(f"{detail(draft_invoice)}issue/")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["number"], body["status"], body["total"], body["issued_on"]) == (
        f"NZ-{YEAR}-000001", "issued", "18000.00", timezone.localdate().isoformat()
    )  # fmt: skip
    assert body["due_on"] == (timezone.localdate() + timedelta(days=14)).isoformat()
    assert (body["paid"], body["credited"], body["balance"]) == ("0.00", "0.00", "18000.00")
    assert body["seller"]["name"] == "Harbour Auto Halifax"
    assert body["buyer"]["name"] == "Sahel Motors SARL"
    assert body["export_details"]["port_of_discharge"] == "CIABJ"
    assert body["lines"] == [
        {"position": 1, "kind": "vehicle", "description": body["lines"][0]["description"], "quantity": "1.000",
         "unit_price": "18000.00", "amount": "18000.00"},
    ]  # fmt: skip
    assert (body["pdf_ready"], len(body["content_sha256"]), body["invoice_number"]) == (False, 64, None)
    listed = buyer.get(URL).json()
    assert [row["number"] for row in listed["results"]] == [f"NZ-{YEAR}-000001"]
    assert buyer.get(detail(draft_invoice)).json()["number"] == f"NZ-{YEAR}-000001"


def test_the_deals_broker_sees_the_issued_invoice(client_for, issued_invoice):
    broker = BrokerFactory()
    issued_invoice.deal.broker = broker
    issued_invoice.deal.save(update_fields=["broker"])
    assert client_for(broker).get(detail(issued_invoice)).status_code == 200


def test_another_buyer_or_dealer_gets_404_everywhere(client_for, issued_invoice):
    for outsider in (BuyerFactory(), DealerFactory()):
        client = client_for(outsider)
        assert client.get(URL).json()["count"] == 0
        assert client.get(detail(issued_invoice)).status_code == 404
        assert client.get(f"{detail(issued_invoice)}pdf/").status_code == 404
        assert client.post(f"{detail(issued_invoice)}issue/").status_code == 404


def test_a_visitor_is_asked_to_sign_in(api_client, issued_invoice):
    for response in (
        api_client.get(URL),
        api_client.get(detail(issued_invoice)),
        api_client.patch(detail(issued_invoice), {"due_on": "2030-01-01"}, format="json"),
        api_client.post(f"{detail(issued_invoice)}void/", {"reason": "x"}, format="json"),
    ):
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


def test_the_buyer_cannot_issue_correct_void_or_credit_and_nothing_changes(client_for, draft_invoice):
    client = client_for(draft_invoice.deal.buyer)
    issued_by_dealer = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)
    refused = [
        client.patch(detail(draft_invoice), {"due_on": "2030-01-01"}, format="json"),
        client.post(f"{detail(draft_invoice)}void/", {"reason": "Wrong buyer"}, format="json"),
        client.post(f"{detail(draft_invoice)}credit-notes/", {"amount": "10", "reason": "Goodwill"}, format="json"),
    ]
    assert [response.status_code for response in refused] == [403, 403, 403]
    # In the buyer's language (French, from its profile).
    assert refused[1].json()["detail"] == "Seul le personnel peut corriger, annuler ou créditer des factures."
    issued_by_dealer.refresh_from_db()
    assert (issued_by_dealer.status, Invoice.objects.count()) == (InvoiceStatus.ISSUED, 1)


def test_only_the_deals_dealer_or_staff_issue(client_for, draft_invoice):
    """The buyer does not see the draft (404); seeing an invoice does not let one issue it (403)."""
    assert client_for(draft_invoice.deal.buyer).post(f"{detail(draft_invoice)}issue/").status_code == 404
    draft_invoice.refresh_from_db()
    assert draft_invoice.status == InvoiceStatus.DRAFT
    invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)
    refused = client_for(draft_invoice.deal.buyer).post(f"{detail(draft_invoice)}issue/")
    assert (refused.status_code, refused.json()["code"]) == (403, "permission_denied")


def test_the_dealer_cannot_correct_the_draft(client_for, draft_invoice):
    response = client_for(draft_invoice.deal.dealer).patch(detail(draft_invoice), {"lines": CIF_LINES}, format="json")
    assert response.status_code == 403
    assert draft_invoice.lines.count() == 1


# --- Staff correct a draft -------------------------------------------------------------------------


def test_staff_correct_the_lines_and_due_date_then_issue(client_for, staff, draft_invoice):
    client = client_for(staff)
    due_on = (timezone.localdate() + timedelta(days=30)).isoformat()

    response = client.patch(detail(draft_invoice), {"lines": CIF_LINES, "due_on": due_on}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert [(line["kind"], line["quantity"], line["amount"]) for line in body["lines"]] == [
        ("vehicle", "1.000", "16000.00"), ("ocean_freight", "1.000", "1500.00"), ("insurance", "2.000", "500.00"),
    ]  # fmt: skip
    assert (body["subtotal"], body["tax_total"], body["total"], body["due_on"]) == (
        "18000.00", "0.00", "18000.00", due_on
    )  # fmt: skip
    assert AuditLog.objects.filter(action="invoice.update", object_id=str(draft_invoice.pk), user=staff).exists()
    issued = client.post(f"{detail(draft_invoice)}issue/").json()
    assert (issued["status"], issued["due_on"], len(issued["lines"])) == ("issued", due_on, 3)


def test_lines_that_do_not_add_up_to_the_agreed_price_are_refused_on_lines(client_for, staff, draft_invoice):
    lines = [{**VEHICLE_LINE, "unit_price": "17000"}]
    response = client_for(staff).patch(detail(draft_invoice), {"lines": lines}, format="json")
    message = "The lines add up to 17000.00 CAD but the deal agreed 18000.00 CAD."
    assert response.status_code == 400
    assert response.json() == {"status": 400, "code": "invalid", "detail": message, "fields": {"lines": [message]}}
    assert list(draft_invoice.lines.values_list("unit_price", flat=True)) == [Decimal("18000.000")]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({}, "non_field_errors", "Send the lines, the due date or both."),
        ({"lines": []}, "lines", "This list may not be empty."),
        ({"lines": "garbage"}, "lines", 'Expected a list of items but got type "str".'),
        ({"lines": [{**VEHICLE_LINE, "unit_price": "-1"}]}, "lines", None),
        ({"lines": [{**VEHICLE_LINE, "kind": "spaceship"}]}, "lines", None),
        ({"lines": [{**VEHICLE_LINE, "quantity": "NaN"}]}, "lines", None),
        ({"due_on": "tomorrow"}, "due_on", None),
        ({"due_on": "2001-01-01"}, "due_on", "The due date cannot be in the past."),
        ({"lines": [{**VEHICLE_LINE, "kind": "payment", "unit_price": "18000"}]}, "lines", None),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client_for, staff, draft_invoice, body, field, message):
    response = client_for(staff).patch(detail(draft_invoice), body, format="json")
    assert response.status_code == 400, response.json()
    assert list(response.json()["fields"]) == [field]
    if message:
        assert response.json()["fields"][field] == [message]
    assert draft_invoice.lines.get().unit_price == Decimal("18000.000")


def test_an_xof_line_with_decimals_is_refused(client_for, staff):
    deal = PayableDealFactory(currency="XOF", agreed_price=Decimal("9000000"), incoterm=Incoterm.FOB)
    draft = invoice_draft_for_deal(deal=deal)
    lines = [
        {**VEHICLE_LINE, "unit_price": "8999999.50"},
        {**VEHICLE_LINE, "kind": "platform_fee", "unit_price": "0.5"},
    ]
    response = client_for(staff).patch(detail(draft), {"lines": lines}, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {"lines": ["8999999.500 has more decimals than XOF allows."]}
    assert client_for(staff).get(detail(draft)).json()["total"] == "9000000"


def test_an_issued_invoice_cannot_be_corrected(client_for, staff, issued_invoice):
    response = client_for(staff).patch(detail(issued_invoice), {"due_on": "2099-01-01"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "invoice_not_editable"
    assert response.json()["detail"] == (
        f"Invoice {issued_invoice.number} is issued and cannot change; issue a credit note to correct it."
    )
    issued_invoice.refresh_from_db()
    assert issued_invoice.due_on == timezone.localdate() + timedelta(days=14)


def test_issuing_twice_is_a_409(client_for, issued_invoice):
    response = client_for(issued_invoice.deal.dealer).post(f"{detail(issued_invoice)}issue/")
    assert (response.status_code, response.json()["code"]) == (409, "invoice_already_issued")


# --- Credit notes, voids and balances --------------------------------------------------------------


def test_staff_credit_an_invoice_and_the_balances_follow_payments_and_credits(client_for, staff, issued_invoice):
    client = client_for(staff)
    paid(issued_invoice.deal, "5000.00")

    response = client.post(
        f"{detail(issued_invoice)}credit-notes/", {"amount": "1000", "reason": "Scratch on the door"}, format="json"
    )

    assert response.status_code == 201, response.json()
    credit_note = response.json()
    assert (credit_note["kind"], credit_note["number"], credit_note["invoice_number"]) == (
        "credit_note", f"NZC-{YEAR}-000001", issued_invoice.number
    )  # fmt: skip
    assert (credit_note["total"], credit_note["reason"], credit_note["balance"]) == (
        "1000.00", "Scratch on the door", None
    )  # fmt: skip
    invoice = client.get(detail(issued_invoice)).json()
    assert (invoice["status"], invoice["paid"], invoice["credited"], invoice["balance"]) == (
        "partially_paid", "5000.00", "1000.00", "12000.00"
    )  # fmt: skip
    buyer_sees = client_for(issued_invoice.deal.buyer).get(URL, {"kind": "credit_note"}).json()["results"]
    assert [row["number"] for row in buyer_sees] == [f"NZC-{YEAR}-000001"]


def test_staff_void_an_invoice_with_a_credit_note_for_what_is_left(client_for, staff, issued_invoice):
    client = client_for(staff)
    client.post(f"{detail(issued_invoice)}credit-notes/", {"amount": "1000", "reason": "Goodwill"}, format="json")

    response = client.post(f"{detail(issued_invoice)}void/", {"reason": "Wrong vehicle"}, format="json")

    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["credited"], response.json()["balance"]) == (
        "void", "18000.00", "0.00"
    )  # fmt: skip
    reversal = Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE).order_by("sequence_number").last()
    assert (reversal.total, reversal.reason) == (Decimal("17000.000"), "Wrong vehicle")
    assert Invoice.objects.get(deal=issued_invoice.deal, kind=InvoiceKind.INVOICE, status="draft")  # a new draft
    again = client.post(f"{detail(issued_invoice)}void/", {"reason": "Again"}, format="json")
    assert (again.status_code, again.json()["code"]) == (409, "invoice_not_creditable")


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"amount": "-5", "reason": "x"}, "amount", "Ensure this value is greater than or equal to 0.001."),
        ({"amount": "abc", "reason": "x"}, "amount", "A valid number is required."),
        ({"amount": "18000.01", "reason": "x"}, "amount", "A credit must be more than zero and at most 18000.000 CAD."),
        ({"amount": "10.005", "reason": "x"}, "amount", "10.005 has more decimals than CAD allows."),
        ({"amount": "10", "reason": "   "}, "reason", "This field may not be blank."),
        ({"amount": "10"}, "reason", "This field is required."),
    ],
)
def test_a_wrong_credit_is_a_400_and_issues_nothing(client_for, staff, issued_invoice, body, field, message):
    response = client_for(staff).post(f"{detail(issued_invoice)}credit-notes/", body, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {field: [message]}
    assert not Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE).exists()


def test_a_draft_cannot_be_credited_or_voided(client_for, staff, draft_invoice):
    client = client_for(staff)
    credited = client.post(f"{detail(draft_invoice)}credit-notes/", {"amount": "1", "reason": "x"}, format="json")
    voided = client.post(f"{detail(draft_invoice)}void/", {"reason": "x"}, format="json")
    assert [credited.status_code, voided.status_code] == [409, 409]
    assert not Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE).exists()


# --- The PDF ---------------------------------------------------------------------------------------


def test_the_pdf_link_waits_for_the_rendering_then_any_party_gets_one(client_for, draft_invoice):
    deal = draft_invoice.deal
    draft = client_for(deal.dealer).get(f"{detail(draft_invoice)}pdf/")
    assert (draft.status_code, draft.json()["code"]) == (409, "pdf_not_ready")
    invoice = invoice_issue(invoice=draft_invoice, user=deal.dealer)
    waiting = client_for(deal.dealer).get(f"{detail(invoice)}pdf/")
    assert (waiting.status_code, waiting.json()["detail"]) == (
        409, f"The PDF of {invoice.number} is not rendered yet; ask again in a minute."
    )  # fmt: skip

    rendered(invoice)
    response = client_for(deal.buyer).get(f"{detail(invoice)}pdf/")

    assert response.status_code == 200, response.json()
    assert response.json()["url"].startswith("http://testserver/api/v1/invoices/download/")
    assert client_for(deal.buyer).get(detail(invoice)).json()["pdf_ready"] is True
    downloaded = client_for(deal.buyer).get(response.json()["url"])
    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == b"%PDF-1.7 invoice " + invoice.number.encode()


# --- Lists: filters, order, queries, language ------------------------------------------------------


def test_the_list_filters_by_status_kind_deal_and_issue_dates(client_for, staff, issued_invoice):
    other = invoice_draft_for_deal(deal=PayableDealFactory())
    paid(issued_invoice.deal, "2000.00")  # a receipt
    client = client_for(staff)
    today = timezone.localdate()

    def numbers(**query):
        response = client.get(URL, query)
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    receipt = Invoice.objects.get(kind=InvoiceKind.RECEIPT)
    assert numbers() == [receipt.pk, other.pk, issued_invoice.pk]  # newest first
    assert numbers(status="draft") == [other.pk]
    assert numbers(kind="receipt") == [receipt.pk]
    assert numbers(deal=issued_invoice.deal_id) == [receipt.pk, issued_invoice.pk]
    assert numbers(issued_on_after=today.isoformat(), issued_on_before=today.isoformat()) == [
        receipt.pk, issued_invoice.pk
    ]  # fmt: skip
    assert numbers(issued_on_after=(today + timedelta(days=1)).isoformat()) == []
    assert numbers(issued_on_before=(today - timedelta(days=1)).isoformat()) == []
    for query, field in (
        ({"status": "unpaid"}, "status"),
        ({"issued_on_after": "x"}, "issued_on"),
        ({"deal": 0}, "deal"),
    ):
        response = client.get(URL, query)
        assert (response.status_code, list(response.json()["fields"])) == (400, [field])


@pytest.mark.parametrize("page_size", [2, 12])
def test_the_list_runs_a_fixed_number_of_queries(client_for, django_assert_num_queries, staff, page_size):
    for _ in range(12):
        invoice_issue(invoice=invoice_draft_for_deal(deal=PayableDealFactory()), user=staff)
    Invoice.objects.update(invoice=Invoice.objects.first())  # every row refers to an invoice: one join
    client = client_for(staff)
    # The request's savepoint and its release, the user (JWT), the count, and the page with its references.
    with django_assert_num_queries(5):
        response = client.get(URL, {"page_size": page_size})
    assert len(response.json()["results"]) == page_size


def test_taxes_are_named_in_the_callers_language(client_for, issued_invoice):
    french = client_for(issued_invoice.deal.buyer).get(detail(issued_invoice), HTTP_ACCEPT_LANGUAGE="fr")
    english = client_for(issued_invoice.deal.dealer).get(detail(issued_invoice))
    assert french["Content-Language"] == "fr"
    assert [(tax["code"], tax["name"], tax["percent"]) for tax in french.json()["taxes"]] == [
        ("ZERO", "Exportation détaxée", "0.000")
    ]
    assert french.json()["taxes"][0]["legal_basis"].startswith("Exportation de produits détaxée")
    assert english.json()["taxes"][0]["name"] == "Zero-rated export"
    assert english.json()["taxes"][0]["legal_basis"].startswith("Zero-rated export of goods")


# --- Fuzzed, as the roles who own rows ----------------------------------------------------------------
# The project's fuzz test runs every operation as a fresh buyer, who sees no invoice. Here every invoice
# operation runs as staff, the dealer and the buyer, each on a document of theirs: a draft to correct
# and issue, an issued invoice to credit and void, with a receipt. No 5xx, and answers as documented.

invoice_schema = schemathesis.pytest.from_fixture("api_schema").include(path_regex=r"^/api/v1/invoices/")


@pytest.fixture
def invoice_owners(transactional_db) -> list[tuple[str, int]]:
    """(access token, the id of a document the caller may see) for staff (a draft and an issued invoice), the
    draft's dealer and the issued invoice's buyer. The PDFs are rendered: tasks run at once after commit."""
    draft = invoice_draft_for_deal(deal=PayableDealFactory())
    issued = invoice_issue(invoice=invoice_draft_for_deal(deal=PayableDealFactory()), user=StaffFactory())
    with transaction.atomic():
        paid(issued.deal, "1000.00")
    staff = StaffFactory()
    callers = [(staff, draft), (staff, issued), (draft.deal.dealer, draft), (issued.deal.buyer, issued)]
    return [(str(RefreshToken.for_user(user).access_token), invoice.pk) for user, invoice in callers]


@invoice_schema.parametrize()
@settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_invoice_operation_answers_within_its_schema_for_each_role(case, invoice_owners):
    for token, invoice_id in invoice_owners:
        if "id" in (case.path_parameters or {}):
            case.path_parameters["id"] = invoice_id
        case.call_and_validate(headers=signed_in(token), checks=CHECKS)
