"""Memory in the window: the residency chip and its texts, the memory pane, and the unload dialog."""
