from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.lead_contact import LeadContact
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    ordering: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["ordering"] = ordering

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/leads/{id}/contacts/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[LeadContact] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = LeadContact.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Error | list[LeadContact]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
) -> Response[Error | list[LeadContact]]:
    """The contact log (newest first), or log a contact

     The contact log (newest first), or log a contact: it moves last_contacted_at, and the first
    contact on a new lead makes it contacted.

    Args:
        id (int):
        ordering (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[LeadContact]]
    """

    kwargs = _get_kwargs(
        id=id,
        ordering=ordering,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
) -> Error | list[LeadContact] | None:
    """The contact log (newest first), or log a contact

     The contact log (newest first), or log a contact: it moves last_contacted_at, and the first
    contact on a new lead makes it contacted.

    Args:
        id (int):
        ordering (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[LeadContact]
    """

    return sync_detailed(
        id=id,
        client=client,
        ordering=ordering,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
) -> Response[Error | list[LeadContact]]:
    """The contact log (newest first), or log a contact

     The contact log (newest first), or log a contact: it moves last_contacted_at, and the first
    contact on a new lead makes it contacted.

    Args:
        id (int):
        ordering (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[LeadContact]]
    """

    kwargs = _get_kwargs(
        id=id,
        ordering=ordering,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
) -> Error | list[LeadContact] | None:
    """The contact log (newest first), or log a contact

     The contact log (newest first), or log a contact: it moves last_contacted_at, and the first
    contact on a new lead makes it contacted.

    Args:
        id (int):
        ordering (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[LeadContact]
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            ordering=ordering,
        )
    ).parsed
