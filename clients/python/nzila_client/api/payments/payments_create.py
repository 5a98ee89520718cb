from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.payment import Payment
from ...models.payment_create_request import PaymentCreateRequest
from ...types import Response


def _get_kwargs(
    *,
    body: PaymentCreateRequest,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/payments/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | Payment | None:
    if response.status_code == 200:
        response_200 = Payment.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Payment.from_dict(response.json())

        return response_201

    if response.status_code == 202:
        response_202 = Payment.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = cast(Any, None)
        return response_402

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = Error.from_dict(response.json())

        return response_405

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = cast(Any, None)
        return response_422

    if response.status_code == 429:
        response_429 = cast(Any, None)
        return response_429

    if response.status_code == 503:
        response_503 = cast(Any, None)
        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | Payment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PaymentCreateRequest,
    idempotency_key: str,
) -> Response[Any | Error | Payment]:
    """Pay (part of) a deal, in its currency or another converted at the day's rate (recorded both ways)

     Pay (part of) a deal, in its currency or another converted at the day's rate (recorded both
    ways). Sandbox amounts: minor units ending in 13 decline (card_declined), 14 decline
    (insufficient_funds), 33 need 3-D Secure (then `confirm/`). A decline is 402 and the failed
    payment is kept; when succeeded payments cover the agreed price the deal moves to paid.
    Mobile money (mpesa, mtn_momo, orange_money, airtel_money) takes the payer's `phone` and answers
    201 pending with `instructions`; the rail's callback settles it. Paystack (NGN, GHS; optional
    `channels`) answers 201 pending with the checkout's URL as `client_secret`; its webhook settles it.

    Args:
        idempotency_key (str):
        body (PaymentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Payment]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PaymentCreateRequest,
    idempotency_key: str,
) -> Any | Error | Payment | None:
    """Pay (part of) a deal, in its currency or another converted at the day's rate (recorded both ways)

     Pay (part of) a deal, in its currency or another converted at the day's rate (recorded both
    ways). Sandbox amounts: minor units ending in 13 decline (card_declined), 14 decline
    (insufficient_funds), 33 need 3-D Secure (then `confirm/`). A decline is 402 and the failed
    payment is kept; when succeeded payments cover the agreed price the deal moves to paid.
    Mobile money (mpesa, mtn_momo, orange_money, airtel_money) takes the payer's `phone` and answers
    201 pending with `instructions`; the rail's callback settles it. Paystack (NGN, GHS; optional
    `channels`) answers 201 pending with the checkout's URL as `client_secret`; its webhook settles it.

    Args:
        idempotency_key (str):
        body (PaymentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Payment
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PaymentCreateRequest,
    idempotency_key: str,
) -> Response[Any | Error | Payment]:
    """Pay (part of) a deal, in its currency or another converted at the day's rate (recorded both ways)

     Pay (part of) a deal, in its currency or another converted at the day's rate (recorded both
    ways). Sandbox amounts: minor units ending in 13 decline (card_declined), 14 decline
    (insufficient_funds), 33 need 3-D Secure (then `confirm/`). A decline is 402 and the failed
    payment is kept; when succeeded payments cover the agreed price the deal moves to paid.
    Mobile money (mpesa, mtn_momo, orange_money, airtel_money) takes the payer's `phone` and answers
    201 pending with `instructions`; the rail's callback settles it. Paystack (NGN, GHS; optional
    `channels`) answers 201 pending with the checkout's URL as `client_secret`; its webhook settles it.

    Args:
        idempotency_key (str):
        body (PaymentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Payment]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PaymentCreateRequest,
    idempotency_key: str,
) -> Any | Error | Payment | None:
    """Pay (part of) a deal, in its currency or another converted at the day's rate (recorded both ways)

     Pay (part of) a deal, in its currency or another converted at the day's rate (recorded both
    ways). Sandbox amounts: minor units ending in 13 decline (card_declined), 14 decline
    (insufficient_funds), 33 need 3-D Secure (then `confirm/`). A decline is 402 and the failed
    payment is kept; when succeeded payments cover the agreed price the deal moves to paid.
    Mobile money (mpesa, mtn_momo, orange_money, airtel_money) takes the payer's `phone` and answers
    201 pending with `instructions`; the rail's callback settles it. Paystack (NGN, GHS; optional
    `channels`) answers 201 pending with the checkout's URL as `client_secret`; its webhook settles it.

    Args:
        idempotency_key (str):
        body (PaymentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Payment
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
