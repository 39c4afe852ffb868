"""Widgets only: they show state and forward the user's actions to the controllers."""
