from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.lead import Lead
from ...models.patched_lead_status_request import PatchedLeadStatusRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: PatchedLeadStatusRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/leads/{id}/".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | Lead | None:
    if response.status_code == 200:
        response_200 = Lead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

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
) -> Response[Any | Error | Lead]:
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
    body: PatchedLeadStatusRequest | Unset = UNSET,
) -> Response[Any | Error | Lead]:
    """Change the status (`lost` needs `lost_reason`)

     Change the status (`lost` needs `lost_reason`). Allowed: new → contacted, qualified or lost;
    contacted → qualified, negotiating or lost; qualified → negotiating, converted or lost;
    negotiating → converted or lost. Converted and lost are final (409).

    Args:
        id (int):
        body (PatchedLeadStatusRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Lead]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: PatchedLeadStatusRequest | Unset = UNSET,
) -> Any | Error | Lead | None:
    """Change the status (`lost` needs `lost_reason`)

     Change the status (`lost` needs `lost_reason`). Allowed: new → contacted, qualified or lost;
    contacted → qualified, negotiating or lost; qualified → negotiating, converted or lost;
    negotiating → converted or lost. Converted and lost are final (409).

    Args:
        id (int):
        body (PatchedLeadStatusRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Lead
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: PatchedLeadStatusRequest | Unset = UNSET,
) -> Response[Any | Error | Lead]:
    """Change the status (`lost` needs `lost_reason`)

     Change the status (`lost` needs `lost_reason`). Allowed: new → contacted, qualified or lost;
    contacted → qualified, negotiating or lost; qualified → negotiating, converted or lost;
    negotiating → converted or lost. Converted and lost are final (409).

    Args:
        id (int):
        body (PatchedLeadStatusRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Lead]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: PatchedLeadStatusRequest | Unset = UNSET,
) -> Any | Error | Lead | None:
    """Change the status (`lost` needs `lost_reason`)

     Change the status (`lost` needs `lost_reason`). Allowed: new → contacted, qualified or lost;
    contacted → qualified, negotiating or lost; qualified → negotiating, converted or lost;
    negotiating → converted or lost. Converted and lost are final (409).

    Args:
        id (int):
        body (PatchedLeadStatusRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Lead
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
