"""Columns encrypted at rest: identity numbers and where payouts go (README, Operations, Field encryption).

A column of an `EncryptedTextField` holds a Fernet token (AES-128-CBC with HMAC-SHA256, `cryptography`),
or "" when empty. Its value in Python, loaded from the database or once saved, is a `SealedText`: it prints
as "[encrypted]" and shows a masked form ("••••9012"), so that a template, a log line, an admin list or
an audit record cannot show the clear value by accident; the services that need it (a payout rail calling
its provider, an invoice printing the buyer's identity number, a person's own privacy export) call
`reveal()`. A plain `str` assigned to the field is encrypted when the row is saved (after validation, so
a phone number is normalized first). The clear value cannot be searched or filtered on: every token of
the same text is different.

Keys: FIELD_ENCRYPTION_KEYS, comma-separated Fernet keys; the first encrypts, every one decrypts, so a new
key is put first, `manage.py rotate_field_encryption` re-encrypts every value with it, and the old key is
then dropped. With no keys set outside production, one key derived from SECRET_KEY serves, for local use
only (settings refuse to start production without keys).
"""

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations, models
from phonenumber_field import formfields as phone_formfields
from phonenumber_field.phonenumber import PhoneNumber
from phonenumber_field.phonenumber import to_python as phone_number_parse
from phonenumber_field.validators import validate_international_phonenumber

from audit.masking import number_masked

ENCRYPTED_MARK = "[encrypted]"


class FieldDecryptionError(Exception):
    """A stored token that no key of FIELD_ENCRYPTION_KEYS opens: a key was dropped before the values it
    encrypted were rotated, or the column was written by something else."""


@lru_cache(maxsize=4)
def _keyring(keys: tuple[str, ...], secret_key: str) -> MultiFernet:
    if not keys:
        # Local only: a key derived from SECRET_KEY, so that development and tests run with no keys set.
        digest = hashlib.sha256(b"nzila-field-encryption:" + secret_key.encode()).digest()
        keys = (base64.urlsafe_b64encode(digest).decode(),)
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS: key {position} is not a Fernet key (32 url-safe base64-encoded bytes; "
                "see README, Operations, Field encryption, to make one)."
            ) from error
    return MultiFernet(fernets)


def keyring() -> MultiFernet:
    """The keys of FIELD_ENCRYPTION_KEYS, the first encrypting, every one decrypting."""
    return _keyring(tuple(settings.FIELD_ENCRYPTION_KEYS), settings.SECRET_KEY)


def text_encrypt(clear: str) -> str:
    return keyring().encrypt(clear.encode()).decode()


def token_decrypt(token: str) -> str:
    try:
        return keyring().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise FieldDecryptionError(
            "An encrypted value could not be decrypted with any key of FIELD_ENCRYPTION_KEYS: was a key dropped "
            "before rotate_field_encryption re-encrypted the values it had encrypted?"
        ) from error


def token_rotate(token: str) -> str:
    """The same value encrypted with the first key (FieldDecryptionError if no key opens it)."""
    try:
        return keyring().rotate(token.encode()).decode()
    except InvalidToken as error:
        raise FieldDecryptionError(
            "An encrypted value could not be rotated: no key of FIELD_ENCRYPTION_KEYS opens it."
        ) from error


class SealedText:
    """An encrypted value as loaded from its column: `reveal()` decrypts it, `masked()` shows its end."""

    __slots__ = ("token",)

    def __init__(self, token: str):
        self.token = token

    @classmethod
    def seal(cls, clear: str) -> "SealedText":
        return cls(text_encrypt(clear))

    def reveal(self) -> str:
        return token_decrypt(self.token)

    def masked(self) -> str:
        return number_masked(self.reveal())

    def __str__(self) -> str:
        return ENCRYPTED_MARK

    def __repr__(self) -> str:
        return f"<SealedText {ENCRYPTED_MARK}>"


def revealed(value) -> str:
    """The clear text of a field's value, whether loaded (SealedText), assigned (str) or empty."""
    if isinstance(value, SealedText):
        return value.reveal()
    return "" if value is None else str(value)


def masked(value) -> str:
    """A field's value masked for display ("" when empty), whether loaded or assigned."""
    clear = revealed(value)
    return number_masked(clear) if clear else ""


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token ("" when empty), a SealedText in Python (see the module)."""

    def from_db_value(self, value, expression, connection):
        return SealedText(value) if value else ""

    def to_python(self, value):
        if value is None or isinstance(value, SealedText):
            return value
        return str(value)

    def run_validators(self, value):
        if not isinstance(value, SealedText):  # a stored value was validated when it was set
            super().run_validators(value)

    def clear_for_storage(self, value) -> str:
        """The clear text to encrypt for an assigned value (a subclass normalizes it)."""
        return str(value)

    def seal(self, value):
        if value is None or value == "" or isinstance(value, SealedText):
            return value or ""
        clear = self.clear_for_storage(value)
        return SealedText.seal(clear) if clear else ""

    def pre_save(self, model_instance, add):
        """Encrypt an assigned value, and leave the instance holding what was stored."""
        value = self.seal(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        value = self.seal(value)
        return value.token if isinstance(value, SealedText) else ""

    def value_to_string(self, obj):
        """dumpdata writes the token, never the text (loaddata would encrypt it again: backups are pg_dump's)."""
        value = self.value_from_object(obj)
        return value.token if isinstance(value, SealedText) else ""


class EncryptedPhoneNumberField(EncryptedTextField):
    """An E.164 phone number, encrypted: validated and normalized as django-phonenumber-field does (its form
    field and its error messages), then encrypted."""

    default_validators = [validate_international_phonenumber]

    def to_python(self, value):
        if value is None or value == "" or isinstance(value, SealedText):
            return value
        return phone_number_parse(value)

    def clear_for_storage(self, value) -> str:
        number = phone_number_parse(value)
        if isinstance(number, PhoneNumber) and number.is_valid():
            return number.as_e164
        return str(getattr(number, "raw_input", "") or value)

    def formfield(self, **kwargs):
        # Field's, not TextField's: the phone's own input, not a text area.
        return models.Field.formfield(self, **{"form_class": phone_formfields.PhoneNumberField, **kwargs})


def encrypted_columns_migration(app_label: str, model_name: str, *field_names: str) -> migrations.RunPython:
    """A data migration that encrypts the clear values already in these columns (and decrypts them when
    reversed). Put it in a migration of its own after the one that made them encrypted fields: reversed in
    one transaction, PostgreSQL would refuse the ALTER TABLE after the UPDATE. It reads and writes the raw
    columns: the historical model's field would already expect tokens."""

    def convert(apps, schema_editor, change) -> None:
        model = apps.get_model(app_label, model_name)
        quote = schema_editor.quote_name
        table, key = quote(model._meta.db_table), quote(model._meta.pk.column)
        with schema_editor.connection.cursor() as cursor:
            for name in field_names:
                column = quote(model._meta.get_field(name).column)
                cursor.execute(f"SELECT {key}, {column} FROM {table} WHERE {column} <> ''")  # noqa: S608
                changed = [(change(value), pk) for pk, value in cursor.fetchall()]
                cursor.executemany(f"UPDATE {table} SET {column} = %s WHERE {key} = %s", changed)  # noqa: S608

    return migrations.RunPython(
        lambda apps, schema_editor: convert(apps, schema_editor, text_encrypt),
        lambda apps, schema_editor: convert(apps, schema_editor, token_decrypt),
    )
