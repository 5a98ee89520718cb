"""What an uploaded document is, read from its bytes.

The content decides: a file is a PDF, a JPEG or a PNG because its bytes say so, whatever its name or
the Content-Type the client sent. The name must not contradict the content, though: a PNG called
`invoice.pdf`, or a text file called `title.pdf`, is refused with a message saying what the file
really is, because a mislabelled file is usually the wrong file. A name with no extension is accepted
(the stored file gets the extension of its content).
"""

import io
import warnings
from pathlib import PurePath

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from documents.models import FileFormat
from nzila_export.exceptions import DomainError

MAX_DOCUMENT_BYTES = 15 * 1024 * 1024
MAX_IMAGE_PIXELS = 80_000_000  # a 600 dpi A3 scan is ~70 MP; more is a decompression bomb

MAGIC_BYTES = (
    (b"%PDF-", FileFormat.PDF),
    (b"\xff\xd8\xff", FileFormat.JPEG),
    (b"\x89PNG\r\n\x1a\n", FileFormat.PNG),
)
EXTENSIONS = {
    FileFormat.PDF: {".pdf"},
    FileFormat.JPEG: {".jpg", ".jpeg"},
    FileFormat.PNG: {".png"},
}
STORED_EXTENSION = {FileFormat.PDF: "pdf", FileFormat.JPEG: "jpg", FileFormat.PNG: "png"}
# What a name's extension claims, to say so in a refusal.
CLAIMED_BY_EXTENSION = {ext: file_format for file_format, exts in EXTENSIONS.items() for ext in exts}


class InvalidDocumentFile(DomainError):
    code = "invalid_file"

    def __init__(self, message: str):
        super().__init__(message, field="file")


def file_format_detect(*, content: bytes, name: str) -> FileFormat:
    """The file's format from its bytes, checked against its name and size; InvalidDocumentFile otherwise."""
    if not content:
        raise InvalidDocumentFile("The file is empty.")
    if len(content) > MAX_DOCUMENT_BYTES:
        raise InvalidDocumentFile(
            f"A document is at most 15 MB; this file is {len(content) / 1024 / 1024:.1f} MB. "
            "Scan it at a lower resolution or split it."
        )
    detected = next((file_format for magic, file_format in MAGIC_BYTES if content.startswith(magic)), None)
    extension = PurePath(name or "").suffix.lower()
    if detected is None:
        claimed = CLAIMED_BY_EXTENSION.get(extension)
        claim = f" although its name ends in {extension}" if claimed else ""
        raise InvalidDocumentFile(
            f"Documents must be PDF, JPEG or PNG files; this file's content is none of these{claim}."
        )
    if extension and extension not in EXTENSIONS[detected]:
        raise InvalidDocumentFile(
            f"This file is a {detected.label} but its name ends in {extension}: "
            f"rename it to .{STORED_EXTENSION[detected]} if it is the right document, or upload the right file."
        )
    _check_readable(content=content, file_format=detected)
    return detected


def _check_readable(*, content: bytes, file_format: FileFormat) -> None:
    if file_format == FileFormat.PDF:
        try:
            PdfReader(io.BytesIO(content))
        except (PyPdfError, ValueError, OSError) as error:
            raise InvalidDocumentFile("This PDF is damaged and cannot be read.") from error
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise InvalidDocumentFile(f"An image has at most {MAX_IMAGE_PIXELS:,} pixels.")
                image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise InvalidDocumentFile(f"This {file_format.label} image is damaged and cannot be read.") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise InvalidDocumentFile(f"This {file_format.label} image is damaged and cannot be read.") from error
