from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from privacy.models import ConsentPurpose, DataRequestStatus


class ExportSerializer(serializers.Serializer):
    request = serializers.IntegerField(help_text="The access request in the privacy register")
    status = serializers.ChoiceField(choices=DataRequestStatus.choices)
    url = serializers.CharField(
        allow_null=True, help_text="The ZIP's signed link, valid until expires_at; null while a worker builds it "
        "(the link is then e-mailed)"
    )  # fmt: skip
    expires_at = serializers.DateTimeField(allow_null=True)
    detail = serializers.CharField()


class ErasedSerializer(serializers.Serializer):
    category = serializers.CharField()
    description = serializers.CharField()


class KeptSerializer(ErasedSerializer):
    reason = serializers.CharField(help_text="The law that asks for it")
    kept_until = serializers.DateField(help_text="The last day it is kept")


class DeletionSerializer(serializers.Serializer):
    request = serializers.IntegerField(help_text="The deletion request in the privacy register")
    status = serializers.ChoiceField(choices=DataRequestStatus.choices)
    erase_after = serializers.DateTimeField(help_text="The end of the grace period: until then the e-mailed link "
                                            "cancels the deletion")  # fmt: skip
    detail = serializers.CharField()
    erased = ErasedSerializer(many=True)
    kept = KeptSerializer(many=True)


class DeletionCancelSerializer(serializers.Serializer):
    request = serializers.IntegerField()
    status = serializers.ChoiceField(choices=DataRequestStatus.choices)
    erase_after = serializers.DateTimeField()
    detail = serializers.CharField()


class ConsentSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=ConsentPurpose.choices)
    label = serializers.CharField()
    granted = serializers.BooleanField()
    changed_at = serializers.DateTimeField(allow_null=True, help_text="Null: never given nor withdrawn (off)")


class ConsentSettingsSerializer(serializers.Serializer):
    consents = ConsentSerializer(many=True)
    changed_at = serializers.DateTimeField(allow_null=True, help_text="The last change of any consent")


class ConsentUpdateSerializer(serializers.Serializer):
    """The consents to change, each true (given) or false (withdrawn); those left out stay as they are."""

    def get_fields(self):
        return {purpose: serializers.BooleanField(required=False) for purpose in ConsentPurpose.values}

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError(_("Name at least one consent to change."))
        return attrs
