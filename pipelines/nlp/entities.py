"""Named entities of an article: detected by the NER tagger, linked to canonical ids by the gazetteer.

Linking: an exact alias match (first word may carry proclitics) gives the catalogue id (ISO3 for countries);
otherwise a PERSON mention that is the tail of an earlier full name in the same article ("السوداني" after
"محمد شياع السوداني") takes that name's id; otherwise the id is a stable slug of the normalized name, so the
same name links across articles.
"""

from __future__ import annotations

from collections.abc import Iterable

from slugify import slugify

from .gazetteer import Entity, gazetteer
from .normalize import norm, strip_proclitics

LABELS = {"PERS": "PERSON", "PER": "PERSON", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_PREFIX = {"PERSON": "per", "LOC": "loc", "ORG": "org", "MISC": "misc"}


def slug_id(entity_type: str, text: str) -> str:
    words = [norm(w) for w in text.split()]
    if words:
        words[0] = strip_proclitics(words[0])[-1] if len(words) > 1 or words[0].startswith(("ال", "وال", "بال", "لل")) else words[0]
    return f"{_PREFIX.get(entity_type, 'ent')}-{slugify(' '.join(words), allow_unicode=True)}"


def link(text: str, entity_type: str) -> Entity | None:
    """Catalogue entity for a mention, if its words are a known alias."""
    return gazetteer().lookup(text.split())


def link_document(mentions: Iterable[dict]) -> list[dict]:
    """Add `canonical_id` and `canonical_name` to a document's mentions (dicts with text, entity_type),
    in reading order."""
    out = []
    full_names: list[tuple[tuple[str, ...], str, str]] = []  # (normalized words, id, name)
    for m in mentions:
        ent = link(m["text"], m["entity_type"])
        words = tuple(norm(w) for w in m["text"].split())
        if ent is not None:
            cid, cname = ent.id, ent.name_ar
            if ent.entity_type == "PERSON" and len(words) > 1:
                full_names.append((words, cid, cname))
        elif m["entity_type"] == "PERSON":
            cid = cname = None
            for full, fid, fname in reversed(full_names):
                if len(words) < len(full) and full[-len(words):] == words:
                    cid, cname = fid, fname
                    break
            if cid is None:
                cid, cname = slug_id("PERSON", m["text"]), m["text"]
                if len(words) > 1:
                    full_names.append((words, cid, cname))
        else:
            cid, cname = slug_id(m["entity_type"], m["text"]), m["text"]
        out.append({**m, "canonical_id": cid, "canonical_name": cname})
    return out
