"""Rendering an event for one person: in their language and time zone, from the event's templates.

Templates live in notifications/templates/notifications/events/<event>/<language>/. Several
notifications batched into one e-mail or text are combined with the digest templates.

Besides its templates' variables, a context may carry what goes with the message: `media_url` (a public
link WhatsApp fetches, e.g. a PDF), `attachments` for e-mail, each a dict naming a stored file:
{"storage": alias in settings.STORAGES, "name": stored name, "filename": name shown, "content_type": ...},
and `reply_to`, the address a reply to the e-mail goes to (its Reply-To; a support ticket's signed address).
"""

from dataclasses import asdict, dataclass

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

EVENT_TEMPLATES = "notifications/events/{event}/{language}/{name}"
LAYOUT_TEMPLATES = "notifications/layout/{language}/{name}"


@dataclass(frozen=True)
class RenderedNotification:
    event: str
    subject: str
    text: str
    short: str
    html: str = ""
    media_url: str = ""
    attachments: tuple[dict, ...] = ()
    reply_to: str = ""

    def as_item(self) -> dict:
        return asdict(self)


def _render(template: str, context: dict, *, required: bool = True) -> str:
    engine = None if template.endswith(".html") else "text"
    try:
        return render_to_string(template, context, using=engine).strip()
    except TemplateDoesNotExist:
        if required:
            raise
        return ""


def render_event(*, event: str, user, context: dict) -> RenderedNotification:
    language = user.preferred_language
    full_context = {"user": user, "site_url": settings.SITE_URL, **context}
    with translation.override(language), timezone.override(user.timezone):

        def render(name: str, *, required: bool = True) -> str:
            return _render(
                EVENT_TEMPLATES.format(event=event, language=language, name=name), full_context, required=required
            )

        subject = " ".join(render("subject.txt").split())
        text = render("body.txt")
        return RenderedNotification(
            event=event,
            subject=subject,
            text=text,
            short=render("short.txt", required=False) or f"{subject}\n{text}",
            html=render("body.html", required=False),
            media_url=context.get("media_url", ""),
            attachments=tuple(context.get("attachments", ())),
            reply_to=context.get("reply_to", ""),
        )


def render_email(*, items: list[dict], language: str) -> tuple[str, str, str]:
    """(subject, text, html) of one e-mail carrying one or several notifications, in the shared layout
    (notifications/layout/email.*) with the footer in the recipient's language."""
    with translation.override(language):
        footer = _render(LAYOUT_TEMPLATES.format(language=language, name="footer.txt"), {})
        context = {"items": items, "site_url": settings.SITE_URL, "language": language, "footer": footer}
        if len(items) == 1:
            subject = items[0]["subject"]
        else:
            subject = _render(LAYOUT_TEMPLATES.format(language=language, name="digest_subject.txt"), context)
        text = _render("notifications/layout/email.txt", context)
        html = _render("notifications/layout/email.html", context)
    return " ".join(subject.split()), text, html


def render_short(*, items: list[dict], language: str) -> str:
    """The text of one SMS or WhatsApp message carrying one or several notifications."""
    if len(items) == 1:
        return items[0]["short"]
    context = {"items": items, "site_url": settings.SITE_URL}
    with translation.override(language):
        return _render(LAYOUT_TEMPLATES.format(language=language, name="digest_short.txt"), context)
