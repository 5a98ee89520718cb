"""Demo documents for `seed_demo`: each demo deal gets the documents its stage calls for, as small
generated PDFs, verified by staff where the deal has already moved past them. Runs after the deals
seeder; a document already on file is not uploaded again."""

import io

from django.db import transaction

from accounts.demo import DEMO_USERS
from accounts.models import User
from deals.models import Deal, DealStatus
from documents.models import DocumentStatus, DocumentType
from documents.requirements import Stage, deal_checklist
from documents.services import document_review, document_upload

# Which stages' documents a deal in each status has on file, and which of those are verified.
ON_FILE = {
    DealStatus.PENDING_DOCUMENTS: [Stage.BEFORE_PAYMENT],
    DealStatus.PENDING_PAYMENT: [Stage.BEFORE_PAYMENT],
    DealStatus.PAID: [Stage.BEFORE_PAYMENT, Stage.BEFORE_DEPARTURE],
    DealStatus.IN_TRANSIT: [Stage.BEFORE_PAYMENT, Stage.BEFORE_DEPARTURE, Stage.AFTER_LOADING],
    DealStatus.DELIVERED: [Stage.BEFORE_PAYMENT, Stage.BEFORE_DEPARTURE, Stage.AFTER_LOADING],
    DealStatus.COMPLETED: [Stage.BEFORE_PAYMENT, Stage.BEFORE_DEPARTURE, Stage.AFTER_LOADING],
}
PENDING_STAGE = {DealStatus.PENDING_DOCUMENTS: Stage.BEFORE_PAYMENT, DealStatus.PAID: Stage.BEFORE_DEPARTURE}


def demo_pdf(text: str, *, pages: int = 1) -> bytes:
    """A valid PDF with `text` on each page as real text (so it has a text layer)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * index} 0 R" for index in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>")
    font_number = 3 + 2 * pages
    safe_text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    for index in range(pages):
        content = f"BT /F1 18 Tf 72 720 Td ({safe_text}) Tj ET" if text else "0 0 m 10 10 l S"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * index} 0 R "
            f"/Resources << /Font << /F1 {font_number} 0 R >> >> >>"
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1", "replace"))
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return output.getvalue()


@transaction.atomic
def demo_documents_seed() -> str:
    staff = User.objects.filter(username="staff").first()
    demo_dealers = [spec["username"] for spec in DEMO_USERS if spec["role"] == "dealer"]
    deals = Deal.objects.filter(dealer__username__in=demo_dealers, status__in=list(ON_FILE)).select_related(
        "vehicle", "dealer"
    )
    uploaded = verified = 0
    for deal in deals:
        for item in deal_checklist(deal=deal):
            if item.stage not in ON_FILE[deal.status] or item.status != "missing":
                continue
            label = DocumentType(item.document_type).label
            document = document_upload(
                deal=deal,
                document_type=item.document_type,
                content=demo_pdf(f"{label}: {deal.vehicle} - deal {deal.pk}"),
                original_name=f"{item.document_type}.pdf",
                user=deal.dealer,
            )
            uploaded += 1
            if staff is not None and PENDING_STAGE.get(deal.status) != item.stage:
                document_review(document=document, decision=DocumentStatus.VERIFIED, note="", reviewer=staff)
                verified += 1
    return f"documents: {uploaded} uploaded, {verified} verified"
