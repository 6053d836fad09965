"""A guard that refuses any network connection but to this machine: the app needs none, and the tests prove it.

Installed for the whole test session by tests/conftest.py. Loopback (127.0.0.0/8, ::1, localhost) and local
(AF_UNIX) sockets stay allowed, since Qt and test servers may use them.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Callable, Iterator
from typing import Any

LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", ""})


class NetworkBlockedError(ConnectionRefusedError):
    """A test (or the code under test) tried to reach another machine."""


def is_local(host: object) -> bool:
    """Return True for a host name or address on this machine (loopback) and for None (bind-all lookups)."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip("[]").split("%", 1)[0].lower()
    if name in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _address_is_local(address: Any) -> bool:
    if isinstance(address, str | bytes):
        return True  # AF_UNIX path
    if isinstance(address, tuple) and address:
        return is_local(address[0])
    return False


def _guard_connect(original: Callable[..., Any]) -> Callable[..., Any]:
    def connect(self: socket.socket, address: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None) or _address_is_local(address):
            return original(self, address)
        raise NetworkBlockedError(f"network access is blocked in the tests (connect to {address!r})")

    return connect


def _guard_getaddrinfo(original: Callable[..., Any]) -> Callable[..., Any]:
    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if is_local(host):
            return original(host, *args, **kwargs)
        raise NetworkBlockedError(f"network access is blocked in the tests (lookup of {host!r})")

    return getaddrinfo


@contextlib.contextmanager
def network_blocked() -> Iterator[None]:
    """Refuse connections and name lookups for anything but this machine while the block is active."""
    saved = (socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo)
    socket.socket.connect = _guard_connect(saved[0])  # type: ignore[method-assign]
    socket.socket.connect_ex = _guard_connect(saved[1])  # type: ignore[method-assign]
    socket.getaddrinfo = _guard_getaddrinfo(saved[2])
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = saved  # type: ignore[method-assign]
