"""Encryption at rest (nzila_export.field_encryption) seen from the database: what a column holds in SQL,
what the Python value shows, key rotation and the data migration of clear values."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from accounts.tests.factories import BrokerFactory, BuyerFactory
from audit.models import AuditLog
from commissions.models import BrokerPayoutAccount
from commissions.services.payouts import broker_payout_account_set
from nzila_export.field_encryption import FieldDecryptionError, SealedText, encrypted_columns_migration

pytestmark = pytest.mark.django_db

OLD_KEY, NEW_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def stored(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def identity_stored(user) -> str:
    return stored("accounts_user", "identity_number", user.pk)


def buyer_with_identity(number: str):
    buyer = BuyerFactory()
    buyer.identity_number = number
    buyer.save()
    return buyer


def test_an_identity_number_read_in_sql_is_ciphertext():
    buyer = buyer_with_identity("CI-A0123456789")

    column = identity_stored(buyer)

    assert column.startswith("gAAAAA")  # a Fernet token (version byte 0x80, base64)
    assert "0123456789" not in column
    loaded = type(buyer).objects.get(pk=buyer.pk).identity_number
    assert isinstance(loaded, SealedText)
    assert (str(loaded), repr(loaded), f"{loaded}") == ("[encrypted]", "<SealedText [encrypted]>", "[encrypted]")
    assert (loaded.reveal(), loaded.masked()) == ("CI-A0123456789", "••••6789")
    assert buyer.identity_number.reveal() == "CI-A0123456789"  # once saved, the instance holds what was stored


def test_every_token_of_the_same_value_differs():
    first, second = buyer_with_identity("P1234567"), buyer_with_identity("P1234567")

    assert identity_stored(first) != identity_stored(second)


def test_an_empty_value_stays_empty():
    buyer = BuyerFactory()

    assert identity_stored(buyer) == ""
    assert type(buyer).objects.get(pk=buyer.pk).identity_number == ""


def test_a_value_encrypted_with_an_unknown_key_is_a_clear_error(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    buyer = buyer_with_identity("P1234567")
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]

    with pytest.raises(FieldDecryptionError, match="could not be decrypted with any key of FIELD_ENCRYPTION_KEYS"):
        type(buyer).objects.get(pk=buyer.pk).identity_number.reveal()


def test_a_malformed_key_is_named(settings):
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, "not-a-key"]

    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS: key 2 is not a Fernet key"):
        buyer_with_identity("P1234567")


def test_rotation_re_encrypts_every_value_with_the_new_first_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    buyer = buyer_with_identity("A 1234 5678")
    broker = BrokerFactory()
    account = broker_payout_account_set(
        broker=broker, mobile_money_phone="+254708374149", bank_details="KCB, account 0123456789"
    )
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]  # the new key first, the old one still decrypting

    output = StringIO()
    call_command("rotate_field_encryption", "--batch-size", "1", stdout=output)

    tokens = [
        identity_stored(buyer),
        stored("commissions_brokerpayoutaccount", "mobile_money_phone", account.pk),
        stored("commissions_brokerpayoutaccount", "bank_details", account.pk),
    ]
    for token in tokens:
        assert Fernet(NEW_KEY).decrypt(token.encode())
        with pytest.raises(InvalidToken):
            Fernet(OLD_KEY).decrypt(token.encode())
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]  # the old key dropped
    assert type(buyer).objects.get(pk=buyer.pk).identity_number.reveal() == "A 1234 5678"
    rotated = BrokerPayoutAccount.objects.get(pk=account.pk)
    assert (rotated.mobile_money_phone.reveal(), rotated.bank_details.reveal()) == (
        "+254708374149",
        "KCB, account 0123456789",
    )
    assert "accounts.User.identity_number: 1 value re-encrypted." in output.getvalue()
    assert "commissions.BrokerPayoutAccount.bank_details: 1 value re-encrypted." in output.getvalue()
    assert "commissions.Payout.destination: 0 values re-encrypted." in output.getvalue()
    assert output.getvalue().endswith("3 values re-encrypted with the first key.\n")
    record = AuditLog.objects.get(action="field_encryption.rotate")
    assert record.changes["total"] == 3
    assert record.changes["rotated"]["commissions.BrokerPayoutAccount.mobile_money_phone"] == 1


def test_the_data_migration_encrypts_clear_values_and_its_reverse_decrypts_them():
    account = BrokerPayoutAccount.objects.create(broker=BrokerFactory())
    with connection.cursor() as cursor:  # as the column was before the migration: clear text
        cursor.execute(
            "UPDATE commissions_brokerpayoutaccount SET mobile_money_phone = %s, bank_details = %s WHERE id = %s",
            ["+254708374149", "KCB, account 0123456789", account.pk],
        )
    migration = encrypted_columns_migration("commissions", "BrokerPayoutAccount", "mobile_money_phone", "bank_details")

    with connection.schema_editor() as editor:
        migration.code(apps, editor)

    phone = stored("commissions_brokerpayoutaccount", "mobile_money_phone", account.pk)
    assert phone.startswith("gAAAAA")
    assert "708374149" not in phone
    encrypted = BrokerPayoutAccount.objects.get(pk=account.pk)
    assert (encrypted.mobile_money_phone.reveal(), encrypted.bank_details.reveal()) == (
        "+254708374149",
        "KCB, account 0123456789",
    )
    with connection.schema_editor() as editor:
        migration.reverse_code(apps, editor)
    assert [
        stored("commissions_brokerpayoutaccount", column, account.pk)
        for column in ("mobile_money_phone", "bank_details")
    ] == ["+254708374149", "KCB, account 0123456789"]
