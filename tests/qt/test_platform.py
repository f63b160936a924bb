"""Facts about the Qt binding the app relies on, checked where they have been seen to fail."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int)


def test_emitting_keeps_the_reference_count_of_true() -> None:
    # PySide6 6.12.0 returned True from emit() without a reference of its own: each emit took
    # one from True, and after enough of them the interpreter aborted (bool_dealloc).
    emitter = _Emitter()
    emitter.changed.connect(lambda _n: None)
    gc.collect()
    before = sys.getrefcount(True)
    for n in range(200):
        emitter.changed.emit(n)
    gc.collect()
    assert sys.getrefcount(True) >= before - 5
