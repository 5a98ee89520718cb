"""The Cloudinary storage through the SDK's real request code, against a local server that speaks the
parts of Cloudinary's API it uses (cloudinary.com/documentation/image_upload_api_reference and
admin_api): upload, destroy, resource details and the signed download of an authenticated raw asset.
The server checks every signature as Cloudinary documents it. No network: the SDK's upload_prefix points
at the server."""

import base64
import hashlib
import json
import threading
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile

from invoices.cloudinary import CloudinaryPrivateStorage, CloudinaryStorageError
from invoices.downloads import invoice_download_link
from invoices.models import Invoice
from invoices.services.issuing import invoice_issue
from invoices.services.pdf import invoice_pdf_render

CLOUD, KEY, SECRET = "nzila-test", "123456789012345", "a-test-secret"
UNSIGNED = {"file", "cloud_name", "resource_type", "api_key", "signature"}
NAME = "invoices/2026/NZ-2026-000001.pdf"


def signature(params: dict) -> str:
    """Cloudinary's: the parameters but file, cloud_name, resource_type and api_key, sorted, as k=v
    joined by &, then the secret, SHA-1."""
    signed = "&".join(f"{key}={value}" for key, value in sorted(params.items()) if key not in UNSIGNED)
    return hashlib.sha1((signed + SECRET).encode()).hexdigest()


class FakeCloudinary(BaseHTTPRequestHandler):
    """Authenticated raw assets of one cloud, in `server.assets` {public_id: bytes}."""

    def log_message(self, format, *args):
        pass

    def answer(self, status: int, body: dict | bytes) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream" if isinstance(body, bytes) else "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def form(self) -> dict:
        length = int(self.headers["Content-Length"])
        head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + self.rfile.read(length))
        return {part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
                for part in message.iter_parts()}  # fmt: skip

    def do_POST(self):
        self.server.calls.append(("POST", self.path))
        form = self.form()
        params = {key: value.decode() for key, value in form.items() if key != "file"}
        if params.get("signature") != signature(params) or params.get("api_key") != KEY:
            return self.answer(401, {"error": {"message": "Invalid Signature"}})
        public_id = params["public_id"]
        if self.path == f"/v1_1/{CLOUD}/raw/upload":
            self.server.assets[public_id] = form["file"]
            return self.answer(200, {
                "public_id": public_id, "resource_type": "raw", "type": "authenticated", "version": 1796140231,
                "bytes": len(form["file"]), "etag": hashlib.md5(form["file"]).hexdigest(),
                "secure_url": f"https://res.cloudinary.com/{CLOUD}/raw/authenticated/s--x--/v1/{public_id}",
            })  # fmt: skip
        if self.path == f"/v1_1/{CLOUD}/raw/destroy":
            return self.answer(200, {"result": "ok" if self.server.assets.pop(public_id, None) else "not found"})
        return self.answer(404, {"error": {"message": "Not found"}})

    def do_GET(self):
        self.server.calls.append(("GET", self.path))
        url = urlsplit(self.path)
        resources = f"/v1_1/{CLOUD}/resources/raw/authenticated/"
        if url.path.startswith(resources):
            expected = "Basic " + base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()
            if self.headers["Authorization"] != expected:
                return self.answer(401, {"error": {"message": "Invalid credentials"}})
            public_id = unquote(url.path.removeprefix(resources))
            if public_id not in self.server.assets:
                return self.answer(404, {"error": {"message": f"Resource not found - {public_id}"}})
            return self.answer(200, {"public_id": public_id, "bytes": len(self.server.assets[public_id])})
        if url.path == f"/v1_1/{CLOUD}/raw/download":
            params = dict(parse_qsl(url.query))
            if params.get("signature") != signature(params) or params.get("type") != "authenticated":
                return self.answer(401, {"error": {"message": "Invalid Signature"}})
            if int(params["expires_at"]) < int(params["timestamp"]) or params["public_id"] not in self.server.assets:
                return self.answer(404, {"error": {"message": "Resource not found"}})
            return self.answer(200, self.server.assets[params["public_id"]])
        return self.answer(404, {"error": {"message": "Not found"}})


@pytest.fixture
def cloudinary_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeCloudinary)
    server.assets, server.calls = {}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CLOUDINARY_URL = f"cloudinary://{KEY}:{SECRET}@{CLOUD}?upload_prefix=http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def storage(cloudinary_server) -> CloudinaryPrivateStorage:
    return CloudinaryPrivateStorage()


def test_a_file_is_uploaded_as_an_authenticated_raw_asset_and_read_back_signed(storage, cloudinary_server):
    assert storage.save(NAME, ContentFile(b"%PDF-1.7 invoice")) == NAME

    assert cloudinary_server.assets == {NAME: b"%PDF-1.7 invoice"}
    assert storage.exists(NAME)
    assert storage.size(NAME) == len(b"%PDF-1.7 invoice")
    with storage.open(NAME, "rb") as stored:
        assert stored.read() == b"%PDF-1.7 invoice"
    url = urlsplit(storage.url(NAME))
    params = dict(parse_qsl(url.query))
    assert url.path == f"/v1_1/{CLOUD}/raw/download"
    assert params["type"] == "authenticated"
    assert int(params["expires_at"]) - int(params["timestamp"]) == 300


def test_a_missing_file_does_not_exist_and_deleting_it_is_no_error(storage, cloudinary_server):
    assert not storage.exists(NAME)
    storage.delete(NAME)
    storage.save(NAME, ContentFile(b"%PDF-1.7"))
    storage.delete(NAME)
    assert cloudinary_server.assets == {}
    with pytest.raises(FileNotFoundError):
        storage.size(NAME)


def test_a_refusal_is_a_storage_error(storage, settings):
    settings.CLOUDINARY_URL = settings.CLOUDINARY_URL.replace(SECRET, "a-wrong-secret")
    with pytest.raises(CloudinaryStorageError, match="401 - Invalid credentials"):
        CloudinaryPrivateStorage().save(NAME, ContentFile(b"%PDF-1.7"))


@pytest.mark.parametrize("url", ["", "https://api.cloudinary.com", "cloudinary://key@cloud"])
def test_an_incomplete_cloudinary_url_is_refused_clearly(settings, url):
    settings.CLOUDINARY_URL = url
    with pytest.raises(ImproperlyConfigured, match="CLOUDINARY_URL"):
        CloudinaryPrivateStorage()


@pytest.mark.django_db
def test_an_invoice_pdf_rendered_to_cloudinary_downloads_through_its_link(
    storage, cloudinary_server, draft_invoice, api_client, monkeypatch
):
    """The storage the settings choose when CLOUDINARY_URL is set, in place of the field's disk one."""
    monkeypatch.setattr(Invoice._meta.get_field("pdf"), "storage", storage)
    issued = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)
    invoice = invoice_pdf_render(invoice_id=issued.pk)

    stored = cloudinary_server.assets[invoice.pdf.name]
    assert invoice.pdf.name == f"invoices/{invoice.issued_on:%Y}/{invoice.number}.pdf"
    assert hashlib.sha256(stored).hexdigest() == invoice.pdf_sha256
    response = api_client.get(invoice_download_link(invoice=invoice, user=invoice.deal.buyer).path)
    assert b"".join(response.streaming_content) == stored
