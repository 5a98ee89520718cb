from django.utils import formats, timezone
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.context import client_ip
from nzila_export.api.throttling import ScopedThrottle, SignedInThrottle
from nzila_export.signed_links import signed_link_file_response
from privacy.api import serializers
from privacy.links import deletion_cancel_open, export_download_open
from privacy.models import ConsentPurpose, ConsentSource
from privacy.selectors import consent_states
from privacy.services.access import access_request
from privacy.services.consents import consents_update
from privacy.services.deletion import deletion_cancel, deletion_request

EXPIRED = OpenApiResponse(description="The link has expired, or the request it names is closed.")


class ExportView(APIView):
    """Any signed-in person: everything their account holds, as a ZIP of JSON files (a README.txt in their
    language says what each holds) and their files. Each call is an access request in the privacy register."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [SignedInThrottle, ScopedThrottle]
    throttle_scope = "privacy"  # each call gathers the whole account

    @extend_schema(
        responses={
            200: OpenApiResponse(serializers.ExportSerializer, description="Built at once: `url` downloads it."),
            202: OpenApiResponse(
                serializers.ExportSerializer,
                description="A large account: a worker builds it and e-mails the link (`url` is null); asked again "
                "meanwhile, the same request answers.",
            ),
        }
    )
    def get(self, request):
        data_request, link = access_request(user=request.user)
        body = {"request": data_request.pk, "status": data_request.status, "url": None, "expires_at": None}
        if link is None:
            detail = gettext("We are gathering your data; we will e-mail you a download link when it is ready.")
            return Response({**body, "detail": detail}, status=status.HTTP_202_ACCEPTED)
        body.update(url=request.build_absolute_uri(link.path), expires_at=link.expires_at)
        detail = gettext("Your data is ready: download it before the link expires.")
        return Response(serializers.ExportSerializer({**body, "detail": detail}).data)  # the time local, not UTC


class ExportDownloadView(APIView):
    """The ZIP behind a signed link (the API's answer or the e-mail's). The token is the credential (no
    sign-in, so that a browser can open it from the e-mail); a forged one is 404, a stale one 410."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY, 410: EXPIRED})
    def get(self, request, token: str):
        data_request = export_download_open(token=token)
        return signed_link_file_response(
            data_request.export_file,
            filename=f"nzila-data-{data_request.received_at:%Y-%m-%d}.zip",
            content_type="application/zip",
        )


class DeletionView(APIView):
    """Any signed-in person deletes their own account: refused (409, `blockers`) while it has an open deal, an
    unpaid invoice or an unsettled commission. Otherwise the account is closed at once, and its personal
    information erased once the grace period has passed, unless the e-mailed link cancels it before."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [SignedInThrottle, ScopedThrottle]
    throttle_scope = "privacy"

    @extend_schema(
        request=None,
        responses={
            202: serializers.DeletionSerializer,
            409: OpenApiResponse(
                description="Open business: `blockers` lists each deal, invoice or commission as {kind, id, reference}."
            ),
        },
    )
    def post(self, request):
        plan = deletion_request(user=request.user)
        due_at = plan.data_request.due_at
        day = formats.date_format(timezone.localtime(due_at), "DATE_FORMAT")
        body = {
            "request": plan.data_request.pk,
            "status": plan.data_request.status,
            "erase_after": due_at,
            "detail": gettext("Your account is closed. We will erase your personal information after %(day)s, unless "
                              "you cancel with the link we e-mailed you.") % {"day": day},
            "erased": [{"category": rule.category, "description": rule.description} for rule in plan.erased],
            "kept": [
                {"category": rule.category, "description": rule.description, "reason": rule.reason, "kept_until": until}
                for rule, until in plan.kept
            ],
        }  # fmt: skip
        return Response(serializers.DeletionSerializer(body).data, status=status.HTTP_202_ACCEPTED)


class DeletionCancelView(APIView):
    """The link e-mailed with a deletion: GET tells where the request stands, POST cancels it and opens the
    account again. The token is the credential (the account is closed, so nobody can sign in to it); a forged
    one is 404; once the grace period is over, or the request processed or cancelled, 410."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses={200: serializers.DeletionCancelSerializer, 410: EXPIRED})
    def get(self, request, token: str):
        data_request = deletion_cancel_open(token=token)
        detail = gettext("This deletion can still be cancelled: post to this address to cancel it.")
        return Response(self._body(data_request, detail))

    @extend_schema(request=None, responses={200: serializers.DeletionCancelSerializer, 410: EXPIRED})
    def post(self, request, token: str):
        data_request = deletion_cancel(token=token)
        return Response(self._body(data_request, gettext("Deletion cancelled: your account is open again; sign in.")))

    def _body(self, data_request, detail: str) -> dict:
        return {
            "request": data_request.pk, "status": data_request.status, "erase_after": data_request.due_at,
            "detail": detail,
        }  # fmt: skip


class ConsentSettingsView(APIView):
    """Any signed-in person's consents: marketing by e-mail, WhatsApp and SMS (the marketing channels of their
    notification preferences), analytics, and profiling for recommendations. Each change is kept, with its time,
    address and device; a withdrawn marketing consent stops marketing on that channel at once."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=serializers.ConsentSettingsSerializer)
    def get(self, request):
        return Response(self._settings(request.user))

    @extend_schema(request=serializers.ConsentUpdateSerializer, responses=serializers.ConsentSettingsSerializer)
    def patch(self, request):
        update = serializers.ConsentUpdateSerializer(data=request.data)
        update.is_valid(raise_exception=True)
        consents_update(
            user=request.user,
            changes=update.validated_data,
            source=ConsentSource.API,
            ip_address=client_ip(request),
            user_agent=request.headers.get("User-Agent", ""),
        )
        return Response(self._settings(request.user))

    def _settings(self, user) -> dict:
        states = consent_states(user=user)
        consents = [
            {"purpose": state.purpose, "label": ConsentPurpose(state.purpose).label, "granted": state.granted,
             "changed_at": state.changed_at}
            for state in states
        ]  # fmt: skip
        changed_at = max((state.changed_at for state in states if state.changed_at), default=None)
        return serializers.ConsentSettingsSerializer({"consents": consents, "changed_at": changed_at}).data
