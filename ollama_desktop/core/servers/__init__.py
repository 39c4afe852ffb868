"""The Ollama servers (no Qt): where one is (host parsing, as Ollama reads OLLAMA_HOST) and the list
the user knows."""
