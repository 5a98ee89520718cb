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
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.utils import translation
from django.utils.choices import flatten_choices
from django.utils.functional import Promise

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
    "ml",
    "notifications",
    "nzila_export",
    "operations",
    "payments",
    "plans",
    "privacy",
    "recommendations",
    "reports",
    "search_analytics",
    "shipments",
    "support",
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
            elif UNNAMED_PLACEHOLDER.search(argument.value.replace("%%", "")):  # "%% above" is a percent sign
                wrong.append(f"{where}: unnamed placeholder in {argument.value!r}")
    assert not wrong, "\n".join(wrong)


def _not_lazy(text) -> bool:
    """A label read by a person but fixed when the module loads, in whatever language was active then."""
    return not isinstance(text, Promise)


def _model_labels(model):
    """(what, text) of every label of the model that the admin and the API schema show."""
    options = model._meta
    yield "verbose_name", options.verbose_name
    yield "verbose_name_plural", options.verbose_name_plural
    for field in options.concrete_fields:
        if field.auto_created:
            continue  # the primary key: Django's own "ID"
        yield f"{field.name}.verbose_name", field.verbose_name
        if field.help_text:
            yield f"{field.name}.help_text", field.help_text
        if isinstance(field.choices, list | tuple):  # not choices computed when read (django-countries)
            for value, label in flatten_choices(field.choices):
                yield f"{field.name} choice {value!r}", label


@pytest.mark.parametrize("app", CHECKED_APPS)
def test_models_are_labelled_through_gettext_lazy(app):
    """Model and field names, help texts and choices are _("...") (gettext_lazy), so that the admin shows
    them in its reader's language; a plain string, or the name Django makes from the class or field, stays
    English."""
    plain = [
        f"{model.__name__}.{what}: {text!r}"
        for model in apps.get_app_config(app).get_models()
        if ".tests." not in model.__module__  # a model a test makes for itself
        for what, text in _model_labels(model)
        if _not_lazy(text)
    ]
    assert not plain, f"Wrap these labels of {app} in gettext_lazy:\n" + "\n".join(plain)


def _admin_labels(model_admin):
    """(what, text) of the titles and descriptions an admin page shows beside the model's own labels."""
    for action in model_admin.actions or ():
        if callable(action):  # an action named by a string is one of the methods below
            yield f"action {action.__name__}", getattr(action, "short_description", action.__name__)
    for admin_class in type(model_admin).__mro__:
        if admin_class.__module__.startswith("django."):
            continue  # Django's own (the action checkbox's header is markup, not a message)
        for name, method in vars(admin_class).items():
            if callable(method) and hasattr(method, "short_description"):  # @admin.action and @admin.display
                yield f"{name} description", method.short_description
    for list_filter in model_admin.list_filter:
        if isinstance(list_filter, type) and issubclass(list_filter, admin.SimpleListFilter):
            yield f"filter {list_filter.__name__}", list_filter.title
    for title, options in (*(model_admin.fieldsets or ()), *getattr(model_admin, "add_fieldsets", ())):
        if title is not None:
            yield f"fieldset {title!r}", title
        if options.get("description"):
            yield f"fieldset {title!r} description", options["description"]


@pytest.mark.parametrize("app", CHECKED_APPS)
def test_admin_labels_are_lazy(app):
    """Actions, displayed columns, filters and fieldsets of the app's admin pages read in the staff member's
    language."""
    plain = [
        f"{type(model_admin).__name__} {what}: {text!r}"
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == app
        for what, text in _admin_labels(model_admin)
        if _not_lazy(text)
    ]
    assert not plain, f"Wrap these admin labels of {app} in gettext_lazy:\n" + "\n".join(plain)
