from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response

from commissions.services.payouts import mpesa_b2c_result_verify
from payments.api.serializers import WebhookAnswerSerializer
from payments.gateways.base import WebhookSignatureInvalid
from webhooks.views import WebhookView

RESULT_PARAMETERS = [
    OpenApiParameter(name="payout", location=OpenApiParameter.QUERY, type=str, required=True,
                     description="Our payout id, from the result URL we gave Daraja"),
    OpenApiParameter(name="kind", location=OpenApiParameter.QUERY, type=str, required=True,
                     description="Which of our requests this answers (the payment request or a status query)"),
    OpenApiParameter(name="token", location=OpenApiParameter.QUERY, type=str, required=True,
                     description="The payout's callback token, from the same URL"),
]  # fmt: skip


class MpesaB2CResultView(WebhookView):
    """Daraja's answer to a B2C payment request or status query about one payout, posted to the result URL
    we gave it. Authenticated by the payout's unguessable token in that URL (Daraja does not sign), stored
    once in the inbox and answered at once; a worker applies it to the payout. 400 and nothing stored for
    a wrong token, an unknown payout or a body that is not Daraja's."""

    @extend_schema(
        parameters=RESULT_PARAMETERS,
        request=OpenApiTypes.OBJECT,
        responses={
            200: WebhookAnswerSerializer,
            400: OpenApiResponse(description="Wrong token, unknown payout or not Daraja's result."),
        },
    )
    def post(self, request):
        try:
            verified = mpesa_b2c_result_verify(
                payout_id=str(request.query_params.get("payout", "")), kind=str(request.query_params.get("kind", "")),
                token=str(request.query_params.get("token", "")), body=request.body,
            )  # fmt: skip
        except WebhookSignatureInvalid:
            return self.bad_signature("M-Pesa")
        event = self.accept(
            provider="mpesa_b2c", event_id=verified.event_id, event_type=verified.event_type,
            headers=("User-Agent", "Content-Type", "X-Forwarded-For"), target=str(verified.payout.pk),
        )  # fmt: skip
        return Response({"event": event.event_id, "status": event.status})
