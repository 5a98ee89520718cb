from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consent_settings import ConsentSettings
from ...models.error import Error
from ...models.patched_consent_update_request import PatchedConsentUpdateRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PatchedConsentUpdateRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/privacy/settings/",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsentSettings | Error | None:
    if response.status_code == 200:
        response_200 = ConsentSettings.from_dict(response.json())

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
) -> Response[ConsentSettings | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PatchedConsentUpdateRequest | Unset = UNSET,
) -> Response[ConsentSettings | Error]:
    """Any signed-in person's consents

     Any signed-in person's consents: marketing by e-mail, WhatsApp and SMS (the marketing channels of
    their
    notification preferences), analytics, and profiling for recommendations. Each change is kept, with
    its time,
    address and device; a withdrawn marketing consent stops marketing on that channel at once.

    Args:
        body (PatchedConsentUpdateRequest | Unset): The consents to change, each true (given) or
            false (withdrawn); those left out stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentSettings | Error]
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
    body: PatchedConsentUpdateRequest | Unset = UNSET,
) -> ConsentSettings | Error | None:
    """Any signed-in person's consents

     Any signed-in person's consents: marketing by e-mail, WhatsApp and SMS (the marketing channels of
    their
    notification preferences), analytics, and profiling for recommendations. Each change is kept, with
    its time,
    address and device; a withdrawn marketing consent stops marketing on that channel at once.

    Args:
        body (PatchedConsentUpdateRequest | Unset): The consents to change, each true (given) or
            false (withdrawn); those left out stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentSettings | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PatchedConsentUpdateRequest | Unset = UNSET,
) -> Response[ConsentSettings | Error]:
    """Any signed-in person's consents

     Any signed-in person's consents: marketing by e-mail, WhatsApp and SMS (the marketing channels of
    their
    notification preferences), analytics, and profiling for recommendations. Each change is kept, with
    its time,
    address and device; a withdrawn marketing consent stops marketing on that channel at once.

    Args:
        body (PatchedConsentUpdateRequest | Unset): The consents to change, each true (given) or
            false (withdrawn); those left out stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentSettings | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PatchedConsentUpdateRequest | Unset = UNSET,
) -> ConsentSettings | Error | None:
    """Any signed-in person's consents

     Any signed-in person's consents: marketing by e-mail, WhatsApp and SMS (the marketing channels of
    their
    notification preferences), analytics, and profiling for recommendations. Each change is kept, with
    its time,
    address and device; a withdrawn marketing consent stops marketing on that channel at once.

    Args:
        body (PatchedConsentUpdateRequest | Unset): The consents to change, each true (given) or
            false (withdrawn); those left out stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentSettings | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
