"""The window's look where the platform style falls short: a visible frame around whichever
list, table, tree, page view or field has the keyboard focus (Fusion and the offscreen and
xcb styles draw none, or a faint one), in the palette's highlight colour so it follows the
user's theme."""

from __future__ import annotations

FOCUS_WIDTH = 2

FOCUS_QSS = f"""
QAbstractScrollArea {{ border: {FOCUS_WIDTH}px solid transparent; }}
QAbstractScrollArea:focus {{ border: {FOCUS_WIDTH}px solid palette(highlight); }}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus {{
    border: {FOCUS_WIDTH}px solid palette(highlight); border-radius: 2px; padding: 1px;
}}
QPushButton:focus {{ outline: none; border: {FOCUS_WIDTH}px solid palette(highlight);
    border-radius: 3px; padding: 3px 10px; }}
"""
