"""Menus, actions and keyboard shortcuts of the main window — one table, so the shortcuts
overview (F1 / ?) always lists exactly what the menus do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from reviewer.qt.window_api import ReviewWindow

# The Export menu: (export kind, label); each opens an Export dialog (qt/export_dialog.py).
EXPORTS = (
    ("proof-chart", "&Proof chart…"), ("conclusory", "&Conclusory allegations…"),
    ("privilege-log", "Pri&vilege log…"), ("redaction-log", "&Redaction log…"),
    ("production", "Pro&duction…"), ("searchable-pdf", "&Searchable PDF…"),
    ("exhibit-list", "&Exhibit list…"), ("exhibit-binder", "Exhibit &binder…"),
)  # fmt: skip

# (menu, action name, label, shortcuts, ReviewWindow method, its arguments)
Entry = tuple[str, str, str, tuple[str, ...], str, tuple[object, ...]]

ENTRIES: tuple[Entry, ...] = (
    ("&File", "new", "&New matter…", ("Ctrl+N",), "new_matter", ()),
    ("&File", "open", "&Open matter…", ("Ctrl+O",), "choose_matter", ()),
    ("&File", "import", "&Import filings…", ("Ctrl+I",), "files.choose_import", ()),
    ("&File", "ocr", "&OCR scanned pages", ("Ctrl+Shift+O",), "files.run_ocr", ()),
    ("&File", "checkout", "Chec&k out for a reviewer…", (), "offline.check_out", ()),  # issue 19
    ("&File", "checkin", "C&heck in a package…", (), "offline.check_in", ()),
    ("&File", "batches", "&Batches…", (), "offline.show_batches", ()),
    ("&File", "conflicts", "Con&flicts…", (), "offline.show_conflicts", ()),
    ("&File", "close_matter", "&Close matter", ("Ctrl+W",), "close_to_start", ()),
    ("&File", "demo", "Open the &demo matter", (), "start.open_demo", ()),
    ("&File", "quit", "&Quit", ("Ctrl+Q",), "close", ()),
    ("&Go", "next_para", "&Next paragraph", ("J", "Ctrl+Down"), "step_paragraph", (1,)),
    ("&Go", "prev_para", "&Previous paragraph", ("K", "Ctrl+Up"), "step_paragraph", (-1,)),
    ("&Go", "next_hit", "Next search &hit", ("F3", "Ctrl+G"), "searching.step_hit", (1,)),
    ("&Go", "prev_hit", "Previous search h&it", ("Shift+F3", "Ctrl+Shift+G"),
     "searching.step_hit", (-1,)),
    ("&Go", "next_page", "Next pa&ge", ("PgDown",), "step_page", (1,)),
    ("&Go", "prev_page", "Previous pag&e", ("PgUp",), "step_page", (-1,)),
    ("&Go", "search", "&Search…", ("Ctrl+F", "/"), "focus_search", ()),
    ("&Edit", "copy_cite", "&Copy ¶ with cite", ("Ctrl+Shift+C", "Y"), "copy_paragraph", ()),
    ("&Edit", "undo", "&Undo", ("Ctrl+Z",), "history.undo", ()),
    ("&Edit", "redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "history.redo", ()),
    ("&View", "zoom_in", "Zoom &in", ("Ctrl+=", "Ctrl++"), "page_view.zoom_in", ()),
    ("&View", "zoom_out", "Zoom &out", ("Ctrl+-",), "page_view.zoom_out", ()),
    ("&View", "fit_width", "&Fit page width", ("Ctrl+0",), "page_view.fit_width", ()),
    *(
        ("&Tag", f"tag_{n}", f"Tag with the active claim's element &{n} (again: remove)",
         (str(n),), "tagging.tag_element", (n,))
        for n in range(1, 10)
    ),
    ("&Claims", "claims", "&Claims and elements…", ("Ctrl+Shift+L",), "review.open_claims", ()),
    ("&Claims", "counts", "&Map counts to claims…", ("Ctrl+Shift+M",), "review.open_counts", ()),
    ("&Claims", "suggestions", "&Suggestions for an element…", ("Ctrl+Shift+U",),
     "review.open_suggestions", ()),
    ("&Document", "properties", "&Properties…", ("Alt+Return",), "review.open_document",
     ("properties",)),
    ("&Document", "kind", "Change &kind…", ("Ctrl+Shift+K",), "review.open_document", ("kind",)),
    ("&Document", "delete", "&Delete documents…", ("Ctrl+Delete",), "review.open_delete", ()),
    ("Pri&vilege", "people", "&People…", ("Ctrl+Shift+P",), "review.open_people", ()),
    ("&Production", "redact_mode", "&Redact mode: draw boxes on the page", ("Ctrl+Shift+R",),
     "production.toggle_redact_mode", ()),
    ("&Production", "find_redact", "&Find and redact…", ("Ctrl+Shift+H",),
     "production.open_find", ()),
    ("&Production", "preview_page", "&Preview the produced page", ("Ctrl+Shift+B",),
     "production.open_preview", ()),
    ("&Production", "export_production", "&Export and verify…", ("Ctrl+Shift+E",),
     "production_panel.choose_export", ()),
    *(
        ("E&xport", f"export_{kind}", label, (), "exports.open", (kind,))
        for kind, label in EXPORTS
    ),
    ("&Help", "shortcuts", "&Keyboard shortcuts", ("F1", "?"), "show_shortcuts", ()),
)  # fmt: skip

SHORTCUTS: list[tuple[str, str]] = [
    (" / ".join(keys), label.replace("&", "")) for _, _, label, keys, _, _ in ENTRIES
]


def _call(window: ReviewWindow, method: str, args: tuple[object, ...]) -> None:
    """Call ``method`` (a dotted path from the window, e.g. ``history.undo``). Returns None:
    a slot's return value goes back through the Qt binding, and nothing needs it."""
    target: object = window
    for name in method.split("."):
        target = getattr(target, name)
    target(*args)  # type: ignore[operator]


def build_menus(window: ReviewWindow) -> dict[str, QAction]:
    """Create every action with its shortcuts in the window's menus; returns them by name."""
    menus: dict[str, object] = {}
    actions: dict[str, QAction] = {}
    for menu_title, name, label, keys, method, args in ENTRIES:
        menu = menus.get(menu_title) or window.menuBar().addMenu(menu_title)
        menus[menu_title] = menu
        action = QAction(label, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(label.replace("&", ""))
        action.triggered.connect(lambda _=False, m=method, a=args: _call(window, m, a))
        menu.addAction(action)  # type: ignore[attr-defined]
        window.addAction(action)
        actions[name] = action
    view_menu = menus["&View"]
    for dock in window.docks.values():
        view_menu.addAction(dock.toggleViewAction())  # type: ignore[attr-defined]
    file_menu: QMenu = menus["&File"]  # type: ignore[assignment]
    recent = QMenu("Open &recent", file_menu)
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    file_menu.insertMenu(actions["import"], recent)
    window.recent_menu = recent
    return actions


def fill_recent(window: ReviewWindow, menu: QMenu) -> None:
    """The recent matters, most recent first; one that is gone is listed but disabled."""
    menu.clear()
    paths = window.recent_matters()
    for i, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{i}  {path}")
        action.setEnabled(Path(path).is_dir())
        action.triggered.connect(lambda _=False, p=path: _call(window, "open_matter", (p,)))
    if not paths:
        menu.addAction("No recent matters").setEnabled(False)
