"""Ollama Desktop: a desktop chat app for the Ollama LLM server."""

import functools


@functools.cache
def app_version() -> str:
    """The installed version, from the package metadata (which takes ~45 ms to import: on demand)."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("ollama-desktop")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0+unknown"
