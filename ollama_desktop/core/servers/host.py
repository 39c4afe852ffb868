"""Where Ollama is: parsing a host the way Ollama itself reads `OLLAMA_HOST`."""

from __future__ import annotations

import ipaddress
import os
import urllib.parse
from collections.abc import Mapping

DEFAULT_PORT = 11434
DEFAULT_HOST = f"http://127.0.0.1:{DEFAULT_PORT}"

# Ollama listens on "all interfaces" with these; a client cannot connect to them (Windows refuses),
# so, as `ollama` itself does on the client side, they mean this machine.
_ANY_ADDRESSES = {"0.0.0.0", "::"}


def parse_host(text: str | None) -> str:
    """Normalise a host as Ollama reads `OLLAMA_HOST`: scheme, host and port always spelled out.

    A missing scheme means http, a missing host the local machine, a missing port 11434 (80 or 443
    when the scheme was given explicitly, as Ollama does).

    >>> parse_host("")
    'http://127.0.0.1:11434'
    >>> parse_host("1.2.3.4")
    'http://1.2.3.4:11434'
    >>> parse_host(":56789")
    'http://127.0.0.1:56789'
    >>> parse_host("0.0.0.0")
    'http://127.0.0.1:11434'
    >>> parse_host("0.0.0.0:8080")
    'http://127.0.0.1:8080'
    >>> parse_host("gpu-box.local")
    'http://gpu-box.local:11434'
    >>> parse_host("https://example.com")
    'https://example.com:443'
    >>> parse_host("http://example.com")
    'http://example.com:80'
    >>> parse_host("example.com:56789/path/")
    'http://example.com:56789/path'
    >>> parse_host("[::1]:56789")
    'http://[::1]:56789'
    >>> parse_host("  192.168.1.20:11434  ")
    'http://192.168.1.20:11434'

    Raises:
        ValueError: the text cannot be a host (bad port, unknown scheme, spaces inside).
    """
    text = (text or "").strip()
    port = DEFAULT_PORT
    scheme, sep, hostport = text.partition("://")
    if not sep:
        scheme, hostport = "http", text
    elif scheme == "http":
        port = 80
    elif scheme == "https":
        port = 443
    else:
        raise ValueError(f"unsupported scheme {scheme!r}")
    if any(ch.isspace() for ch in hostport):
        raise ValueError(f"spaces in host {hostport!r}")
    head, slash, tail = hostport.partition("/")
    try:  # a bare IPv6 address ("::1") has colons that are not a port
        if ipaddress.ip_address(head.strip("[]")).version == 6:
            hostport = f"[{head.strip('[]')}]{slash}{tail}"
    except ValueError:
        pass
    split = urllib.parse.urlsplit(f"{scheme}://{hostport}")
    try:
        explicit_port = split.port  # raises ValueError for a port out of range or not a number
    except ValueError as exc:
        raise ValueError(f"bad port in {text!r}") from exc
    host = split.hostname or "127.0.0.1"
    port = explicit_port or port
    if host in _ANY_ADDRESSES:
        host = "127.0.0.1"
    try:
        if isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address):
            host = f"[{host}]"
    except ValueError:
        pass
    path = split.path.strip("/")
    return f"{scheme}://{host}:{port}/{path}" if path else f"{scheme}://{host}:{port}"


def host_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The host `OLLAMA_HOST` names, or the default one when it is unset or unusable."""
    value = (os.environ if environ is None else environ).get("OLLAMA_HOST", "")
    try:
        return parse_host(value)
    except ValueError:
        return DEFAULT_HOST


def is_local(url: str) -> bool:
    """Whether the host is this machine (loopback), so plain http is not a privacy concern.

    >>> is_local("http://127.0.0.1:11434"), is_local("http://localhost:11434"), is_local("http://10.0.0.2:1")
    (True, True, False)
    """
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
