"""Everything that talks to Ollama or computes on its answers, with no Qt.

An import-linter contract keeps Qt and qasync out of this package, so it can be unit tested with
plain pytest and reused from a command line.
"""
