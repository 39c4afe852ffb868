"""Ollama Desktop: a desktop chat app for the Ollama LLM server."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ollama-desktop")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
