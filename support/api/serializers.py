from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Role
from deals.models import Deal
from payments.models import Payment
from shipments.models import Shipment
from support.downloads import attachment_download_link
from support.models import (
    FaqCategory,
    Ticket,
    TicketAttachment,
    TicketCategory,
    TicketMessage,
    TicketPriority,
    TicketStatus,
)
from support.selectors import VISIBLE_OBJECTS


class TicketMessageSerializer(serializers.ModelSerializer):
    author_name = serializers.SerializerMethodField()

    class Meta:
        model = TicketMessage
        fields = ["id", "author", "author_name", "body", "is_internal", "via", "created_at"]
        read_only_fields = fields
        extra_kwargs = {"via": {"help_text": "Where it was written: in the app, by answering an e-mail, on WhatsApp."}}

    def get_author_name(self, message: TicketMessage) -> str:
        author = message.author
        if author is None:
            return ""
        return author.get_full_name() or author.username


class TicketAttachmentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField(help_text="A link to the file, valid for 5 minutes.")

    class Meta:
        model = TicketAttachment
        fields = ["id", "original_name", "content_type", "size_bytes", "uploaded_by", "created_at", "download_url"]
        read_only_fields = fields

    def get_download_url(self, attachment: TicketAttachment) -> str:
        request = self.context["request"]
        return request.build_absolute_uri(attachment_download_link(attachment=attachment, user=request.user).path)


class TicketSerializer(serializers.ModelSerializer):
    is_overdue = serializers.BooleanField(read_only=True, help_text="Unresolved and past a target.")

    class Meta:
        model = Ticket
        fields = [
            "id",
            "subject",
            "category",
            "status",
            "priority",
            "deal",
            "payment",
            "shipment",
            "opened_by",
            "assigned_to",
            "created_at",
            "status_changed_at",
            "first_response_due_at",
            "first_response_at",
            "resolution_due_at",
            "resolved_at",
            "closed_at",
            "is_overdue",
        ]
        read_only_fields = fields


class TicketDetailSerializer(TicketSerializer):
    messages = serializers.SerializerMethodField(help_text="The conversation; internal notes for staff only.")
    attachments = TicketAttachmentSerializer(many=True, read_only=True)

    class Meta(TicketSerializer.Meta):
        fields = [*TicketSerializer.Meta.fields, "messages", "attachments"]
        read_only_fields = fields

    @extend_schema_field(TicketMessageSerializer(many=True))
    def get_messages(self, ticket: Ticket) -> list[dict]:
        return TicketMessageSerializer(self.context["visible_messages"], many=True).data


class TicketOpenSerializer(serializers.Serializer):
    subject = serializers.CharField(max_length=200)
    category = serializers.ChoiceField(choices=TicketCategory.choices)
    priority = serializers.ChoiceField(choices=TicketPriority.choices, default=TicketPriority.NORMAL)
    body = serializers.CharField(max_length=10_000, help_text="The first message: what happened.")
    deal = serializers.PrimaryKeyRelatedField(
        queryset=Deal.objects.none(),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": _("No deal you take part in has the id {pk_value}.")},
    )
    payment = serializers.PrimaryKeyRelatedField(
        queryset=Payment.objects.none(),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": _("No payment you take part in has the id {pk_value}.")},
    )
    shipment = serializers.PrimaryKeyRelatedField(
        queryset=Shipment.objects.none(),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": _("No shipment you take part in has the id {pk_value}.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")  # none when the schema is generated
        if request is not None and request.user.is_authenticated:
            for name, visible_to in VISIBLE_OBJECTS.items():
                self.fields[name].queryset = visible_to(user=request.user)

    def validate(self, attrs):
        named = [name for name in VISIBLE_OBJECTS if attrs.get(name) is not None]
        if len(named) != 1:
            raise serializers.ValidationError(
                gettext("Name exactly one deal, payment or shipment the ticket is about (you named %(count)s).")
                % {"count": len(named)}
            )
        return attrs


class TicketMessageCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=10_000)
    is_internal = serializers.BooleanField(default=False, help_text="Staff only: a note the opener never sees.")


class TicketAttachmentCreateSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="PDF, JPEG or PNG, at most 10 MB; its bytes decide what it is.")


def _staff_members():
    return get_user_model().objects.filter(Q(is_staff=True) | Q(role=Role.STAFF), is_active=True)


class TicketAssignSerializer(serializers.Serializer):
    assigned_to = serializers.PrimaryKeyRelatedField(
        queryset=_staff_members(),
        allow_null=True,
        help_text="A staff member's id, or null to unassign.",
        error_messages={"does_not_exist": _("No staff member has the id {pk_value}.")},
    )


class TicketStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=TicketStatus.choices)


class TargetMetricsSerializer(serializers.Serializer):
    measured = serializers.IntegerField(help_text="Tickets answered (or resolved) so far.")
    median_hours = serializers.FloatField(allow_null=True)
    p90_hours = serializers.FloatField(allow_null=True)
    within_target = serializers.IntegerField()
    missed_target = serializers.IntegerField(help_text="Late, or still waiting past the target.")
    within_target_share = serializers.FloatField(allow_null=True, help_text="within / (within + missed).")


class MetricsSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    tickets_opened = serializers.IntegerField()
    first_response = TargetMetricsSerializer()
    resolution = TargetMetricsSerializer()


class FaqQuerySerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=FaqCategory.choices, required=False)


class FaqEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    category = serializers.CharField()
    category_label = serializers.CharField()
    question = serializers.CharField()
    answer = serializers.CharField()
