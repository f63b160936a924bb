"""Hand-established truth for the 17 ``dev2-*`` filings (declarations, orders, a stipulation,
a bankruptcy motion, an exhibit) in the shared corpus.

Established by reading each PDF: the text layer dumped with positions (PyMuPDF
``get_text("dict")``: every line opening with a number, its x and weight) and pages rendered
with pdftoppm and looked at where the structure was in doubt (numbered headings, skipped
numbers, two columns, image pages). Conventions as in ``corpus_truth.py``; in addition:

* ``lists`` holds each numbered list of the document in order, as its sequence of numbers
  (numbers the author skipped are left out). Numbered HEADINGS (a short title over
  unnumbered text: ``1. The Fund's Fees``) are not lists; prayer items are not lists.
* ``S(list, number, page, first, last, end_page)``: a sampled paragraph; ``first`` and
  ``last`` are its first and last words (``last`` None when not checked), compared after
  collapsing whitespace.
"""

# The strings reproduce the PDFs' typography (curly quotes, dashes) on purpose.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class S:
    """One sampled numbered paragraph."""

    list_no: int
    number: int
    page: int
    first: str
    last: str | None
    end_page: int


@dataclass(frozen=True, kw_only=True)
class FilingTruth:
    lists: tuple[tuple[int, ...], ...]
    samples: tuple[S, ...]
    notes: str


def _run(first: int, last: int) -> tuple[int, ...]:
    return tuple(range(first, last + 1))


DEV2: dict[str, FilingTruth] = {
    "dev2-cacd-2-18-cv-09321-55-3.pdf": FilingTruth(
        lists=(_run(1, 12),),
        samples=(
            S(1, 1, 2, "On October 31, 2018,", "Act. (ECF No. 1).", 2),
            S(1, 7, 3, "Third-Party Defendant is not", "521) (Pujji Decl., ¶13);", 3),
            S(1, 12, 7, "Third-Party Plaintiffs are also", "¶9; Pujji Decl., ¶16)", 7),
        ),
        notes="Declaration on pleading paper; ¶¶ 1-12, numbers at x=140 on their own span.",
    ),
    "dev2-cacd.624044.398.0.pdf": FilingTruth(
        lists=((1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14), _run(1, 38), _run(1, 16), _run(1, 2)),
        samples=(
            S(1, 1, 2, "The parties are: a.", "Nos. 210, 211, 230).", 2),
            S(1, 8, 9, "In view of the", "to the alleged infringement?", 12),
            S(1, 14, 25, "The foregoing admissions having", "to prevent manifest injustice.", 25),
            S(2, 1, 27, "The website www.youtube.com is", "share, and watch videos.", 27),
            S(2, 20, 30, "In 2012, there were", "approximately views during 2012.", 30),
            S(2, 38, 32, "A “play” does not", "listened to a song.", 32),
            S(3, 1, 33, "Houston received total gross", "in the United States.", 33),
            S(3, 9, 34, "Walter received total gross", "in the United States.", 34),
            S(3, 16, 36, "WB Music Corp. received", "in the United States.", 36),
            S(4, 1, 37, "Pages 5-8 of Exhibit", "of September 7, 2011.", 37),
            S(4, 2, 37, "Page 9 of Exhibit", "of January 24, 2012.", 37),
        ),
        notes="[Proposed] final pretrial conference order: body ¶¶ 1-14 with 7 skipped by the author (p. 3-8 hold ¶ 6's contentions, p. 9 opens with 8.); then Schedule 5(a) admitted facts 1-38 (pp. 27-32), Schedule 5(b) 1-16 (pp. 33-36), and a two-item list on p. 37: four lists. Affirmative-defence items '1(a).' are not ¶¶. Page numbers are printed in a control-code font.",
    ),
    "dev2-cacd.630649.326.0_1.pdf": FilingTruth(
        lists=(_run(1, 11), _run(1, 9)),
        samples=(
            S(1, 1, 21, "Overruled;", "Overruled;", 21),
            S(1, 6, 21, "Moot in light of", "4, Docket No. 308-4);", 21),
            S(1, 11, 21, "Overruled.", "Overruled.", 21),
            S(2, 1, 21, "The Court did not", "on the MSJ II;", 21),
            S(2, 5, 21, "Overruled;", "Overruled;", 21),
            S(2, 9, 21, "Sustained.", "Sustained.", 21),
        ),
        notes="Order on summary judgment: numbered headings '1. The Fund's Fees' … '7. Nature and Quality of Services' are headings, not ¶¶ (short titles, no sentence, text below). Evidentiary rulings p. 21: 1-11 (Plaintiff's objections) and 1-9 (Defendant's): two lists. OCR'd text layer.",
    ),
    "dev2-cacd.649554.1409.0.pdf": FilingTruth(
        lists=(_run(1, 7), _run(1, 14), _run(1, 5)),
        samples=(
            S(1, 1, 2, "The defendant shall comply", "Amended General Order 20-04.", 2),
            S(1, 4, 2, "The defendant shall refrain", "by the Probation Officer.", 2),
            S(1, 7, 2, "The defendant shall not", "court (set forth below).", 3),
            S(2, 1, 4, "The defendant must not", "state, or local crime;", 4),
            S(2, 9, 4, "The defendant must not", "the community or rehabilitation;", 4),
            S(3, 1, 5, "Special assessments under 18", "18 U.S.C. § 3013;", 5),
            S(3, 3, 5, "Fine;", "Fine;", 5),
            S(3, 5, 5, "Other penalties and costs.", "Other penalties and costs.", 5),
        ),
        notes="Judgment and commitment (AO form): supervision conditions 1-7 (p. 2), standard conditions 1-14 in TWO COLUMNS on p. 4 (1-8 left, 9-14 right), payment order 1-5 (p. 5). The two-column page is read column by column.",
    ),
    "dev2-cacd.660322.351.1.pdf": FilingTruth(
        lists=(_run(1, 5),),
        samples=(
            S(1, 1, 2, "I am an attorney", "Motion for Summary Judgment.", 2),
            S(1, 3, 2, "Ms. Borders confirmed that", "designated documents under seal.", 2),
            S(1, 5, 2, "The redactions made to", "designated for confidential treatment.", 2),
        ),
        notes="Declaration, ¶¶ 1-5; two-line running footer (title) on pp. 2-3 only.",
    ),
    "dev2-cacd.661853.352.2.pdf": FilingTruth(
        lists=(
            _run(1, 6),
            _run(1, 2),
            _run(1, 7),
            _run(1, 3),
            _run(1, 9),
            _run(1, 5),
            _run(1, 6),
            _run(1, 3),
        ),
        samples=(
            S(1, 1, 22, "Discovery Cut−off: The Court", "is to be completed.", 22),
            S(1, 4, 22, "Depositions: All depositions shall", "weeks before the cut−off.", 22),
            S(1, 6, 23, "Expert Discovery: All disclosures", "be made in writing.", 23),
            S(2, 1, 23, "Civil Matters: initial pleadings", "materials for patent cases.", 24),
            S(2, 2, 24, "Criminal Matters: motion papers", "and sentencing position papers.", 24),
            S(3, 1, 25, "Place in “all caps”", "DEFENSES OF THE PARTIES”).", 25),
            S(3, 4, 25, "In specifying the parties’", "of the Local Rules.", 25),
            S(
                3,
                7,
                26,
                "Issues of law should",
                "chambers’ e−mail at: AB_Chambers@cacd.uscourts.gov.",
                26,
            ),
            S(4, 1, 26, "At least 21 days", "• Motions in limine", 26),
            S(4, 2, 26, "At least 14 days", "to motions in limine", 27),
            S(4, 3, 27, "At least 7 days", "7 days before trial:", 27),
            S(5, 1, 32, "Counsel should not approach", "approaching has been accomplished.", 32),
            S(5, 5, 33, "Counsel must not offer", "stipulation will be acceptable.", 33),
            S(5, 9, 33, "Where a party has", "as to that witness.", 33),
            S(6, 1, 33, "Promptness is expected from", "trial or inconvenience jurors.", 34),
            S(6, 3, 34, "Counsel must notify the", "or for other reasons.", 34),
            S(6, 5, 34, "The Court attempts to", "the Court in advance.", 34),
            S(7, 1, 34, "Each counsel should keep", "been admitted into evidence.", 34),
            S(7, 4, 34, "Counsel are to advise", "further motion to admit.", 34),
            S(7, 6, 35, "Counsel must not ask", "the court session starts.", 35),
            S(8, 1, 35, "All depositions to be", "in the CRD’s possession.", 35),
            S(8, 2, 35, "In using depositions of", "deposition for this purpose.", 35),
            S(8, 3, 35, "Where a witness is", "the questions and answers.", 35),
        ),
        notes="Joint stipulation (no ¶¶) with the judge's trial order as an exhibit (pp. 20-36) whose sections each number their own items: discovery 1-6, motions 1-2, pretrial order contents 1-7, deadlines 1-3, conduct of attorneys 1-9, 1-5, 1-6, depositions 1-3: eight lists. Two ECF stamps per page.",
    ),
    "dev2-cacd.719911.55.32_1.pdf": FilingTruth(
        lists=(_run(1, 17),),
        samples=(
            S(1, 1, 2, "I am the President", "testify to these matters.", 2),
            S(1, 9, 3, "Elco developed a modified", "modified ELL module design.", 3),
            S(1, 17, 4, "Elco has not taken", "of Elco since 1993.", 5),
        ),
        notes="Declaration, ¶¶ 1-17; scanned with an OCR layer on top of the text layer (every line twice, margin line numbers inside OCR lines), firm name printed sideways in the margin.",
    ),
    "dev2-cacd.719911.55.44.pdf": FilingTruth(
        lists=(
            (
                1,
                2,
                3,
                4,
                5,
                6,
                7,
                8,
                9,
                10,
                11,
                12,
                13,
                14,
                15,
                16,
                17,
                18,
                19,
                20,
                21,
                22,
                23,
                24,
                25,
                26,
                27,
                28,
                29,
                30,
                31,
                32,
                33,
                34,
                35,
                36,
                37,
                39,
                40,
                41,
                42,
                43,
                44,
                45,
                46,
                47,
                48,
                49,
            ),
        ),
        samples=(
            S(1, 1, 2, "I am the Director", "testify to these matters.", 2),
            S(1, 25, 6, "DMF has been marketing", "standard size junction box.", 6),
            S(1, 49, 12, "UL Standard UL514A applies", "pose a fire hazard.", 12),
        ),
        notes="Declaration, ¶¶ 1-49 with 38 skipped by the author (p. 9 ends with 37, p. 10 opens with 39); two text layers; screenshots inline; sideways firm name.",
    ),
    "dev2-canb.580912.33.0.pdf": FilingTruth(
        lists=(_run(1, 18), _run(1, 9)),
        samples=(
            S(1, 1, 19, "The Motion is granted", "granted as provided herein.", 19),
            S(1, 10, 21, "The Debtors are authorized", "the Claimant’s prepetition claims.", 21),
            S(1, 18, 22, "This Court shall retain", "of this Interim Order", 22),
            S(2, 1, 24, "Recitals. The foregoing recitals", "forth at length herein.", 24),
            S(2, 5, 25, "Supplier Breach. a. In", "or other equitable remedies.", 26),
            S(2, 9, 27, "Miscellaneous. a. The Parties", "drafting by any Party.", 27),
        ),
        notes="Bankruptcy motion (memorandum, no ¶¶), then the proposed interim order 1-18 (pp. 19-22) and its exhibit, a vendor agreement 1-9 (pp. 24-28): two lists.",
    ),
    "dev2-canb.582112.201.0.pdf": FilingTruth(
        lists=(_run(1, 4),),
        samples=(
            S(1, 1, 1, "I am co-counsel to", "Exhibit A Under Seal.1", 2),
            S(1, 3, 2, "Although Uber does not", "designated materials are sealable.", 2),
            S(1, 4, 2, "The unredacted and identical", "the Court under seal.", 2),
        ),
        notes="Declaration with exhibit: ¶¶ 1-4; footnote 1 at the foot of p. 1.",
    ),
    "dev2-cand.325983.155.6.pdf": FilingTruth(
        lists=(_run(1, 7),),
        samples=(
            S(1, 1, 4, "I am a partner", "would competently do so.", 4),
            S(1, 4, 4, "In early January, 2015,", "had joined the deal.", 5),
            S(1, 7, 5, "In one instance, shortly", "told her that I", 5),
        ),
        notes="Declaration, ¶¶ 1-7; p. 6 is an image (the end of ¶ 7 and the signature), so ¶ 7's text-layer end is mid-sentence.",
    ),
    "dev2-cand.330639.212.0.pdf": FilingTruth(
        lists=(),
        samples=(),
        notes="Opposition brief: numbered headings only ('1. Mr. Witt Appropriately Uses …', bold); no numbered ¶¶; TOC on p. 2.",
    ),
    "dev2-cand.330704.16.6_1.pdf": FilingTruth(
        lists=(_run(1, 10),),
        samples=(
            S(1, 1, 2, "I am an attorney", "would testify competently thereto.", 2),
            S(1, 6, 2, "On October 20, 2015,", "copy of that application.", 2),
            S(1, 10, 3, "Attached hereto as Exhibit", "on August 11, 2017.", 3),
        ),
        notes="Declaration, ¶¶ 1-10.",
    ),
    "dev2-cand.334874.713.0.pdf": FilingTruth(
        lists=(),
        samples=(),
        notes="Order on sealing: bold numbered headings '1. Exhibits A (and Duplicates B-D …)' … '17. Exhibit KK …' each over unnumbered discussion paragraphs: numbered headings, not ¶¶ (cite as 'Order at 7'). Court banner printed sideways in the margin.",
    ),
    "dev2-cand.340216.67.4.pdf": FilingTruth(
        lists=(_run(1, 12),),
        samples=(
            S(1, 1, 2, "I am over the", "of record for Plaintiffs.", 2),
            S(1, 7, 3, "There was considerable novelty", "challenges in this case.", 3),
            S(1, 12, 4, "Attached at Ex. 1", "Offices, regarding this matter.", 4),
        ),
        notes="Declaration, ¶¶ 1-12.",
    ),
    "dev2-cand.348075.75.1.pdf": FilingTruth(
        lists=(_run(1, 16),),
        samples=(
            S(1, 1, 2, "I am a partner", "called to do so.", 2),
            S(1, 9, 3, "Further, Triumph’s records include", "phone calls to Plaintiff.", 3),
            S(1, 16, 4, "InfoFree also produced invoices", "hereto as Exhibit 1.)", 4),
        ),
        notes="Declaration, ¶¶ 1-16, then exhibits (call logs).",
    ),
    "dev2-cand.350613.139.1.pdf": FilingTruth(
        lists=(_run(1, 5),),
        samples=(
            S(1, 1, 2, "I am an attorney", "would competently testify thereto.", 2),
            S(1, 3, 2, "Attached hereto as Exhibit", "Affirmative Defenses Under Seal.", 2),
            S(1, 5, 2, "The redacted portions of", "the documents at issue.", 2),
        ),
        notes="Declaration, ¶¶ 1-5; running footer is the three-line title on pp. 2-3.",
    ),
}
