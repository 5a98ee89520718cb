import pytest

from documents.quality import DocumentQualityChecker
from documents.tests.factories import DocumentFactory
from documents.tests.samples import jpeg_bytes, pdf_bytes, png_bytes
from nzila_export.stored_text import stored_text_read

checker = DocumentQualityChecker()


def check(content, file_format, document_type="bill_of_sale"):
    """The check's result with its findings read (in English)."""
    result = checker.check_content(content=content, file_format=file_format, document_type=document_type)
    return {**result, "issues": [stored_text_read(issue) for issue in result["issues"]]}


def test_a_sharp_scan_scores_full_marks():
    assert check(jpeg_bytes(), "image/jpeg") == {"score": 100, "issues": [], "recommendation": "accept"}


def test_a_blurred_scan_is_flagged():
    result = check(png_bytes(blur_radius=4), "image/png")
    assert result["score"] == 65
    assert result["recommendation"] == "review"
    assert result["issues"][0].startswith("The image looks blurred (sharpness")


def test_a_small_blurred_photo_of_an_invoice_needs_a_better_copy():
    result = check(png_bytes(width=400, height=560, blur_radius=4), "image/png", "commercial_invoice")
    assert result["recommendation"] == "request_better_copy"
    assert result["score"] == 100 - 30 - 35 - 10
    assert result["issues"][0] == "Low resolution (400 x 560 px): text this small is hard to read."
    assert result["issues"][-1] == "This type of document is normally issued as a PDF; a photo of it may be refused."


def test_a_blank_page_is_flagged_as_blank():
    from PIL import Image

    from documents.tests.samples import image_bytes

    result = check(image_bytes(Image.new("L", (1240, 1754), 255)), "image/png")
    assert "The image looks blank: almost no edges at all." in result["issues"]
    assert result["recommendation"] == "request_better_copy"


def test_a_pdf_with_a_text_layer_is_fine_and_a_scan_only_pdf_is_noted():
    assert check(pdf_bytes(), "application/pdf") == {"score": 100, "issues": [], "recommendation": "accept"}
    scan = check(pdf_bytes(text=None, pages=2), "application/pdf")
    assert scan == {
        "score": 90,
        "issues": ["The PDF has no text layer (a scan): it cannot be searched or checked automatically."],
        "recommendation": "accept",
    }


def test_a_long_pdf_and_an_unreadable_pdf():
    assert check(pdf_bytes(pages=31), "application/pdf")["issues"] == [
        "The PDF has 31 pages: is this only the document asked for?"
    ]
    assert check(b"%PDF-1.4 garbage", "application/pdf") == {
        "score": 40,
        "issues": ["The PDF cannot be read."],
        "recommendation": "request_better_copy",
    }


@pytest.mark.django_db
def test_check_document_quality_reads_the_stored_file():
    document = DocumentFactory()
    assert checker.check_document_quality(document) == {"score": 100, "issues": [], "recommendation": "accept"}
