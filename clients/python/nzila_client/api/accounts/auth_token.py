from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.token_pair_request import TokenPairRequest
from ...models.token_pair_response import TokenPairResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenPairRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TokenPairResponse | None:
    if response.status_code == 200:
        response_200 = TokenPairResponse.from_dict(response.json())

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
) -> Response[Error | TokenPairResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenPairRequest,
) -> Response[Error | TokenPairResponse]:
    """Sign in with username and password

     Sign in with username and password. Repeated failures for one username or one IP are
    refused with 429 and Retry-After until the window passes; every attempt is audited.

    Not in the request transaction: a refused sign-in must still leave its audit record.

    Args:
        body (TokenPairRequest): The token pair, with the signed-in user so a client needs no
            second request. An account with
            two-factor sign-in (staff always) also sends `otp`: a code from its authenticator app or
            an unused
            recovery code; it is checked once the password is right, before any token is made.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TokenPairResponse]
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
    body: TokenPairRequest,
) -> Error | TokenPairResponse | None:
    """Sign in with username and password

     Sign in with username and password. Repeated failures for one username or one IP are
    refused with 429 and Retry-After until the window passes; every attempt is audited.

    Not in the request transaction: a refused sign-in must still leave its audit record.

    Args:
        body (TokenPairRequest): The token pair, with the signed-in user so a client needs no
            second request. An account with
            two-factor sign-in (staff always) also sends `otp`: a code from its authenticator app or
            an unused
            recovery code; it is checked once the password is right, before any token is made.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TokenPairResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenPairRequest,
) -> Response[Error | TokenPairResponse]:
    """Sign in with username and password

     Sign in with username and password. Repeated failures for one username or one IP are
    refused with 429 and Retry-After until the window passes; every attempt is audited.

    Not in the request transaction: a refused sign-in must still leave its audit record.

    Args:
        body (TokenPairRequest): The token pair, with the signed-in user so a client needs no
            second request. An account with
            two-factor sign-in (staff always) also sends `otp`: a code from its authenticator app or
            an unused
            recovery code; it is checked once the password is right, before any token is made.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TokenPairResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TokenPairRequest,
) -> Error | TokenPairResponse | None:
    """Sign in with username and password

     Sign in with username and password. Repeated failures for one username or one IP are
    refused with 429 and Retry-After until the window passes; every attempt is audited.

    Not in the request transaction: a refused sign-in must still leave its audit record.

    Args:
        body (TokenPairRequest): The token pair, with the signed-in user so a client needs no
            second request. An account with
            two-factor sign-in (staff always) also sends `otp`: a code from its authenticator app or
            an unused
            recovery code; it is checked once the password is right, before any token is made.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TokenPairResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
