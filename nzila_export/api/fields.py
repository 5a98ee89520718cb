from rest_framework import serializers

from nzila_export.stored_text import stored_text_read


class StoredTextField(serializers.CharField):
    """A text the platform wrote into the row (nzila_export.stored_text), in the reader's language."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return stored_text_read(value)
