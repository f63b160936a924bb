"""The demo matter comes with its counts mapped, a few tags and a chart worth showing."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.claims import counts, tagging
from reviewer.core.exports.proof_chart import chart_rows
from reviewer.core.matter.store import Matter
from reviewer.samples.demo_claims import COUNT_CLAIMS, TAGS
from reviewer.samples.demo_matter import build_demo


def test_demo_matter_is_seeded_once(tmp_path: Path) -> None:
    path = tmp_path / "Demo.matter"
    for _ in build_demo(path):
        pass
    with Matter.open(path, readonly=True) as m:
        found = counts.list_counts(m, "complaint.pdf")
        assert [c.mapped for c in found] == [(claim,) for _, claim in COUNT_CLAIMS]
        # what was seeded is what the count headings suggest
        assert [c.suggested[0].claim for c in found] == [claim for _, claim in COUNT_CLAIMS]
        assert len(tagging.list_tags(m)) == len(TAGS) + 1  # + the exhibit pages
        status = {r.element_id: r.status for r in chart_rows(m)}
    assert status["tvpra-1595.knowingly-benefited"] == "supported"
    assert status["tvpra-1595.participation-in-venture"] == "conclusory-only"
    assert status["negligence.causation"] == "gap"
    for _ in build_demo(path):  # opening the demo again adds nothing
        pass
    with Matter.open(path, readonly=True) as m:
        assert len(tagging.list_tags(m)) == len(TAGS) + 1
        assert m.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 3
