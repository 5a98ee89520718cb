import pytest

from documents.filetypes import MAX_DOCUMENT_BYTES, InvalidDocumentFile, file_format_detect
from documents.models import FileFormat
from documents.tests.samples import jpeg_bytes, pdf_bytes, png_bytes


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (pdf_bytes(), "title.pdf", FileFormat.PDF),
        (pdf_bytes(), "TITLE.PDF", FileFormat.PDF),
        (jpeg_bytes(width=300, height=300), "id.jpeg", FileFormat.JPEG),
        (jpeg_bytes(width=300, height=300), "id.jpg", FileFormat.JPEG),
        (png_bytes(width=300, height=300), "scan.png", FileFormat.PNG),
        (png_bytes(width=300, height=300), "scan", FileFormat.PNG),  # no extension: the content decides
    ],
)
def test_the_bytes_decide_the_format(content, name, expected):
    assert file_format_detect(content=content, name=name) == expected


def test_a_text_file_named_pdf_is_refused_saying_what_it_claims():
    with pytest.raises(InvalidDocumentFile) as refused:
        file_format_detect(content=b"Just some text, not a PDF at all.", name="bill-of-sale.pdf")
    assert refused.value.field == "file"
    assert refused.value.message == (
        "Documents must be PDF, JPEG or PNG files; this file's content is none of these although its name ends in .pdf."
    )


def test_a_png_named_pdf_is_refused_naming_its_real_type():
    with pytest.raises(InvalidDocumentFile) as refused:
        file_format_detect(content=png_bytes(width=200, height=200), name="invoice.pdf")
    assert refused.value.message.startswith("This file is a PNG but its name ends in .pdf: rename it to .png")


def test_a_truncated_image_is_refused_as_damaged():
    with pytest.raises(InvalidDocumentFile, match="PNG image is damaged"):
        file_format_detect(content=png_bytes(width=200, height=200)[:200], name="scan.png")


def test_a_file_that_only_starts_like_a_pdf_is_refused_as_damaged():
    with pytest.raises(InvalidDocumentFile, match="PDF is damaged"):
        file_format_detect(content=b"%PDF-1.7\nnothing else", name="x.pdf")


def test_over_15_mb_is_refused_and_15_mb_is_not_refused_for_size():
    with pytest.raises(InvalidDocumentFile, match=r"at most 15 MB; this file is 15\.0 MB"):
        file_format_detect(content=b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES, name="big.pdf")
    with pytest.raises(InvalidDocumentFile, match="damaged"):  # exactly 15 MB passes the size check
        file_format_detect(content=b"%PDF-" + b"0" * (MAX_DOCUMENT_BYTES - 5), name="big.pdf")


def test_an_empty_file_is_refused():
    with pytest.raises(InvalidDocumentFile, match="empty"):
        file_format_detect(content=b"", name="x.pdf")
