from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.checkout import Checkout
from ...models.error import Error
from ...models.subscribe_request import SubscribeRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SubscribeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/subscription/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Checkout | Error | None:
    if response.status_code == 201:
        response_201 = Checkout.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

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
) -> Response[Any | Checkout | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SubscribeRequest,
) -> Response[Any | Checkout | Error]:
    """The signed-in dealer's plan, subscription, usage and paid periods

     Subscribe to a paid plan. With Stripe: the answer carries the Checkout URL to send the dealer to;
    the plan applies once Stripe's events say it is paid. In local mode (no Stripe key) it is active at
    once and nothing is charged.

    Args:
        body (SubscribeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Checkout | Error]
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
    body: SubscribeRequest,
) -> Any | Checkout | Error | None:
    """The signed-in dealer's plan, subscription, usage and paid periods

     Subscribe to a paid plan. With Stripe: the answer carries the Checkout URL to send the dealer to;
    the plan applies once Stripe's events say it is paid. In local mode (no Stripe key) it is active at
    once and nothing is charged.

    Args:
        body (SubscribeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Checkout | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SubscribeRequest,
) -> Response[Any | Checkout | Error]:
    """The signed-in dealer's plan, subscription, usage and paid periods

     Subscribe to a paid plan. With Stripe: the answer carries the Checkout URL to send the dealer to;
    the plan applies once Stripe's events say it is paid. In local mode (no Stripe key) it is active at
    once and nothing is charged.

    Args:
        body (SubscribeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Checkout | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SubscribeRequest,
) -> Any | Checkout | Error | None:
    """The signed-in dealer's plan, subscription, usage and paid periods

     Subscribe to a paid plan. With Stripe: the answer carries the Checkout URL to send the dealer to;
    the plan applies once Stripe's events say it is paid. In local mode (no Stripe key) it is active at
    once and nothing is charged.

    Args:
        body (SubscribeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Checkout | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
