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


CLOUD_PHONE_NUMBER_ID = "106540352242922"
CLOUD_APP_SECRET = "meta-app-secret"
CLOUD_MESSAGES_URL = f"https://graph.facebook.com/v21.0/{CLOUD_PHONE_NUMBER_ID}/messages"


@pytest.fixture
def whatsapp_cloud(settings):
    """WhatsApp through Meta's Cloud API, configured, with the Graph API intercepted at the transport (the
    one HTTP policy's own request code runs). Yields the `responses` mock to register answers on."""
    settings.WHATSAPP_PROVIDER = "cloud"
    settings.WHATSAPP_CLOUD_TOKEN = "EAAG-test-token"
    settings.WHATSAPP_CLOUD_PHONE_NUMBER_ID = CLOUD_PHONE_NUMBER_ID
    settings.WHATSAPP_CLOUD_APP_SECRET = CLOUD_APP_SECRET
    settings.WHATSAPP_CLOUD_VERIFY_TOKEN = "meta-verify-token"
    settings.WHATSAPP_CLOUD_BASE_URL = "https://graph.facebook.com"
    settings.SITE_URL = "https://api.nzila.example"
    with responses.RequestsMock() as mock:
        yield mock


def cloud_message_created(wamid: str, to: str) -> dict:
    """What the Cloud API answers a sent message with (Meta's messages reference)."""
    return {"messaging_product": "whatsapp", "contacts": [{"input": to, "wa_id": to}], "messages": [{"id": wamid}]}


def cloud_error(code: int, message: str, *, error_type: str = "OAuthException") -> dict:
    """A Graph API error object, as the Cloud API answers a refused message."""
    return {
        "error": {
            "message": message,
            "type": error_type,
            "code": code,
            "error_data": {"messaging_product": "whatsapp", "details": message},
            "fbtrace_id": "AbCdEfGh123",
        }
    }


def cloud_signature(body: bytes) -> str:
    """X-Hub-Signature-256 as Meta computes it: HMAC-SHA256 of the raw body with the app secret."""
    return "sha256=" + hmac.new(CLOUD_APP_SECRET.encode(), body, hashlib.sha256).hexdigest()


def cloud_webhook(*, statuses: list[dict] = (), messages: list[dict] = ()) -> dict:
    """A Cloud API webhook payload (object whatsapp_business_account, field messages)."""
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15146550101", "phone_number_id": CLOUD_PHONE_NUMBER_ID},
    }
    if statuses:
        value["statuses"] = list(statuses)
    if messages:
        value["messages"] = list(messages)
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": value}]}],
    }


def cloud_status(wamid: str, status: str, *, recipient: str = "2250701020304", errors: list | None = None) -> dict:
    status_object = {"id": wamid, "status": status, "timestamp": "1764645600", "recipient_id": recipient}
    if errors:
        status_object["errors"] = errors
    return status_object
