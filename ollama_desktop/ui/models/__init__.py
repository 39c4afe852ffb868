"""Models in the window: the picker, the Models window with its list and details, downloads."""
