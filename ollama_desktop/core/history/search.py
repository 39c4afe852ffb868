"""Searching the history: the full-text index (FTS5 trigram, where SQLite has it) and the query (no Qt).

Without the index, every word is matched with LIKE; with it, words of three characters or more go
through the index and shorter ones through LIKE.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from ollama_desktop.core.history.records import ConversationSummary, SearchHit

SNIPPET_BEFORE = 30
SNIPPET_AFTER = 90

# The search index is not part of the versioned schema: it depends on the SQLite build (FTS5 with the
# trigram tokenizer, SQLite >= 3.34), and is created, and filled, wherever it can be. Trigrams match any
# part of a word, which also works for Chinese, Japanese and Korean text (no spaces between words).
# An answer is indexed once it stops streaming, so the index is not rewritten twice a second.
INDEX = (
    """CREATE VIRTUAL TABLE message_index USING fts5(
        content, content='messages', content_rowid='seq', tokenize='trigram')""",
    """CREATE TRIGGER message_index_insert AFTER INSERT ON messages WHEN new.status != 'streaming'
        BEGIN INSERT INTO message_index(rowid, content) VALUES (new.seq, new.content); END""",
    """CREATE TRIGGER message_index_delete AFTER DELETE ON messages WHEN old.status != 'streaming'
        BEGIN INSERT INTO message_index(message_index, rowid, content)
              VALUES ('delete', old.seq, old.content); END""",
    """CREATE TRIGGER message_index_update AFTER UPDATE OF content, status ON messages BEGIN
        INSERT INTO message_index(message_index, rowid, content)
            SELECT 'delete', old.seq, old.content WHERE old.status != 'streaming';
        INSERT INTO message_index(rowid, content)
            SELECT new.seq, new.content WHERE new.status != 'streaming';
        END""",
    "INSERT INTO message_index(message_index) VALUES ('rebuild')",
)

# Trigram search needs at least three characters per word; shorter words are matched with LIKE.
TRIGRAM = 3


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def snippet(text: str, terms: Sequence[str]) -> str:
    """The text around the first of `terms` found in `text`, on one line.

    >>> snippet("The quick  brown\\nfox", ["BROWN"])
    'The quick brown fox'
    >>> snippet("a " * 40 + "needle" + " b" * 80, ["needle"])[:12]
    '…a a a a a a'
    >>> snippet("Plan a 3-day trip to Kyoto in spring, on a small budget.", ["budget"])
    '…Kyoto in spring, on a small budget.'
    """
    flat = " ".join(text.split())
    lowered = flat.casefold()
    positions = [lowered.find(term.casefold()) for term in terms]
    found = [position for position in positions if position >= 0]
    at = min(found) if found else 0
    start = max(at - SNIPPET_BEFORE, 0)
    end = min(at + SNIPPET_AFTER, len(flat))
    # Cut between words, not inside them.
    if start > 0 and (space := flat.find(" ", start, at)) != -1:
        start = space + 1
    if end < len(flat) and (space := flat.rfind(" ", at, end)) > at:
        end = space
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def index_exists(conn: sqlite3.Connection) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type='table' AND name='message_index'"
    return conn.execute(query).fetchone() is not None


def search_conversations(
    conn: sqlite3.Connection, text: str, limit: int, *, full_text: bool
) -> tuple[SearchHit, ...]:
    """Conversations whose title, or one of whose messages, contains every word of `text`.

    Case is ignored; words match inside longer words. The most recently used come first.
    """
    terms = text.split()
    if not terms:
        return ()
    long_terms = [term for term in terms if len(term) >= TRIGRAM]
    like_terms = terms if not (full_text and long_terms) else [t for t in terms if len(t) < TRIGRAM]
    conditions = ["m.status != 'streaming'"]
    params: list[Any] = []
    if full_text and long_terms:
        conditions.append("m.seq IN (SELECT rowid FROM message_index WHERE message_index MATCH ?)")
        params.append(" ".join(fts_phrase(term) for term in long_terms))
    for term in like_terms:
        conditions.append("m.content LIKE ? ESCAPE '\\'")
        params.append(like_pattern(term))
    title_conditions = " AND ".join("c.title LIKE ? ESCAPE '\\'" for _ in terms)
    title_params = [like_pattern(term) for term in terms]
    # The newest matching message of each conversation, then the conversations whose title
    # matches; a conversation matching both is listed once, with its message's snippet.
    message_hits = conn.execute(
        f"""SELECT c.uid, c.title, c.model, c.created_at, c.updated_at, hit.content
            FROM (SELECT m.conversation_seq AS conversation_seq, max(m.seq) AS seq
                  FROM messages m WHERE {" AND ".join(conditions)}
                  GROUP BY m.conversation_seq) AS best
            JOIN conversations c ON c.seq = best.conversation_seq
            JOIN messages hit ON hit.seq = best.seq
            WHERE c.deleted_at IS NULL ORDER BY c.updated_at DESC LIMIT ?""",
        (*params, limit),
    ).fetchall()
    title_hits = conn.execute(
        f"""SELECT uid, title, model, created_at, updated_at, '' FROM conversations c
            WHERE deleted_at IS NULL AND {title_conditions}
            ORDER BY updated_at DESC LIMIT ?""",
        (*title_params, limit),
    ).fetchall()
    hits: dict[str, SearchHit] = {}
    for row in message_hits:
        hits[row[0]] = SearchHit(ConversationSummary(*row[:5]), snippet(row[5], terms))
    for row in title_hits:
        hits.setdefault(row[0], SearchHit(ConversationSummary(*row[:5]), ""))
    ordered = sorted(hits.values(), key=lambda hit: hit.summary.updated_at, reverse=True)
    return tuple(ordered[:limit])
