from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.checklist import Checklist
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    deal_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/deals/{deal_id}/checklist/".format(
            deal_id=quote(str(deal_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Checklist | Error | None:
    if response.status_code == 200:
        response_200 = Checklist.from_dict(response.json())

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
) -> Response[Checklist | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    deal_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Checklist | Error]:
    """The documents a deal needs, each with its stage and where it stands

     The documents a deal needs, each with its stage and where it stands.

    Args:
        deal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Checklist | Error]
    """

    kwargs = _get_kwargs(
        deal_id=deal_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    deal_id: int,
    *,
    client: AuthenticatedClient,
) -> Checklist | Error | None:
    """The documents a deal needs, each with its stage and where it stands

     The documents a deal needs, each with its stage and where it stands.

    Args:
        deal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Checklist | Error
    """

    return sync_detailed(
        deal_id=deal_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    deal_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Checklist | Error]:
    """The documents a deal needs, each with its stage and where it stands

     The documents a deal needs, each with its stage and where it stands.

    Args:
        deal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Checklist | Error]
    """

    kwargs = _get_kwargs(
        deal_id=deal_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    deal_id: int,
    *,
    client: AuthenticatedClient,
) -> Checklist | Error | None:
    """The documents a deal needs, each with its stage and where it stands

     The documents a deal needs, each with its stage and where it stands.

    Args:
        deal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Checklist | Error
    """

    return (
        await asyncio_detailed(
            deal_id=deal_id,
            client=client,
        )
    ).parsed
