"""The shell: the main window, its actions and menus, the status bar, the tray, and its polling."""
