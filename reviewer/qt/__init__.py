"""The desktop app (PySide6): the only package that imports Qt. Arrives with the GUI issue."""
