from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.webhooks_whatsapp_cloud_retrieve_response_403 import (
    WebhooksWhatsappCloudRetrieveResponse403,
)
from ...types import UNSET, Response


def _get_kwargs(
    *,
    hub_challenge: str,
    hub_mode: str,
    hub_verify_token: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["hub.challenge"] = hub_challenge

    params["hub.mode"] = hub_mode

    params["hub.verify_token"] = hub_verify_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/whatsapp/cloud/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WebhooksWhatsappCloudRetrieveResponse403 | str | None:
    if response.status_code == 200:
        response_200 = cast(str, response.json())
        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = WebhooksWhatsappCloudRetrieveResponse403.from_dict(
            response.json()
        )

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
) -> Response[Error | WebhooksWhatsappCloudRetrieveResponse403 | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    hub_challenge: str,
    hub_mode: str,
    hub_verify_token: str,
) -> Response[Error | WebhooksWhatsappCloudRetrieveResponse403 | str]:
    """Meta's WhatsApp Cloud API webhook

     Meta's WhatsApp Cloud API webhook. GET is the subscription handshake: the challenge is echoed when
    the verify token matches. A POST counts only when X-Hub-Signature-256 verifies its raw body; then
    each
    message status and each inbound message it carries is stored once in the inbox (a status by message
    id and status, an inbound message by its id) and applied by a worker.

    Args:
        hub_challenge (str):
        hub_mode (str):
        hub_verify_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WebhooksWhatsappCloudRetrieveResponse403 | str]
    """

    kwargs = _get_kwargs(
        hub_challenge=hub_challenge,
        hub_mode=hub_mode,
        hub_verify_token=hub_verify_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    hub_challenge: str,
    hub_mode: str,
    hub_verify_token: str,
) -> Error | WebhooksWhatsappCloudRetrieveResponse403 | str | None:
    """Meta's WhatsApp Cloud API webhook

     Meta's WhatsApp Cloud API webhook. GET is the subscription handshake: the challenge is echoed when
    the verify token matches. A POST counts only when X-Hub-Signature-256 verifies its raw body; then
    each
    message status and each inbound message it carries is stored once in the inbox (a status by message
    id and status, an inbound message by its id) and applied by a worker.

    Args:
        hub_challenge (str):
        hub_mode (str):
        hub_verify_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WebhooksWhatsappCloudRetrieveResponse403 | str
    """

    return sync_detailed(
        client=client,
        hub_challenge=hub_challenge,
        hub_mode=hub_mode,
        hub_verify_token=hub_verify_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    hub_challenge: str,
    hub_mode: str,
    hub_verify_token: str,
) -> Response[Error | WebhooksWhatsappCloudRetrieveResponse403 | str]:
    """Meta's WhatsApp Cloud API webhook

     Meta's WhatsApp Cloud API webhook. GET is the subscription handshake: the challenge is echoed when
    the verify token matches. A POST counts only when X-Hub-Signature-256 verifies its raw body; then
    each
    message status and each inbound message it carries is stored once in the inbox (a status by message
    id and status, an inbound message by its id) and applied by a worker.

    Args:
        hub_challenge (str):
        hub_mode (str):
        hub_verify_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WebhooksWhatsappCloudRetrieveResponse403 | str]
    """

    kwargs = _get_kwargs(
        hub_challenge=hub_challenge,
        hub_mode=hub_mode,
        hub_verify_token=hub_verify_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    hub_challenge: str,
    hub_mode: str,
    hub_verify_token: str,
) -> Error | WebhooksWhatsappCloudRetrieveResponse403 | str | None:
    """Meta's WhatsApp Cloud API webhook

     Meta's WhatsApp Cloud API webhook. GET is the subscription handshake: the challenge is echoed when
    the verify token matches. A POST counts only when X-Hub-Signature-256 verifies its raw body; then
    each
    message status and each inbound message it carries is stored once in the inbox (a status by message
    id and status, an inbound message by its id) and applied by a worker.

    Args:
        hub_challenge (str):
        hub_mode (str):
        hub_verify_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WebhooksWhatsappCloudRetrieveResponse403 | str
    """

    return (
        await asyncio_detailed(
            client=client,
            hub_challenge=hub_challenge,
            hub_mode=hub_mode,
            hub_verify_token=hub_verify_token,
        )
    ).parsed
