from rest_framework import serializers

from notifications.models import Category, Channel, Notification


class NotificationSerializer(serializers.ModelSerializer):
    is_read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "event", "title", "body", "related_key", "is_read", "read_at", "created_at"]
        read_only_fields = fields

    def get_is_read(self, notification) -> bool:
        return notification.read_at is not None


class UnreadCountSerializer(serializers.Serializer):
    unread = serializers.IntegerField()


class MarkedReadSerializer(serializers.Serializer):
    marked_read = serializers.IntegerField()


class PreferenceSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=Channel.choices)
    category = serializers.ChoiceField(choices=Category.choices)
    enabled = serializers.BooleanField()
    locked = serializers.BooleanField(read_only=True)
    consented_at = serializers.DateTimeField(read_only=True, allow_null=True)


class PreferencesUpdateSerializer(serializers.Serializer):
    preferences = PreferenceSerializer(many=True, allow_empty=False)


class UnsubscribedSerializer(serializers.Serializer):
    channel = serializers.CharField(help_text="The channel whose marketing consent was withdrawn: email")
    category = serializers.CharField(help_text="marketing")
    enabled = serializers.BooleanField()
