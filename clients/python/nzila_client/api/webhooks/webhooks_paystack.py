from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paystack_event_request import PaystackEventRequest
from ...models.webhook_answer import WebhookAnswer
from ...types import Response


def _get_kwargs(
    *,
    body: PaystackEventRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/paystack/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | WebhookAnswer | None:
    if response.status_code == 200:
        response_200 = WebhookAnswer.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = Error.from_dict(response.json())

        return response_405

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | WebhookAnswer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PaystackEventRequest,
) -> Response[Any | Error | WebhookAnswer]:
    """Paystack's events (one URL for the account, set in its dashboard), verified by x-paystack-signature,
    the HMAC-SHA512...

     Paystack's events (one URL for the account, set in its dashboard), verified by x-paystack-signature,
    the HMAC-SHA512 of the raw body under our secret key; stored once and answered at once. A worker
    settles a charge.success only after verifying the transaction at Paystack and only if amount and
    currency match (else held for staff); refund.processed and refund.failed reach the refund's payment.
    400 and nothing stored for a bad signature.

    Args:
        body (PaystackEventRequest): Paystack's event as it posts it: {event, data} (README,
            Payments, Paystack).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | WebhookAnswer]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PaystackEventRequest,
) -> Any | Error | WebhookAnswer | None:
    """Paystack's events (one URL for the account, set in its dashboard), verified by x-paystack-signature,
    the HMAC-SHA512...

     Paystack's events (one URL for the account, set in its dashboard), verified by x-paystack-signature,
    the HMAC-SHA512 of the raw body under our secret key; stored once and answered at once. A worker
    settles a charge.success only after verifying the transaction at Paystack and only if amount and
    currency match (else held for staff); refund.processed and refund.failed reach the refund's payment.
    400 and nothing stored for a bad signature.

    Args:
        body (PaystackEventRequest): Paystack's event as it posts it: {event, data} (README,
            Payments, Paystack).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | WebhookAnswer
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PaystackEventRequest,
) -> Response[Any | Error | WebhookAnswer]:
    """Paystack's events (one URL for the account, set in its dashboard), verified by x-paystack-signature,
    the HMAC-SHA512...

     Paystack's events (one URL for the account, set in its dashboard), verified by x-paystack-signature,
    the HMAC-SHA512 of the raw body under our secret key; stored once and answered at once. A worker
    settles a charge.success only after verifying the transaction at Paystack and only if amount and
    currency match (else held for staff); refund.processed and refund.failed reach the refund's payment.
    400 and nothing stored for a bad signature.

    Args:
        body (PaystackEventRequest): Paystack's event as it posts it: {event, data} (README,
            Payments, Paystack).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | WebhookAnswer]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PaystackEventRequest,
) -> Any | Error | WebhookAnswer | None:
    """Paystack's events (one URL for the account, set in its dashboard), verified by x-paystack-signature,
    the HMAC-SHA512...

     Paystack's events (one URL for the account, set in its dashboard), verified by x-paystack-signature,
    the HMAC-SHA512 of the raw body under our secret key; stored once and answered at once. A worker
    settles a charge.success only after verifying the transaction at Paystack and only if amount and
    currency match (else held for staff); refund.processed and refund.failed reach the refund's payment.
    400 and nothing stored for a bad signature.

    Args:
        body (PaystackEventRequest): Paystack's event as it posts it: {event, data} (README,
            Payments, Paystack).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | WebhookAnswer
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
