from rest_framework import serializers

from audit.models import AuditLog


class AuditLogSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", default=None, read_only=True, allow_null=True)

    class Meta:
        model = AuditLog
        fields = [
            "id", "sequence", "timestamp", "user", "username", "action", "model_name", "object_id", "object_repr",
            "changes", "ip_address", "user_agent", "previous_hash", "row_hash",
        ]  # fmt: skip
        read_only_fields = fields
