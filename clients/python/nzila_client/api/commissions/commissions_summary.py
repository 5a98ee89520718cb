from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.commission_summary import CommissionSummary
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    broker: int | Unset = UNSET,
    year: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["broker"] = broker

    params["year"] = year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/commissions/summary/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommissionSummary | Error | None:
    if response.status_code == 200:
        response_200 = CommissionSummary.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

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
) -> Response[CommissionSummary | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    broker: int | Unset = UNSET,
    year: int,
) -> Response[CommissionSummary | Error]:
    """A broker's year in CAD

     A broker's year in CAD: earned, pending, approved, held and paid, in all and month by month. A
    broker
    gets its own; staff name the broker.

    Args:
        broker (int | Unset):
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommissionSummary | Error]
    """

    kwargs = _get_kwargs(
        broker=broker,
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    broker: int | Unset = UNSET,
    year: int,
) -> CommissionSummary | Error | None:
    """A broker's year in CAD

     A broker's year in CAD: earned, pending, approved, held and paid, in all and month by month. A
    broker
    gets its own; staff name the broker.

    Args:
        broker (int | Unset):
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommissionSummary | Error
    """

    return sync_detailed(
        client=client,
        broker=broker,
        year=year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    broker: int | Unset = UNSET,
    year: int,
) -> Response[CommissionSummary | Error]:
    """A broker's year in CAD

     A broker's year in CAD: earned, pending, approved, held and paid, in all and month by month. A
    broker
    gets its own; staff name the broker.

    Args:
        broker (int | Unset):
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommissionSummary | Error]
    """

    kwargs = _get_kwargs(
        broker=broker,
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    broker: int | Unset = UNSET,
    year: int,
) -> CommissionSummary | Error | None:
    """A broker's year in CAD

     A broker's year in CAD: earned, pending, approved, held and paid, in all and month by month. A
    broker
    gets its own; staff name the broker.

    Args:
        broker (int | Unset):
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommissionSummary | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            broker=broker,
            year=year,
        )
    ).parsed
