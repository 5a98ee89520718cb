"""The one outbound HTTP policy against a real HTTP server on 127.0.0.1: what is retried, what is sent
once, and how a lost answer is told apart from a connection never made."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from nzila_export.http import ProviderOutcomeUnknown, ProviderRefused, ProviderUnavailable, provider_call


class Provider(BaseHTTPRequestHandler):
    """Answers each request with the next of `script` (a status, or "hang" to answer after the caller
    gave up), and counts what it received."""

    script: list = []
    received: list = []

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.received.append(self.path)
        step = self.script.pop(0) if self.script else 200
        if step == "hang":
            time.sleep(0.5)
            step = 200
        self.send_response(step)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def provider(settings):
    settings.OUTBOUND_RETRIES = 2
    settings.OUTBOUND_BACKOFF_SECONDS = 0
    Provider.script, Provider.received = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_push_whose_answer_is_lost_is_sent_once_and_said_unknown(provider):
    Provider.script = ["hang"]
    with pytest.raises(ProviderOutcomeUnknown):
        provider_call("Rail", "POST", f"{provider}/push", idempotent=False, timeout=0.1, json={"amount": 1})
    time.sleep(0.6)  # the server finishes the request it was given
    assert Provider.received == ["/push"]


def test_a_push_answered_5xx_is_not_sent_again(provider):
    Provider.script = [503, 200]
    with pytest.raises(ProviderOutcomeUnknown) as unknown:
        provider_call("Rail", "POST", f"{provider}/push", idempotent=False, json={})
    assert unknown.value.response.status_code == 503
    assert Provider.received == ["/push"]


def test_an_idempotent_call_is_retried_on_5xx_and_on_a_lost_answer(provider):
    Provider.script = [503, "hang", 200]
    response = provider_call("Rail", "POST", f"{provider}/status", idempotent=True, timeout=0.2, json={})
    assert response.status_code == 200
    assert Provider.received == ["/status", "/status", "/status"]


def test_an_idempotent_call_failing_every_attempt_is_unavailable(provider):
    Provider.script = [502, 502, 502]
    with pytest.raises(ProviderUnavailable):
        provider_call("Rail", "POST", f"{provider}/status", idempotent=True, json={})
    assert len(Provider.received) == 3


def test_a_refusal_is_never_retried(provider):
    Provider.script = [400]
    with pytest.raises(ProviderRefused) as refused:
        provider_call("Rail", "POST", f"{provider}/status", idempotent=True, json={})
    assert (refused.value.response.status_code, len(Provider.received)) == (400, 1)


def test_a_connection_never_made_is_unavailable_even_for_a_push(settings):
    settings.OUTBOUND_BACKOFF_SECONDS = 0
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ProviderUnavailable):
        provider_call("Rail", "POST", f"http://127.0.0.1:{port}/push", idempotent=False, json={})
