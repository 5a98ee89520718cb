import hashlib
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.base import ContentFile

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from deals.models import DealStatus
from invoices.models import InvoiceStatus, TaxRate
from invoices.services.drafting import invoice_draft_for_deal
from invoices.services.issuing import invoice_issue
from payments.tests.factories import PayableDealFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/invoices/invoice/"
TAX_RATES = "/admin/invoices/taxrate/"


@pytest.fixture
def staff_client(client, admin_login):
    admin_login(client, StaffFactory(is_superuser=True))
    return client


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_list_filters_and_searches(staff_client, draft_invoice):
    issued = invoice_issue(invoice=invoice_draft_for_deal(deal=PayableDealFactory()), user=StaffFactory())
    response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 2
    assert issued.number.encode() in response.content
    assert staff_client.get(CHANGELIST, {"status__exact": "draft"}).context["cl"].result_count == 1
    assert staff_client.get(CHANGELIST, {"q": issued.number}).context["cl"].result_count == 1
    assert staff_client.get(CHANGELIST, {"q": str(draft_invoice.deal_id)}).context["cl"].result_count == 1
    assert staff_client.get(CHANGELIST, {"q": "Sahel Motors"}).context["cl"].result_count == 1  # the buyer


def test_the_change_page_shows_lines_taxes_balance_and_a_fresh_pdf_link(staff_client, draft_invoice):
    invoice = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)
    url = f"{CHANGELIST}{invoice.pk}/change/"
    page = staff_client.get(url)
    assert page.status_code == 200
    assert b"Not rendered yet" in page.content
    assert b"paid 0.00, credited 0.00, due 18000.00 CAD" in page.content
    assert b"Zero-rated export" in page.content  # the tax inline
    assert invoice.lines.get().description.encode() in page.content  # the line inline

    invoice.pdf.save("invoice.pdf", ContentFile(b"%PDF-1.7"), save=False)
    invoice.pdf_sha256 = hashlib.sha256(b"%PDF-1.7").hexdigest()
    invoice.save(update_fields=["pdf", "pdf_sha256"])
    pdf_url = f"{CHANGELIST}{invoice.pk}/pdf/"
    assert pdf_url.encode() in staff_client.get(url).content
    redirect = staff_client.get(pdf_url)
    assert redirect.status_code == 302
    assert redirect["Location"].startswith("/api/v1/invoices/download/")


def test_a_draft_cannot_be_edited_added_or_deleted_in_the_admin(staff_client, draft_invoice):
    url = f"{CHANGELIST}{draft_invoice.pk}/change/"
    staff_client.post(url, {"due_on": "2099-01-01"})
    draft_invoice.refresh_from_db()
    assert draft_invoice.due_on is None
    assert staff_client.get(f"{CHANGELIST}add/").status_code == 403
    assert staff_client.get(f"{CHANGELIST}{draft_invoice.pk}/delete/").status_code == 403


def test_issue_selected_drafts_issues_each_and_reports_refusals(staff_client, draft_invoice):
    cancelled = invoice_draft_for_deal(deal=PayableDealFactory(status=DealStatus.CANCELLED))
    already = invoice_issue(invoice=invoice_draft_for_deal(deal=PayableDealFactory()), user=StaffFactory())
    ids = [draft_invoice.pk, cancelled.pk, already.pk]

    response = staff_client.post(CHANGELIST, {"action": "issue_drafts", ACTION_CHECKBOX_NAME: ids}, follow=True)

    assert messages_of(response) == [
        f"{cancelled}: The deal is cancelled; its invoice cannot be issued.",
        "1 invoice issued.",
        "1 selected document is not a draft invoice: left alone.",
    ]
    draft_invoice.refresh_from_db()
    cancelled.refresh_from_db()
    assert (draft_invoice.status, cancelled.status) == (InvoiceStatus.ISSUED, InvoiceStatus.DRAFT)
    assert draft_invoice.issued_by.is_superuser


def test_render_pdf_again_queues_the_publish_task_for_issued_documents(
    staff_client, draft_invoice, tasks_queued, django_capture_on_commit_callbacks
):
    invoice = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)
    other_draft = invoice_draft_for_deal(deal=PayableDealFactory())
    ids = [invoice.pk, other_draft.pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(CHANGELIST, {"action": "render_pdf_again", ACTION_CHECKBOX_NAME: ids}, follow=True)

    assert messages_of(response) == ["1 PDF queued for rendering.", "1 selected draft left alone: a draft has no PDF."]
    assert tasks_queued() == [("invoices.tasks.invoice_publish", [invoice.pk])]


def test_staff_add_a_new_rate_after_ending_the_old_one(staff_client):
    gst = TaxRate.objects.get(regime="ON", code="HST")
    new_rate = {
        "regime": "ON", "code": "HST", "name_en": "HST", "name_fr": "TVH", "percent": "14", "legal_basis_en": "ETA",
        "legal_basis_fr": "LTA", "valid_from": "2030-01-01",
    }  # fmt: skip

    overlapping = staff_client.post(f"{TAX_RATES}add/", new_rate)

    assert overlapping.status_code == 200  # the form again, with its error
    assert f"{gst} is in force for part of this period".encode() in overlapping.content
    fields = ["regime", "code", "name_en", "name_fr", "percent", "legal_basis_en", "legal_basis_fr", "valid_from"]
    ended = {**{name: str(getattr(gst, name)) for name in fields}, "valid_until": "2029-12-31"}
    assert staff_client.post(f"{TAX_RATES}{gst.pk}/change/", ended).status_code == 302
    gst.refresh_from_db()
    assert gst.valid_until == date(2029, 12, 31)
    assert staff_client.post(f"{TAX_RATES}add/", new_rate).status_code == 302
    added = TaxRate.objects.get(regime="ON", code="HST", valid_from="2030-01-01")
    assert added.percent == Decimal("14.000")
    edit, create = AuditLog.objects.filter(action__startswith="tax_rate.").order_by("id")
    assert (edit.action, edit.object_id, edit.changes) == (
        "tax_rate.staff_edit", str(gst.pk), {"valid_until": [None, "2029-12-31"]}
    )  # fmt: skip
    assert (create.action, create.object_id, create.user.is_superuser) == ("tax_rate.staff_create", str(added.pk), True)
    assert create.changes["percent"] == [None, "14"]
    assert create.changes["valid_from"] == [None, "2030-01-01"]
    listed = staff_client.get(TAX_RATES, {"regime__exact": "ON"})
    assert listed.context["cl"].result_count == 2
