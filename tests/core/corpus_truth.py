"""Hand-established ground truth for numbered paragraphs in the shared corpus.

Every value here was established by reading the PDFs in ``/work/shared/corpus/pdfs``
(text layer dumped with positions and colours via ``page.get_text("dict")``, pages rendered
and inspected by eye), independently of ``reviewer.core.ingest.segment``.  MANIFEST.tsv counts are
approximate and sometimes wrong (MDD: 50 paragraphs, not ~60; E.D. Cal.: 93, not ~93-102).

Conventions
-----------
* ``last`` is N, the last body paragraph of the sequence 1..N the author numbered.  Not
  counted: prayer-for-relief items (even when they restart at 1), numbers inside block quotes
  of other documents (``¶ 62``, quoted ``1.``/``2.`` items), sub-items ``a.``/``(a)``/``a)``,
  footnotes, table rows, pleading-paper margin line numbers 1-28, caption lists, TOC entries,
  and citation page numbers that wrap to the start of a line (``... 139 S. Ct. at`` / ``891.``).
* ``missing`` lists numbers in 1..N that a text-layer segmenter cannot find because the
  author skipped them or because they are printed only on an image-only page.
* ``no_period`` lists paragraph numbers printed without the usual trailing period (``69``
  instead of ``69.``); they are still author-numbered paragraphs.
* ``counts`` holds each COUNT / CAUSE OF ACTION / CLAIM FOR RELIEF heading in document order
  with the number of the first paragraph under it.  The heading text is the first line of the
  heading block exactly as printed, with runs of whitespace collapsed to one space
  (subtitles such as ``(Rescission)`` or ``(Against All Defendants)`` are not included).
* ``Sample.page`` / ``Sample.end_page`` are 1-based PDF page indexes (not the printed page
  numbers).  ``first`` is the first words of the paragraph's own text after its number;
  ``last`` is its last words including final punctuation, never margin numbers, running
  footers or the ECF stamp.  Both are given exactly as extracted by PyMuPDF (curly vs
  straight quotes as in the PDF) and should be compared after collapsing whitespace
  (``" ".join(s.split())``), because the PDFs contain doubled spaces and line breaks.
* ``ecf`` is the CM/ECF stamp of page 1 as printed: (case number, document number, filed
  date), or ``None`` when there is no federal stamp.
* ``prayer_restarts`` is True when the prayer for relief is numbered ``1.``, ``2.``, ...
  again after the body paragraphs.
"""

# The strings below reproduce the PDFs' typography on purpose (curly apostrophes, en
# dashes), so the ambiguous-character lints are off for this data file.
# ruff: noqa: RUF003, E501

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    """One paragraph whose boundaries were checked by eye on the rendered page."""

    number: int
    page: int
    first: str
    last: str
    end_page: int


@dataclass(frozen=True, kw_only=True)
class ComplaintTruth:
    """What a correct segmenter must report for one complaint."""

    last: int
    missing: tuple[int, ...] = ()
    counts: tuple[tuple[str, int], ...]
    samples: tuple[Sample, ...]
    prayer_restarts: bool
    notes: str
    ecf: tuple[str, str, str] | None
    no_period: tuple[int, ...] = ()


COMPLAINTS: dict[str, ComplaintTruth] = {
    "akd-thomas-complaint-page1-hidden-text.pdf": ComplaintTruth(
        last=1,
        counts=(),
        samples=(
            Sample(number=1, page=1, first="This is an action", last="101 et seq.", end_page=1),
        ),
        prayer_restarts=False,
        notes=(
            "Page 1 of 5 only; paragraph 1 is complete on this page, the fragment ends at the"
            " 'JURISDICTION AND VENUE' heading, so N=1 and there is no prayer (prayer_restarts"
            " is False only because no prayer exists here).  '1.' is its own span at x=108.5,"
            " text after a tab at x=144.5.  ECF stamp is in the page FOOTER (blue, y~758)."
            " Hidden text: the caption shows 'SCOOPER TROOPER, LLC' but the text layer has"
            " 'SCOOPER TROOPPER, LLC' plus an extra overlapping 'TROOPER, LLC' line."
        ),
        ecf=("3:19-cv-00227-HRH", "1", "08/20/19"),
    ),
    "ca-sd-superior-hao-keppel-complaint.pdf": ComplaintTruth(
        last=27,
        counts=(("FIRST CAUSE OF ACTION:", 23),),
        samples=(
            Sample(
                number=1,
                page=1,
                first="At all times mentioned",
                last="Labor Code § 2699.",
                end_page=2,
            ),
            Sample(
                number=10,
                page=4,
                first="Venue as to each",
                last="Civil Procedure § 395.).",
                end_page=4,
            ),
            Sample(
                number=18,
                page=5,
                first="Pursuant to the Industrial",
                last="to all former employees.",
                end_page=6,
            ),
            Sample(
                number=22,
                page=7,
                first="All of the conduct",
                last="(Certified for Publication 12/19/18).",
                end_page=7,
            ),
            Sample(
                number=23,
                page=7,
                first="Plaintiffs re-allege and incorporates",
                last="preceding and subsequent paragraphs.",
                end_page=7,
            ),
            Sample(
                number=25,
                page=7,
                first="PLAINTIFF, and such persons",
                last='the Court (the "PAGA PERIOD").',
                end_page=8,
            ),
            Sample(
                number=27,
                page=8,
                first="The policies, acts and",
                last="other AGGRIEVED EMPLOYEES..",
                end_page=8,
            ),
        ),
        prayer_restarts=True,
        notes=(
            "State-court pleading paper, 9 pages, no federal ECF stamp (the clerk's"
            " 'ELECTRONICALLY FILED 11/03/2022' stamp and the case number are part of an image,"
            " not the text layer).  Numbers are inline at the start of the first line"
            " ('1. At all times ...', x=111.6, indented; continuation lines at x=93.6); margin"
            " line numbers 1-28 at x~68-74.  The caption's relief list ('1. Civil Penalties"
            " Pursuant to Labor Code ...', right column of page 1) and an unnumbered preamble"
            " paragraph precede paragraph 1 and are not paragraphs.  Paragraph 27 contains an"
            " inline list (a)-(f) and ends with a doubled period 'EMPLOYEES..'.  The single"
            " cause of action heading is followed by four subtitle lines.  Prayer item '1.'"
            " has sub-items a./b.  Footer: page number + 'COMPLAINT'."
        ),
        ecf=None,
    ),
    "caed-373457-complaint.pdf": ComplaintTruth(
        last=93,
        counts=(
            ("FIRST CAUSE OF ACTION", 49),
            ("SECOND CAUSE OF ACTION", 65),
            ("THIRD CAUSE OF ACTION", 82),
        ),
        samples=(
            Sample(
                number=1,
                page=2,
                first="In this insurance coverage",
                last="faith and fair dealing.",
                end_page=2,
            ),
            Sample(
                number=5,
                page=2,
                first="This Court has jurisdiction",
                last="of diversity jurisdiction.",
                end_page=3,
            ),
            Sample(
                number=17,
                page=4,
                first="The Policy includes the",
                last="§ II Definitions]",
                end_page=5,
            ),
            Sample(
                number=30,
                page=8,
                first="CVMG’s SAC made the",
                last="health plans. [Exhibit “5”].",
                end_page=14,
            ),
            Sample(
                number=48,
                page=18,
                first="AllCare has repeatedly asked",
                last="has not defended AllCare.",
                end_page=18,
            ),
            Sample(
                number=64,
                page=20,
                first="An actual bona fide",
                last="defense fees and costs.",
                end_page=20,
            ),
            Sample(
                number=81,
                page=21,
                first="As a result of",
                last="Actions and other damages.",
                end_page=22,
            ),
            Sample(
                number=93,
                page=23,
                first="IronShore’s actions have been",
                last="dealing with its insured.",
                end_page=23,
            ),
        ),
        prayer_restarts=True,
        notes=(
            "Sequential 1-93, no gaps (manifest's '~93-102' is wrong: 93 is the last body"
            " paragraph; prayer items 1-9 follow on pp. 23-24, then a jury demand).  Page 1 is"
            " caption only; paragraph 1 starts on PDF page 2 (printed page 1).  '1. ' is its"
            " own span at x~119, text at x~155, continuation lines at x~83; margin numbers at"
            " x~56-62 have the same 14pt size as body text on some pages.  Paragraph 30"
            " (pp. 8-14) block-quotes the underlying CVMG complaint with its own cites"
            " '¶ 6', '¶ 17', '¶41.', '¶¶ 66-79', '¶122.', '¶206.' (all quoted, not"
            " paragraphs); paragraphs 15, 17, 19, 21, 24, 25 and 40 also contain indented"
            " policy/complaint quotations with '(1)'/'(2)' items and '* * *' separators, each"
            " ending in a bracketed '[Exhibit ...]' cite.  Footnotes 1 (p. 4) and 2 (p. 10)."
            "  FAILED REDACTIONS: footnote 2 says parts of the quoted complaint were redacted,"
            " and black boxes on pp. 10, 11, 12 and 14 (inside paragraph 30's quotation) cover"
            " text that is still in the text layer."
            " Footer: '258445_7.doc-- COMPLAINT' (DMS id) plus printed page number."
            "  ECF stamp in blue at the top."
        ),
        ecf=("1:20-cv-00713-NONE-SAB", "1", "05/21/20"),
    ),
    "cod-berkshire-v-schubert-complaint.pdf": ComplaintTruth(
        last=57,
        counts=(("FIRST CLAIM FOR RELIEF", 39), ("SECOND CLAIM FOR RELIEF", 51)),
        samples=(
            Sample(
                number=1,
                page=1,
                first="At all relevant times,",
                last="events at issue occurred.",
                end_page=1,
            ),
            Sample(
                number=2,
                page=1,
                first="Berkshire is informed and",
                last="the policies were issued.",
                end_page=2,
            ),
            Sample(
                number=14,
                page=4,
                first="The Policies were issued",
                last="p. 39 of 52).",
                end_page=5,
            ),
            Sample(
                number=25,
                page=8,
                first="The Representations of the",
                last="p. 39 of 52).",
                end_page=9,
            ),
            Sample(
                number=38,
                page=12,
                first="Berkshire issued payment for",
                last="the paid insurance benefits.",
                end_page=12,
            ),
            Sample(
                number=39,
                page=12,
                first="Berkshire incorporates by reference",
                last="as if fully set forth herein.",
                end_page=12,
            ),
            Sample(
                number=50,
                page=13,
                first="Berkshire requests that this",
                last="date they were issued.",
                end_page=14,
            ),
            Sample(
                number=57,
                page=15,
                first="A judicial declaration is",
                last="validity of the Policies.",
                end_page=15,
            ),
        ),
        prayer_restarts=True,
        notes=(
            "Sequential 1-57; prayer items 1-10 restart at 1 (pp. 15-16).  No line numbers;"
            " '1.' is its own span at x=108 with text after a tab, continuation lines at x=72."
            "  TRAP: paragraph 25 (pp. 8-9) block-quotes the application's numbered"
            " representations '1.', '2.', '4.' and these quoted numbers sit at x=108, exactly"
            " where body paragraph numbers sit; paragraph 14 quotes the same list indented"
            " (x=144).  Both quotes end with a '(Ex. 1 at p. 53 of 60; Ex. 2 at p. 39 of 52).'"
            " cite at the left margin that still belongs to the paragraph.  Paragraph 32 has"
            " sub-items a.-g.  FAILED REDACTIONS: black boxes on pp. 7, 9, 10 and 11 (in"
            " paragraphs 19-21, 28, 32 and 33) are drawn over text that is still in the text"
            " layer, so extracted text shows words the rendered page hides (no sample ends"
            " inside a box)."
            "  Lettered section headings 'A.'-'D.' at x=72.  Page numbers are"
            " printed in brackets at the page bottom ('[2]').  Footnotes 1 (p. 3, long) and"
            " 2 (p. 4).  ECF stamp at the very top (y~0) including 'USDC Colorado'."
        ),
        ecf=("1:21-cv-01061-KLM", "1", "04/16/21"),
    ),
    "insd-teamsters-funds-complaint.pdf": ComplaintTruth(
        last=53,
        counts=(
            ("COUNT I", 20),
            ("COUNT II", 28),
            ("COUNT III", 36),
            ("COUNT IV", 43),
            ("COUNT V", 50),
        ),
        samples=(
            Sample(
                number=1,
                page=1,
                first="This action arises under",
                last="§§ 1132 and 1145.",
                end_page=1,
            ),
            Sample(
                number=7,
                page=2,
                first="The Health Plan is",
                last="§ 1002(16)(B)(iii).",
                end_page=3,
            ),
            Sample(
                number=19,
                page=5,
                first="Despite repeated demands to",
                last="comply with these demands.",
                end_page=5,
            ),
            Sample(
                number=23,
                page=5,
                first="Pursuant to the Participation",
                last="Exhibit 7, CBA).",
                end_page=6,
            ),
            Sample(
                number=27,
                page=6,
                first="Defendant’s actions are in",
                last="29 U.S.C. § 1132(a)(3).",
                end_page=6,
            ),
            Sample(
                number=49,
                page=10,
                first="Defendant’s actions are in",
                last="29 U.S.C. § 185.",
                end_page=10,
            ),
            Sample(
                number=53,
                page=11,
                first="Defendant’s refusal to submit",
                last="§ 1132(g)(2)(E).",
                end_page=11,
            ),
        ),
        prayer_restarts=False,
        notes=(
            "Sequential 1-53; prayer is lettered A.-F. (no restart).  No line numbers; '1.' is"
            " its own span at x=108, text after a tab at x=144, continuation at x=72.  Each"
            " COUNT heading is followed by two subtitle lines (claim name and statute); the"
            " COUNT II heading block straddles pages 6-7 ('LMRA § 301, 29 U.S.C. § 185' is at"
            " the top of p. 7).  No block quotes or lettered sub-lists in the body.  ODD HEADER:"
            " on pp. 10-12 the blue ECF stamp wraps, so 'PageID #: 10' becomes a second stamp"
            " line holding only '10'/'11'/'12' (y~25), which can be mistaken for a paragraph"
            " or page number; there is also a printed page number at the bottom of each page."
            "  '15th' uses a superscript 'th'."
        ),
        ecf=("1:24-cv-00524-JPH-KMB", "1", "03/21/24"),
    ),
    "mdd-harvey-v-cnn-amended-complaint.pdf": ComplaintTruth(
        last=50,
        counts=(
            ("COUNT I – DEFAMATION", 35),
            ("COUNT II – FALSE LIGHT INVASION OF PRIVACY", 43),
            ("COUNT III – PUNITIVE DAMAGES", 48),
        ),
        samples=(
            Sample(
                number=1,
                page=1,
                first="Plaintiff is a retired",
                last="advisor and intelligence officer.",
                end_page=2,
            ),
            Sample(
                number=2,
                page=2,
                first="On November 22, 2019,",
                last="the “Defamatory Statements”).",
                end_page=4,
            ),
            Sample(
                number=11,
                page=9,
                first="The Defamatory Statements are",
                last="discuss “the Biden matter”.",
                end_page=12,
            ),
            Sample(
                number=13,
                page=12,
                first="On August 12, 2019,",
                last="hearsay, states in part:",
                end_page=12,
            ),
            Sample(
                number=41,
                page=23,
                first="CNN published the Defamatory",
                last="that it knows is fake.",
                end_page=28,
            ),
            Sample(
                number=42,
                page=28,
                first="As a direct result",
                last="maximum amount allowed by law.",
                end_page=28,
            ),
            Sample(
                number=47,
                page=29,
                first="As a direct result",
                last="maximum amount allowed by law.",
                end_page=29,
            ),
            Sample(
                number=50,
                page=29,
                first="Plaintiff is entitled to",
                last="conscious and deliberate wrongdoing.",
                end_page=29,
            ),
        ),
        prayer_restarts=False,
        notes=(
            "The filed Doc 37-1 is a Word track-changes print of the Amended Complaint: body"
            " text is the amended text (insertions in red 0xd13438, underlined) and every"
            " deletion is shown in a 'Deleted: ...' comment balloon in a grey right-hand"
            " margin (x~428, 6pt).  The amended body numbers 1-50 completely and in order; N is"
            " 50, not ~60 as the manifest says.  '51'-'54' never start a line: they exist only"
            " as balloon text 'Deleted: 51', 'Deleted: 52', 'Deleted: 53' (the ORIGINAL numbers"
            " of what are now paragraphs 47-49 and the cross-reference 'paragraphs 1 through"
            " 51'), and old 54 survives as 'Deleted: 4' next to the new '50.' ('5' kept, '0'"
            " inserted).  Old paragraphs 55-60 (a deleted 'COUNT IV – INJUNCTION') and old 8-10"
            " and 15-16 appear only inside balloons (x~433) and must be ignored, as must the"
            " balloon items 'f.'-'k.' and 'Deleted: COUNT IV – INJUNCTION¶'.  Body numbers are"
            " their own line at x~97.5 (text after a tab); the digits are often split into"
            " spans of two colours (e.g. '1' black + '3' red for 13).  Paragraph 2 (pp. 2-4)"
            " holds a 5-row table 'No. | Defamatory Statement | ...' whose row numbers 1-5 sit"
            " at x~74 (not paragraphs).  Paragraph 13's block quote and paragraph 28's tweet"
            " are images (not in the text layer).  Paragraphs 11, 41 and 50 have sub-items"
            " a.-e., a.-k. and a.-c.; paragraph 41 runs from p. 23 to p. 28.  Prayer lettered"
            " A.-D.; an unnumbered closing paragraph precedes the conclusion.  No line"
            " numbers; printed page number at the bottom; ECF stamp at the top."
        ),
        ecf=("1:20-cv-03068-RDB", "37-1", "03/04/21"),
    ),
    "cand-316263-second-amended-complaint.pdf": ComplaintTruth(
        last=307,
        counts=(
            ("Count I: Violation of 18 U.S.C. §§ 1962(c)", 251),
            ("Count II: Violation of 18 U.S.C. §§ 1962(d)", 268),
            ("Count III: Breach of Fiduciary Duty", 274),
            ("Count IV: Aiding and Abetting Breach of Fiduciary Duty", 280),
            ("Count V: Fraud by Intentional Misrepresentation", 286),
            ("Count VI: Fraud by Fraudulent Concealment", 294),
            ("Count VII: Conspiracy to Commit Fraud", 303),
        ),
        samples=(
            Sample(
                number=1,
                page=3,
                first="Pursuant to the Military",
                last="specified military bases.",
                end_page=3,
            ),
            Sample(
                number=4,
                page=3,
                first="These MHPI Projects collectively",
                last="financing of such transactions.",
                end_page=4,
            ),
            Sample(
                number=250,
                page=71,
                first="The March 10, 2017",
                last="and/or the U.S. mail.",
                end_page=71,
            ),
            Sample(
                number=259,
                page=72,
                first="Each mailing and/or use",
                last="the matters alleged herein.",
                end_page=73,
            ),
            Sample(
                number=267,
                page=80,
                first="Plaintiffs suffered injury to",
                last="pattern of racketeering activity.",
                end_page=80,
            ),
            Sample(
                number=300,
                page=84,
                first="GMAC, Jefferies, and Ray",
                last="were concealed from Plaintiffs.",
                end_page=85,
            ),
            Sample(
                number=302,
                page=85,
                first="Plaintiffs reasonably relied on",
                last="premiums, fees, and expenses.",
                end_page=85,
            ),
            Sample(
                number=307,
                page=85,
                first="Plaintiffs were damaged as",
                last="wrongful acts and conspiracy.",
                end_page=85,
            ),
        ),
        prayer_restarts=False,
        notes=(
            "Sequential 1-307, all in the text layer.  Page 2 is a TOC with dot leaders and"
            " roman/letter headings (no paragraph numbers); paragraph 1 starts on p. 3."
            "  Paragraph numbers are NOT indented: '1.' is its own span at x=90, the same x as"
            " continuation lines, with the text after a tab at x=126.  Counts are mixed case"
            " 'Count I:' (printed with two spaces after the colon) followed by one or two"
            " parenthesised subtitle lines; the TOC does not list them.  Prayer lettered"
            " a)-i).  Paragraph 259 has sub-items a)-j) (x=162); paragraphs 261-264 list"
            " '•' bullet items.  Redaction gaps leave dangling quote marks (e.g. paragraph 5)."
            "  Page 32 is an image-only page (a flow chart plus the last two lines of paragraph"
            " 94): in the text layer paragraph 94 ends on p. 31 mid-sentence ('applied in"
            " substance') and paragraph 95 starts on p. 33.  Footer on one line: 'SECOND"
            " AMENDED COMPLAINT  <page>  CASE NO. 5:17-cv-04992'.  Page 1 has 'REDACTED"
            " VERSION OF DOCUMENT SOUGHT TO BE SEALED.' in 20pt text in the text layer."
        ),
        ecf=("5:17-cv-04992-BLF", "220", "01/16/19"),
    ),
    "cacd-798862-redline-first-amended-complaint.pdf": ComplaintTruth(
        last=114,
        missing=(44, 45),
        no_period=(57, 69, 108, 109, 110, 111),
        counts=(
            ("FIRST CAUSE OF ACTION", 78),
            ("SECOND CAUSE OF ACTION", 87),
            ("THIRD CAUSE OF ACTION", 94),
            ("FOURTH CAUSE OF ACTION", 100),
            ("FIFTH CAUSE OF ACTION", 108),
        ),
        samples=(
            Sample(
                number=1,
                page=2,
                first="On the morning of",
                last="among those who died.",
                end_page=2,
            ),
            Sample(
                number=2,
                page=2,
                first="In the aftermath of",
                last="to the accident scene.",
                end_page=3,
            ),
            Sample(
                number=57,
                page=21,
                first="In interviews with Sheriff’s",
                last="without a valid purpose.",
                end_page=23,
            ),
            Sample(
                number=59,
                page=23,
                first="In addition to failing",
                last="(Ex. 3 at 3-4.)",
                end_page=24,
            ),
            Sample(
                number=69,
                page=30,
                first="As detailed above, each",
                last="any legitimate governmental purpose.",
                end_page=31,
            ),
            Sample(
                number=77,
                page=34,
                first="On July 20, 2020,",
                last="review by this Court.",
                end_page=34,
            ),
            Sample(
                number=93,
                page=40,
                first="In committing the acts",
                last="them to the community.",
                end_page=40,
            ),
            Sample(
                number=114,
                page=44,
                first="Pursuant to California Government",
                last="negligent and wrongful conduct.",
                end_page=45,
            ),
        ),
        prayer_restarts=True,
        notes=(
            "Redline of the First Amended Complaint (FAC) against the original complaint."
            "  Span colours: unchanged text black (0x000000, paragraph numbers 0x010101),"
            " inserted text blue 0x0000ff drawn with a double underline (two blue horizontal"
            " lines in page.get_drawings()), deleted text red 0xff0000 drawn struck through."
            "  The author's sequence is the FAC numbering: the non-red number in its own"
            " span at x=137 (black for 1-6, blue from 7 on).  Old complaint numbers are red,"
            " either inline at the start of the paragraph text (x=173, e.g. '8.' then red"
            " '7. Shocked ...') or as whole deleted paragraphs whose red number also sits at"
            " x=137 (e.g. red '10.' p. 5, red '84.' p. 43); the old sequence runs 1-93.  'first'"
            " and 'last' in the samples are FAC text, i.e. with red spans removed (raw"
            " extraction of 59, 93 and 114 starts with red '37. ', '74. ', '93. ').  Heading"
            " text is the FAC text too: the raw text layer reads 'THIRDSECOND CAUSE OF ACTION'"
            " (red THIRD + blue SECOND); a wholly red 'SECOND CAUSE OF ACTION' (p. 36) is the"
            " deleted old Monell count and is not a heading of the FAC.  FAC paragraphs 57, 69"
            " and 108-111 are printed without a period ('69   As detailed ...').  44 and 45 are"
            " missing from the text layer because PDF page 16 is an image-only (redacted,"
            " flattened) page whose only text is the ECF stamp; the image shows '44.' (fully"
            " blacked out) and '45.', so paragraph 43 seems to run from p. 15 straight into"
            " 46 on p. 17.  Pages 1 (caption) and 46 (signature block) are images as well."
            "  Pages 27 and 29 (and most of 28) are black redaction boxes; their text layer"
            " holds only sub-item letters.  Traps: text lines starting with numbers at"
            " x=101/158 ('28 U.S.C. sections 1331 ...', '27 and 28, 2020', '42 U.S.C. § 1983"
            " (Monell)', '1 through 93, inclusive')."
            "  Margin line numbers at x=76-83; ECF stamp top, blue, with 'Page ID #:'; footer"
            " '- n -' and 'FIRST AMENDED COMPLAINT' (p. 2: red 'COMPLAINT' + blue 'FIRST"
            " AMENDED COMPLAINT' run together).  Prayer items 1-7 restart at 1 (p. 45)."
        ),
        ecf=("2:20-cv-09582-JFW-E", "49-4", "02/24/21"),
    ),
}


# Briefs, orders and a transcript that must yield no numbered body paragraphs.  Each was
# read in full: every line that starts with "N." is a TOC entry or numbered heading
# ("1. Counts I and IV ..."), or a citation page number wrapped to the start of a line
# ("Id. ¶¶ 13, 34–" / "37.", "139 S. Ct. at" / "891.", "Toshiba MSJ at 6-" / "11.",
# "at *23-" / "24.", "coming up on" / "40." in the transcript).  None of the eight
# candidates turned out to contain author-numbered paragraphs.
NON_PARAGRAPH_DOCS: tuple[str, ...] = (
    "cacd-793085-partial-motion-to-dismiss.pdf",
    "cand-313162-motion-summary-judgment.pdf",
    "cand-320086-motion-to-dismiss-sac.pdf",
    "cacd-646349-opposition-clawback-privilege.pdf",
    "cand-290385-hearing-transcript.pdf",
    "cand-288207-order-pleading-paper.pdf",
    "cand-nibi-order-granting-discovery.pdf",
    "nysd-sweigert-v-goodman-order.pdf",
)

# Whole documents without a usable text layer.
NEEDS_OCR: tuple[str, ...] = (
    # Every page an image; the text layer is only the ECF stamp.
    "ared-118974-exhibit-emails-scanned.pdf",
    # No text layer at all (2 image pages).
    "cacd-775858-civil-minutes-image-only.pdf",
    # Text layer is control-character glyph codes on all 14 pages (fonts without ToUnicode).
    "cand-nibi-v-doe-complaint.pdf",
    # Every page an image; the text layer is only the ECF stamp.
    "nynd-criminal-complaint-scanned.pdf",
    # Body glyphs garbled on both pages; only the ECF stamp extracts cleanly.
    "nysd-413994-order-garbled-text.pdf",
)

# Documents with a usable text layer except on these 1-based pages, whose visible content is
# an image (the text layer there holds at most the ECF stamp, a page number or an overlay).
MIXED_OCR: dict[str, tuple[int, ...]] = {
    # p. 1 caption, p. 16 FAC paragraphs 44-45, p. 46 signature block.
    "cacd-798862-redline-first-amended-complaint.pdf": (1, 16, 46),
    # Flow chart plus the end of paragraph 94.
    "cand-316263-second-amended-complaint.pdf": (32,),
    # Opinion's first page and last (conclusion/signature) page.
    "nysd-413741-opinion-scanned-first-page.pdf": (1, 15),
    # Scanned attachments after the order (no text at all).
    "tn-workers-comp-expedited-hearing-order.pdf": (7, 8, 9, 10, 11),
    # Full-page bar-chart figures (Figures 6-7 etc.); only the page number and stamp are text.
    "cacd-584255-findings-of-fact-115p.pdf": (93, 100, 102),
}


# Each COUNT of the complaints as a whole heading with its title (``count``), the parties it
# is against kept apart (``count_against``), and the first ¶ under it. Read off the rendered
# pages: titles on the lines below the COUNT line are part of it (insd: COUNT II's title runs
# over a page break); the redline's FOURTH CAUSE OF ACTION keeps only "(Against" because the
# rest of that line is struck-out text.
COUNT_TITLES: dict[str, tuple[tuple[str, str | None, int], ...]] = {
    "ca-sd-superior-hao-keppel-complaint.pdf": (
        (
            "FIRST CAUSE OF ACTION: Violation of the Private Attorneys General Act [California Labor Code §2698, et seq]",
            "By Plaintiff Against All Defendants",
            23,
        ),
    ),
    "cacd-798862-redline-first-amended-complaint.pdf": (
        (
            "FIRST CAUSE OF ACTION – 42 U.S.C. § 1983 (Monell), Violation of Fourteenth Amendment",
            "(Against the Sheriff’s Department, the Fire Department, and the County)",
            78,
        ),
        ("SECOND CAUSE OF ACTION – Negligence", "(Against the Deputy Defendants)", 87),
        ("THIRD CAUSE OF ACTION – Negligence", "(Against the Entity Defendants)", 94),
        ("FOURTH CAUSE OF ACTION – Invasion of Privacy", "(Against", 100),
        ("FIFTH CAUSE OF ACTION – Invasion of Privacy", "(Against the Entity Defendants)", 108),
    ),
    "caed-373457-complaint.pdf": (
        ("FIRST CAUSE OF ACTION – Declaratory Relief – Duty to Defend", None, 49),
        ("SECOND CAUSE OF ACTION – Breach Of Contract", None, 65),
        ("THIRD CAUSE OF ACTION – BREACH OF THE COVENANT OF GOOD FAITH AND FAIR DEALING", None, 82),
    ),
    "cand-316263-second-amended-complaint.pdf": (
        (
            "Count I: Violation of 18 U.S.C. §§ 1962(c) (Civil RICO)",
            "(Against All Defendants)",
            251,
        ),
        (
            "Count II: Violation of 18 U.S.C. §§ 1962(d) (Conspiracy to Commit Civil RICO)",
            "(Against All Defendants)",
            268,
        ),
        ("Count III: Breach of Fiduciary Duty", "(Against All Defendants)", 274),
        ("Count IV: Aiding and Abetting Breach of Fiduciary Duty", "(Against All Defendants)", 280),
        (
            "Count V: Fraud by Intentional Misrepresentation",
            "(Against Defendants Ambac, Jefferies, Ray and Marfatia)",
            286,
        ),
        (
            "Count VI: Fraud by Fraudulent Concealment",
            "(Against Defendants Ambac, Jefferies, Ray and Marfatia)",
            294,
        ),
        ("Count VII: Conspiracy to Commit Fraud", "(Against All Defendants)", 303),
    ),
    "cod-berkshire-v-schubert-complaint.pdf": (
        ("FIRST CLAIM FOR RELIEF – (Rescission)", None, 39),
        ("SECOND CLAIM FOR RELIEF – (Declaratory Relief)", None, 51),
    ),
    "insd-teamsters-funds-complaint.pdf": (
        ("COUNT I – Failure to Pay Contributions ERISA § 515, 29 U.S.C. § 1145", None, 20),
        (
            "COUNT II – Breach of Contract - Failure to Pay Contributions LMRA § 301, 29 U.S.C. § 185",
            None,
            28,
        ),
        (
            "COUNT III – Failure to Pay Liquidated Damages and Interest ERISA § 515, 29 U.S.C. § 1145",
            None,
            36,
        ),
        (
            "COUNT IV – Breach of Contract and Failure to Pay Liquidated Damages, and Interest LMRA § 301, 29 U.S.C. § 185",
            None,
            43,
        ),
        (
            "COUNT V – Order Compelling Payroll Audit ERISA § 502(g)(2)(E), 29 U.S.C. § 1132(G)(2)(E)",
            None,
            50,
        ),
    ),
    "mdd-harvey-v-cnn-amended-complaint.pdf": (
        ("COUNT I – DEFAMATION", None, 35),
        ("COUNT II – FALSE LIGHT INVASION OF PRIVACY", None, 43),
        ("COUNT III – PUNITIVE DAMAGES", None, 48),
    ),
}
