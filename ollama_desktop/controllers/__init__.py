"""QObjects that hold the app's logic, on the GUI thread, with no widgets."""
