"""Invoice PDFs on Cloudinary, as authenticated raw assets: the only module that imports cloudinary.

Credentials come from settings.CLOUDINARY_URL (cloudinary://KEY:SECRET@CLOUD, with any other SDK option as
a query parameter, e.g. upload_prefix) and go with every call, not into the SDK's global. A file is uploaded
under its storage name as its public_id (a raw asset keeps its extension in it) with type
"authenticated", so that no public URL serves it: every read goes through a signed, expiring download
URL of the Upload API (`private_download_url`). Existence and size come from the Admin API.

The SDK sends its own requests (urllib3, no retries): an upload of the same public_id with overwrite is
idempotent, so a failed one is simply tried again by the task that wrote it. Downloads go through the
project's HTTP policy (nzila_export.http), retried as any GET.
"""

import time
from urllib.parse import parse_qsl, unquote, urlsplit

import cloudinary.api
import cloudinary.uploader
import cloudinary.utils
from cloudinary.exceptions import Error, NotFound
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.utils.deconstruct import deconstructible

from nzila_export.http import ProviderError, provider_call

ASSET = {"resource_type": "raw", "type": "authenticated"}
DOWNLOAD_URL_SECONDS = 300


class CloudinaryStorageError(OSError):
    """Cloudinary did not do what the storage asked (its SDK's or HTTP error, in the message)."""


@deconstructible
class CloudinaryPrivateStorage(Storage):
    def __init__(self):
        url = urlsplit(settings.CLOUDINARY_URL)
        if url.scheme != "cloudinary" or not (url.hostname and url.username and url.password):
            raise ImproperlyConfigured(
                "CLOUDINARY_URL must be cloudinary://KEY:SECRET@CLOUD for invoices to be stored on Cloudinary."
            )
        self.account = {
            "cloud_name": url.hostname,
            "api_key": unquote(url.username),
            "api_secret": unquote(url.password),
            **dict(parse_qsl(url.query)),
        }

    def _options(self, **options) -> dict:
        return {**ASSET, **self.account, "timeout": settings.OUTBOUND_TIMEOUT_SECONDS, **options}

    def _save(self, name, content) -> str:
        content.seek(0)
        try:
            result = cloudinary.uploader.upload(
                content.read(), **self._options(public_id=name, overwrite=True, invalidate=True)
            )
        except Error as error:
            raise CloudinaryStorageError(f"Cloudinary upload of {name}: {error}") from error
        return result["public_id"]

    def _open(self, name, mode="rb"):
        try:
            response = provider_call("cloudinary", "GET", self.url(name), idempotent=True)
        except ProviderError as error:
            raise CloudinaryStorageError(f"Cloudinary download of {name}: {error}") from error
        return ContentFile(response.content, name=name)

    def _details(self, name) -> dict | None:
        try:
            return cloudinary.api.resource(name, **self._options())
        except NotFound:
            return None
        except Error as error:
            raise CloudinaryStorageError(f"Cloudinary details of {name}: {error}") from error

    def exists(self, name) -> bool:
        return self._details(name) is not None

    def size(self, name) -> int:
        details = self._details(name)
        if details is None:
            raise FileNotFoundError(name)
        return details["bytes"]

    def delete(self, name) -> None:
        """Like the other storages, deleting what is not there is no error (Cloudinary says "not found")."""
        try:
            cloudinary.uploader.destroy(name, **self._options(invalidate=True))
        except Error as error:
            raise CloudinaryStorageError(f"Cloudinary deletion of {name}: {error}") from error

    def url(self, name) -> str:
        """A signed URL that downloads the file for DOWNLOAD_URL_SECONDS, then answers nothing."""
        return cloudinary.utils.private_download_url(
            name, "", **self._options(expires_at=int(time.time()) + DOWNLOAD_URL_SECONDS)
        )
