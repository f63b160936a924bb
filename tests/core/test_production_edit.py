"""The production set as the app edits it, on generated PDFs: Bates ranges in order, remove
and move (each undoable, redactions kept), find-and-redact hits with their context and only
the chosen ones recorded, and the produced-page preview black where a box is."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from reviewer.core.errors import ProductionError
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import history
from reviewer.core.matter.store import Matter
from reviewer.core.production import edit
from reviewer.core.production import export as production_export
from reviewer.core.production import sets as production
from reviewer.core.production import verify as production_verify
from reviewer.core.production.find import find_hits, redact_drawn, redact_hits
from reviewer.core.production.preview import preview_page


def make_pdf(path: Path, pages: int, name: str) -> Path:
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 100), f"Page {n + 1} of {path.stem}: {name} signed the form.",
                         fontsize=11)  # fmt: skip
        page.insert_text((72, 130), "Nothing else here is secret.", fontsize=11)
    doc.save(path)
    return path


@pytest.fixture
def pm(matter: Matter, tmp_path: Path) -> Matter:
    files = [make_pdf(tmp_path / f"{stem}.pdf", n, "Anna Denvers")
             for stem, n in (("alpha", 2), ("beta", 3), ("gamma", 1))]  # fmt: skip
    for _ in import_files(matter, files, workers=1):
        pass
    production.create_set(matter, "P", "ABC", 5, digits=4, legend="CONFIDENTIAL")
    production.add_documents(matter, "P", ["alpha.pdf", "beta.pdf", "gamma.pdf"])
    return matter


def _names(m: Matter) -> list[str]:
    return [r.file_name for r in edit.set_documents(m, production.find_set(m, "P"))]


def test_bates_ranges_follow_the_order_and_survive_remove_and_move(pm: Matter) -> None:
    rows = edit.set_documents(pm, production.find_set(pm, "P"))
    assert [r.bates for r in rows] == ["ABC0005\u2013ABC0006", "ABC0007\u2013ABC0009", "ABC0010"]
    assert edit.total_range(rows) == "ABC0005\u2013ABC0010 (6 pages)"
    gamma = rows[2].doc_id
    edit.move_document(pm, "P", gamma, -2)
    rows = edit.set_documents(pm, production.find_set(pm, "P"))
    assert [(r.file_name, r.bates) for r in rows][:2] == [
        ("gamma.pdf", "ABC0005"), ("alpha.pdf", "ABC0006\u2013ABC0007")]  # fmt: skip
    with pytest.raises(ProductionError, match="already first"):
        edit.move_document(pm, "P", gamma, -1)
    history.undo(pm)
    assert _names(pm) == ["alpha.pdf", "beta.pdf", "gamma.pdf"]
    beta = rows[2].doc_id
    redact_hits(pm, "P", [h for h in find_hits(pm, "P", "Anna Denvers") if h.doc_id == beta],
                "privacy")  # fmt: skip
    edit.remove_documents(pm, "P", [beta])
    assert _names(pm) == ["alpha.pdf", "gamma.pdf"]
    assert len(edit.document_redactions(pm, beta)) == 3  # the document's redactions stay
    production.add_documents(pm, "P", ["beta.pdf"])  # back at the end, numbered after gamma
    assert _names(pm) == ["alpha.pdf", "gamma.pdf", "beta.pdf"]
    history.undo(pm)
    history.undo(pm)
    assert _names(pm) == ["alpha.pdf", "beta.pdf", "gamma.pdf"]


def test_find_hits_give_context_and_only_the_chosen_are_redacted(
    pm: Matter, tmp_path: Path
) -> None:
    hits = find_hits(pm, "P", "Anna Denvers")
    assert [(h.file_name, h.page) for h in hits] == [
        ("alpha.pdf", 1), ("alpha.pdf", 2), ("beta.pdf", 1), ("beta.pdf", 2), ("beta.pdf", 3),
        ("gamma.pdf", 1)]  # fmt: skip
    assert hits[0].context == "Page 1 of alpha: \u00abAnna Denvers\u00bb signed the form."
    with pytest.raises(ProductionError, match="Check at least one"):
        redact_hits(pm, "P", [], "privacy")
    chosen = [h for i, h in enumerate(hits) if i != 1]  # the user unchecked alpha p. 2
    ids, changes = redact_hits(pm, "P", chosen, "privacy")
    assert changes.label.startswith("find and redact 5 hits")
    assert len(ids) == 5
    alpha = hits[0].doc_id
    rows = edit.document_redactions(pm, alpha)
    assert [(r.page, r.text, r.reason) for r in rows] == [(1, "Anna Denvers", "privacy")]
    out = tmp_path / "out"
    production_export.export(pm, "P", out)
    with pymupdf.open(out / "PDF" / "ABC0005.pdf") as doc:
        assert "Denvers" not in doc[0].get_text()
        assert "Anna Denvers" in doc[1].get_text()  # the unchecked hit stays
    history.undo(pm)  # one operation
    assert edit.document_redactions(pm, alpha) == []


def test_preview_is_black_under_the_box_and_stamped(pm: Matter) -> None:
    hit = find_hits(pm, "P", "Anna Denvers")[0]
    redact_hits(pm, "P", [hit], "privacy")
    zoom = 2.0
    preview = preview_page(pm, "P", hit.doc_id, 1, zoom)
    assert preview.bates == "ABC0005"
    assert preview.boxes == 1
    img = preview.image
    dark, total = 0, 0
    x0, y0, x1, y1 = (round(v * zoom) for v in hit.rect)
    for y in range(y0 + 2, y1 - 2):
        for x in range(x0 + 2, x1 - 2):
            at = y * img.stride + x * 3
            dark += sum(img.samples[at : at + 3]) < 90
            total += 1
    assert dark > 0.6 * total  # a black box (its white label takes the rest)
    at = int(115 * zoom) * img.stride + int(400 * zoom) * 3  # white paper outside the box
    assert sum(img.samples[at : at + 3]) > 700
    with pytest.raises(ProductionError, match="not within"):
        preview_page(pm, "P", hit.doc_id, 9)


def test_a_box_drawn_on_a_turned_page_redacts_what_was_under_it(
    matter: Matter, tmp_path: Path
) -> None:
    """A page with /Rotate 90 is shown turned: the box drawn there is stored in the page's
    own coordinates, drawn back where it was, and the preview is black at that place."""
    path = tmp_path / "turned.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "Account holder Anna Denvers signed.", fontsize=11)
    page.set_rotation(90)
    doc.save(path)
    for _ in import_files(matter, [path], workers=1):
        pass
    production.create_set(matter, "T", "T", 1)
    production.add_documents(matter, "T", ["turned.pdf"])
    doc_id = production.find_set(matter, "T").doc_ids[0]
    word = find_hits(matter, "T", "Denvers")[0]
    shown = edit.to_view(matter, doc_id, 1, word.rect)
    assert shown != pytest.approx(word.rect)  # turned a quarter
    grown = (shown[0] - 2, shown[1] - 2, shown[2] + 2, shown[3] + 2)
    stored = edit.to_page(matter, doc_id, 1, grown)
    redact_drawn(matter, "T", doc_id, 1, stored, "privacy")
    assert [r.text for r in edit.document_redactions(matter, doc_id)] == ["Denvers"]
    [(page, *box)] = edit.overlay_boxes(matter, doc_id)
    assert (page, box) == (1, pytest.approx(list(grown), abs=0.02))
    img = preview_page(matter, "T", doc_id, 1, 1.0).image
    assert img.width == 792  # the produced page is turned for real
    cx, cy = round((shown[0] + shown[2]) / 2), round(shown[1] + 1)
    at = cy * img.stride + cx * 3
    assert sum(img.samples[at : at + 3]) < 60  # black where the box was drawn


def test_a_name_broken_over_two_lines_is_one_hit(matter: Matter, tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "The form was signed on Monday by Anna", fontsize=11)
    page.insert_text((72, 114), "Denvers in the presence of Anna Denvers's aunt.", fontsize=11)
    doc.save(path)
    for _ in import_files(matter, [path], workers=1):
        pass
    production.create_set(matter, "B", "B", 1)
    production.add_documents(matter, "B", ["broken.pdf"])
    hits = find_hits(matter, "B", "Anna Denvers")
    assert [(h.text, len(h.boxes)) for h in hits] == [
        ("Anna Denvers", 2), ("Anna Denvers's", 1)]  # fmt: skip
    assert hits[0].context.startswith("\u2026") or "\u00abAnna\u00bb" in hits[0].context
    redact_hits(matter, "B", hits[:1], "privacy")
    doc_id = hits[0].doc_id
    assert [r.text for r in edit.document_redactions(matter, doc_id)] == ["Anna", "Denvers"]


def test_export_steps_report_each_document_and_a_cancel_leaves_nothing(
    pm: Matter, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    steps = production_export.export_steps(pm, "P", out)
    first, second = next(steps), next(steps)
    assert (first.message, second.message) == ("Producing 1 of 3: ABC0005",
                                               "Producing 2 of 3: ABC0007")  # fmt: skip
    assert list(tmp_path.glob(".out.part-*"))  # being written beside the destination
    steps.close()  # a cancel
    assert not out.exists()
    assert not list(tmp_path.glob(".out.part-*"))
    manifest = production_export.export(pm, "P", out)
    problems = production_verify.verify(out, pm)
    assert production_verify.outcome(manifest, problems) == (
        "Produced 3 documents, 6 pages, ABC0005\u2013ABC0010: verified, no problems."
    )
    assert production_verify.outcome(manifest, ["x"]).endswith("verify found 1 problem.")
