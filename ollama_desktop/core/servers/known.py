"""The Ollama servers the user knows: this computer plus any others they added, by name."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ollama_desktop.core.servers.host import parse_host


@dataclass(frozen=True)
class Server:
    """A named Ollama server; `url` is normalised by `parse_host`."""

    name: str
    url: str


def load_servers(text: str) -> list[Server]:
    """The servers stored as JSON, skipping anything unusable (a hand-edited file must not crash).

    >>> load_servers('[{"name": "GPU box", "url": "gpu-box"}, {"url": 5}, "x"]')
    [Server(name='GPU box', url='http://gpu-box:11434')]
    >>> load_servers("not json")
    []
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return []
    servers: list[Server] = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            continue
        try:
            url = parse_host(item["url"])
        except ValueError:
            continue
        name = item.get("name")
        name = name.strip() if isinstance(name, str) else ""
        if url not in (server.url for server in servers):
            servers.append(Server(name or url, url))
    return servers


def dump_servers(servers: list[Server]) -> str:
    return json.dumps([{"name": server.name, "url": server.url} for server in servers], ensure_ascii=False)


def with_server(servers: list[Server], server: Server) -> list[Server]:
    """The list with `server` added, or renamed if its address is already there."""
    others = [existing for existing in servers if existing.url != server.url]
    position = next((i for i, existing in enumerate(servers) if existing.url == server.url), len(others))
    return [*others[:position], server, *others[position:]]
