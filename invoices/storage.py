"""Where invoice PDFs live: private, like export documents, and only ever read through the storage API.

The "invoices" storage (settings.STORAGES) is Cloudinary as authenticated raw assets when CLOUDINARY_URL
is set, else private S3 when a bucket is named, else PRIVATE_MEDIA_ROOT on disk. The API hands the
deal's parties short-lived links (invoices.downloads).
"""

from django.core.files.storage import storages


def invoice_storage():
    return storages["invoices"]
