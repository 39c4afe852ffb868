"""Servers in the window: the picker, the server dialog, and choosing the current one."""
