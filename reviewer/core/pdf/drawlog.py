"""A page's drawing log for the bad-redaction check: the entries of PyMuPDF's
``Page.get_bboxlog`` (one per drawing call, in drawing order, same names), with a box for
images, filled paths and text (its glyphs' boxes, which cost little) — the kinds whose
place the check reads. Stroke bounds are not computed: they are most of what the bbox log
costs above running the page."""

from __future__ import annotations

from functools import cache
from typing import Any

from reviewer.core.pdf.read import _pymupdf

Entry = tuple[str, Any]  # (kind, box or None)


class DrawLog(list[Entry]):
    """The entries, and whether the page marks any text with an ActualText (the text page
    then holds that text in place of the glyphs drawn)."""

    actual_text = False


@cache
def _device_class() -> Any:
    """The device class, made once pymupdf is loaded (it is imported lazily)."""
    m = _pymupdf()
    mupdf = m.mupdf

    class LogDevice(mupdf.FzDevice2):  # type: ignore[misc, name-defined]
        """Every call ``get_bboxlog``'s device logs, in the same order."""

        def __init__(self, result: DrawLog) -> None:
            super().__init__()
            self.result = result
            for name in ("fill_path", "stroke_path", "fill_text", "stroke_text", "ignore_text",
                         "fill_shade", "fill_image", "fill_image_mask",
                         "begin_metatext"):  # fmt: skip
                getattr(self, f"use_virtual_{name}")()

        def begin_metatext(self, *args: Any) -> None:
            self.result.actual_text = True  # not an entry: get_bboxlog lists none

        def fill_path(self, ctx: Any, path: Any, even_odd: Any, ctm: Any, *args: Any) -> None:
            box = mupdf.ll_fz_bound_path(path, None, ctm)  # as get_bboxlog bounds a fill
            self.result.append(("fill-path", m.JM_py_from_rect(box)))

        def stroke_path(self, *args: Any) -> None:
            self.result.append(("stroke-path", None))

        def fill_text(self, ctx: Any, text: Any, ctm: Any, *args: Any) -> None:
            self.result.append(("fill-text", _bound(text, ctm)))

        def stroke_text(self, ctx: Any, text: Any, stroke: Any, ctm: Any, *args: Any) -> None:
            self.result.append(("stroke-text", _bound(text, ctm)))

        def ignore_text(self, ctx: Any, text: Any, ctm: Any, *args: Any) -> None:
            self.result.append(("ignore-text", _bound(text, ctm)))

        def fill_shade(self, *args: Any) -> None:
            self.result.append(("fill-shade", None))

        def fill_image(self, ctx: Any, image: Any, ctm: Any, *args: Any) -> None:
            unit = mupdf.FzRect(mupdf.FzRect.Fixed_UNIT)  # as get_bboxlog bounds an image
            box = mupdf.ll_fz_transform_rect(unit.internal(), ctm)
            self.result.append(("fill-image", m.JM_py_from_rect(box)))

        def fill_image_mask(self, *args: Any) -> None:
            self.result.append(("fill-imgmask", None))

    def _bound(text: Any, ctm: Any) -> tuple[float, float, float, float]:
        box = mupdf.ll_fz_bound_text(text, None, ctm)  # its glyphs' boxes: cheap
        return (box.x0, box.y0, box.x1, box.y1)

    return LogDevice


def draw_log(page: Any) -> DrawLog:
    """``page``'s drawing log (a PyMuPDF page), run unrotated as ``get_bboxlog`` runs it."""
    mupdf = _pymupdf().mupdf
    rotation = page.rotation
    if rotation:
        page.set_rotation(0)
    try:
        result = DrawLog()
        dev = _device_class()(result)
        mupdf.fz_run_page(page.this, dev, mupdf.FzMatrix(), mupdf.FzCookie())
        mupdf.fz_close_device(dev)
    finally:
        if rotation:
            page.set_rotation(rotation)
    return result
