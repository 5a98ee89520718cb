"""Small real files made on the fly: sharp and blurred scans, PDFs with and without a text layer."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

from documents.demo import demo_pdf


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
    return demo_pdf(text or "", pages=pages)
