"""DocumentQualityChecker: a first look at an uploaded document from what can be measured, for staff.

It never verifies anything (a person does); it points at what makes a copy hard to use: a tiny file,
a low-resolution or blurred photo, a blank page, a PDF with no pages or locked, a photo where the
document is normally issued as a PDF. Each finding costs points from 100:

- an image under 5 KB: 15 (a real scan or photo of a page is larger; a PDF's size says little, as
  a one-page text PDF is rightly tiny: its pages and text layer are checked instead);
- images: shorter side under 600 px: 30, under 1000 px: 10 (a page needs ~150 dpi to be read);
  sharpness (variance of the edge image, Pillow's FIND_EDGES, a Laplacian-like kernel, on a greyscale
  copy at most 1000 px wide) under BLUR_THRESHOLD: 35; under BLANK_THRESHOLD: 40 more (nothing on it);
- PDFs: unreadable: 60; password-protected: 40; no pages: 60; more than 30 pages: 10; no text layer on
  the first pages: 10 (a scan: fine if legible, but nothing can be searched or checked automatically);
- a photo of a document normally issued as a PDF (invoice, export declaration, bill of lading,
  cargo tracking note, ...): 10.

Recommendation: 80 and over "accept", 50 and over "review", else "request_better_copy".

The findings are nzila_export.stored_text messages: stored on the document, read in each staff member's
language.
"""

import io
import logging

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFilter, ImageOps, ImageStat, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from documents.models import Document, DocumentType, FileFormat, QualityRecommendation
from nzila_export.stored_text import message_to_store

logger = logging.getLogger(__name__)

SMALL_FILE_BYTES = 5 * 1024
LOW_RESOLUTION_PX = 600
MODEST_RESOLUTION_PX = 1000
ANALYSIS_WIDTH_PX = 1000
BLUR_THRESHOLD = 150.0
BLANK_THRESHOLD = 5.0
MANY_PAGES = 30
TEXT_PAGES_CHECKED = 3

# Issued electronically as PDFs; a photo of a printout loses what customs check (codes, stamps).
USUALLY_PDF = {
    DocumentType.COMMERCIAL_INVOICE,
    DocumentType.EXPORT_DECLARATION,
    DocumentType.BILL_OF_LADING,
    DocumentType.LIEN_SEARCH,
    DocumentType.BSC_CARGO_TRACKING_NOTE,
    DocumentType.BESC_CARGO_TRACKING_NOTE,
    DocumentType.ECTN_CARGO_TRACKING_NOTE,
    DocumentType.BIETC_CARGO_TRACKING_NOTE,
    DocumentType.FERI_CARGO_TRACKING_NOTE,
    DocumentType.FDI_IMPORT_DECLARATION,
    DocumentType.FORM_M,
    DocumentType.PAAR,
}


def image_sharpness(image: Image.Image) -> float:
    """Variance of the edge image: high for crisp text, low for a blurred or blank page."""
    grey = ImageOps.exif_transpose(image).convert("L")
    if grey.width > ANALYSIS_WIDTH_PX:
        grey = grey.resize((ANALYSIS_WIDTH_PX, max(1, round(grey.height * ANALYSIS_WIDTH_PX / grey.width))))
    edges = grey.filter(ImageFilter.FIND_EDGES)
    # The filter marks the image's own border as an edge; only the inside says anything about the page.
    if edges.width > 4 and edges.height > 4:
        edges = edges.crop((2, 2, edges.width - 2, edges.height - 2))
    return float(ImageStat.Stat(edges).var[0])


def _finding(points: int, message: Promise, **values) -> tuple[int, dict]:
    return points, message_to_store(message, **values)


class DocumentQualityChecker:
    def check_document_quality(self, document: Document) -> dict:
        """{"score": 0-100, "issues": [stored messages], "recommendation": QualityRecommendation value}."""
        with document.file.open("rb") as stored:
            content = stored.read()
        return self.check_content(
            content=content, file_format=document.content_type, document_type=document.document_type
        )

    def check_content(self, *, content: bytes, file_format: str, document_type: str) -> dict:
        penalties: list[tuple[int, dict]] = []
        if file_format == FileFormat.PDF:
            penalties += self._pdf_findings(content)
        else:
            if len(content) < SMALL_FILE_BYTES:
                penalties.append(
                    _finding(
                        15,
                        _("The file is only %(size_bytes)s bytes; a readable scan or photo is larger."),
                        size_bytes=len(content),
                    )
                )
            penalties += self._image_findings(content)
            if document_type in USUALLY_PDF:
                penalties.append(
                    _finding(10, _("This type of document is normally issued as a PDF; a photo of it may be refused."))
                )
        score = max(0, 100 - sum(points for points, _issue in penalties))
        if score >= 80:
            recommendation = QualityRecommendation.ACCEPT
        elif score >= 50:
            recommendation = QualityRecommendation.REVIEW
        else:
            recommendation = QualityRecommendation.REQUEST_BETTER_COPY
        return {
            "score": score,
            "issues": [issue for _points, issue in penalties],
            "recommendation": recommendation.value,
        }

    def _image_findings(self, content: bytes) -> list[tuple[int, dict]]:
        try:
            with Image.open(io.BytesIO(content)) as image:
                image.load()
                width, height = image.size
                sharpness = image_sharpness(image)
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            return [_finding(60, _("The image cannot be read."))]
        findings = []
        shorter = min(width, height)
        if shorter < LOW_RESOLUTION_PX:
            findings.append(
                _finding(
                    30,
                    _("Low resolution (%(width)s x %(height)s px): text this small is hard to read."),
                    width=width,
                    height=height,
                )
            )
        elif shorter < MODEST_RESOLUTION_PX:
            findings.append(
                _finding(
                    10,
                    _("Modest resolution (%(width)s x %(height)s px): small print may be unreadable."),
                    width=width,
                    height=height,
                )
            )
        if sharpness < BLANK_THRESHOLD:
            findings.append(_finding(75, _("The image looks blank: almost no edges at all.")))
        elif sharpness < BLUR_THRESHOLD:
            findings.append(
                _finding(
                    35,
                    _("The image looks blurred (sharpness %(sharpness)s, expected %(expected)s+)."),
                    sharpness=f"{sharpness:.0f}",
                    expected=f"{BLUR_THRESHOLD:.0f}",
                )
            )
        return findings

    def _pdf_findings(self, content: bytes) -> list[tuple[int, dict]]:
        try:
            reader = PdfReader(io.BytesIO(content))
            if reader.is_encrypted:
                return [
                    _finding(
                        40, _("The PDF is password-protected: staff cannot read it. Upload it without a password.")
                    )
                ]
            pages = len(reader.pages)
            findings = []
            if pages == 0:
                return [_finding(60, _("The PDF has no pages."))]
            if pages > MANY_PAGES:
                findings.append(
                    _finding(10, _("The PDF has %(pages)s pages: is this only the document asked for?"), pages=pages)
                )
            text = "".join((page.extract_text() or "") for page in reader.pages[:TEXT_PAGES_CHECKED])
        except (PyPdfError, ValueError, OSError, KeyError, TypeError) as error:
            logger.info("PDF quality check could not read the file: %s", error)
            return [_finding(60, _("The PDF cannot be read."))]
        if not text.strip():
            findings.append(
                _finding(10, _("The PDF has no text layer (a scan): it cannot be searched or checked automatically."))
            )
        return findings
