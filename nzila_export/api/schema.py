"""OpenAPI: tags and operation ids by resource, summaries from docstrings, and the one error format on
every operation. Generated clients (`make clients`) take their module and function names from here."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_doc, get_lib_doc_excludes
from rest_framework.viewsets import ViewSetMixin

API_PREFIX = "/api/v1/"

# The first path segment after /api/v1/ names the resource; these segments belong to a wider one.
TAG_OF_SEGMENT = {
    "auth": "accounts",
    "users": "accounts",
    "saved-searches": "vehicles",
    "price-alerts": "vehicles",
    "payment-methods": "payments",
    "transactions": "payments",
    "subscription": "plans",
    "usage": "plans",
    "search-analytics": "search analytics",
}

# Every tag, in the order Swagger UI and ReDoc show them (SPECTACULAR_SETTINGS["TAGS"]).
TAGS = [
    {"name": "accounts", "description": "Sign-in (JWT), registration, password reset, the caller's profile, users."},
    {
        "name": "vehicles",
        "description": (
            "The catalogue: search, facets, photos, CSV import and export, saved searches, price alerts, "
            "price guidance, similar vehicles."
        ),
    },
    {
        "name": "leads",
        "description": "A buyer's inquiry on a vehicle, its broker, contacts and conversion into a deal.",
    },
    {
        "name": "deals",
        "description": "A sale from agreement to delivery: its status moves, timeline, document checklist and review.",
    },
    {
        "name": "documents",
        "description": "Export documents of a deal: upload (multipart), staff review, signed downloads.",
    },
    {"name": "shipments", "description": "A deal's shipment, its events and public tracking."},
    {
        "name": "payments",
        "description": "Payments on a deal (cards and mobile money), saved cards, refunds, the transaction ledger.",
    },
    {"name": "invoices", "description": "Invoices and credit notes of a deal, their PDFs."},
    {"name": "commissions", "description": "Brokers' and dealers' commissions, holds, payouts and statements."},
    {"name": "plans", "description": "Dealer plans, the dealer's subscription and its usage."},
    {"name": "notifications", "description": "In-app notifications and the caller's channel preferences."},
    {"name": "currencies", "description": "Supported currencies and their current rates."},
    {"name": "recommendations", "description": "Vehicles recommended to the signed-in buyer."},
    {
        "name": "reports",
        "description": "Staff and dealer reports: revenue, pipeline, payments, shipments, commissions.",
    },
    {"name": "search analytics", "description": "What buyers search for (staff)."},
    {"name": "support", "description": "The support desk: tickets, messages, attachments (multipart), FAQ."},
    {"name": "privacy", "description": "The caller's data: export, deletion, consent settings."},
    {"name": "audit", "description": "The audit log of money and status changes (staff)."},
    {
        "name": "webhooks",
        "description": "Providers' callbacks (Stripe, Paystack, mobile money, Twilio, Mailgun, Meta); not for clients.",
    },
    {"name": "health", "description": "Liveness of the API, its database and Redis."},
]

STANDARD_ACTIONS = {"list", "create", "retrieve", "update", "partial_update", "destroy"}
ACTION_OF_METHOD = {
    "GET": "retrieve",
    "POST": "create",
    "PUT": "update",
    "PATCH": "partial_update",
    "DELETE": "destroy",
}


class NzilaAutoSchema(AutoSchema):
    """Tags by resource and operation ids that read as actions (`vehicles_list`, `deals_transition`),
    decided here once for every view rather than on each."""

    def _resource_segments(self) -> list[str]:
        path = self.path[len(API_PREFIX) :] if self.path.startswith(API_PREFIX) else self.path.lstrip("/")
        return [segment for segment in path.split("/") if segment and not segment.startswith("{")]

    def get_tags(self) -> list[str]:
        segments = self._resource_segments()
        if not segments:
            return ["health"]
        return [TAG_OF_SEGMENT.get(segments[0], segments[0])]

    def _methods_on_path(self) -> set[str]:
        action_map = getattr(self.view, "action_map", None)
        methods = action_map.keys() if action_map else self.view.allowed_methods
        return {method.upper() for method in methods} - {"HEAD", "OPTIONS"}

    def get_operation_id(self) -> str:
        """The path's resource words, then the action: a router's standard action by its name, a list by
        `list`; a custom action or a single-method view by its path alone (`deals_transition`), unless
        its path takes several methods (`users_me_retrieve`, `users_me_partial_update`)."""
        name = "_".join(segment.replace("-", "_") for segment in self._resource_segments()) or "root"
        action = getattr(self.view, "action", None)
        if action in STANDARD_ACTIONS:
            return f"{name}_{action}"
        if self.method == "GET" and self._is_list_view():
            return f"{name}_list"
        if len(self._methods_on_path()) <= 1:
            return name
        return f"{name}_{ACTION_OF_METHOD[self.method]}"

    def _generated_summary(self) -> str:
        """`Deals: list`, `Deals: transition`: the resource and the action, where no docstring says more."""
        segments = self._resource_segments() or ["health"]
        resource = " ".join(segments).replace("-", " ").replace("_", " ")
        operation = self.get_operation_id()
        stem = "_".join(segment.replace("-", "_") for segment in segments)
        action = operation[len(stem) :].strip("_").replace("_", " ") or segments[-1].replace("-", " ")
        return f"{resource[:1].upper()}{resource[1:]}: {action}"

    def get_description(self) -> str:
        return super().get_description() or f"{self._generated_summary()}."

    def get_summary(self) -> str | None:
        """The first sentence of the operation's own docstring (or description); a viewset's standard
        action described only by its class's docstring gets `Deals: list` and the like instead."""
        description = super().get_description() or ""
        if not description or (isinstance(self.view, ViewSetMixin) and description == get_doc(self.view.__class__)):
            return self._generated_summary()
        return first_sentence(description)


def library_doc_excludes() -> list[type]:
    """drf-spectacular's GET_LIB_DOC_EXCLUDES: DRF's classes, and the platform's serializer building blocks,
    whose docstrings say how a serializer works, not what a client sends or gets. A serializer without a
    docstring of its own then has no description, as one made straight from DRF's classes has."""
    from nzila_export.api.serializers import BuiltOnceModelSerializer, BuiltOnceSerializer, ReadPlanMixin

    return [*get_lib_doc_excludes(), BuiltOnceModelSerializer, BuiltOnceSerializer, ReadPlanMixin]


def first_sentence(text: str) -> str:
    """Up to the first `.`, `;` or `:` outside parentheses, at most 120 characters."""
    text = " ".join(text.split())
    depth = 0
    for index, character in enumerate(text):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth == 0 and character in ".;:" and text[index + 1 : index + 2] in (" ", ""):
            text = text[:index]
            break
    return text if len(text) <= 120 else text[:117].rsplit(" ", 1)[0] + "..."


ERROR_SCHEMA = {
    "type": "object",
    "description": "The one error format. `fields` is present on validation errors only.",
    "properties": {
        "status": {"type": "integer", "description": "The HTTP status, repeated."},
        "code": {"type": "string", "description": "A stable machine-readable word, e.g. invalid, not_found."},
        "detail": {"type": "string", "description": "What went wrong, for people."},
        "fields": {
            "type": "object",
            "description": "Each wrong field (or non_field_errors) with its messages.",
            "additionalProperties": {},
        },
        "retry_after": {"type": "integer", "description": "Seconds to wait (throttled answers only)."},
    },
    "required": ["status", "code", "detail"],
}

ERROR_RESPONSES = {
    "400": "Invalid input: see `fields`.",
    "401": "Not signed in, or the token is invalid or expired.",
    "403": "Signed in, but not allowed to do this.",
    "404": "Not found, or not visible to the caller.",
    "405": "Method not allowed.",
    "415": "Unsupported media type: send JSON (or multipart where the operation takes files).",
    "429": "Too many requests: see Retry-After.",
}


# Worked examples of the bodies an integrator writes first (and sign-in's answer), by operation id; shown by
# Swagger UI and ReDoc and kept in the generated clients' docs.
REQUEST_EXAMPLES = {
    "auth_token": {"username": "dealer.montreal", "password": "correct-horse-battery"},
    "vehicles_create": {
        "make": "Toyota", "model": "RAV4", "trim": "XLE", "year": 2021, "vin": "2T3P1RFV8MC123456",
        "mileage_km": 48000, "condition": "used_excellent", "price": "31500.00", "currency": "CAD",
        "city": "Montréal", "province": "QC",
    },
    "leads_create": {
        "vehicle": 42, "full_name": "Awa Koné", "email": "awa.kone@example.com", "phone": "+2250701020304",
        "message": "Is the car still available for shipping to Abidjan?", "destination_country": "CI",
    },
    "deals_create": {
        "vehicle": 42, "buyer": 7, "agreed_price": "30000.00", "currency": "CAD",
        "destination_country": "CI", "destination_port": "CIABJ", "incoterm": "CIF",
    },
    "payments_create": {"deal": 12, "amount": "5000.00", "currency": "CAD", "method": "sandbox"},
}  # fmt: skip
# Answers as the API gave them (captured from its own responses, values made readable).
RESPONSE_EXAMPLES = {
    "vehicles_list": ("200", {
        "count": 1, "next": None, "previous": None, "did_you_mean": None,
        "results": [{
            "id": 42, "dealer": {"id": 3, "company_name": "Autos Montréal"}, "make": "Toyota", "model": "RAV4",
            "trim": "XLE", "year": 2021, "vin": "2T3P1RFV8MC123456", "mileage_km": 48000,
            "condition": "used_excellent", "body_type": "suv", "fuel_type": "gasoline",
            "transmission": "automatic", "drive": "awd", "exterior_color": "Silver", "price": "31500.00",
            "currency": "CAD", "city": "Montréal", "province": "QC", "description": "One owner, winter tires included.",
            "status": "available", "price_cad": "31500.00", "cover_photo": None, "photo_count": 0,
            "search_rank": None, "created_at": "2026-11-20T10:15:00-05:00", "updated_at": "2026-11-20T10:15:00-05:00",
        }],
    }),
    "leads_create": ("201", {
        "id": 118, "vehicle": {
            "id": 42, "make": "Toyota", "model": "RAV4", "trim": "XLE", "year": 2021, "body_type": "suv",
            "price": "31500.00", "currency": "CAD", "price_cad": "31500.00", "status": "available",
        },
        "dealer": 3, "buyer": 7, "broker": None, "full_name": "Awa Koné", "email": "awa.kone@example.com",
        "phone": "+2250701020304", "message": "Is the car still available for shipping to Abidjan?",
        "destination_country": "CI", "source": "website", "status": "new", "lost_reason": None, "score": None,
        "priority": None, "conversion_probability": None, "next_action": None, "conversion": None,
        "last_contacted_at": None, "is_stalled": False, "destination_allowed": True, "destination_reasons": [],
        "created_at": "2026-12-01T09:30:00-05:00", "updated_at": "2026-12-01T09:30:00-05:00",
        "similar_eligible_vehicles": [],
    }),
    "deals_create": ("201", {
        "id": 12, "vehicle": 42, "lead": None,
        "dealer": {"id": 3, "username": "dealer.montreal", "company_name": "Autos Montréal", "role": "dealer"},
        "buyer": {"id": 7, "username": "awa.kone", "company_name": "", "role": "buyer"},
        "broker": None, "referring_broker": None, "agreed_price": "30000.00", "currency": "CAD",
        "destination_country": "CI", "destination_port": "CIABJ", "incoterm": "CIF", "notes": "", "status": "draft",
        "status_changed_at": "2026-12-01T11:00:00-05:00", "cancellation_reason": "", "destination_override_reason": "",
        "is_on_hold": False, "hold_reason": "", "is_stalled": False,
        "risk": {
            "risk_score": 30, "risk_level": "medium", "red_flags": ["The buyer's account is less than 7 days old."],
            "recommendation": "Proceed, and check the flagged points before payment.",
        },
        "created_at": "2026-12-01T11:00:00-05:00", "updated_at": "2026-12-01T11:00:00-05:00",
    }),
    "payments_retrieve": ("200", {
        "id": 31, "deal": 12, "payer": 7, "amount": "5000.00", "currency": "CAD", "deal_amount": "5000.00",
        "deal_currency": "CAD", "deal_rate": "1.000000000000", "amount_cad": "5000.00", "cad_rate": "1.000000000000",
        "rate_date": "2026-12-01", "method": "card", "provider": "stripe", "provider_reference": "pi_3Q0example",
        "status": "succeeded", "status_changed_at": "2026-12-01T11:20:00-05:00", "failure_code": "",
        "failure_reason": "", "client_secret": "", "instructions": "", "fraud_risk_score": None, "fraud_reasons": [],
        "fraud_model": None, "review_decision": "", "reviewed_at": None, "review_note": "",
        "created_at": "2026-12-01T11:19:58-05:00",
    }),
    "auth_token": (
        "200",
        {
            "access": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
            "refresh": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
            "user": {
                "id": 3,
                "username": "dealer.montreal",
                "email": "ventes@autos-montreal.example",
                "role": "dealer",
            },
        },
    ),
}  # fmt: skip
VALIDATION_ERROR_EXAMPLE = {
    "status": 400,
    "code": "invalid",
    "detail": "Invalid input.",
    "fields": {"email": ["Enter a valid email address."]},
}


def add_examples(result, generator, request, public):
    """The examples above, and the error format's on every 400 (an example, not another schema)."""
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            operation_id = operation.get("operationId")
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is not None and operation_id in REQUEST_EXAMPLES:
                body["example"] = REQUEST_EXAMPLES[operation_id]
            if operation_id in RESPONSE_EXAMPLES:
                status, example = RESPONSE_EXAMPLES[operation_id]
                operation["responses"][status]["content"]["application/json"]["example"] = example
            invalid = operation.get("responses", {}).get("400", {}).get("content", {}).get("application/json")
            if invalid is not None and invalid.get("schema", {}).get("$ref") == "#/components/schemas/Error":
                # a new dict: add_error_responses shares one content object between every error answer
                operation["responses"]["400"]["content"] = {
                    "application/json": {**invalid, "example": VALIDATION_ERROR_EXAMPLE}
                }
    return result


def add_error_responses(result, generator, request, public):
    result["tags"] = TAGS  # described, in this order, by Swagger UI and ReDoc
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_RESPONSES.items():
                responses.setdefault(status, {"description": description, "content": reference})
    return result
