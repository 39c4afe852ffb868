"""The saved chats (no Qt): the SQLite file, its schema and search, the stored values, and the Markdown
and JSON files a chat is exported to and imported from."""
