"""Cross-validated F1 of the default NER model (CRF + BiLSTM-CRF ensemble) on ANERcorp train.txt.

The dev score of the model card comes from one held-out 10% (969 entities): its standard error is about
0.013, and it is dominated by a few topics (cars, football). This script trains the whole model k times, each
time holding out one contiguous fold of train.txt (the CRF, and the two networks from seeds 1 and 2, as
``make train-ner`` trains them, training-data gazetteer jackknifed within the training folds), and scores
each held-out fold with document consistency, as ``troopwatch ner tag --conll`` tags a file.

The word vectors and clusters are the shipped ones. Their unlabelled corpus holds the token text of the
first 90% of train.txt (never its tags), so folds there had their words, not their labels, in it.

    python scripts/crossval_ner.py --folds 5        # about 8 minutes a fold on two cores
    python scripts/crossval_ner.py --seeds 1 2 3 --keep build/cv3   # three networks a fold (~11 minutes)
    python scripts/crossval_ner.py --rescore build/cv3             # the CRF with each pair of them, and all three
    python scripts/crossval_ner.py --train-fraction 0.75           # a learning curve: each fold on 60% of train.txt
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_ner as T  # noqa: E402
import train_ner_lstm as L  # noqa: E402

from pipelines.nlp import lstm_ner, ner  # noqa: E402

log = T.log


def thin_training(train: list, fraction: float, chunk: int = 40) -> list:
    """*fraction* of *train*, as whole runs of *chunk* consecutive sentences spread evenly over it (with 0.75,
    three runs of every four), so that a smaller training part keeps the topics of the whole one: a learning
    curve then measures how F1 grows with the amount of data alone."""
    if fraction >= 1.0:
        return train
    runs = [train[i:i + chunk] for i in range(0, len(train), chunk)]
    return [s for i, run in enumerate(runs) if int((i + 1) * fraction) > int(i * fraction) for s in run]


def score_fold(k: int, folds: int, sents, wv, resources, tmp: Path, epochs: int = 30,
               seeds: tuple[int, ...] = L.SEEDS, external: dict | None = None,
               train_fraction: float = 1.0) -> dict:
    """Train on every fold but *k* (*train_fraction* of them, see :func:`thin_training`), score fold *k*:
    micro (P, R, F1, gold) of the CRF, the networks and the ensemble, each with document consistency.
    *external* is ``train_ner.external_gazetteer()``, the same for every fold (built here when not given)."""
    clusters, counts, names = resources
    lo, hi, train, held = T.fold_split(k, folds, sents)
    train = thin_training(train, train_fraction)
    base = ner.FeatureExtractor(clusters, counts, {}, names)
    if external is None:
        external = T.external_gazetteer()
    held_ex = T.held_out_extractor(train, *resources, external)
    t0 = time.time()
    crf_path = tmp / f"crf_{k}.crfsuite"
    xs, ys = T.jackknife_features(base, external, train, 5), [[t for _, t in s] for s in train]
    vocab = L.vocabularies(wv, train, counts)
    emb = L.embedding_matrix(wv, vocab[0])
    data = L.jackknife_encode(base, external, train, 5, vocab)
    sizes = lstm_ner.TokenEncoder(base, *vocab, L.CLUSTER_LEVELS).cluster_sizes()
    # the CRF in its own process, beside the two networks' processes, as train_ner.py trains it: the
    # forked process reads the features from train_ner's _FEATS instead of receiving a pickled copy
    T._FEATS["crossval"] = (xs, ys)
    with mp.get_context("fork").Pool(1) as pool:
        crf_job = pool.apply_async(T._train_job, (("crossval", str(crf_path), {}),))
        runs = L.train_seeds(data, emb, vocab, sizes, [epochs] * len(seeds), list(seeds),
                             network=L.NETWORK, average_from=min(L.AVERAGE_FROM, epochs))
        crf_job.get()
    del T._FEATS["crossval"]
    lstm_path = tmp / f"lstm_{k}.pt"
    L.save([net for net, _, _ in runs], vocab, lstm_path, L.NETWORK)
    crf = ner.CrfNerTagger(crf_path, extractor=held_ex)
    lstm = lstm_ner.LstmNerTagger(lstm_path, extractor=held_ex, threads=None)
    toks, gold = [[w for w, _ in s] for s in held], [[t for _, t in s] for s in held]
    out = {}
    for name, tagger in (("crf", crf), ("lstm", lstm), ("ensemble", lstm_ner.EnsembleNerTagger(crf, lstm, 1.0))):
        out[name] = T.evaluate(gold, tagger.tag_batch(toks))
    log(f"fold {k + 1}/{folds} (sentences {lo}-{hi}, {out['ensemble']['micro'][3]} entities, "
        f"{time.time() - t0:.0f}s): " + ", ".join(f"{m} {r['micro'][2]:.4f}" for m, r in out.items()))
    return out


def rescore_network_subsets(kept: Path, folds: int, sents, resources) -> list[dict]:
    """Score the kept models of a run again (``--keep``), the CRF summed with every subset of two or more of
    the networks of each fold's file: which networks, and how many, the ensemble needs, without retraining."""
    import itertools

    import torch

    external = T.external_gazetteer()
    results = []
    for k in range(folds):
        crf_path, lstm_path = kept / f"crf_{k}.crfsuite", kept / f"lstm_{k}.pt"
        if not (crf_path.exists() and lstm_path.exists()):
            continue
        lo, hi, train, held = T.fold_split(k, folds, sents)
        ex = T.held_out_extractor(train, *resources, external)
        crf = ner.CrfNerTagger(crf_path, extractor=ex)
        saved = torch.load(lstm_path, map_location="cpu", weights_only=True)
        toks, gold = [[w for w, _ in s] for s in held], [[t for _, t in s] for s in held]
        out = {}
        n_nets = len(saved["states"])
        with tempfile.TemporaryDirectory() as tmp:
            for size in range(2, n_nets + 1):
                for subset in itertools.combinations(range(n_nets), size):
                    path = Path(tmp) / "subset.pt"
                    torch.save(dict(saved, states=[saved["states"][i] for i in subset]), path)
                    lstm = lstm_ner.LstmNerTagger(path, extractor=ex, threads=None)
                    name = "networks " + "+".join(str(i + 1) for i in subset)
                    out[name] = T.evaluate(gold, lstm_ner.EnsembleNerTagger(crf, lstm, 1.0).tag_batch(toks))
        log(f"fold {k + 1}/{folds}: " + ", ".join(f"{m} {r['micro'][2]:.4f}" for m, r in out.items()))
        results.append(out)
    return results


def print_table(results: list[dict]) -> None:
    print("model            " + "  ".join(f"fold {i + 1:<2}" for i in range(len(results))) + "   pooled  mean+-sd")
    for name in results[0]:
        f1s = [r[name]["micro"][2] for r in results]
        pooled = pooled_f1([r[name]["micro"] for r in results])
        mean = sum(f1s) / len(f1s)
        sd = (sum((f - mean) ** 2 for f in f1s) / max(len(f1s) - 1, 1)) ** 0.5
        print(f"{name:<16} " + "  ".join(f"{f:.4f} " for f in f1s) + f"  {pooled:.4f}  {mean:.4f}+-{sd:.4f}")


def pooled_f1(micros) -> float:
    """Micro F1 over all the folds' entities, from each fold's (precision, recall, F1, gold)."""
    tp = sum(r * g for _, r, _, g in micros)
    predicted = sum(r * g / p for p, r, _, g in micros if p)
    gold = sum(g for *_, g in micros)
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text}: a fraction must be above 0 and at most 1")
    return value


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", type=int, nargs="*", default=None, help="run these folds (1-based) only")
    ap.add_argument("--epochs", type=int, default=30, help="epochs of each network (as make train-ner)")
    ap.add_argument("--seeds", type=int, nargs="+", default=list(L.SEEDS),
                    help="one network per seed, their scores summed (as train_ner_lstm.py --seeds)")
    ap.add_argument("--train-fraction", type=_fraction, default=1.0,
                    help="train each fold's model on this fraction (0 < f <= 1) of its training part, for a learning "
                         "curve: with 0.75 and the default 5 folds, on 60%% of train.txt instead of 80%%. --rescore "
                         "rebuilds the gazetteer from the whole training part, so it does not match a thinned run")
    ap.add_argument("--keep", type=Path, default=None,
                    help="keep each fold's models in this directory (crf_K.crfsuite, lstm_K.pt), for later analysis")
    ap.add_argument("--rescore", type=Path, default=None, metavar="DIR",
                    help="train nothing: score the models a run kept in DIR, the CRF with every subset of two or "
                         "more of each fold's networks (for example after --seeds 1 2 3)")
    args = ap.parse_args(argv)
    sents = T.load_anercorp()
    resources = ner.load_clusters(T.MODELS / ner.CLUSTERS_FILENAME)
    if args.rescore:
        results = rescore_network_subsets(args.rescore, args.folds, sents, resources)
        if not results:
            raise SystemExit(f"{args.rescore}: no kept fold models (crf_K.crfsuite and lstm_K.pt) to score")
        print_table(results)
        return 0
    wv = L.vectors_of_model(lstm_ner.DEFAULT_LSTM_MODEL_PATH)
    external = T.external_gazetteer()  # once: it does not depend on the fold
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp)
        if args.keep:
            out_dir = args.keep
            out_dir.mkdir(parents=True, exist_ok=True)
        for k in range(args.folds):
            if args.only and k + 1 not in args.only:
                continue
            results.append(score_fold(k, args.folds, sents, wv, resources, out_dir, args.epochs,
                                      tuple(args.seeds), external, args.train_fraction))
    print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
