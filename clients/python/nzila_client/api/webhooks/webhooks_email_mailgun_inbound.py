from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/email/mailgun/inbound/",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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
) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error]:
    """An e-mail to one of our addresses, forwarded by a Mailgun route (`forward()` to this URL)

     An e-mail to one of our addresses, forwarded by a Mailgun route (`forward()` to this URL): Mailgun's
    parsed form (`recipient`, `sender`, `stripped-text`, ...), signed by `timestamp`, `token` and
    `signature`
    with the webhook signing key. It counts only when the signature verifies; then it is stored once by
    its
    Message-Id (without its attachments) and applied by a worker, which hands it to the app whose
    address it
    was sent to: support adds a reply sent to a ticket's reply address to that ticket.
    https://documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/receive-http

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Any | Error | None:
    """An e-mail to one of our addresses, forwarded by a Mailgun route (`forward()` to this URL)

     An e-mail to one of our addresses, forwarded by a Mailgun route (`forward()` to this URL): Mailgun's
    parsed form (`recipient`, `sender`, `stripped-text`, ...), signed by `timestamp`, `token` and
    `signature`
    with the webhook signing key. It counts only when the signature verifies; then it is stored once by
    its
    Message-Id (without its attachments) and applied by a worker, which hands it to the app whose
    address it
    was sent to: support adds a reply sent to a ticket's reply address to that ticket.
    https://documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/receive-http

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error]:
    """An e-mail to one of our addresses, forwarded by a Mailgun route (`forward()` to this URL)

     An e-mail to one of our addresses, forwarded by a Mailgun route (`forward()` to this URL): Mailgun's
    parsed form (`recipient`, `sender`, `stripped-text`, ...), signed by `timestamp`, `token` and
    `signature`
    with the webhook signing key. It counts only when the signature verifies; then it is stored once by
    its
    Message-Id (without its attachments) and applied by a worker, which hands it to the app whose
    address it
    was sent to: support adds a reply sent to a ticket's reply address to that ticket.
    https://documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/receive-http

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Any | Error | None:
    """An e-mail to one of our addresses, forwarded by a Mailgun route (`forward()` to this URL)

     An e-mail to one of our addresses, forwarded by a Mailgun route (`forward()` to this URL): Mailgun's
    parsed form (`recipient`, `sender`, `stripped-text`, ...), signed by `timestamp`, `token` and
    `signature`
    with the webhook signing key. It counts only when the signature verifies; then it is stored once by
    its
    Message-Id (without its attachments) and applied by a worker, which hands it to the app whose
    address it
    was sent to: support adds a reply sent to a ticket's reply address to that ticket.
    https://documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/receive-http

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
