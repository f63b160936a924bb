"""Synthetic complaints: seeded, deterministic, any number of numbered paragraphs.

Owns the vocabulary and the random block generator behind ``write_synthetic_complaint``, which
lays a made-up complaint (headings, counts, quotes, sub-lists, footnotes, prayer) out on pleading
paper with exactly the requested number of numbered paragraphs, for tests and benchmarks.
"""

from __future__ import annotations

import random
from pathlib import Path

from reviewer.samples.demo_text import _COURT
from reviewer.samples.pleading import (
    _MARK,
    _MONTHS,
    SampleFile,
    _Block,
    _Caption,
    _Filing,
    _pipe,
    _write_pleading,
)
from reviewer.samples.script import _parse

# --- Synthetic complaints: seeded, any length ----------------------------------------------


_SUBJECTS = _pipe(
    "Defendant|Plaintiff|Defendant's employees|The Platform|Defendant's moderators|Defendant's "
    "executives|The reporting system|Defendant's agents|The recommendation system|Third parties"
)
_VERBS = _pipe(
    "knew of|failed to remove|received notice of|continued to promote|reviewed|profited from|"
    "ignored|recommended|disregarded|documented|concealed|had been warned about"
)
_OBJECTS = _pipe(
    "the reported material|the accounts at issue|repeated user reports|the risks to minors|its own "
    "written policies|the advertising revenue|the notices described above|the complaints of users|"
    "the 'safety' features|the internal audit findings|the escalation queue|the retention rules"
)
_TAILS = _pipe(
    "||| on or about {date}| despite repeated warnings| for at least {n} days| in violation of its "
    "stated policies| as alleged in Paragraph {p} above| without explanation| on information and "
    "belief| -- and did nothing| (see 18 U.S.C. § {sec})| at its headquarters in {city}"
)
_CITIES = _pipe("San Francisco|Oakland|San Jose|Sacramento|Palo Alto|Los Angeles")
_TITLES = _pipe(
    "NATURE OF THE ACTION|PARTIES|JURISDICTION AND VENUE|FACTUAL ALLEGATIONS|DEFENDANT'S BUSINESS "
    "MODEL|THE REPORTING SYSTEM|NOTICE TO DEFENDANT|DAMAGES|TOLLING AND CONCEALMENT"
)
_SUBTITLES = _pipe(
    "The Platform|Defendant's Policies|The Reports|Defendant's Response|The Advertising Program|"
    "Internal Warnings|Plaintiff's Injuries|The Recommendation System"
)
_CLAIMS = _pipe(
    "Negligence|Unjust Enrichment|Breach of Contract|Fraudulent Concealment|Violation of Cal. Bus. "
    "& Prof. Code § 17200|Intentional Infliction of Emotional Distress|Violation of 18 U.S.C. "
    "§§ 1591, 1595|Negligent Misrepresentation|Declaratory Relief, 28 U.S.C. § 2201"
)
_ORDINALS = "FIRST SECOND THIRD FOURTH FIFTH SIXTH SEVENTH EIGHTH NINTH TENTH ELEVENTH TWELFTH"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"))
_ROMAN += ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out, n = out + digits, n - value
    return out


def _sentence(rng: random.Random, para: int) -> str:
    tail = rng.choice(_TAILS).format(
        date=f"{rng.choice(_MONTHS.split())} {rng.randint(1, 28)}, {rng.randint(2015, 2024)}",
        n=rng.randint(2, 90),
        p=rng.randint(1, max(1, para - 1)),
        sec=rng.choice(("1591", "1595(a)", "2255", "2252A(a)(2)")),
        city=rng.choice(_CITIES),
    )
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}{tail}."


def _synthetic_paragraph(rng: random.Random, para: int) -> _Block:
    n = rng.randint(8, 16) if rng.random() < 0.08 else rng.randint(1, 5)
    b = _Block("numbered", [("body", " ".join(_sentence(rng, para) for _ in range(n)))])
    roll = rng.random()
    if roll < 0.04:
        b.parts[0] = ("body", b.parts[0][1] + " The policy provides:")
        b.parts.append(("quote", '"' + " ".join(_sentence(rng, para) for _ in range(3)) + '"'))
        if rng.random() < 0.5:
            b.parts.append(("body", _sentence(rng, para)))
    elif roll < 0.07:
        b.parts[0] = ("body", b.parts[0][1] + " Among other things:")
        for letter in "abcd"[: rng.randint(2, 4)]:
            b.parts.append(("item", f"({letter}) {_sentence(rng, para)[:-1].lower()};"))
    if rng.random() < 0.05:
        body = b.parts[0][1]
        b.parts[0] = ("body", body + _MARK)
        b.notes.append(f"See {_sentence(rng, para)} Id. at {rng.randint(2, 99)}.")
    return b


def _synthetic_blocks(rng: random.Random, paragraphs: int) -> list[_Block]:
    counts = 0 if paragraphs < 4 else rng.randint(1, min(12, paragraphs // 4))
    sizes = [1] * counts
    for _ in range(max(0, paragraphs * 3 // 10 - counts)):
        sizes[rng.randrange(counts)] += 1
    facts = paragraphs - sum(sizes)
    roman = rng.random() < 0.5
    blocks = [_Block("text", [("body", "Plaintiff alleges as follows:")])]
    para, next_heading, sub = 0, 0, 0
    while para < facts:
        if para == next_heading:
            title = _TITLES[len(blocks) % len(_TITLES)]
            blocks.append(_Block("heading", [("line", title)]))
            next_heading, sub = para + rng.randint(6, 30), 0
        elif rng.random() < 0.06:
            sub += 1
            blocks.append(
                _Block(
                    "subheading", [("line", f"{chr(64 + min(sub, 26))}. {rng.choice(_SUBTITLES)}")]
                )
            )
        para += 1
        blocks.append(_synthetic_paragraph(rng, para))
    blocks.append(_Block("heading", [("line", "CLAIMS FOR RELIEF")]))
    for i, size in enumerate(sizes, 1):
        name = f"COUNT {_roman(i)}" if roman else f"{_ORDINALS.split()[i - 1]} CAUSE OF ACTION"
        lines = [name, rng.choice(_CLAIMS), "(Against All Defendants)"]
        blocks.append(_Block("count", [("line", s) for s in lines]))
        for _ in range(size):
            para += 1
            blocks.append(_synthetic_paragraph(rng, para))
    blocks += _parse("= PRAYER FOR RELIEF\n- WHEREFORE, Plaintiff prays for relief as follows:")
    blocks += [_Block("prayer", [("body", _sentence(rng, para))]) for _ in range(rng.randint(3, 7))]
    blocks += _parse("= DEMAND FOR JURY TRIAL\n- Plaintiff demands a trial by jury.")
    return blocks


def write_synthetic_complaint(
    path: Path, paragraphs: int, seed: int = 0, title: str = "COMPLAINT", docket: str = "1"
) -> SampleFile:
    """A deterministic complaint with exactly ``paragraphs`` numbered paragraphs (``title``:
    e.g. "FIRST AMENDED COMPLAINT", filed as Dkt. ``docket``)."""
    rng = random.Random(seed)
    case = f"{rng.randint(1, 5)}:{rng.randint(18, 25)}-cv-{rng.randint(0, 9999):05d}"
    filed = f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{case[2:4]}"
    filing = _Filing(case, rng.choice(("JST", "EMC", "WHA", "LB")), docket, filed, title)
    caption = _Caption(
        counsel=(
            "A. SAMPLE ATTORNEY (SBN 100001)",
            "SAMPLE LAW LLP",
            "1 Example Street",
            "Example City, California 90000",
            "",
            "Attorneys for Plaintiff",
        ),
        court=_COURT[:2],
        left=(
            "JOHN ROE,",
            "",
            "\tPlaintiff,",
            "",
            "\tv.",
            "",
            "EXAMPLE PLATFORM, INC.,",
            "",
            "\tDefendant.",
        ),
        right=(f"Case No. {case}", "", f"*{title}", "", "*DEMAND FOR JURY TRIAL"),
    )
    blocks = _synthetic_blocks(rng, paragraphs)
    return _write_pleading(
        Path(path),
        filing,
        caption,
        blocks,
        ("SAMPLE LAW LLP", "", "By: /s/ A. Sample Attorney", "Attorneys for Plaintiff"),
    )
