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

from django.utils import formats
from django.utils.translation import gettext
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
        raise InvalidDocumentFile(gettext("The file is empty."))
    if len(content) > MAX_DOCUMENT_BYTES:
        raise InvalidDocumentFile(
            gettext(
                "A document is at most 15 MB; this file is %(megabytes)s MB. Scan it at a lower resolution or split it."
            )
            % {"megabytes": formats.number_format(len(content) / 1024 / 1024, decimal_pos=1)}
        )
    detected = next((file_format for magic, file_format in MAGIC_BYTES if content.startswith(magic)), None)
    extension = PurePath(name or "").suffix.lower()
    if detected is None:
        if CLAIMED_BY_EXTENSION.get(extension):
            raise InvalidDocumentFile(
                gettext(
                    "Documents must be PDF, JPEG or PNG files; this file's content is none of these although its "
                    "name ends in %(extension)s."
                )
                % {"extension": extension}
            )
        raise InvalidDocumentFile(
            gettext("Documents must be PDF, JPEG or PNG files; this file's content is none of these.")
        )
    if extension and extension not in EXTENSIONS[detected]:
        raise InvalidDocumentFile(
            gettext(
                "This file is a %(format)s but its name ends in %(extension)s: rename it to .%(stored_extension)s "
                "if it is the right document, or upload the right file."
            )
            % {"format": detected.label, "extension": extension, "stored_extension": STORED_EXTENSION[detected]}
        )
    _check_readable(content=content, file_format=detected)
    return detected


def _check_readable(*, content: bytes, file_format: FileFormat) -> None:
    if file_format == FileFormat.PDF:
        try:
            PdfReader(io.BytesIO(content))
        except (PyPdfError, ValueError, OSError) as error:
            raise InvalidDocumentFile(gettext("This PDF is damaged and cannot be read.")) from error
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise InvalidDocumentFile(
                        gettext("An image has at most %(pixels)s pixels.")
                        % {"pixels": formats.number_format(MAX_IMAGE_PIXELS, force_grouping=True)}
                    )
                image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise InvalidDocumentFile(_image_damaged_message(file_format)) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise InvalidDocumentFile(_image_damaged_message(file_format)) from error


def _image_damaged_message(file_format: FileFormat) -> str:
    return gettext("This %(format)s image is damaged and cannot be read.") % {"format": file_format.label}
