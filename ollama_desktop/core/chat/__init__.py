"""A conversation with a model (no Qt): its messages and options, the reasoning split off the answer,
the answer cut into markdown blocks as it streams, and what the server's prompt cache makes of its speed."""
