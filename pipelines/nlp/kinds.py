"""The kind of a troop fact (presence, deployment, withdrawal, strength): a learned second reading of the rules' kind.

`facts.py` gives every count a kind from the cue words near it. Those rules were written against the repository's
gold sets; on each set before any rule had seen it, they gave the gold kind to 72% of the facts they found
(`data/eval/kind_rules_unseen.jsonl`), the attribute that carried least from one outlet's text to another's.

A multinomial logistic regression reads the rules' kind together with the words around the count (each word and its
proclitic-stripped forms, six to the left and six to the right of the evidence, the nearest four apart, and the
evidence's own words), the kind each cue word there signals, the count's order of magnitude, and whether a place and
an approximation were found. It is trained on the gold sets' matched facts, with the rules' kind as the rules gave it
before they saw each set, so that it learns how far to trust them on unseen text, and keeps its own kind only where
its probability is at least `min_confidence`.

Left out one set at a time it gives the gold kind to 0.814 of facts where the unseen rules gave it to 0.726 (sets
1-24). On the eight sets written after it (17-24), against the rules of the day, it gained 34 facts of 604; but on the
dev sentences and the whole feed (real 2015 news) it does worse than the rules, and it overrules plain cues («قوامه»)
that the rules' tests pin down. So it is **off by default**: the pipeline keeps
the rules' kinds unless `TROOPWATCH_KIND_MODEL` (or `--kind-model`, or the resource's `kind_model`) says `shipped` or
names a model file. `docs/kind_model.md` is its card; `scripts/train_kind_model.py` trains it (`make train-kind`).

Scoring is written by hand, not with scikit-learn at run time: a sum of a few dozen weights per fact, from a small
JSON file that needs no pickle of a library's version.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalize import Token, strip_proclitics

KINDS = ("deployment", "presence", "strength", "withdrawal")
MODEL_PATH = Path(__file__).parent / "models" / "kind_model.json"
LEFT_WORDS, RIGHT_WORDS, NEAR_WORDS = 6, 6, 4


def _forms(word_norm: str) -> tuple[str, ...]:
    """A word's forms past its proclitics; a number's none (the magnitude stands for it: "2500" is no word that
    tells a kind, and learnt as one it remembers one theatre's count)."""
    return () if any(ch.isdigit() for ch in word_norm) else strip_proclitics(word_norm)


def _cue(forms: tuple[str, ...], cues: dict[str, str]) -> str | None:
    """The kind a cue word signals, past its proclitics and the future prefix س ("ستسحب")."""
    return next((cues[x] for f in forms for x in (f, f[1:] if f[:1] == "س" and len(f) > 3 else f) if x in cues),
                None)


def kind_features(toks: Sequence[Token], start_char: int, end_char: int, rule_kind: str,
                  number: float | None, has_location: bool, approximate: bool,
                  cues: dict[str, str]) -> dict[str, float]:
    """The features of one fact: *toks* are its sentence's tokens, with offsets in the article; the evidence is
    [start_char, end_char) of the article; *number* is the count (or a bound of its range); *cues* maps the rules'
    cue words (normalised) to the kind each signals."""
    left = [t.norm for t in toks if t.end <= start_char][-LEFT_WORDS:]
    inner = [t.norm for t in toks if start_char <= t.start and t.end <= end_char]
    right = [t.norm for t in toks if t.start >= end_char][:RIGHT_WORDS]
    f: dict[str, float] = {"rule=" + rule_kind: 1.0,
                           "magnitude=" + str(int(math.log10(max(number or 1, 1)))): 1.0,
                           "location=" + str(has_location): 1.0,
                           "approximate=" + str(bool(approximate)): 1.0}
    for side, words in (("L", left[::-1]), ("R", right)):
        for k, w in enumerate(words):
            forms = _forms(w)
            for form in forms:
                f[f"{side}:{form}"] = 1.0
                if k < NEAR_WORDS:
                    f[f"{side}{NEAR_WORDS}:{form}"] = 1.0
            # a cue word's kind generalises over the forms of its verb that the examples never showed
            cue = _cue(forms, cues)
            if cue is not None:
                f[f"cue{side}:{cue}"] = f.get(f"cue{side}:{cue}", 0.0) + 1.0 / (1 + k)
                if k < NEAR_WORDS:
                    # how far the rules' kind is worth trusting next to a cue of each kind
                    f[f"cue{side}{NEAR_WORDS}:{cue}|rule={rule_kind}"] = 1.0
    for w in inner:
        forms = _forms(w)
        for form in forms:
            f["I:" + form] = 1.0
        cue = _cue(forms, cues)
        if cue is not None:
            f[f"cueI:{cue}"] = 1.0
            f[f"cueI:{cue}|rule={rule_kind}"] = 1.0
    return f


@dataclass(frozen=True)
class KindModel:
    """Weights of a multinomial logistic regression over sparse features, one row per kind."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    # below this probability the model's pick does not overrule the rules' kind
    min_confidence: float = 0.0

    def scores(self, features: dict[str, float]) -> dict[str, float]:
        """The probability of each kind."""
        z = list(self.intercept)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for i, w in enumerate(row):
                    z[i] += w * value
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {c: v / total for c, v in zip(self.classes, e, strict=True)}

    def predict(self, features: dict[str, float]) -> str:
        s = self.scores(features)
        return max(s, key=s.__getitem__)

    def decide(self, features: dict[str, float], rule_kind: str) -> str:
        """The model's kind where it is sure enough of it, else the rules' kind."""
        s = self.scores(features)
        best = max(s, key=s.__getitem__)
        return best if s[best] >= self.min_confidence else rule_kind

    def to_json(self) -> dict:
        return {"classes": list(self.classes), "intercept": list(self.intercept), "min_confidence": self.min_confidence,
                "weights": {k: list(v) for k, v in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> KindModel:
        classes = tuple(data["classes"])
        if not set(classes) <= set(KINDS) or len(data["intercept"]) != len(classes):
            raise ValueError(f"not a kind model: classes {classes}")
        weights = {k: tuple(float(x) for x in v) for k, v in data["weights"].items()}
        if any(len(v) != len(classes) for v in weights.values()):
            raise ValueError("not a kind model: a weight row does not have one weight per class")
        return cls(classes, tuple(float(x) for x in data["intercept"]), weights,
                   float(data.get("min_confidence", 0.0)))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def fit_kind_model(features: Iterable[dict[str, float]], kinds: Iterable[str], c: float = 1.0,
                   min_confidence: float = 0.0) -> KindModel:
    """Train a model (scikit-learn's logistic regression, L2, C=*c*) on feature dicts and gold kinds."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(list(features))
    y = list(kinds)
    lr = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    classes = tuple(str(k) for k in lr.classes_)
    # two classes: scikit-learn keeps one row, p(second) = sigmoid(z); a softmax over (-z/2, z/2) is the same
    coef = lr.coef_ if len(classes) > 2 else [-lr.coef_[0] / 2, lr.coef_[0] / 2]
    intercept = lr.intercept_ if len(classes) > 2 else [-lr.intercept_[0] / 2, lr.intercept_[0] / 2]
    weights = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        row = tuple(round(float(coef[i][j]), 5) for i in range(len(classes)))
        if any(abs(w) >= 1e-4 for w in row):
            weights[str(name)] = row
    return KindModel(classes, tuple(round(float(b), 5) for b in intercept), weights, min_confidence)


def kind_model_location(choice: str | None = None) -> str:
    """Where the kind model in use is, from *choice* or else `$TROOPWATCH_KIND_MODEL`: `rules` (the default: no
    model, see the module docstring), `shipped` (the file in the repository) or a path."""
    where = choice or os.environ.get("TROOPWATCH_KIND_MODEL") or "rules"
    return str(MODEL_PATH) if where == "shipped" else where


def kind_model_stamp(where: str) -> tuple[int, int] | None:
    """(modification time, size) of the kind model file at *where* (None for `rules`): what tells a retrained model
    from the one loaded before, in a long-lived process as in a part's fingerprint."""
    if where == "rules":
        return None
    try:
        st = os.stat(where)
    except OSError as exc:
        raise ValueError(f"{where}: cannot load the kind model: {exc.strerror or exc}") from exc
    return st.st_mtime_ns, st.st_size


def load_kind_model(choice: str | None = None) -> KindModel | None:
    """The kind model *choice* names (`rules`, `shipped` or a path), else the one in use (`kind_model_location`);
    None for `rules` (the rules' kinds stand). Loaded once per file version."""
    where = kind_model_location(choice)
    return _load_kind_model(where, kind_model_stamp(where))


@lru_cache(maxsize=4)
def _load_kind_model(where: str, stamp: tuple[int, int] | None) -> KindModel | None:
    if where == "rules":
        return None
    p = Path(where)
    try:
        return KindModel.from_json(json.loads(p.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{p}: cannot load the kind model: {exc}") from exc
