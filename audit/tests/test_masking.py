import pytest

from accounts.tests.factories import DealerFactory
from audit.masking import changes_mask
from audit.models import AuditLog
from audit.services import audit_record


def test_secrets_are_masked_and_numbers_keep_their_last_four_at_any_depth():
    changes = {
        "password": ["old-secret", "new-secret"],
        "payout": {"iban": "FR76 3000 6000 0112 3456 7890 189", "bankAccount": ["12345678", "87654321"]},
        "cards": [{"cardNumber": "4242424242424242", "cvc": "123", "brand": "visa"}],
        "stripe_api_key": "sk_live_abc",
        "webhook-signature": "t=1,v1=abc",
        "passport_number": "AB1234567",
        "sin": "046 454 286",
        "pin": "12",
    }

    assert changes_mask(changes) == {
        "password": ["[masked]", "[masked]"],
        "payout": {"iban": "••••0189", "bankAccount": ["••••5678", "••••4321"]},
        "cards": [{"cardNumber": "••••4242", "cvc": "[masked]", "brand": "visa"}],
        "stripe_api_key": "[masked]",
        "webhook-signature": "[masked]",
        "passport_number": "••••4567",
        "sin": "••••4286",
        "pin": "[masked]",
    }


def test_keys_that_merely_contain_a_sensitive_word_are_kept():
    changes = {
        "company_name": "Panorama Motors", "shipping_port": "CAHAL", "stripe_account_id": "acct_1Nzila",
        "business_number": "123456789RT0001", "password_set": True, "token": None, "fields": ["iban"],
    }  # fmt: skip

    assert changes_mask(changes) == changes


@pytest.mark.django_db
def test_the_audit_record_stores_the_masked_changes():
    dealer = DealerFactory()

    audit_record(action="payout.account", instance=dealer, changes={"account_number": [None, "000123456789"]})

    assert AuditLog.objects.get().changes == {"account_number": [None, "••••6789"]}
