"""Search benchmark: our index (``reviewer.core.search``) vs. raw Whoosh on the same text.

Measures, in one run:

1. Generation of a seeded synthetic matter of ``--paragraphs`` paragraphs (documents of
   100-1,000 paragraphs, Zipf-like legal vocabulary), written straight into SQLite.
2. Build: our ``reindex`` (paragraphs/s, index size) vs. a plain Whoosh schema
   (``pid``, ``doc``, stemmed ``body`` with phrases) built with the same writer settings our
   engine uses at this size, and once more with a single-process writer.
3. Query latency per query type (``--queries-per-type`` seeded queries each, every set run
   once to warm up, then once timed): ours is the full pipeline ``SearchIndex.search(...,
   limit=20)`` (parse, translate, search, exact counts per document, SQLite rows, snippets);
   raw is the nearest plain Whoosh query object through ``searcher.search(q, limit=20)``,
   alone and followed by ``len(results)`` (Whoosh's exact count, a second pass). Ours' totals
   are checked against a full count of the same translated query.

Raw Whoosh stems with Porter (ours with Snowball) and has no sentence connector, so its
``/s`` is a ``SpanNear`` with a huge slop; its ``/p`` and filters are plain ``And`` queries.

Usage::

    python benchmarks/search_benchmark.py [--paragraphs 100000] [--out benchmarks/out]
        [--queries-per-type 30] [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import platform
import random
import resource
import shutil
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, NUMERIC, TEXT, Schema
from whoosh.lang.porter import stem as porter
from whoosh.query import spans

from reviewer.core.matter.store import Matter
from reviewer.samples.synthetic import _roman, _sentence

REPO = Path(__file__).resolve().parent.parent


def _split(text: str) -> list[str]:
    return text.split()


SEED = 20240611
LIMIT = 20
SENTENCE_SLOP = 10_000  # raw Whoosh "same sentence": it has no sentence boundaries
MULTI_FROM, MULTI_KW = 20_000, {"procs": 2, "multisegment": True, "limitmb": 256}
KINDS = {"complaint": 0.35, "motion": 0.25, "order": 0.15, "exhibit": 0.25}
ABBREV = {"complaint": "Compl.", "motion": "Mot.", "order": "Order", "exhibit": "Ex."}
TYPES = ("term", "phrase", "and", "or", "not", "wildcard", "w/n", "pre/n", "/s", "/p", "filter")
TYPES += ("natural", "tc")

FUNCTION = _split("""
the of and to in a that is was for on by with as its or be at from this which any
not has had were are an it such all other have been these their would no upon did under each
into through after before also than more only there because who whether those his her they
made same further including without within about between against during both""")
LEGAL = _split("""plaintiff defendant Twitter venture benefit benefited knowingly participation
trafficking knew known child pornography negligence should users content account accounts
platform report reports reported notice policy policies material minor minors sexual abuse
exploitation images videos court complaint alleges alleged claim claims liability liable
damages injury harm conduct duty breach care reasonable foreseeable knowledge participated
benefits ventures beneficiary profited profit revenue advertising advertisers monetized
engagement moderators moderation removal removed remove failed refused ignored continued
promoted recommended algorithm hashtag search distribution distributed possession receipt
solicitation coerced commercial sex act financial statute section immunity provider service
interactive publisher speaker federal state law jurisdiction venue discovery evidence exhibit
declaration deposition testimony witness expert summary judgment motion dismiss granted
denied amended pleading plausible facts factual sufficient causation proximate intent
intentional reckless willful fraud fraudulent concealment misrepresentation unjust
enrichment contract terms agreement consent privacy victim victims survivor perpetrator
trafficker traffickers investigation enforcement hash internal documents emails memo audit
findings warning warnings escalation queue backlog review reviewed trust safety team staff
training resources failure distribution ratified aided abetted conspiracy scheme enterprise
pattern relief injunctive declaratory punitive compensatory attorneys fees costs interest
jury trial demand prayer wherefore herein thereof pursuant respectfully submitted counsel
judge magistrate district circuit appeal supreme precedent holding opinion ruling analysis
argument opposition reply brief memorandum authorities support exhibits attached copy
perjury penalty California Francisco NCMEC executives employees engineers agents officers
directors subsidiaries affiliates operated designed marketed owned controlled managed
monitored tracked identified flagged escalated suspended terminated restored verified
confirmed disclosed concealed misrepresented warned alerted informed notified requested
demanded responded replied""")
PHRASES = (
    "knew or should have known",
    "participation in a venture",
    "knowingly benefited from",
    "child sexual abuse material",
    "Twitter, Inc.",
    "18 U.S.C. § 1595",
    "Section 230 of the Communications Decency Act",
    "Doe v. Twitter, Inc., No. 3:21-cv-00485 (N.D. Cal.)",
    "see Dkt. 12 at 4",
)
SYLLABLES = _split("""
ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go la le li lo lu ma
me mi mo mu na ne ni no pa pe pi po pu ra re ri ro ru sa se si so ta te ti to tu va ve vi vo
ar er ir or ur an en in on un al el il ol""")
SUFFIXES = _split("tion ment ity ance ence ive ous ate ize ism ist al ary ory ing ed er ure")
TITLES = """NATURE OF THE ACTION|PARTIES|JURISDICTION AND VENUE|FACTUAL ALLEGATIONS|DEFENDANT'S
BUSINESS MODEL|THE REPORTING SYSTEM|NOTICE TO DEFENDANT|DAMAGES|ARGUMENT|BACKGROUND|LEGAL
STANDARD|DISCUSSION|CONCLUSION""".replace("\n", " ").split("|")
CLAIMS = """Negligence|Unjust Enrichment|Violation of 18 U.S.C. § 1595|Fraudulent Concealment|
Negligent Misrepresentation|Breach of Contract|Civil Conspiracy""".replace("\n", "").split("|")


# -- vocabulary and text --------------------------------------------------------------------------
@dataclass
class Vocabulary:
    """Words in rank order (display form) with Zipf cumulative weights and query pools."""

    words: list[str]
    cum: list[float]
    pools: tuple[list[str], list[str], list[str]]  # common, middling, rare (lower case)


def build_vocabulary(rng: random.Random, size: int = 4000) -> Vocabulary:
    """Function words first, then legal terms, then made-up words to ``size``."""
    words = list(dict.fromkeys(FUNCTION + LEGAL))
    seen = {w.lower() for w in words} | {"pre", "or", "and", "not", "w", "s", "p"}
    while len(words) < size:
        w = "".join(rng.choices(SYLLABLES, k=rng.randint(1, 3))) + rng.choice(SUFFIXES)
        if w not in seen:
            seen.add(w)
            words.append(w)
    cum, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank**1.05
        cum.append(total)
    content = [w.lower() for w in words[len(FUNCTION) :] if w.isalpha()]
    return Vocabulary(words, cum, (content[:60], content[60:600], content[600:]))


def sentence(rng: random.Random, vocab: Vocabulary, para: int) -> str:
    """One sentence: Zipf words, now and then a stock legal phrase or a synthetic sentence."""
    if rng.random() < 0.15:
        return _sentence(rng, para)
    ws = rng.choices(vocab.words, cum_weights=vocab.cum, k=rng.randint(6, 28))
    if rng.random() < 0.2:
        ws.insert(rng.randrange(len(ws)), rng.choice(PHRASES))
    for i in range(3, len(ws) - 2, 7):
        if rng.random() < 0.3:
            ws[i] += ","
    first = ws[0]
    ws[0] = first[:1].upper() + first[1:]
    return " ".join(ws) + "."


def paragraph_text(rng: random.Random, vocab: Vocabulary, para: int) -> str:
    """40-200 words (mostly 60-120) in several sentences."""
    target, out, n = int(rng.triangular(40, 200, 80)), [], 0
    while n < target:
        s = sentence(rng, vocab, para)
        out.append(s)
        n += s.count(" ") + 1
    return " ".join(out)


# -- the generated matter -------------------------------------------------------------------------
@dataclass
class Generated:
    """What the query generator needs to know about the generated matter."""

    vocab: Vocabulary
    docs: dict[int, str] = field(default_factory=dict)  # doc id -> kind
    samples: list[str] = field(default_factory=list)  # some paragraph texts, for phrases


def document_row(rng: random.Random, doc_id: int, kind: str, pages: int) -> dict[str, Any]:
    sha = hashlib.sha256(f"gen-{SEED}-{doc_id}".encode()).hexdigest()
    filed = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
    return {
        "id": doc_id,
        "sha256": sha,
        "file_name": f"gen-{doc_id:05d}-{kind}.pdf",
        "stored_path": f"files/{sha}.pdf",
        "byte_size": pages * 40_000,
        "kind": kind,
        "title": f"Generated {kind} {doc_id}",
        "case_no": "3:21-cv-00485",
        "docket_no": str(doc_id),
        "filed": filed.isoformat(),
        "page_count": pages,
        "text_quality": "good",
        "imported_at": "2024-06-11T00:00:00+00:00",
    }


def paragraph_rows(
    rng: random.Random, vocab: Vocabulary, doc_id: int, kind: str, size: int
) -> Iterator[tuple[Any, ...]]:
    """(doc_id, seq, number, kind, count, text, page_start, page_end, cite) of one document."""
    abbrev = ABBREV[kind] + (f" {doc_id}" if kind == "exhibit" else "")
    counts_from = int(size * 0.7) if kind == "complaint" else size + 1
    count, count_no, number, next_heading, per_page = None, 0, 0, 1, rng.randint(4, 8)
    for seq in range(1, size + 1):
        page = 1 + seq // per_page
        if seq == counts_from or (count and rng.random() < 0.08):
            count_no += 1
            count = f"COUNT {_roman(count_no)}: {rng.choice(CLAIMS)}"
            yield doc_id, seq, None, "heading", count, count, page, page, f"{abbrev} at {page}"
            continue
        if seq == next_heading and not count:
            next_heading = seq + rng.randint(6, 30)
            title = rng.choice(TITLES)
            yield doc_id, seq, None, "heading", None, title, page, page, f"{abbrev} at {page}"
            continue
        number += 1
        end = page + (rng.random() < 0.2)
        cite = f"{abbrev} ¶ {number} (Dkt. {doc_id} at {page})"
        text = paragraph_text(rng, vocab, number)
        yield doc_id, seq, str(number), "numbered", count, text, page, end, cite


PARA_SQL = """INSERT INTO paragraphs (doc_id, seq, number, kind, count, text, page_start,
    page_end, cite) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def generate(matter: Matter, paragraphs: int, seed: int = SEED) -> Generated:
    """Fill ``matter`` with ~``paragraphs`` paragraphs in one transaction."""
    rng = random.Random(seed)
    gen, done, conn = Generated(build_vocabulary(random.Random(seed + 1))), 0, matter.db.conn
    with conn:
        while done < paragraphs:
            doc_id = len(gen.docs) + 1
            kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
            size = min(rng.randint(100, 1000), paragraphs - done)
            rows = list(paragraph_rows(rng, gen.vocab, doc_id, kind, size))
            matter.db["documents"].insert(document_row(rng, doc_id, kind, rows[-1][7]))
            conn.executemany(PARA_SQL, rows)
            gen.docs[doc_id] = kind
            gen.samples += [r[5] for r in rows[:: max(1, paragraphs // 2000)] if r[3] != "heading"]
            done += size
        matter.touch_content()
    return gen


# -- building -------------------------------------------------------------------------------------
def folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def build_ours(matter: Matter) -> dict[str, Any]:
    """Time ``reindex`` (full pipeline: SQLite rows, fields, Whoosh writer, state file)."""
    from reviewer.core.search import reindex

    start = time.perf_counter()
    for _ in reindex(matter):
        pass
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "mb": folder_mb(matter.index_dir)}


def raw_schema() -> Schema:
    return Schema(
        pid=NUMERIC(stored=True),
        doc=ID,
        body=TEXT(analyzer=StemmingAnalyzer(stoplist=None), phrase=True),
    )


def build_raw(matter: Matter, folder: Path, writer_kw: dict[str, Any]) -> dict[str, Any]:
    """Plain Whoosh over the same paragraph texts, read from the same SQLite."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    start = time.perf_counter()
    ix = windex.create_in(str(folder), raw_schema())
    writer = ix.writer(**writer_kw)
    for pid, doc_id, text in matter.db.conn.execute("SELECT id, doc_id, text FROM paragraphs"):
        writer.add_document(pid=pid, doc=str(doc_id), body=text)
    writer.commit()
    seconds = time.perf_counter() - start
    ix.close()
    return {"seconds": seconds, "mb": folder_mb(folder), "writer": writer_kw or "default"}


def engine_writer_settings(paragraphs: int) -> dict[str, Any]:
    """Raw Whoosh's fastest writer for this size: two processes from ``MULTI_FROM`` on (our
    build is one process: it writes postings in whole blocks instead)."""
    return dict(MULTI_KW) if paragraphs >= MULTI_FROM else {}


# -- queries --------------------------------------------------------------------------------------
@dataclass
class Query:
    kind: str
    text: str
    syntax: str
    raw: Any


B = "body"


def term(w: str) -> wq.Term:
    return wq.Term(B, porter(w))


class QueryMaker:
    """Seeded queries of every type, as (our query text, syntax, raw Whoosh query)."""

    def __init__(self, gen: Generated, seed: int = SEED) -> None:
        self.rng, self.gen, self.i, self.made = random.Random(seed), gen, 0, 0

    def word(self) -> str:
        """Common, middling and rare words in turn."""
        self.i += 1
        return self.rng.choice(self.gen.vocab.pools[self.i % 3])

    def bigram(self) -> tuple[str, str]:
        return self.pair(1, content=False)

    def pair(self, gap: int, content: bool = True) -> tuple[str, str]:
        """Two plain words ``gap`` apart in one sentence of a generated paragraph (with
        ``content``: neither a function word)."""
        from reviewer.core.search.text import words

        skip = {w.lower() for w in FUNCTION} if content else set()
        while True:
            ws = words(self.rng.choice(self.gen.samples))
            i = self.rng.randrange(max(1, len(ws) - gap))
            a, b = ws[i], ws[min(i + gap, len(ws) - 1)]
            texts = {a.text, b.text}
            same = a.sentence == b.sentence and len(texts) == 2
            if same and a.text.isalpha() and b.text.isalpha() and not skip & texts:
                return a.text, b.text

    def two(self, gap: int) -> tuple[str, str]:
        """Every other call two words found ``gap`` apart in the text, else two vocabulary
        words (common, middling and rare in turn)."""
        if self.made % 2:
            return self.pair(self.rng.randint(1, gap))
        return self.word(), self.word()

    def prefix(self) -> str:
        if self.rng.random() < 0.15:
            return "traffick"
        w = self.word()
        return w[: max(3, len(w) - self.rng.randint(1, 4))]

    def make(self, kind: str) -> Query:
        self.made += 1
        text, syntax, raw = getattr(self, "q_" + kind.strip("/").replace("/n", ""))()
        return Query(kind, text, syntax, raw)

    def q_term(self) -> tuple[str, str, Any]:
        a = self.word()
        return a, "natural", term(a)

    def q_phrase(self) -> tuple[str, str, Any]:
        a, b = self.bigram()
        return f'"{a} {b}"', "natural", wq.Phrase(B, [porter(a), porter(b)])

    def q_and(self) -> tuple[str, str, Any]:
        a, b = self.word(), self.word()
        return f"{a} AND {b}", "natural", wq.And([term(a), term(b)])

    def q_or(self) -> tuple[str, str, Any]:
        a, b = self.word(), self.word()
        return f"{a} OR {b}", "natural", wq.Or([term(a), term(b)])

    def q_not(self) -> tuple[str, str, Any]:
        a, b = self.word(), self.word()
        return f"{a} NOT {b}", "natural", wq.AndNot(term(a), term(b))

    def q_wildcard(self) -> tuple[str, str, Any]:
        p = self.prefix()
        return f"{p}*", "natural", wq.Prefix(B, p)

    def q_w(self, ordered: bool = False) -> tuple[str, str, Any]:
        n = self.rng.choice((2, 3, 5, 10, 20))
        a, b = self.two(n)
        op = "pre" if ordered else "w"
        return f"{a} {op}/{n} {b}", "tc", spans.SpanNear(term(a), term(b), n, ordered)

    def q_pre(self) -> tuple[str, str, Any]:
        return self.q_w(ordered=True)

    def q_s(self) -> tuple[str, str, Any]:
        a, b = self.two(12)
        raw = spans.SpanNear(term(a), term(b), slop=SENTENCE_SLOP, ordered=False)
        return f"{a} /s {b}", "tc", raw

    def q_p(self) -> tuple[str, str, Any]:
        a, b = self.two(40)
        return f"{a} /p {b}", "tc", wq.And([term(a), term(b)])

    def q_filter(self) -> tuple[str, str, Any]:
        a = self.word()
        if self.rng.random() < 0.5:
            doc = self.rng.choice(list(self.gen.docs))
            return f"doc:{doc} {a}", "natural", wq.And([term(a), wq.Term("doc", str(doc))])
        kind = self.rng.choice(list(KINDS))
        docs = [wq.Term("doc", str(d)) for d, k in self.gen.docs.items() if k == kind]
        return f"kind:{kind} {a}", "natural", wq.And([term(a), wq.Or(docs)])

    def q_natural(self) -> tuple[str, str, Any]:
        a, b, c = self.word(), self.word(), self.word()
        (p1, p2), form = self.bigram(), self.made % 3
        if form == 0:
            return f"{a} {b} OR {c}", "natural", wq.Or([wq.And([term(a), term(b)]), term(c)])
        if form == 1:
            raw = wq.AndNot(wq.And([wq.Phrase(B, [porter(p1), porter(p2)]), term(a)]), term(b))
            return f'"{p1} {p2}" {a} NOT {b}', "natural", raw
        p = self.prefix()
        raw = wq.And([wq.Or([term(a), term(b)]), wq.Prefix(B, p), term(c)])
        return f"({a} OR {b}) {p}* {c}", "natural", raw

    def q_tc(self) -> tuple[str, str, Any]:
        """Westlaw queries of four forms. Raw uses SpanNear2 and spreads alternatives over two
        spans under ``&``: Whoosh's SpanNear and SpanOr cannot sit inside And (they lack
        ``estimate_size``)."""
        a, b, c, d = self.word(), self.word(), self.word(), self.word()
        form = self.made % 4
        if form == 0:
            pair = [spans.SpanNear2([term(x), term(c)], SENTENCE_SLOP, False) for x in (a, b)]
            raw = wq.And([wq.Or(pair), spans.SpanNear2([term(d), term(a)], 5, False)])
            return f"({a} or {b}) /s {c} & {d} w/5 {a}", "tc", raw
        if form == 1:
            p = self.prefix()
            near = spans.SpanNear2([term(b), term(c)], slop=3, ordered=True)
            raw = wq.AndNot(wq.And([wq.Prefix(B, p), near]), term(d))
            return f"{p}! & {b} pre/3 {c} % {d}", "tc", raw
        if form == 2:
            b, c = self.pair(self.rng.randint(1, 3))
            near = spans.SpanNear(term(b), term(c), 3, False)
            raw = spans.SpanNear(term(a), near, SENTENCE_SLOP, False)
            return f"{a} /s {b} w/3 {c}", "tc", raw
        p1, p2 = self.bigram()
        raw = wq.And([wq.Phrase(B, [porter(p1), porter(p2)]), wq.Or([term(c), term(d)])])
        return f'"{p1} {p2}" /p {c} {d}', "tc", raw


def make_queries(gen: Generated, per_type: int) -> list[Query]:
    maker = QueryMaker(gen)
    return [maker.make(kind) for kind in TYPES for _ in range(per_type)]


# -- timing ---------------------------------------------------------------------------------------
@dataclass
class Timing:
    ms: list[float] = field(default_factory=list)
    hits: list[int] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def run_ours(index: Any, queries: list[Query], timings: dict[str, Timing]) -> None:
    """One timed ``search`` per query; failures are recorded with their traceback."""
    for q in queries:
        t = timings.setdefault(q.kind, Timing())
        start = time.perf_counter()
        try:
            result = index.search(q.text, syntax=q.syntax, limit=LIMIT)
        except Exception:
            t.errors.append(f"{q.text!r} ({q.syntax}):\n{traceback.format_exc()}")
            continue
        t.ms.append((time.perf_counter() - start) * 1000)
        t.hits.append(len(result.hits))
        if result.total is not None:
            t.totals.append(result.total)


def run_raw(searcher: Any, queries: list[Query], timings: dict[str, Timing], count: bool) -> None:
    """One timed ``searcher.search(q, limit=20)`` per query (+ ``len(results)`` if ``count``)."""
    for q in queries:
        t = timings.setdefault(q.kind, Timing())
        start = time.perf_counter()
        results = searcher.search(q.raw, limit=LIMIT)
        pids = [hit["pid"] for hit in results]
        total = len(results) if count else None
        t.ms.append((time.perf_counter() - start) * 1000)
        t.hits.append(len(pids))
        if total is not None:
            t.totals.append(total)


def check_totals(matter: Matter, index: Any, queries: list[Query]) -> dict[str, list[int]]:
    """Per type: [queries whose total equals a full count of our translated query, checked]."""
    from reviewer.core.search import query as rq

    out: dict[str, list[int]] = {}
    ix = windex.open_dir(str(matter.index_dir))
    with ix.searcher() as searcher:
        for q in queries:
            ok = out.setdefault(q.kind, [0, 0])
            try:
                ours, _ = index.count(q.text, q.syntax)
                full = searcher.search(index.whoosh_query(rq.parse(q.text, q.syntax)), limit=None)
            except Exception:
                continue
            ok[0] += ours == len(full)
            ok[1] += 1
    ix.close()
    return out


def time_all(matter: Matter, raw_dir: Path, queries: list[Query]) -> dict[str, Any]:
    """Warm up, then time ours, raw, and raw with an exact count."""
    ours: dict[str, Timing] = {}
    raw: dict[str, Timing] = {}
    raw_n: dict[str, Timing] = {}
    exact: dict[str, list[int]] = {}
    if raw_dir.is_dir():  # --no-raw: ours alone
        ix = windex.open_dir(str(raw_dir))
        with ix.searcher() as searcher:
            run_raw(searcher, queries, {}, count=True)
            run_raw(searcher, queries, raw, count=False)
            run_raw(searcher, queries, raw_n, count=True)
        ix.close()
    try:
        from reviewer.core.search import SearchIndex

        with SearchIndex.open(matter) as index:
            run_ours(index, queries, {})
            run_ours(index, queries, ours)
            exact = check_totals(matter, index, queries)
    except Exception:
        ours["*"] = Timing(errors=[traceback.format_exc()])
    return {"ours": ours, "raw": raw, "raw_n": raw_n, "exact": exact}


# -- reporting ------------------------------------------------------------------------------------
def pct(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float | None]:
    med = statistics.median(values) if values else None
    return {"median": med, "p95": pct(values, 95)}


def query_rows(times: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for kind in TYPES:
        ours = times["ours"].get(kind, Timing())
        raw, raw_n = times["raw"].get(kind, Timing()), times["raw_n"].get(kind, Timing())
        o, r, rn = summary(ours.ms), summary(raw.ms), summary(raw_n.ms)
        ratio = o["p95"] / r["p95"] if o["p95"] and r["p95"] else None
        rows.append(
            {
                "type": kind,
                "queries": len(ours.ms) + len(ours.errors),
                "errors": len(ours.errors),
                "ours_ms": o,
                "raw_ms": r,
                "raw_count_ms": rn,
                "p95_ratio": ratio,
                "ours_hits": summary([float(h) for h in ours.hits]),
                "ours_total": summary([float(h) for h in ours.totals]),
                "raw_total": summary([float(h) for h in raw_n.totals]),
                "exact": times["exact"].get(kind),
            }
        )
    return rows


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_builds(builds: dict[str, dict[str, Any]], paragraphs: int) -> None:
    raw_s = builds.get("raw", {}).get("seconds")
    print(f"\n{'build':<12}{'writer':<40}{'s':>8}{'para/s':>9}{'MB':>8}{'s/raw s':>9}")
    for name, b in builds.items():
        if "from" in b:
            print(f"{name:<12}the matter and indexes kept in {b['from']}")
            continue
        if "seconds" not in b:
            print(f"{name:<12}FAILED (traceback below)")
            continue
        kw = b["writer"]
        writer = " ".join(f"{k}={v}" for k, v in kw.items()) if isinstance(kw, dict) else kw
        rel = fmt(b["seconds"] / raw_s, 2) if raw_s else "-"
        rate = paragraphs / b["seconds"]
        print(f"{name:<12}{writer:<40}{b['seconds']:>8.1f}{rate:>9.0f}{b['mb']:>8.1f}{rel:>9}")


def print_queries(rows: list[dict[str, Any]]) -> None:
    print(
        f"\n{'type':<9}{'n':>3}{'err':>4} | {'ours med':>8}{'p95':>7} | {'raw med':>7}{'p95':>7}"
        f" | {'p95 o/r':>7} | {'raw+count':>9} | {'hits med':>8} | {'total med':>9}{'p95':>8}"
        f" | {'raw tot':>7} | exact"
    )
    for r in rows:
        o, w, n = r["ours_ms"], r["raw_ms"], r["raw_count_ms"]
        exact = f"{r['exact'][0]}/{r['exact'][1]}" if r["exact"] else "-"
        print(
            f"{r['type']:<9}{r['queries']:>3}{r['errors']:>4} | {fmt(o['median']):>8}"
            f"{fmt(o['p95']):>7} | {fmt(w['median']):>7}{fmt(w['p95']):>7}"
            f" | {fmt(r['p95_ratio']):>7} | {fmt(n['p95']):>9}"
            f" | {fmt(r['ours_hits']['median'], 0):>8} | {fmt(r['ours_total']['median'], 0):>9}"
            f"{fmt(r['ours_total']['p95'], 0):>8} | {fmt(r['raw_total']['median'], 0):>7} | {exact}"
        )


NOTES = (
    "ms per query, each run once warm; p95 is nearest-rank over the queries of the type.",
    "ours = SearchIndex.search(q, limit=20): parse, translate, search, SQLite rows, snippets; "
    "no counts (SearchIndex.count is a second pass, like raw+count); total = count().",
    "raw = searcher.search(q, limit=20) + stored pids; raw+count adds len(results) "
    "(Whoosh's exact count, a second pass).",
    "raw /s is SpanNear(slop=10000): raw Whoosh has no sentence connector; raw /p and "
    "filters are And queries (kind: = Or of the kind's doc ids).",
    "raw stems with Porter, ours with Snowball, and ours' quoted words match exactly, so "
    "totals differ a little.",
    "exact = queries whose total equals a full count of our own translated query.",
)


def print_errors(builds: dict[str, Any], times: dict[str, Any]) -> list[str]:
    errors = [f"build {k}:\n{b['error']}" for k, b in builds.items() if "error" in b]
    for kind, t in times.get("ours", {}).items():
        errors += [f"query {kind} {e}" for e in t.errors[:2]]
        if len(t.errors) > 2:
            errors.append(f"query {kind}: {len(t.errors) - 2} more errors")
    if errors:
        print("\nERRORS from our engine:", file=sys.stderr)
        for e in errors:
            print(e, file=sys.stderr)
    return errors


def memory() -> dict[str, float]:
    """Peak resident memory of this process and of its (writer) children, MB; the load."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": own, "children_peak_rss_mb": children, "load_1min": os.getloadavg()[0]}


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    engine = REPO / "reviewer" / "core" / "search"
    source = b"".join(f.read_bytes() for f in sorted(engine.glob("*.py")))
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "whoosh": version("Whoosh-Reloaded"),
        "search/ sha256": hashlib.sha256(source).hexdigest()[:12],
    }


# -- main -----------------------------------------------------------------------------------------
def replay(work: Path, paragraphs: int) -> Generated:
    """The seeded generator's vocabulary and samples again (for the queries), written to a
    scratch matter: the kept matter already holds the same paragraphs."""
    scratch = work / "scratch.matter"
    shutil.rmtree(scratch, ignore_errors=True)
    m = Matter.create(scratch)
    try:
        return generate(m, paragraphs)
    finally:
        m.close()
        shutil.rmtree(scratch, ignore_errors=True)


def guarded(fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return fn()
    except Exception:
        return {"error": traceback.format_exc()}


def run_builds(
    matter: Matter, work: Path, paragraphs: int, single: bool = True, raw: bool = True
) -> dict[str, dict[str, Any]]:
    """Ours, raw with the engine's writer settings, and raw single-process if those differ."""
    same = engine_writer_settings(paragraphs)
    builds = {"ours": guarded(lambda: build_ours(matter))}
    if "error" not in builds["ours"]:
        builds["ours"]["writer"] = "FastWriter, 1 process"
    _progress("ours", builds["ours"], paragraphs)
    if not raw:
        return builds
    builds["raw"] = build_raw(matter, work / "raw", same)
    _progress("raw", builds["raw"], paragraphs)
    if same and single:
        builds["raw 1 proc"] = build_raw(matter, work / "raw-1", {})
        shutil.rmtree(work / "raw-1")
    return builds


def _progress(name: str, build: dict[str, Any], paragraphs: int) -> None:
    """One line as each build ends, so a long run that is stopped still says something."""
    if "seconds" in build:
        rate = paragraphs / build["seconds"]
        mb, load = build["mb"], os.getloadavg()[0]
        print(
            f"built {name}: {build['seconds']:.1f} s, {rate:.0f} ¶/s, {mb:.1f} MB, load {load:.1f}"
        )
        print(f"  memory so far: {memory()}", flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=100_000, help="size of the matter")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument("--queries-per-type", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the matter and raw index")
    parser.add_argument(
        "--reuse", action="store_true",
        help="keep the matter and indexes, and time only the queries when a kept run exists",
    )  # fmt: skip
    parser.add_argument(
        "--no-raw", action="store_true",
        help="no raw Whoosh build or queries (with --reuse: a kept run without its raw "
        "index; a 1,000,000 ¶ raw build takes hours on a shared 2-core machine)",
    )  # fmt: skip
    parser.add_argument(
        "--no-single", action="store_true",
        help="skip the extra single-process raw build (long on a busy machine)",
    )  # fmt: skip
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    n, work = args.paragraphs, args.out / f"search-bench-{args.paragraphs}"
    args.keep = args.keep or args.reuse
    has_raw = (work / "raw").is_dir() or args.no_raw
    reuse = args.reuse and has_raw and (work / "bench.matter").is_dir()
    if args.no_raw:
        shutil.rmtree(work / "raw", ignore_errors=True)  # a partial build of a stopped run
    if not reuse:
        shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    info = machine()
    print(f"cpus {info['cpus']}, Python {info['python']}, Whoosh {info['whoosh']}, {n:,} ¶")
    matter = Matter.open(work / "bench.matter") if reuse else Matter.create(work / "bench.matter")
    try:
        start = time.perf_counter()
        gen = replay(work, n) if reuse else generate(matter, n)
        gen_s = time.perf_counter() - start
        print(f"generated {len(gen.docs)} documents, {n:,} paragraphs in {gen_s:.1f} s")
        builds = (
            {"reused": {"from": str(work)}}
            if reuse
            else run_builds(matter, work, n, single=not args.no_single, raw=not args.no_raw)
        )
        print_builds(builds, n)
        times = time_all(matter, work / "raw", make_queries(gen, args.queries_per_type))
        rows = query_rows(times)
        print_queries(rows)
        print("\n" + "\n".join(NOTES))
        print(f"memory: {memory()}")
        errors = print_errors(builds, times)
    finally:
        matter.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    result = {"machine": info, "paragraphs": n, "documents": len(gen.docs)}
    result |= {"generate_s": gen_s, "builds": builds, "queries": rows, "memory": memory()}
    result |= {"notes": NOTES, "errors": errors, "kept": str(work) if args.keep else None}
    out = args.out / "search_benchmark.json"
    out.write_text(json.dumps(result, indent=1, default=str))
    print(f"\nwrote {out}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
