#!/usr/bin/env python
"""Train troopwatch's Arabic CRF named-entity tagger end to end.

Steps:

1. word clusters (cached; rebuilt when missing or with --rebuild-clusters):
   skip-gram word2vec (gensim, window 2) on the unlabelled SaudiNewsNet
   corpus plus the text of the first 90 % of ANERcorp and of AQMAR, then
   k-means at 64/256/1024/2048/4096 clusters
   -> ``pipelines/nlp/models/word_clusters.tsv.gz``;
2. gazetteers: Arabic country / territory / city names from babel (CLDR) and
   pycountry, plus entity strings of the training sentences (jackknifed over
   5 contiguous folds for the training features, so the CRF learns how much
   "seen in training" is worth on unseen text);
3. CRF (python-crfsuite, L-BFGS) on the first 90 % of ANERcorp train.txt and
   conlleval-style evaluation on the last 10 % (contiguous): per type and
   micro P/R/F1, sentence by sentence and with the document-consistency
   pass of ``CrfNerTagger.tag_batch``;
4. unless ``--dev-only``, in parallel with 3: the final CRF on all of
   train.txt -> ``pipelines/nlp/models/ner_crf.crfsuite`` and
   ``pipelines/nlp/models/ner_gazetteer.tsv.gz``.

Usage::

    python scripts/train_ner.py                    # full pipeline
    python scripts/train_ner.py --dev-only         # stop after the dev evaluation
    python scripts/train_ner.py --grid             # c1/c2 grid on dev first (slow)
    python scripts/train_ner.py --rebuild-clusters # recompute word2vec + k-means
    python scripts/train_ner.py --aqmar auto       # check whether AQMAR helps

Needs python-crfsuite, numpy, scikit-learn, babel, pycountry and, for the
clusters, gensim.  Data paths default to /work/shared (override with
TROOPWATCH_SHARED=/path/to/shared).
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import multiprocessing as mp
import os
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.nlp import ner  # noqa: E402
from pipelines.nlp.gazetteer import _rows as lexicon_rows  # noqa: E402  (the entity linker's TSV reader)

DATA = Path(os.environ.get("TROOPWATCH_SHARED", REPO.parent / "shared"))
if not DATA.exists():
    DATA = Path("/work/shared")
ANERCORP = DATA / "data/ner/anercorp/train.txt"
AQMAR_DIR = DATA / "data/ner/aqmar/articles"
SAUDINEWS = DATA / "corpus/saudinewsnet"
MODELS = ner.MODELS_DIR

DEFAULT_PARAMS = {"c1": 0.01, "c2": 0.01, "max_iterations": 250,
                  "feature.possible_transitions": True}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---------------------------------------------------------------- data -----

def load_anercorp(path: Path = ANERCORP) -> list[list[tuple[str, str]]]:
    return [[(w, ner._canon_tag(t)) for w, t in s] for s in ner.read_conll(path, with_tags=True)]


def load_aqmar(directory: Path = AQMAR_DIR) -> list[list[tuple[str, str]]]:
    """AQMAR articles -> ANERcorp tag set (PER->PERS, MIS*->MISC; junk -> O)."""
    sents = []
    for f in sorted(directory.glob("*.txt")):
        for s in ner.read_conll(f, with_tags=True):
            words = [w for w, _ in s]
            tags = [ner._canon_tag(t.strip("`").replace("--", "-")) for _, t in s]
            sents.append(list(zip(words, ner.repair_bio(tags), strict=False)))
    return sents


def split_dev(sents, frac: float = 0.1):
    n_dev = int(round(len(sents) * frac))
    return sents[:-n_dev], sents[-n_dev:]


# ----------------------------------------------------------- clusters -----

def iter_saudinews_texts():
    for z in sorted(glob.glob(str(SAUDINEWS / "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for art in json.loads(zf.read(name)):
                    for key in ("title", "content"):
                        txt = art.get(key) or ""
                        if txt:
                            yield txt


CLUSTER_KS = (64, 256, 1024, 2048, 4096)
W2V_WINDOW = 2  # narrow context -> clusters of words of the same type (2 beat 5 on dev)


W2V_PARAMS = {"vector_size": 100, "window": W2V_WINDOW, "min_count": 3, "sg": 1, "negative": 5, "sample": 1e-4,
              "epochs": 5}


def train_word2vec(extra_sents, workers: int = 2, seed: int = 13):
    """Skip-gram word2vec (:data:`W2V_PARAMS`) on the normalised tokens of SaudiNewsNet's paragraphs and of
    *extra_sents* (labelled sentences); returns the model and the corpus. Serves the word clusters here and
    the BiLSTM's word vectors (``train_ner_lstm.py``)."""
    from gensim.models import Word2Vec

    t0 = time.time()
    norm_cache: dict[str, str] = {}

    def norm(tok: str) -> str:
        n = norm_cache.get(tok)
        if n is None:
            n = norm_cache[tok] = ner.normalize_ar(tok)
        return n

    corpus: list[list[str]] = []
    for txt in iter_saudinews_texts():
        for para in txt.split("\n"):
            toks = [norm(t) for t in ner.tokenize(para)]
            if len(toks) > 1:
                corpus.append(toks)
    for s in extra_sents:
        corpus.append([norm(w) for w, _ in s])
    n_tok = sum(len(s) for s in corpus)
    log(f"word2vec: corpus {len(corpus)} paragraphs, {n_tok} tokens ({time.time() - t0:.0f}s)")
    model = Word2Vec(sentences=corpus, workers=workers, seed=seed, **W2V_PARAMS)
    log(f"word2vec: vocab {len(model.wv)} ({time.time() - t0:.0f}s)")
    return model, corpus


def build_clusters(extra_sents, out_path: Path, ks=CLUSTER_KS, workers=2, seed=13) -> None:
    """:func:`train_word2vec`, then k-means (cosine) at each granularity in *ks*; writes ``word, count,
    cluster id per k``."""
    import numpy as np
    from sklearn.cluster import MiniBatchKMeans

    t0 = time.time()
    model, corpus = train_word2vec(extra_sents, workers, seed)
    words = model.wv.index_to_key
    vecs = model.wv.vectors.astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    counts = Counter()
    for s in corpus:
        counts.update(s)
    ids = []
    for k in ks:
        km = MiniBatchKMeans(n_clusters=k, batch_size=4096, n_init=1, random_state=seed,
                             max_iter=50)
        ids.append(km.fit_predict(vecs))
        log(f"clusters: k-means k={k} done ({time.time() - t0:.0f}s)")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out_path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("#word\tcount\t" + "\t".join(f"k{k}" for k in ks) + "\n")
        for i, w in enumerate(words):
            fh.write(w + "\t" + str(counts[w]) + "\t" + "\t".join(str(int(c[i])) for c in ids) + "\n")
    log(f"clusters: wrote {out_path} ({out_path.stat().st_size / 1e6:.1f} MB, {time.time() - t0:.0f}s)")


# ---------------------------------------------------------- gazetteer -----

PERSON_NAME_WORDS = "ner_person_name_words.tsv"  # lexicons of pipelines/nlp/lexicons/
WORLD_CITIES = "ner_world_cities.tsv"


def external_gazetteer(name_lists: bool = True) -> dict[str, frozenset[str]]:
    """Arabic names of countries, territories and cities (``LOC``) from CLDR/ISO; with *name_lists*, also
    the words of person names (``NPERS``, arabnamer) and the names of the world's cities (``GLOC``, GeoNames),
    from the two lists ``scripts/build_gazetteer_lists.py`` builds. The new types are their own, so the
    model weighs each source by what it proved worth on ANERcorp: in five-fold cross-validation of the CRF,
    each list raised micro F1 in every fold (see the model card)."""
    entries: dict[str, set[str]] = {}

    def add(name: str, typ: str) -> None:
        for part in name.replace("،", ",").split(","):
            toks = [ner.normalize_ar(t) for t in ner.tokenize(part)]
            toks = [t for t in toks if t not in ("(", ")", "-", "–")]
            if toks and len(toks) <= 5 and not any(t.isdigit() for t in toks):
                entries.setdefault(" ".join(toks), set()).add(typ)

    try:
        from babel import Locale

        loc = Locale("ar")
        for code, name in loc.territories.items():
            if not code.isdigit() or code in ("002", "019", "142", "150", "009"):
                add(name, "LOC")
        for _, info in loc._data["time_zones"].items():
            city = info.get("city")
            if city and "غير معروفة" not in city:
                add(city, "LOC")
    except Exception as exc:  # pragma: no cover - babel missing
        log(f"gazetteer: babel unavailable ({exc})")
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(c, attr, None)
                if v and tr.gettext(v) != v:
                    add(tr.gettext(v), "LOC")
    except Exception as exc:  # pragma: no cover
        log(f"gazetteer: pycountry unavailable ({exc})")
    if name_lists:
        for word, *_ in lexicon_rows(PERSON_NAME_WORDS):
            add(word, "NPERS")
        for city, *_ in lexicon_rows(WORLD_CITIES):
            add(city, "GLOC")
    return {k: frozenset(v) for k, v in entries.items()}


WORD_PARTS = True


def _span_key(toks, counts) -> str:
    ns = [ner.normalize_ar(t) for t in toks]
    if ns:
        ns[0] = ner.strip_clitics(ns[0], counts)
    return " ".join(ns)


def training_gazetteer(sents, counts, min_ratio: float = 0.3, max_len: int = 6,
                       word_parts: bool = WORD_PARTS) -> dict[str, frozenset[str]]:
    """Entity strings of labelled sentences, typed ``T<TYPE>`` (e.g. ``TPERS``).

    A string is kept for a type when at least *min_ratio* of its occurrences
    in the sentences carry that entity label.  With *word_parts*, single
    words that are mostly (>= *min_ratio*) inside entities of a type are
    added as ``TW<TYPE>`` (e.g. first names and surnames: ``TWPERS``).
    """
    ent: dict[str, Counter] = {}
    part: dict[str, Counter] = {}
    word_occ: Counter = Counter()
    for s in sents:
        toks = [w for w, _ in s]
        if word_parts:
            word_occ.update(_span_key([w], counts) for w in toks)
        for typ, a, b in chunks([t for _, t in s]):
            if b - a <= max_len:
                ent.setdefault(_span_key(toks[a:b], counts), Counter())[typ] += 1
            if word_parts and b - a >= 2:
                for w in toks[a:b]:
                    part.setdefault(_span_key([w], counts), Counter())[typ] += 1
    lens = {k.count(" ") + 1 for k in ent}
    occ: Counter = Counter()
    for s in sents:
        toks = [w for w, _ in s]
        for L in lens:
            for i in range(len(toks) - L + 1):
                k = _span_key(toks[i:i + L], counts)
                if k in ent:
                    occ[k] += 1
    out = {}
    for k, c in ent.items():
        tot = max(occ[k], 1)
        types = frozenset("T" + t for t, v in c.items() if v / tot >= min_ratio)
        if types and len(k) >= 2:
            out[k] = types
    for k, c in part.items():
        tot = max(word_occ[k], 1)
        types = frozenset("TW" + t for t, v in c.items() if v / tot >= min_ratio)
        if types and len(k) >= 2:
            out[k] = out.get(k, frozenset()) | types
    return out


def aqmar_gazetteer(counts) -> dict[str, frozenset[str]]:
    """Entity strings and name words of AQMAR (Arabic Wikipedia), typed ``A<TYPE>`` / ``AW<TYPE>``: an
    external list like CLDR's, the same for training and tagging (so no jackknife)."""
    gaz = training_gazetteer(load_aqmar(), counts)
    return {k: frozenset("A" + t[1:] for t in v) for k, v in gaz.items()}


def merge_gaz(*gazs) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for g in gazs:
        for k, v in g.items():
            out[k] = out.get(k, frozenset()) | v
    return out


def held_out_extractor(train, clusters, counts, names, external) -> ner.FeatureExtractor:
    """The features a held-out part (dev, or a cross-validation fold) is tagged with: the external lists and
    the gazetteer of the *train* sentences only, so no held-out entity string is among its own features."""
    return ner.FeatureExtractor(clusters, counts, merge_gaz(external, training_gazetteer(train, counts)), names)


def write_gazetteer(gaz: dict[str, frozenset[str]], out_path: Path) -> None:
    with gzip.open(out_path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# normalised entry<TAB>type. LOC: CLDR (babel) / ISO 3166 (pycountry) Arabic names;"
                 " NPERS: words of person names (arabnamer); GLOC: GeoNames cities;"
                 " T*: entity strings of ANERcorp train.txt\n")
        for e in sorted(gaz):
            for t in sorted(gaz[e]):
                fh.write(f"{e}\t{t}\n")
    log(f"gazetteer: {len(gaz)} entries -> {out_path}")


# ---------------------------------------------------------- evaluation -----

def chunks(tags):
    """conlleval-style chunks: set of (type, start, end)."""
    out = set()
    start, typ = None, None
    prev = "O"
    for i, t in enumerate(list(tags) + ["O"]):
        p, _, ty = t.partition("-")
        pprev, _, typrev = prev.partition("-")
        end_chunk = start is not None and (
            p == "O" or p == "B" or ty != typ)
        if end_chunk:
            out.add((typ, start, i))
            start, typ = None, None
        if p == "B" or (p == "I" and (pprev == "O" or typrev != ty)):
            start, typ = i, ty
        prev = t
    return out


def evaluate(gold_seqs, pred_seqs):
    from collections import defaultdict

    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    offset = 0
    for g, p in zip(gold_seqs, pred_seqs, strict=False):
        gc, pc = chunks(g), chunks(p)
        for c in pc & gc:
            tp[c[0]] += 1
        for c in pc - gc:
            fp[c[0]] += 1
        for c in gc - pc:
            fn[c[0]] += 1
        offset += len(g)

    def prf(a, b, c):
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    res = {}
    for t in ner.ENTITY_TYPES:
        res[t] = prf(tp[t], fp[t], fn[t]) + (tp[t] + fn[t],)
    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    res["micro"] = prf(T, P, N) + (T + N,)
    return res


def format_scores(res) -> str:
    lines = [f"{'type':6s} {'prec':>7s} {'rec':>7s} {'F1':>7s} {'gold':>6s}"]
    for k in list(ner.ENTITY_TYPES) + ["micro"]:
        p, r, f, n = res[k]
        lines.append(f"{k:6s} {p:7.4f} {r:7.4f} {f:7.4f} {n:6d}")
    return "\n".join(lines)


# ---------------------------------------------------------------- CRF -----

_FEATS: dict = {}


def featurize(extractor, sents):
    return [extractor.sentence_features([w for w, _ in s]) for s in sents]


def fold_split(k: int, folds: int, sents) -> tuple[int, int, list, list]:
    """Fold *k* of *folds* contiguous ones: its sentence range, the other folds' sentences and its own."""
    n = len(sents)
    lo, hi = round(n * k / folds), round(n * (k + 1) / folds)
    return lo, hi, sents[:lo] + sents[hi:], sents[lo:hi]


def jackknife_extractors(base: ner.FeatureExtractor, external: dict, sents, folds: int):
    """For each of *folds* contiguous blocks of *sents*: the block and the extractor whose training-data
    gazetteer comes from the other blocks only (:func:`held_out_extractor`)."""
    for k in range(folds):
        _, _, others, block = fold_split(k, folds, sents)
        yield block, held_out_extractor(others, base.clusters, base.counts, base.cluster_names, external)


def jackknife_features(base: ner.FeatureExtractor, external: dict, sents, folds: int):
    """Features of *sents* where the training-data gazetteer of each of
    *folds* contiguous blocks comes from the other blocks only, so the CRF
    learns how far "seen in training" can be trusted on unseen text."""
    return [x for block, ex in jackknife_extractors(base, external, sents, folds) for x in featurize(ex, block)]


def train_crf(xs, ys, model_path: Path, params: dict) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    p = dict(DEFAULT_PARAMS)
    p.update(params)
    trainer.set_params(p)
    trainer.train(str(model_path))


def predict(model_path: Path, xs):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    return [ner.repair_bio(tagger.tag(x)) for x in xs]


BIAS_GRID = tuple(round(-0.5 + 0.25 * k, 2) for k in range(13))  # -0.5 .. 2.5


def _dev_f1(scorer, extractor, tokens, gold, bias) -> float:
    scorer.label_bias = bias
    pred = [ner.repair_bio(t) for t in scorer.decode(tokens)]
    keys = [scorer.stems(t) for t in tokens]
    return evaluate(gold, ner.harmonize_document(tokens, pred, extractor=extractor, keys=keys))["micro"][2]


def tune_bias(scorer, extractor, tokens, gold, rounds: int = 2) -> dict[str, float]:
    """Per-type label biases by coordinate ascent on micro F1 (with document consistency, as tag_conll runs)."""
    bias = {t: 0.0 for t in ner.ENTITY_TYPES}
    best = _dev_f1(scorer, extractor, tokens, gold, bias)
    for _ in range(rounds):
        for t in ner.ENTITY_TYPES:
            for b in BIAS_GRID:
                f = _dev_f1(scorer, extractor, tokens, gold, {**bias, t: b})
                if f > best + 1e-9:
                    best, bias = f, {**bias, t: b}
    return bias


def label_bias_report(dev_model: Path, extractor, dev) -> dict[str, float]:
    """Tune label biases on dev, and keep them only if they generalise: tuned on either half of dev, they must
    raise micro F1 on the other half. Otherwise (as with the shipped model) return no biases."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(dev_model))
    scorer = ner.CrfScorer(tagger, extractor)
    tokens, gold = [[w for w, _ in s] for s in dev], [[t for _, t in s] for s in dev]
    half = len(dev) // 2
    folds = [(slice(0, half), slice(half, None)), (slice(half, None), slice(0, half))]
    gains = []
    for k, (tune_on, score_on) in enumerate(folds, start=1):
        b = tune_bias(scorer, extractor, tokens[tune_on], gold[tune_on])
        f0 = _dev_f1(scorer, extractor, tokens[score_on], gold[score_on], {})
        f1 = _dev_f1(scorer, extractor, tokens[score_on], gold[score_on], b)
        gains.append(f1 - f0)
        log(f"label bias, fold {k}: tuned on one half of dev {b}; other half micro F1 {f0:.4f} -> {f1:.4f}")
    if min(gains) <= 0:
        log("label biases do not generalise across the halves of dev: none kept")
        return {}
    bias = tune_bias(scorer, extractor, tokens, gold)
    log(f"label biases kept: {bias}")
    return bias


def write_label_bias(bias: dict[str, float], model_path: Path) -> None:
    path = ner.label_bias_path(model_path)
    if not any(bias.values()):
        path.unlink(missing_ok=True)
        return
    path.write_text(json.dumps({k: v for k, v in bias.items() if v}, indent=2) + "\n", encoding="utf-8")
    log(f"label biases -> {path}")


def _grid_worker(args):
    params, tmpdir, key = args if len(args) == 3 else (*args, "data")
    xs_tr, ys_tr, xs_dev, ys_dev = _FEATS[key]
    path = Path(tmpdir) / f"m_{key}_{abs(hash(json.dumps(params, sort_keys=True)))}.crfsuite"
    t0 = time.time()
    train_crf(xs_tr, ys_tr, path, params)
    res = evaluate(ys_dev, predict(path, xs_dev))
    return params, res, time.time() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev-only", action="store_true", help="stop after the dev evaluation")
    ap.add_argument("--grid", action="store_true", help="tune c1/c2 on dev (2 processes) before training")
    ap.add_argument("--aqmar", choices=["auto", "yes", "no"], default="no",
                    help="add AQMAR to training ('auto': compare on dev, keep if better). "
                         "Default no: it lowered dev F1 (0.711 -> 0.684)")
    ap.add_argument("--rebuild-clusters", action="store_true")
    ap.add_argument("--aqmar-gazetteer", choices=["yes", "no"], default="no",
                    help="add AQMAR's entity strings to the external gazetteer (typed A*)")
    ap.add_argument("--folds", type=int, default=5, help="jackknife folds for the training gazetteer")
    ap.add_argument("--c1", type=float, default=DEFAULT_PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULT_PARAMS["c2"])
    ap.add_argument("--max-iterations", type=int, default=DEFAULT_PARAMS["max_iterations"])
    ap.add_argument("--no-possible-transitions", action="store_true")
    ap.add_argument("--model-out", type=Path, default=ner.DEFAULT_MODEL_PATH)
    ap.add_argument("--dev-pred-out", type=Path, default=None, help="write dev predictions (token gold pred)")
    ap.add_argument("--dev-model-out", type=Path, default=None,
                    help="keep the dev model (trained on the first 90%%), e.g. to tune label biases on dev")
    ap.add_argument("--bias-only", type=Path, default=None, metavar="DEV_MODEL",
                    help="skip training: tune label biases with this dev model and write them beside --model-out")
    args = ap.parse_args(argv)

    t_start = time.time()
    sents = load_anercorp()
    train, dev = split_dev(sents)
    log(f"ANERcorp: {len(sents)} sentences -> train {len(train)} / dev {len(dev)} (last 10%)")
    aqmar = load_aqmar() if args.aqmar != "no" else []

    cpath = MODELS / ner.CLUSTERS_FILENAME
    if args.rebuild_clusters or not cpath.exists():
        build_clusters(train + (aqmar or load_aqmar()), cpath)
    clusters, counts, names = ner.load_clusters(cpath)
    base = ner.FeatureExtractor(clusters, counts, {}, names)
    external = external_gazetteer()
    if args.aqmar_gazetteer == "yes":
        external = merge_gaz(external, aqmar_gazetteer(counts))
    log(f"resources: {len(clusters)} clustered words, {len(external)} external gazetteer entries")

    dev_ex = held_out_extractor(train, clusters, counts, names, external)
    if args.bias_only:
        write_label_bias(label_bias_report(args.bias_only, dev_ex, dev), args.model_out)
        return 0
    t0 = time.time()
    xs_tr = jackknife_features(base, external, train, args.folds)
    ys_tr = [[t for _, t in s] for s in train]
    xs_dev, ys_dev = featurize(dev_ex, dev), [[t for _, t in s] for s in dev]
    xs_aq, ys_aq = (featurize(dev_ex, aqmar), [[t for _, t in s] for s in aqmar]) if aqmar else ([], [])
    log(f"features: {time.time() - t0:.1f}s")

    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations,
              "feature.possible_transitions": not args.no_possible_transitions}

    use_aqmar = args.aqmar == "yes"
    dev_tokens = [[w for w, _ in s] for s in dev]
    all_sents = train + dev
    with tempfile.TemporaryDirectory() as tmp:
        if args.grid:
            grid = [dict(params, c1=c1, c2=c2) for c1 in (0.005, 0.02, 0.05, 0.1) for c2 in (0.003, 0.01, 0.03)]
            _FEATS["data"] = (xs_tr, ys_tr, xs_dev, ys_dev)
            with mp.get_context("fork").Pool(2) as pool:
                results = pool.map(_grid_worker, [(g, tmp) for g in grid])
            results.sort(key=lambda r: -r[1]["micro"][2])
            for p, res, dt in results:
                log(f"grid c1={p['c1']} c2={p['c2']} pt={p['feature.possible_transitions']}: "
                    f"F1={res['micro'][2]:.4f} ({dt:.0f}s)")
            params = results[0][0]
            log(f"grid: best {params}")

        if args.aqmar == "auto":
            _FEATS["data"] = (xs_tr, ys_tr, xs_dev, ys_dev)
            _FEATS["aqmar"] = (xs_tr + xs_aq, ys_tr + ys_aq, xs_dev, ys_dev)
            with mp.get_context("fork").Pool(2) as pool:
                (_, res1, _), (_, res2, _) = pool.map(_grid_worker, [(params, tmp, "data"), (params, tmp, "aqmar")])
            use_aqmar = res2["micro"][2] > res1["micro"][2]
            log(f"AQMAR {'helps' if use_aqmar else 'does not help'} on dev: "
                f"{res1['micro'][2]:.4f} -> {res2['micro'][2]:.4f}")

        # dev model and final model are trained in parallel (2 processes)
        dev_model = Path(tmp) / "dev.crfsuite"
        jobs = [("dev", dev_model)]
        _FEATS["dev"] = (xs_tr + (xs_aq if use_aqmar else []), ys_tr + (ys_aq if use_aqmar else []))
        if not args.dev_only:
            xs_all = jackknife_features(base, external, all_sents, args.folds)
            ys_all = [[t for _, t in s] for s in all_sents]
            if use_aqmar:
                xs_all, ys_all = xs_all + xs_aq, ys_all + ys_aq
            _FEATS["final"] = (xs_all, ys_all)
            args.model_out.parent.mkdir(parents=True, exist_ok=True)
            jobs.append(("final", args.model_out))
        t0 = time.time()
        with mp.get_context("fork").Pool(len(jobs)) as pool:
            times = pool.map(_train_job, [(k, str(path), params) for k, path in jobs])
        log(f"CRF training ({', '.join(f'{k}: {t:.0f}s' for (k, _), t in zip(jobs, times, strict=True))}) "
            f"wall {time.time() - t0:.0f}s, params {params}")

        if args.dev_model_out:
            import shutil

            shutil.copy(dev_model, args.dev_model_out)
        bias = label_bias_report(dev_model, dev_ex, dev)
        pred = predict(dev_model, xs_dev)
        res = evaluate(ys_dev, pred)
        print(f"Dev (last 10% of train.txt = {len(dev)} sentences), sentence by sentence (tag):\n"
              + format_scores(res), flush=True)
        pred_doc = ner.harmonize_document(dev_tokens, pred, extractor=dev_ex)
        res_doc = evaluate(ys_dev, pred_doc)
        print(f"Dev with document consistency (tag_batch / tag_conll, +-{ner.DOC_WINDOW} sentences):\n"
              + format_scores(res_doc), flush=True)
        if args.dev_pred_out:
            with open(args.dev_pred_out, "w", encoding="utf-8") as fh:
                for s, p, q in zip(dev, pred, pred_doc, strict=True):
                    for (w, g), t, u in zip(s, p, q, strict=True):
                        fh.write(f"{w} {g} {t} {u}\n")
                    fh.write("\n")

    if not args.dev_only:
        write_label_bias(bias, args.model_out)
        write_gazetteer(merge_gaz(external, training_gazetteer(all_sents, counts)),
                        args.model_out.parent / ner.GAZETTEER_FILENAME)
        if args.model_out.parent.resolve() != cpath.parent.resolve():
            import shutil

            shutil.copy(cpath, args.model_out.parent / ner.CLUSTERS_FILENAME)
        log(f"final model ({len(all_sents)} sentences, aqmar={use_aqmar}) -> {args.model_out} "
            f"({args.model_out.stat().st_size / 1e6:.1f} MB)")
    log(f"dev micro F1 {res['micro'][2]:.4f} (with document consistency {res_doc['micro'][2]:.4f}); "
        f"total wall time {time.time() - t_start:.0f}s")
    return 0


def _train_job(job):
    key, path, params = job
    t0 = time.time()
    xs, ys = _FEATS[key]
    train_crf(xs, ys, Path(path), params)
    return time.time() - t0


if __name__ == "__main__":
    raise SystemExit(main())
