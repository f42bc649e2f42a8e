"""Train troopwatch's BiLSTM-CRF NER model (``pipelines/nlp/models/ner_lstm.pt``).

Steps:

1. word2vec (skip-gram, gensim) on the normalised tokens of SaudiNewsNet, AQMAR and the training part of
   ANERcorp (the dev part is left out, so the dev score is not inflated);
2. a dev run: train 30 epochs on the first 90% of ANERcorp train.txt; the model is the mean of the
   weights after epochs 10 to 30 (stochastic weight averaging, ``--average-from``), scored on the last
   10% after every epoch; nothing is chosen on dev but the CRF's weight in the ensemble (with
   ``--average-from 0``, the best epoch is kept instead);
3. the shipped model: the same training on all of train.txt.

The clusters and the gazetteer are those of the CRF model (``scripts/train_ner.py``); the training part's
gazetteer entries are jackknifed over contiguous folds, as for the CRF, so the network learns how far
"seen in training" can be trusted on new text.

    python scripts/train_ner_lstm.py                 # dev run, then the shipped model
    python scripts/train_ner_lstm.py --dev-only      # dev run only
    python scripts/train_ner_lstm.py --vectors-from pipelines/nlp/models/ner_lstm.pt   # over the shipped vectors
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_ner as T  # noqa: E402

from pipelines.nlp import lstm_ner, ner  # noqa: E402

VOCAB_SIZE = 80_000  # most frequent words kept with a vector; the rest fall back to their stem, then chars
CLUSTER_LEVELS = (1, 2, 4)  # k256, k1024, k4096
NETWORK = {"word_dim": 100, "char_dim": 32, "char_filters": 64, "cluster_dim": 16, "shape_dim": 8,
           "hidden": 128, "dropout": 0.3}
SEEDS = (1, 2)  # one network per seed in the model file, their scores summed (trained in parallel)
AVERAGE_FROM = 10  # stochastic weight averaging over epochs 10..30: no epoch chosen on dev
log = T.log


def train_vectors(extra_sents, out: Path):
    """The word clusters' word2vec (``train_ner.train_word2vec``), kept as vectors."""
    model, _ = T.train_word2vec(extra_sents)
    model.wv.save(str(out))
    log(f"vectors: {len(model.wv)} words -> {out}")
    return model.wv


def vectors_of_model(path: Path):
    """The word vectors a model file was trained with, as gensim ``KeyedVectors`` in the file's order (the
    most frequent words first, as word2vec gave them), so :func:`vocabularies` picks the same words."""
    import torch
    from gensim.models import KeyedVectors

    saved = torch.load(path, map_location="cpu", weights_only=True)
    vecs = saved["word_vectors"][2:].float().numpy()  # rows 0 and 1 are padding and unknown
    wv = KeyedVectors(vector_size=vecs.shape[1])
    wv.add_vectors(saved["config"]["words"][2:], vecs)
    log(f"vectors: {len(wv)} words from {path}")
    return wv


def vocabularies(wv, train_sents, counts):
    """Embedding rows (pad, unk, then words), chars and shapes seen in training."""
    words = ["<pad>", "<unk>"] + list(wv.index_to_key[:VOCAB_SIZE])
    have = set(words)
    for s in train_sents:  # training words beyond the cut keep their vector too
        for w, _ in s:
            n = ner.normalize_ar(w)
            for form in (n, ner.strip_clitics(n, counts)):
                if form not in have and form in wv.key_to_index:
                    words.append(form)
                    have.add(form)
    chars = Counter(c for s in train_sents for w, _ in s for c in ner.normalize_ar(w))
    shapes = Counter(ner.word_shape(w) for s in train_sents for w, _ in s)
    return (words, ["<pad>", "<unk>"] + sorted(c for c, n in chars.items() if n >= 2),
            ["<pad>", "<unk>"] + sorted(s for s, n in shapes.items() if n >= 2))


def embedding_matrix(wv, words) -> np.ndarray:
    mat = np.zeros((len(words), wv.vector_size), dtype=np.float32)
    for i, w in enumerate(words[2:], start=2):
        mat[i] = wv[w]
    mat /= np.linalg.norm(mat, axis=1, keepdims=True) + 1e-8  # cosine geometry, unit scale for the LSTM
    return mat


def encode(encoder: lstm_ner.TokenEncoder, sents):
    """Per sentence: (word ids, stem ids, char ids, cluster ids, shape ids, token flags, context flags, tags)."""
    out = []
    for s in sents:
        toks = [w for w, _ in s]
        enc = [encoder.token(t) for t in toks]
        cids = lstm_ner.char_matrix([e[2] for e in enc])
        ctx = encoder.context_flags([e[6] for e in enc], [e[7] for e in enc])
        out.append((np.array([e[0] for e in enc]), np.array([e[1] for e in enc]), cids,
                    np.array([e[3] for e in enc]), np.array([e[4] for e in enc]),
                    np.stack([e[5] for e in enc]), ctx, np.array([ner.TAGS.index(t) for _, t in s])))
    return out


def jackknife_encode(base: ner.FeatureExtractor, external, sents, folds: int, vocab):
    return [e for block, ex in T.jackknife_extractors(base, external, sents, folds)
            for e in encode(lstm_ner.TokenEncoder(ex, *vocab, CLUSTER_LEVELS), block)]


def batch(items):
    import torch

    B, L = len(items), max(len(it[0]) for it in items)
    W = max(it[2].shape[1] for it in items)
    nf, nc, ncl = items[0][5].shape[1], items[0][6].shape[1], items[0][3].shape[1]
    wid, sid, shape, tags = (np.zeros((B, L), dtype=np.int64) for _ in range(4))
    cids = np.zeros((B, L, W), dtype=np.int64)
    clids = np.zeros((B, L, ncl), dtype=np.int64)
    flags = np.zeros((B, L, nf), dtype=np.float32)
    ctx = np.zeros((B, L, nc), dtype=np.float32)
    for b, it in enumerate(items):
        n = len(it[0])
        wid[b, :n], sid[b, :n], shape[b, :n], tags[b, :n] = it[0], it[1], it[4], it[7]
        cids[b, :n, :it[2].shape[1]] = it[2]
        clids[b, :n] = it[3]
        flags[b, :n] = it[5]
        ctx[b, :n] = it[6]
    lengths = torch.tensor([len(it[0]) for it in items])
    mask = torch.arange(L)[None] < lengths[:, None]
    t = torch.from_numpy
    return t(wid), t(sid), t(cids), t(clids), t(shape), t(flags), t(ctx), t(tags), lengths, mask


def predict(net, data, batch_size: int = 64):
    import torch

    net.eval()
    trans, start, end = (p.detach().numpy().astype(np.float64) for p in (net.transitions, net.start, net.end))
    out = []
    with torch.inference_mode():
        for lo in range(0, len(data), batch_size):
            items = data[lo:lo + batch_size]
            wid, sid, cids, clids, shape, flags, ctx, _, lengths, _ = batch(items)
            em = net.emissions(net.token_vectors(wid, sid, cids, clids, shape, flags), ctx, lengths)
            em = em.numpy().astype(np.float64)
            flat = np.concatenate([em[b, :n] for b, n in enumerate(lengths.tolist())])
            for path in ner.viterbi_decode(flat, lengths.numpy(), trans, start, end):
                out.append(ner.repair_bio([ner.TAGS[k] for k in path]))
    return out


def train(data, emb, vocab, cluster_sizes, epochs: int, dev=None, dev_gold=None, seed: int = 1,
          batch_size: int = 16, lr: float = 1e-3, word_dropout: float = 0.0, tune_words: bool = False,
          network: dict | None = None, keep_last: bool = False, average_from: int = 0):
    """Train; with *dev*, score every epoch and keep the best state (the last with *keep_last*). Returns
    (net, epochs kept, dev scores).

    With *average_from*, the network returned is the mean of its weights after each epoch from that one on
    (stochastic weight averaging): one epoch's dev score moves by a point or two from the next, the mean
    of many does not, and it costs nothing at inference. Then every epoch is run and none is chosen on dev."""
    import torch
    from torch.optim.swa_utils import AveragedModel

    torch.manual_seed(seed)
    rng = random.Random(seed)
    net = build(vocab, cluster_sizes, network or NETWORK)
    net.words.weight.data.copy_(torch.from_numpy(emb))
    net.words.weight.requires_grad_(tune_words)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=lr)
    # batches of similar length: less padding, so the CRF's loops run shorter
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    best = (-1.0, 0, None)
    history = []
    averaged = None
    for ep in range(1, epochs + 1):
        t0 = time.time()
        net.train()
        rng.shuffle(batches)
        total = 0.0
        for b in batches:
            wid, sid, cids, clids, shape, flags, ctx, tags, lengths, mask = batch([data[i] for i in b])
            if word_dropout:  # some known words look unknown, as many will on new text
                drop = torch.rand(wid.shape) < word_dropout
                wid = wid.masked_fill(drop & (wid > 0), 1)
                sid = sid.masked_fill(drop & (sid > 0), 1)
            em = net.emissions(net.token_vectors(wid, sid, cids, clids, shape, flags), ctx, lengths)
            loss = net.nll(em, tags, mask)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        msg = f"seed {seed}, epoch {ep}: loss {total / len(batches):.3f} ({time.time() - t0:.0f}s)"
        if average_from and ep >= average_from:
            if averaged is None:
                averaged = AveragedModel(net, use_buffers=True)
            averaged.update_parameters(net)
            if dev is not None:
                f1 = T.evaluate(dev_gold, predict(averaged.module, dev))["micro"][2]
                history.append(f1)
                msg += f" dev F1 of the mean from epoch {average_from}: {f1:.4f}"
        elif dev is not None:
            f1 = T.evaluate(dev_gold, predict(net, dev))["micro"][2]
            history.append(f1)
            msg += f" dev F1 {f1:.4f}"
            if f1 > best[0]:
                best = (f1, ep, {k: v.clone() for k, v in net.state_dict().items()})
        log(msg)
    if averaged is not None:
        return averaged.module, epochs, history
    if dev is not None and not keep_last:
        net.load_state_dict(best[2])
        return net, best[1], history
    return net, epochs, history


def build(vocab, cluster_sizes, network: dict):
    return lstm_ner.build_network(len(vocab[0]), len(vocab[1]), len(vocab[2]), cluster_sizes, **network)


def save(nets, vocab, path: Path, network: dict | None = None, ensemble_crf_weight: float = 1.0) -> None:
    """One model file for one or more networks trained from different seeds: the frozen word vectors,
    the same in all of them, are stored once (half precision)."""
    import torch

    states = [net.state_dict() for net in nets]
    words = states[0]["words.weight"]
    if any(not torch.equal(st["words.weight"], words) for st in states[1:]):
        raise ValueError("the networks of one model file must share their (frozen) word vectors")
    cfg = {"words": vocab[0], "chars": vocab[1], "shapes": vocab[2], "cluster_levels": list(CLUSTER_LEVELS),
           "network": network or NETWORK, "ensemble_crf_weight": ensemble_crf_weight,
           "gaz_types": list(lstm_ner.GAZ_TYPES)}
    torch.save({"config": cfg, "word_vectors": words.half(),
                "states": [{k: v for k, v in st.items() if k != "words.weight"} for st in states]}, path)
    log(f"model: {path}, {len(nets)} network(s) ({path.stat().st_size / 1e6:.1f} MB)")


CRF_WEIGHTS = (0.5, 0.75, 1.0)


def ensemble_report(dev_lstm: Path, dev_crf: Path | None, extractor, dev_s) -> float | None:
    """Dev scores of the LSTM alone and, with the dev CRF, of the ensemble at each CRF weight; returns the
    best weight (None without a dev CRF)."""
    gold = [[t for _, t in s] for s in dev_s]
    toks = [[w for w, _ in s] for s in dev_s]
    lstm = lstm_ner.LstmNerTagger(dev_lstm, extractor=extractor, threads=None)
    taggers = [("lstm", lstm)]
    if dev_crf is not None:
        crf = ner.CrfNerTagger(dev_crf, extractor=extractor)
        taggers += [(f"ensemble crf_weight={w}", lstm_ner.EnsembleNerTagger(crf, lstm, w)) for w in CRF_WEIGHTS]
    best = (-1.0, None)
    for name, tagger in taggers:
        raw = T.evaluate(gold, tagger.tag_batch(toks, consistency=False))
        cons = T.evaluate(gold, tagger.tag_batch(toks))
        log(f"dev {name}: micro F1 {raw['micro'][2]:.4f}, with document consistency {cons['micro'][2]:.4f}")
        if name != "lstm" and cons["micro"][2] > best[0]:
            best = (cons["micro"][2], tagger.crf_weight)
            best_scores = (raw, cons)
    if best[1] is not None:
        log(f"best ensemble (crf_weight={best[1]}), sentence by sentence:\n" + T.format_scores(best_scores[0]))
        log("with document consistency:\n" + T.format_scores(best_scores[1]))
    return best[1]


def main(argv=None) -> int:
    import torch

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev-only", action="store_true")
    ap.add_argument("--epochs", type=int, default=30, help="most epochs of the dev run")
    ap.add_argument("--vectors", type=Path, default=Path("build/ner_vectors.kv"),
                    help="word2vec cache (trained when missing)")
    ap.add_argument("--vectors-from", type=Path, default=None, metavar="MODEL.pt",
                    help="take the word vectors stored in this model file instead (for example to add a seed to "
                         "a shipped model: word2vec with two threads is not reproducible, so new vectors would "
                         "be a new draw)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS),
                    help="one network per seed, all in the model file (their scores are summed)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (1: bit-reproducible runs)")
    ap.add_argument("--model-out", type=Path, default=lstm_ner.DEFAULT_LSTM_MODEL_PATH)
    ap.add_argument("--dev-model-out", type=Path, default=Path("build/ner_lstm_dev.pt"))
    ap.add_argument("--dev-crf", type=Path, default=Path("build/ner_crf_dev.crfsuite"),
                    help="the CRF trained on the same 90%% (train_ner.py --dev-model-out), for the ensemble's dev score")
    ap.add_argument("--word-dropout", type=float, default=0.0)
    ap.add_argument("--tune-words", action="store_true")
    ap.add_argument("--hidden", type=int, default=NETWORK["hidden"])
    ap.add_argument("--dropout", type=float, default=NETWORK["dropout"])
    ap.add_argument("--keep-last", action="store_true",
                    help="keep the last epoch, not the best on dev: a dev score free of the epoch choice")
    ap.add_argument("--average-from", type=int, default=AVERAGE_FROM,
                    help="the model is the mean of the weights from this epoch on (0: no averaging, keep the "
                         "best epoch on dev)")
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    network = dict(NETWORK, hidden=args.hidden, dropout=args.dropout)

    sents = T.load_anercorp()
    train_s, dev_s = T.split_dev(sents)
    if args.vectors_from:
        wv = vectors_of_model(args.vectors_from)
    elif args.vectors.exists():
        from gensim.models import KeyedVectors
        wv = KeyedVectors.load(str(args.vectors))
    else:
        args.vectors.parent.mkdir(parents=True, exist_ok=True)
        wv = train_vectors(train_s + T.load_aqmar(), args.vectors)
    clusters, counts, names = ner.load_clusters(T.MODELS / ner.CLUSTERS_FILENAME)
    base = ner.FeatureExtractor(clusters, counts, {}, names)
    external = T.external_gazetteer()

    vocab = vocabularies(wv, train_s, counts)
    emb = embedding_matrix(wv, vocab[0])
    probe = lstm_ner.TokenEncoder(base, *vocab, CLUSTER_LEVELS)
    sizes = probe.cluster_sizes()
    t0 = time.time()
    tr = jackknife_encode(base, external, train_s, args.folds, vocab)
    dev_ex = T.held_out_extractor(train_s, clusters, counts, names, external)
    dv = encode(lstm_ner.TokenEncoder(dev_ex, *vocab, CLUSTER_LEVELS), dev_s)
    dev_gold = [[t for _, t in s] for s in dev_s]
    log(f"encoded {len(tr)} train / {len(dv)} dev sentences, {len(vocab[0])} words ({time.time() - t0:.0f}s)")

    opts = {"word_dropout": args.word_dropout, "tune_words": args.tune_words, "network": network,
            "keep_last": args.keep_last, "average_from": args.average_from}
    which = f"weights averaged from epoch {args.average_from}" if args.average_from else \
        "the last epoch" if args.keep_last else "the best epoch"
    runs = train_seeds(tr, emb, vocab, sizes, [args.epochs] * len(args.seeds), args.seeds, args.threads,
                       dv, dev_gold, **opts)
    for seed, (net, epochs, _) in zip(args.seeds, runs, strict=True):
        scores = T.evaluate(dev_gold, predict(net, dv))
        log(f"dev, seed {seed} ({epochs} epochs, {which}), sentence by sentence:\n" + T.format_scores(scores))
    args.dev_model_out.parent.mkdir(parents=True, exist_ok=True)
    save([net for net, _, _ in runs], vocab, args.dev_model_out, network)
    weight = ensemble_report(args.dev_model_out, args.dev_crf if args.dev_crf.exists() else None, dev_ex, dev_s)
    if args.dev_only:
        return 0

    vocab = vocabularies(wv, sents, counts)
    emb = embedding_matrix(wv, vocab[0])
    data = jackknife_encode(base, external, sents, args.folds, vocab)
    final = train_seeds(data, emb, vocab, sizes, [epochs for _, epochs, _ in runs], args.seeds, args.threads, **opts)
    save([net for net, _, _ in final], vocab, args.model_out, network, ensemble_crf_weight=weight or 1.0)
    return 0


def _train_seed(job):
    import torch

    threads, args, kwargs = job
    torch.set_num_threads(threads)
    net, epochs, history = train(*args, **kwargs)
    return net.state_dict(), epochs, history


def train_seeds(data, emb, vocab, cluster_sizes, epochs: list[int], seeds: list[int], threads: int = 1, dev=None,
                dev_gold=None, **opts) -> list[tuple]:
    """:func:`train` once per seed, the seeds in parallel processes (each run is single-threaded, so
    bit-reproducible); ``(net, epochs, dev history)`` per seed."""
    jobs = [(threads, (data, emb, vocab, cluster_sizes, n, dev, dev_gold, seed), opts)
            for n, seed in zip(epochs, seeds, strict=True)]
    if len(jobs) == 1:  # in this process, with the thread count its caller set
        _, args, kwargs = jobs[0]
        net, n, history = train(*args, **kwargs)
        return [(net.eval(), n, history)]
    with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
        results = list(pool.map(_train_seed, jobs))
    runs = []
    for state, n, history in results:
        net = build(vocab, cluster_sizes, opts.get("network") or NETWORK)
        net.load_state_dict(state)
        runs.append((net.eval(), n, history))
    return runs


if __name__ == "__main__":
    raise SystemExit(main())
