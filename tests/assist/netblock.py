"""Runs ``python -m clerk ...`` with every network call refused (and reported), for the offline tests.

Usage: python tests/assist/netblock.py ARGS... — any attempt to resolve a name or open a connection
raises and is written to stderr as ``NETWORK ATTEMPT``; loopback is refused as well.
"""

from __future__ import annotations

import runpy
import socket
import sys


def _refuse(*args: object, **kwargs: object) -> None:
    print(f"NETWORK ATTEMPT {args[:2]!r}", file=sys.stderr, flush=True)
    raise OSError("network blocked by the offline test")


socket.socket.connect = _refuse  # type: ignore[method-assign,assignment]
socket.socket.connect_ex = _refuse  # type: ignore[method-assign,assignment]
socket.socket.sendto = _refuse  # type: ignore[method-assign,assignment]
socket.create_connection = _refuse  # type: ignore[assignment]
socket.getaddrinfo = _refuse  # type: ignore[assignment]

sys.argv = ["clerk", *sys.argv[1:]]
runpy.run_module("clerk", run_name="__main__", alter_sys=True)
