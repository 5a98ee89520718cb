"""Small real files made on the fly: sharp and blurred scans, PDFs with and without a text layer."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter


def page_image(*, width: int = 1240, height: int = 1754, blur_radius: float = 0, seed: int = 7) -> Image.Image:
    """A white page with rows of dark 'words', like a scanned letter (A4 at 150 dpi by default)."""
    rng = random.Random(seed)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    margin, line_height = width // 12, max(12, height // 60)
    for top in range(margin, height - margin, line_height):
        left = margin
        while left < width - margin:
            word = rng.randint(line_height, line_height * 5)
            draw.rectangle([left, top, min(left + word, width - margin), top + line_height // 2], fill=20)
            left += word + line_height // 2
    if blur_radius:
        image = image.filter(ImageFilter.GaussianBlur(blur_radius))
    return image


def image_bytes(image: Image.Image, *, image_format: str = "PNG") -> bytes:
    output = io.BytesIO()
    image.convert("RGB" if image_format == "JPEG" else image.mode).save(output, format=image_format)
    return output.getvalue()


def png_bytes(**kwargs) -> bytes:
    return image_bytes(page_image(**kwargs), image_format="PNG")


def jpeg_bytes(**kwargs) -> bytes:
    return image_bytes(page_image(**kwargs), image_format="JPEG")


def pdf_bytes(*, pages: int = 1, text: str | None = "Bill of sale: 2019 Toyota Camry") -> bytes:
    """A valid PDF with `pages` pages; with `text`, each page carries it as real text (a text layer)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * index} 0 R" for index in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>")
    font_number = 3 + 2 * pages
    for index in range(pages):
        content = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET" if text else "0 0 m 10 10 l S"
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
        output.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return output.getvalue()
