from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.usage import Usage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    dealer: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["dealer"] = dealer

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/usage/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | Usage | None:
    if response.status_code == 200:
        response_200 = Usage.from_dict(response.json())

        return response_200

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
        response_404 = cast(Any, None)
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
) -> Response[Any | Error | Usage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    dealer: int | Unset = UNSET,
) -> Response[Any | Error | Usage]:
    """A dealer's usage against its plan

     A dealer's usage against its plan: its own, or for staff any dealer's (`?dealer=`).

    Args:
        dealer (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Usage]
    """

    kwargs = _get_kwargs(
        dealer=dealer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    dealer: int | Unset = UNSET,
) -> Any | Error | Usage | None:
    """A dealer's usage against its plan

     A dealer's usage against its plan: its own, or for staff any dealer's (`?dealer=`).

    Args:
        dealer (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Usage
    """

    return sync_detailed(
        client=client,
        dealer=dealer,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    dealer: int | Unset = UNSET,
) -> Response[Any | Error | Usage]:
    """A dealer's usage against its plan

     A dealer's usage against its plan: its own, or for staff any dealer's (`?dealer=`).

    Args:
        dealer (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Usage]
    """

    kwargs = _get_kwargs(
        dealer=dealer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    dealer: int | Unset = UNSET,
) -> Any | Error | Usage | None:
    """A dealer's usage against its plan

     A dealer's usage against its plan: its own, or for staff any dealer's (`?dealer=`).

    Args:
        dealer (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Usage
    """

    return (
        await asyncio_detailed(
            client=client,
            dealer=dealer,
        )
    ).parsed
