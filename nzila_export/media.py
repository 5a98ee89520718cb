"""The public uploads (listings' photos) kept on the local disk, at the URLs the API gives for them.

Without a bucket (AWS_STORAGE_BUCKET_NAME), Django's default storage writes under MEDIA_ROOT and names each
file by a URL under MEDIA_URL on this server; this view answers those URLs, with Last-Modified and 304s
(django.views.static.serve, which refuses paths outside MEDIA_ROOT). Export documents and invoices are kept
apart, outside MEDIA_ROOT, and never served here. With a bucket, S3 serves the files and nothing is under
MEDIA_ROOT. A busy site puts S3 (or its web server) in front of its photos: README, Deploying.
"""

from django.conf import settings
from django.views.static import serve


def media_file(request, path: str):
    return serve(request, path, document_root=settings.MEDIA_ROOT)  # read per request: tests move the root
