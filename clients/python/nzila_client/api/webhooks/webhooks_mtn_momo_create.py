from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.webhook_answer import WebhookAnswer
from ...types import UNSET, Response


def _get_kwargs(
    *,
    payment: str,
    token: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["payment"] = payment

    params["token"] = token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/mtn_momo/",
        "params": params,
    }

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
    payment: str,
    token: str,
) -> Response[Any | Error | WebhookAnswer]:
    """MTN MoMo sends its callback with PUT (POST is taken too)

     MTN MoMo sends its callback with PUT (POST is taken too).

    Args:
        payment (str):
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | WebhookAnswer]
    """

    kwargs = _get_kwargs(
        payment=payment,
        token=token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    payment: str,
    token: str,
) -> Any | Error | WebhookAnswer | None:
    """MTN MoMo sends its callback with PUT (POST is taken too)

     MTN MoMo sends its callback with PUT (POST is taken too).

    Args:
        payment (str):
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | WebhookAnswer
    """

    return sync_detailed(
        client=client,
        payment=payment,
        token=token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    payment: str,
    token: str,
) -> Response[Any | Error | WebhookAnswer]:
    """MTN MoMo sends its callback with PUT (POST is taken too)

     MTN MoMo sends its callback with PUT (POST is taken too).

    Args:
        payment (str):
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | WebhookAnswer]
    """

    kwargs = _get_kwargs(
        payment=payment,
        token=token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    payment: str,
    token: str,
) -> Any | Error | WebhookAnswer | None:
    """MTN MoMo sends its callback with PUT (POST is taken too)

     MTN MoMo sends its callback with PUT (POST is taken too).

    Args:
        payment (str):
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | WebhookAnswer
    """

    return (
        await asyncio_detailed(
            client=client,
            payment=payment,
            token=token,
        )
    ).parsed
