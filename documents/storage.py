"""Where document files live: private storage, never a public URL.

On disk they go under PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, so that a web server publishing /media/
cannot serve them; on S3 under a `private/` prefix with a private ACL. Either way a file is only ever
read through the storage API by the signed download view (documents.downloads).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class PrivateFileSystemStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Documents have no public URL; serve them through a signed download link.")


def document_storage():
    return storages["documents"]
