"""The installed models (no Qt): downloading one, its progress lines summed up into one bar."""
