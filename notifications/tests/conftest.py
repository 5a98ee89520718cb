import base64
import hashlib
import hmac

import pytest
import responses

TWILIO_SID = "AC" + "a" * 32
TWILIO_TOKEN = "twilio-test-auth-token"
TWILIO_MESSAGES_URL = f"https://api.twilio.com/2010-04-01/Accounts/{TWILIO_SID}/Messages.json"


@pytest.fixture
def twilio(settings):
    """Twilio configured, with its HTTP API intercepted at the transport (the client's own request
    code runs). Yields the `responses` mock to register answers on."""
    settings.TWILIO_ACCOUNT_SID = TWILIO_SID
    settings.TWILIO_AUTH_TOKEN = TWILIO_TOKEN
    settings.TWILIO_SMS_FROM = "+15146550100"
    settings.TWILIO_WHATSAPP_FROM = "+15146550101"
    settings.SITE_URL = "https://api.nzila.example"
    with responses.RequestsMock() as mock:
        yield mock


def twilio_message_created(sid: str, to: str, body: str = "") -> dict:
    """The Message resource Twilio answers a create with (from Twilio's API reference)."""
    return {
        "account_sid": TWILIO_SID,
        "api_version": "2010-04-01",
        "body": body,
        "date_created": "Mon, 23 Nov 2026 13:01:45 +0000",
        "date_sent": None,
        "date_updated": "Mon, 23 Nov 2026 13:01:45 +0000",
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": "+15146550100",
        "messaging_service_sid": None,
        "num_media": "0",
        "num_segments": "1",
        "price": None,
        "price_unit": None,
        "sid": sid,
        "status": "queued",
        "subresource_uris": {"media": f"/2010-04-01/Accounts/{TWILIO_SID}/Messages/{sid}/Media.json"},
        "to": to,
        "uri": f"/2010-04-01/Accounts/{TWILIO_SID}/Messages/{sid}.json",
    }


def twilio_signature(url: str, params: dict) -> str:
    """X-Twilio-Signature exactly as Twilio computes it: the URL followed by each POST parameter's
    name and value in name order, HMAC-SHA1 with the auth token, base64."""
    payload = url + "".join(f"{name}{params[name]}" for name in sorted(params))
    digest = hmac.new(TWILIO_TOKEN.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()
