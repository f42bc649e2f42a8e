"""One article through the whole NLP chain, as plain rows: used by the batch functions and by `make eval`."""

from __future__ import annotations

import datetime as dt

from .facts import document_context, extract_article_facts, fact_id
from .sentences import split_sentences


def facts_for_text(doc_id: str, text: str, published: dt.date | None = None) -> list[dict]:
    """Fact rows of one cleaned article (sentence ids are 0-based positions in the article)."""
    ctx = document_context(text, published)
    rows = []
    sentences = split_sentences(text)
    for sid, facts in enumerate(extract_article_facts([(s.text, s.start) for s in sentences], ctx)):
        for f in facts:
            row = f.to_dict()
            row.update(doc_id=doc_id, sentence_id=sid,
                       fact_id=fact_id(doc_id, f.start_char, f.end_char, f.count, f.low, f.high))
            rows.append(row)
    return rows
