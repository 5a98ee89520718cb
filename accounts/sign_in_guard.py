"""Refuses sign-in attempts for a username or an IP that has failed too often, before a password can
be guessed. Counters live in the cache (Redis), shared by every web process, and expire with their
window; a successful sign-in clears the username's counter."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def _keys(kind: str, value: str) -> tuple[str, str]:
    digest = hashlib.sha256(value.encode()).hexdigest()  # any text a caller sends makes a safe key
    return f"sign-in-failures:{kind}:{digest}", f"sign-in-failures:{kind}:{digest}:until"


def _subjects(*, username: str, ip: str | None) -> list[tuple[str, str, int]]:
    subjects = [("username", username.strip().lower(), settings.LOGIN_FAILURE_LIMIT_PER_USERNAME)]
    if ip:
        subjects.append(("ip", ip, settings.LOGIN_FAILURE_LIMIT_PER_IP))
    return subjects


def sign_in_refusal(*, username: str, ip: str | None) -> tuple[int, int] | None:
    """(seconds until sign-in may be tried again, the limit of failures that refuses it), or None when it
    may be tried now."""
    refusals = []
    for kind, value, limit in _subjects(username=username, ip=ip):
        count_key, until_key = _keys(kind, value)
        if (cache.get(count_key) or 0) >= limit:
            until = cache.get(until_key) or time.time()
            refusals.append((max(1, int(until - time.time()) + 1), limit))
    return max(refusals) if refusals else None


def sign_in_retry_after(*, username: str, ip: str | None) -> int | None:
    """Seconds until sign-in may be tried again, or None when it may be tried now."""
    refusal = sign_in_refusal(username=username, ip=ip)
    return refusal[0] if refusal else None


def sign_in_failure_register(*, username: str, ip: str | None) -> None:
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    for kind, value, _limit in _subjects(username=username, ip=ip):
        count_key, until_key = _keys(kind, value)
        if cache.add(count_key, 0, timeout=window):
            cache.set(until_key, time.time() + window, timeout=window)
        try:
            cache.incr(count_key)
        except ValueError:  # the window closed between add() and incr()
            cache.set(count_key, 1, timeout=window)


def sign_in_failures_clear(*, username: str) -> None:
    cache.delete_many(_keys("username", username.strip().lower()))
