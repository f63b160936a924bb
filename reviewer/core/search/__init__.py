"""Search: the only package that imports Whoosh. SQLite stays the truth; the index is a cache.

One Whoosh document per paragraph. The ``body`` field holds each word exact (``ventures``)
and, where its stem differs, stemmed (``~ventur``) at the same position, so phrases,
wildcards, plural forms and stemmed terms combine freely in proximity queries. Words sit on
even positions; the odd positions between two sentences are kept per paragraph in the
``breaks`` column, so "same sentence" is "a span that holds none of them". Two-word
sequences of two of the matter's most frequent words are terms of the ``pairs`` field.
Filters are fields of their own. ``INDEX_VERSION`` and the matter's content version are
stored beside the index; an index that disagrees with the matter is never used.

Modules: ``index`` (schema, build, state, updater), ``translate`` (query model → Whoosh),
``matchers`` (Whoosh fixes), ``postings`` (a faster block posting reader), ``searcher``
(SearchIndex).
"""

from reviewer.core.search import postings
from reviewer.core.search.index import (
    INDEX_VERSION,
    STATE_FILE,
    IndexUpdater,
    ParagraphTokenizer,
    check,
    ensure_current,
    reindex,
    schema,
)
from reviewer.core.search.searcher import SearchIndex
from reviewer.core.search.translate import MAX_EXPANSION

postings.install()

__all__ = [
    "INDEX_VERSION",
    "MAX_EXPANSION",
    "STATE_FILE",
    "IndexUpdater",
    "ParagraphTokenizer",
    "SearchIndex",
    "check",
    "ensure_current",
    "reindex",
    "schema",
]
