"""The saved chats in the window: the sidebar list and its search, the version bar, the storage
banner, and the sentences about the history file."""
