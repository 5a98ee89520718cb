from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deletion_cancel import DeletionCancel
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    token: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/privacy/delete/cancel/{token}/".format(
            token=quote(str(token), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | DeletionCancel | Error | None:
    if response.status_code == 200:
        response_200 = DeletionCancel.from_dict(response.json())

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

    if response.status_code == 410:
        response_410 = cast(Any, None)
        return response_410

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
) -> Response[Any | DeletionCancel | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | DeletionCancel | Error]:
    """The link e-mailed with a deletion

     The link e-mailed with a deletion: GET tells where the request stands, POST cancels it and opens the
    account again. The token is the credential (the account is closed, so nobody can sign in to it); a
    forged
    one is 404; once the grace period is over, or the request processed or cancelled, 410.

    Args:
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeletionCancel | Error]
    """

    kwargs = _get_kwargs(
        token=token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    token: str,
    *,
    client: AuthenticatedClient,
) -> Any | DeletionCancel | Error | None:
    """The link e-mailed with a deletion

     The link e-mailed with a deletion: GET tells where the request stands, POST cancels it and opens the
    account again. The token is the credential (the account is closed, so nobody can sign in to it); a
    forged
    one is 404; once the grace period is over, or the request processed or cancelled, 410.

    Args:
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeletionCancel | Error
    """

    return sync_detailed(
        token=token,
        client=client,
    ).parsed


async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | DeletionCancel | Error]:
    """The link e-mailed with a deletion

     The link e-mailed with a deletion: GET tells where the request stands, POST cancels it and opens the
    account again. The token is the credential (the account is closed, so nobody can sign in to it); a
    forged
    one is 404; once the grace period is over, or the request processed or cancelled, 410.

    Args:
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeletionCancel | Error]
    """

    kwargs = _get_kwargs(
        token=token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient,
) -> Any | DeletionCancel | Error | None:
    """The link e-mailed with a deletion

     The link e-mailed with a deletion: GET tells where the request stands, POST cancels it and opens the
    account again. The token is the credential (the account is closed, so nobody can sign in to it); a
    forged
    one is 404; once the grace period is over, or the request processed or cancelled, 410.

    Args:
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeletionCancel | Error
    """

    return (
        await asyncio_detailed(
            token=token,
            client=client,
        )
    ).parsed
