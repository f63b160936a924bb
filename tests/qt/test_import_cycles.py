"""reviewer.qt has no import cycle (main_window imported menus, searching and tagging, which
imported it back): helpers see the window through the ``window_api`` Protocol."""

from __future__ import annotations

import grimp


def test_no_module_of_reviewer_qt_imports_one_that_imports_it_back() -> None:
    graph = grimp.build_graph("reviewer")
    qt = sorted(m for m in graph.modules if m.startswith("reviewer.qt"))
    cycles = [
        (a, b)
        for a in qt
        for b in graph.find_modules_directly_imported_by(a)
        if b.startswith("reviewer.qt") and graph.chain_exists(importer=b, imported=a)
    ]
    assert "reviewer.qt.main_window" in qt
    assert cycles == []
