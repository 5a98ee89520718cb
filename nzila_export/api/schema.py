"""OpenAPI post-processing: document the one error format on every operation."""

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


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_RESPONSES.items():
                responses.setdefault(status, {"description": description, "content": reference})
    return result
