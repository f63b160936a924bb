"""Production core on generated PDFs: the SSN and account-number patterns, real removal of
images and vector art under a box, stamps on a rotated page, undo of a find-and-redact."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from reviewer.core.errors import ProductionError
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import audit
from reviewer.core.matter.store import Matter
from reviewer.core.production import export as production_export
from reviewer.core.production import sets as production
from reviewer.core.production import verify as production_verify

LINES = [
    "Plaintiff J.D., a minor, resides in Denver with her parents.",
    "Her Social Security number is 123-45-6789 on the intake form.",
    "Payments went to account 4417-1234-5678-9113 at First Bank.",
    "The case number 1:21-cv-01061 and the date 2021-04-16 are not accounts.",
    "A courtesy copy went to the Court's clerk; Anna Denvers is no minor.",
]


def make_pdf(path: Path, rotate: int = 0) -> Path:
    doc = pymupdf.open()
    for n in range(2):
        page = doc.new_page(width=612, height=792)
        for i, line in enumerate(LINES):
            page.insert_text((72, 100 + 24 * i), line, fontsize=11)
        # an image and a vector square below the text, both to be redacted on page 1
        pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
        pix.set_rect(pix.irect, (200, 30, 30))
        page.insert_image(pymupdf.Rect(72, 300, 172, 400), pixmap=pix)
        page.draw_rect(pymupdf.Rect(300, 300, 400, 400), color=(0, 0, 1), fill=(0, 0, 1))
        page.insert_text((72, 500), f"Page {n + 1} footer text stays.", fontsize=11)
        page.set_rotation(rotate)
    doc.save(path)
    return path


@pytest.fixture
def pm(matter: Matter, tmp_path: Path) -> Matter:
    for _ in import_files(matter, [make_pdf(tmp_path / "intake.pdf", rotate=90)], workers=1):
        pass
    production.create_set(matter, "P", "XYZ", 7, digits=4, legend="CONFIDENTIAL")
    production.add_documents(matter, "P", ["intake.pdf"])
    return matter


def test_patterns_find_ssn_and_account_numbers_only(pm: Matter, tmp_path: Path) -> None:
    ssn = production.redact_search(pm, "P", None, "privacy", pattern="ssn", info_type="ssn")
    acct = production.redact_search(pm, "P", None, "privacy", pattern="account",
                                    info_type="financial-account")  # fmt: skip
    assert (len(ssn), len(acct)) == (2, 2)  # one of each on each of the two pages
    out = tmp_path / "out"
    production_export.export(pm, "P", out)
    with pymupdf.open(out / "PDF" / "XYZ0007.pdf") as doc:
        text = " ".join(" ".join(p.get_text().split()) for p in doc)
    assert "123-45-6789" not in text
    assert "4417-1234-5678-9113" not in text
    assert "1:21-cv-01061" in text
    assert "2021-04-16" in text
    assert "Her Social Security number is" in text
    assert production_verify.verify(out) == []


def test_images_and_vector_art_under_a_box_are_removed(pm: Matter, tmp_path: Path) -> None:
    # the page is rotated 90°: the box is in the page's own (unrotated) points, as the
    # importer's paragraph boxes and search hits are; it covers the image and square wholly
    production.redact_box(pm, "P", "intake.pdf", 1, (60, 290, 410, 410), "figures",
                          info_type="confidential", basis="custom: trade secret")  # fmt: skip
    out = tmp_path / "out"
    production_export.export(pm, "P", out, labels=False)
    with pymupdf.open(out / "PDF" / "XYZ0007.pdf") as doc:
        one, two = doc[0], doc[1]
        assert not [d for d in one.get_drawings() if d.get("fill") == (0.0, 0.0, 1.0)]
        assert [d for d in two.get_drawings() if d.get("fill") == (0.0, 0.0, 1.0)]
        # the image's pixels under the box are blanked (no red pixel left on page 1)
        pix = one.get_pixmap(clip=pymupdf.Rect(72, 300, 172, 400))
        assert (200, 30, 30) not in {pix.pixel(x, y) for x in range(0, pix.w, 5)
                                     for y in range(0, pix.h, 5)}  # fmt: skip
        assert "Page 1 footer text stays." in " ".join(one.get_text().split())
        # stamps sit lower right / lower left of the page as it is seen (rotation removed)
        assert one.rotation == 0
        bates = one.search_for("XYZ0007")[0]
        assert bates.x0 > one.rect.width / 2
        assert bates.y0 > one.rect.height - 40
        legend = one.search_for("CONFIDENTIAL")[0]
        assert legend.x1 < one.rect.width / 2
    assert production_verify.verify(out) == []


def test_find_and_redact_is_one_undoable_step(pm: Matter, tmp_path: Path) -> None:
    for _ in import_files(pm, [make_pdf(tmp_path / "second.pdf")], workers=1):
        pass
    production.add_documents(pm, "P", ["second.pdf"])
    ids = production.redact_search(pm, "P", "Denver", "minor's home", info_type="minor-name")
    assert len(ids) == 4  # two pages of each of two documents
    audit.undo(pm)
    assert pm.db.execute("SELECT count(*) FROM redactions").fetchone()[0] == 0


def test_numbers_must_fit_the_padding(pm: Matter, tmp_path: Path) -> None:
    production.create_set(pm, "Tight", "T", 9, digits=1)
    production.add_documents(pm, "Tight", ["intake.pdf"])
    with pytest.raises(ProductionError, match="run past 1 digits"):
        production_export.export(pm, "Tight", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_find_and_redact_takes_whole_words_only(pm: Matter, tmp_path: Path) -> None:
    production.redact_search(pm, "P", "court", "test")
    production.redact_search(pm, "P", "Denver", "minor's home", info_type="minor-name")
    out = tmp_path / "out"
    production_export.export(pm, "P", out)
    with pymupdf.open(out / "PDF" / "XYZ0007.pdf") as doc:
        text = " ".join(" ".join(p.get_text().split()) for p in doc)
    assert "courtesy copy went to the" in text
    assert "Court's" not in text
    assert "Denvers" in text
    assert "resides in Denver" not in text
    assert production_verify.verify(out) == []
