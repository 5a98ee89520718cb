"""Every message a person reads exists in French (CONVENTIONS.md, "Languages").

The messages are found as `makemessages` finds them, by the gettext calls in each app's code (babel
reads them with Django's keywords), and each must come out in French from Django itself: a message
missing from the catalogues, a fuzzy or empty entry, a .po edited without compiling its .mo, or an
entry that another app's catalogue translates differently (the first app in INSTALLED_APPS wins) all
fail here, naming the file and line or the catalogue entry. `make messages` updates and compiles the
catalogues.
"""

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

# The apps whose messages are checked: every app of the project (a new app fails the test until it is
# listed here, with its French).
CHECKED_APPS = (
    "accounts",
    "audit",
    "commissions",
    "currencies",
    "deals",
    "documents",
    "invoices",
    "leads",
    "notifications",
    "nzila_export",
    "payments",
    "shipments",
    "vehicles",
    "webhooks",
)

BASE_DIR = Path(settings.BASE_DIR)

# Django's gettext functions, as babel's keyword specs: the message's argument(s) and the context's.
DJANGO_KEYWORDS = {
    "gettext": None,
    "gettext_lazy": None,
    "_": None,
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
SKIPPED_DIRECTORIES = {"migrations", "tests", "locale", "templates", "__pycache__", ".venv"}

# A placeholder that is not named: %s, %d, %.1f ... (%% is a percent sign).
UNNAMED_PLACEHOLDER = re.compile(r"%(?!\(\w+\)|%)[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


def _keep_directory(path: str) -> bool:
    name = Path(path).name
    return name not in SKIPPED_DIRECTORIES and not name.startswith((".", "_"))


def _messages(app: str):
    """(file:line, context, msgid or (singular, plural)) of every gettext call in the app's code."""
    for filename, lineno, message, _comments, context in extract_from_dir(
        BASE_DIR / app,
        method_map=[("**.py", "python")],
        keywords=DJANGO_KEYWORDS,
        comment_tags=(),
        directory_filter=_keep_directory,
    ):
        yield f"{app}/{filename}:{lineno}", context, message


def _catalogue(app: str):
    path = BASE_DIR / app / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return []
    with path.open("rb") as po_file:
        return [message for message in read_po(po_file, locale="fr") if message.id]


def _french(context: str | None, message) -> list[str]:
    """What Django serves in French: one text, or the singular and the plural."""
    with translation.override("fr"):
        if isinstance(message, tuple):
            singular, plural = message[:2]
            if context:
                return [translation.npgettext(context, singular, plural, count) for count in (1, 2)]
            return [translation.ngettext(singular, plural, count) for count in (1, 2)]
        return [translation.pgettext(context, message) if context else translation.gettext(message)]


def _written(message) -> list[str]:
    """The catalogue's French: one text, or one per plural form."""
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def _english(message) -> list[str]:
    return list(message[:2]) if isinstance(message, tuple) else [message]


def test_every_app_is_checked():
    apps = {path.parent.name for path in BASE_DIR.glob("*/apps.py")} | {"nzila_export"}
    unlisted = sorted(apps - set(CHECKED_APPS))
    assert not unlisted, f"Add these apps to CHECKED_APPS (and give their messages French): {unlisted}"


def test_every_message_has_french():
    catalogued = {
        (message.context, message.id)
        for app in CHECKED_APPS
        for message in _catalogue(app)
        if not message.fuzzy and all(_written(message))
    }
    lacking = [
        f"{where}: {message!r}" + (f" (context {context!r})" if context else "")
        for app in CHECKED_APPS
        for where, context, message in _messages(app)
        if _french(context, message) == _english(message) and (context, message) not in catalogued
    ]
    assert not lacking, "Messages without French (run `make messages`, translate, commit the .po and .mo):\n" + (
        "\n".join(lacking)
    )


@pytest.mark.parametrize("app", CHECKED_APPS)
def test_django_serves_each_catalogue_entry_as_written(app):
    """No fuzzy or empty entry, the .mo compiled from the .po, and no other catalogue overriding it."""
    wrong = []
    for message in _catalogue(app):
        written = _written(message)
        if message.fuzzy or not all(written):
            wrong.append(f"{message.id!r}: fuzzy or untranslated")
        elif _french(message.context, message.id) != written[:2]:
            wrong.append(f"{message.id!r}: Django serves {_french(message.context, message.id)!r}, not {written!r}")
    assert not wrong, f"{app}/locale/fr/LC_MESSAGES/django.po:\n" + "\n".join(wrong)


GETTEXT_FUNCTIONS = {"gettext", "gettext_lazy", "_", "ngettext", "ngettext_lazy"}
PGETTEXT_FUNCTIONS = {"pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy"}


def _gettext_calls(app: str):
    for path in sorted((BASE_DIR / app).rglob("*.py")):
        relative = path.relative_to(BASE_DIR)
        if any(part in SKIPPED_DIRECTORIES for part in relative.parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in GETTEXT_FUNCTIONS:
                    arguments = node.args[:2] if node.func.id.startswith("n") else node.args[:1]
                elif node.func.id in PGETTEXT_FUNCTIONS:
                    arguments = node.args[1:3] if node.func.id.startswith("n") else node.args[1:2]
                else:
                    continue
                yield f"{relative}:{node.lineno}", arguments


@pytest.mark.parametrize("app", CHECKED_APPS)
def test_messages_are_literals_with_named_placeholders(app):
    """gettext("... %(status)s ...") % {...}: never an f-string or a formatted string inside gettext
    (nothing to look up in a catalogue), never %s (a translation may need the values in another order)."""
    wrong = []
    for where, arguments in _gettext_calls(app):
        for argument in arguments:
            if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                wrong.append(f"{where}: not a string literal")
            elif UNNAMED_PLACEHOLDER.search(argument.value):
                wrong.append(f"{where}: unnamed placeholder in {argument.value!r}")
    assert not wrong, "\n".join(wrong)
