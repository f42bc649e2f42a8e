"""Tests for the BiLSTM-CRF tagger and the CRF + BiLSTM-CRF ensemble (pipelines.nlp.lstm_ner)."""

from __future__ import annotations

import importlib
import io
import sys

import numpy as np
import pytest

from pipelines.nlp import lstm_ner, ner

from .conftest import REPO, SHARED, bio_entities

ANERCORP = SHARED / "data" / "ner" / "anercorp" / "train.txt"
VALID_TAGS = set(ner.TAGS)


@pytest.fixture(scope="module")
def ensemble():
    if not lstm_ner.DEFAULT_LSTM_MODEL_PATH.exists():
        pytest.fail(f"committed NER model missing: {lstm_ner.DEFAULT_LSTM_MODEL_PATH}")
    return ner.load_ner_tagger()


def _training_script(name: str):
    """A module of scripts/ (the training code), imported."""
    if str(REPO / "scripts") not in sys.path:
        sys.path.insert(0, str(REPO / "scripts"))
    return importlib.import_module(name)


def _anercorp(n: int) -> list[list[tuple[str, str]]]:
    if not ANERCORP.exists():
        pytest.skip("ANERcorp not available")
    return _training_script("train_ner").load_anercorp(ANERCORP)[:n]


def test_default_backend_is_the_ensemble_and_finds_entities(ensemble):
    assert isinstance(ensemble, lstm_ner.EnsembleNerTagger)
    tokens = ner.tokenize("قال الرئيس الأمريكي جورج بوش في واشنطن إن الولايات المتحدة ستدعم العراق .")
    ents = bio_entities(tokens, ensemble.tag(tokens))
    assert {("PERS", "جورج بوش"), ("LOC", "واشنطن"), ("LOC", "العراق")} <= ents
    text = "وصل وزير الخارجية المصري أحمد أبو الغيط إلى القاهرة، حيث التقى بالأمين العام للأمم المتحدة."
    found = ensemble.tag_text(text)
    assert all(text[e["start_char"]:e["end_char"]] == e["text"] for e in found)
    assert ("LOC", "القاهرة") in {(e["label"], e["text"]) for e in found}


def _fast_and_reference_scores(tagger: lstm_ner.LstmNerTagger, sents):
    """The tagger's scores of *sents* (in batches of 50), and the sum of its networks' own `nn.LSTM` scores."""
    import torch

    fast = np.concatenate([tagger.emissions(sents[k:k + 50])[0] for k in range(0, len(sents), 50)])
    d, ref = tagger.nets[0].token_dim, []
    for s in sents:
        tagger._add(s)
        rows = [tagger._row[t] for t in s]
        ctx = torch.from_numpy(tagger.encoder.context_flags([tagger._norm[r] for r in rows],
                                                            [tagger._stem[r] for r in rows])[None])
        vecs = torch.from_numpy(tagger._vecs[rows][None].astype(np.float32))
        with torch.inference_mode():
            em = sum(net.emissions(vecs[..., k * d:(k + 1) * d], ctx, torch.tensor([len(s)]))
                     for k, net in enumerate(tagger.nets))
        ref.append(em.numpy()[0])
    return fast, np.concatenate(ref)


def test_fast_recurrence_equals_torch_lstm_on_real_sentences(ensemble):
    """`LstmNerTagger.emissions` runs the LSTMs by hand (memoised input projections, packed steps, every
    network of the file); it must give the sum of the networks' own `nn.LSTM` scores on real sentences,
    with a memo small enough to refill."""
    sents = [[w for w, _ in s] for s in _anercorp(300)]
    small = lstm_ner.LstmNerTagger(extractor=ensemble.crf.extractor, capacity=2000, recurrent_dtype="float32")
    fast, ref = _fast_and_reference_scores(small, sents)
    assert len(small._row) <= 2000
    assert np.abs(fast - ref).max() < 1e-3


def test_bfloat16_products_keep_the_scores_and_the_tags(ensemble):
    """The bfloat16 products (the default where the CPU has them) must stay close to float32: scores within
    a few hundredths, and the same tags on real sentences."""
    sents = [[w for w, _ in s] for s in _anercorp(300)]
    exact = lstm_ner.LstmNerTagger(extractor=ensemble.crf.extractor, recurrent_dtype="float32")
    fast = lstm_ner.LstmNerTagger(extractor=ensemble.crf.extractor, recurrent_dtype="bfloat16")
    diff = np.abs(exact.emissions(sents)[0] - fast.emissions(sents)[0])
    assert diff.max() < 0.1 and diff.mean() < 0.01
    a, b = exact.tag_batch(sents), fast.tag_batch(sents)
    assert sum(x != y for s, t in zip(a, b, strict=True) for x, y in zip(s, t, strict=True)) <= 2
    with pytest.raises(ValueError, match="recurrent_dtype"):
        lstm_ner.LstmNerTagger(extractor=ensemble.crf.extractor, recurrent_dtype="float16")


def test_ensemble_agrees_with_gold_on_training_sentences(ensemble):
    """The shipped models were trained on all of train.txt: on its first sentences the ensemble must be
    close to the gold tags (a loading or label-order mistake would ruin this)."""
    train_ner = _training_script("train_ner")
    sents = _anercorp(200)
    pred = ensemble.tag_batch([[w for w, _ in s] for s in sents], consistency=False)
    assert train_ner.evaluate([[t for _, t in s] for s in sents], pred)["micro"][2] > 0.9


def test_consistency_stays_inside_each_document(ensemble):
    sents = [ner.tokenize("وصل الرئيس جاك شيراك إلى باريس ."), ner.tokenize("وقال شيراك إن المحادثات مفيدة .")]
    assert ensemble.tag_batch(sents, documents=[1, 1]) == [ensemble.tag(s) for s in sents]
    assert [len(t) for t in ensemble.tag_batch([["ألمانيا"], [], ["في", "فرنسا", "."]])] == [1, 0, 3]
    with pytest.raises(ValueError):
        ensemble.tag_batch(sents, documents=[1])


def test_tag_conll_with_the_default_model(tmp_path, ensemble):
    src = tmp_path / "in.conll"
    src.write_text("قال O\nالرئيس O\nجورج B-PERS\nبوش I-PERS\n\nفي\nفرنسا extra col\n.\n", encoding="utf-8")
    out = io.StringIO()
    assert ner.tag_conll(src, out, ensemble) == 7
    lines = [ln for ln in out.getvalue().split("\n") if ln]
    assert [ln.split(" ")[0] for ln in lines] == [ln.split()[0] for ln in src.read_text().split("\n") if ln]
    assert all(ln.split(" ")[1] in VALID_TAGS for ln in lines)
    assert "فرنسا B-LOC" in lines


def _tiny_training_setup(n_sentences: int):
    """The training script, and what it trains a tiny network on: the first ANERcorp sentences encoded with
    8-dimensional random word vectors, their vocabularies, cluster sizes, a small network's settings and
    the shipped CRF (for its extractor)."""
    from gensim.models import KeyedVectors

    tl = _training_script("train_ner_lstm")
    sents = _anercorp(n_sentences)
    words = sorted({ner.normalize_ar(w) for s in sents for w, _ in s})
    wv = KeyedVectors(vector_size=8)
    wv.add_vectors(words, np.random.default_rng(0).normal(size=(len(words), 8)).astype(np.float32))
    crf = ner.CrfNerTagger.load()
    base = ner.FeatureExtractor(crf.extractor.clusters, crf.extractor.counts, {}, crf.extractor.cluster_names)
    vocab = tl.vocabularies(wv, sents, base.counts)
    data = tl.jackknife_encode(base, tl.T.external_gazetteer(), sents, 2, vocab)
    sizes = lstm_ner.TokenEncoder(base, *vocab, tl.CLUSTER_LEVELS).cluster_sizes()
    network = dict(tl.NETWORK, word_dim=8, hidden=16, char_filters=8)
    return tl, sents, data, tl.embedding_matrix(wv, vocab[0]), vocab, sizes, network, crf


def test_training_script_trains_saves_and_loads_a_tiny_model(tmp_path):
    """The training code end to end on a few sentences: tiny word vectors, two epochs, two small networks
    (two seeds, trained in parallel); the saved file loads into `LstmNerTagger`, whose scores are the sum
    of the two networks', and, with the CRF, into the ensemble."""
    tl, sents, data, emb, vocab, sizes, network, crf = _tiny_training_setup(80)
    runs = tl.train_seeds(data, emb, vocab, sizes, [2, 2], [1, 2], network=network)
    path = tmp_path / "tiny.pt"
    tl.save([net for net, _, _ in runs], vocab, path, network=network, ensemble_crf_weight=0.5)

    tiny = lstm_ner.LstmNerTagger(path, extractor=crf.extractor, recurrent_dtype="float32")
    assert len(tiny.nets) == 2  # one per seed, in one file
    toks = [[w for w, _ in s] for s in sents[:20]]
    fast, ref = _fast_and_reference_scores(tiny, toks)
    assert np.abs(fast - ref).max() < 1e-4
    tags = tiny.tag_batch(toks)
    assert [len(t) for t in tags] == [len(s) for s in toks]
    assert all(t in VALID_TAGS for ts in tags for t in ts)
    both = lstm_ner.EnsembleNerTagger(crf, tiny, tiny.ensemble_crf_weight)
    assert both.crf_weight == 0.5
    assert [len(t) for t in both.tag_batch(toks)] == [len(s) for s in toks]

    # one seed trains in this process, and its network is returned as it is, ready to tag
    [(single, n, _)] = tl.train_seeds(data, emb, vocab, sizes, [1], [3], network=network)
    assert n == 1 and not single.training
    tl.save([single], vocab, tmp_path / "one.pt", network=network)
    assert len(lstm_ner.LstmNerTagger(tmp_path / "one.pt", extractor=crf.extractor).nets) == 1

    # `--vectors-from`: the file's vectors give back its vocabulary and (half-precision) embedding rows
    wv = tl.vectors_of_model(path)
    again = tl.vocabularies(wv, sents, crf.extractor.counts)
    assert again[0] == vocab[0]
    assert np.allclose(tl.embedding_matrix(wv, again[0]), emb, atol=2e-3)


def test_cross_validation_trains_and_scores_a_fold(tmp_path):
    """`make crossval-ner` on a small scale: one fold of 300 sentences, one epoch per network. Each model is
    scored on the same held-out entities, and the pooled F1 of several folds is the micro F1 of their sum."""
    cv = _training_script("crossval_ner")
    sents = _anercorp(300)  # the 150 training sentences hold every tag, as the ensemble needs
    wv = _training_script("train_ner_lstm").vectors_of_model(lstm_ner.DEFAULT_LSTM_MODEL_PATH)
    out = cv.score_fold(1, 2, sents, wv, ner.load_clusters(), tmp_path, epochs=1)
    gold = sum(len(cv.T.chunks([t for _, t in s])) for s in sents[150:])
    assert set(out) == {"crf", "lstm", "ensemble"}
    assert all(r["micro"][3] == gold and 0.0 <= r["micro"][2] <= 1.0 for r in out.values())
    assert out["crf"]["micro"][2] > 0.3  # a CRF trained on 150 sentences already finds the easy entities
    assert cv.pooled_f1([out["crf"]["micro"]]) == pytest.approx(out["crf"]["micro"][2])
    # --rescore: the kept models scored again give the same ensemble, for every subset of the networks
    again = cv.rescore_network_subsets(tmp_path, 2, sents, ner.load_clusters())
    assert len(again) == 1 and set(again[0]) == {"networks 1+2"}
    assert again[0]["networks 1+2"]["micro"] == out["ensemble"]["micro"]
    # two folds: 8 of 10 and 2 of 10 found, 10 and 5 predicted -> 10 of 20 gold, 10 of 15 predicted
    assert cv.pooled_f1([(0.8, 0.8, 0.8, 10), (0.4, 0.2, 0.2667, 10)]) == pytest.approx(2 * 10 / (15 + 20))


def test_weight_averaging_returns_the_mean_of_the_epochs_weights():
    """`--average-from k`: the network trained is the mean of its weights after epochs k..last (checked
    against separate runs stopped after each of those epochs; same seed, so the same trajectory)."""
    import torch

    tl, _, data, emb, vocab, sizes, network, _ = _tiny_training_setup(40)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # bit-identical trajectories across the runs
    try:
        after = [tl.train(data, emb, vocab, sizes, n, network=network)[0].state_dict() for n in (2, 3)]
        mean, epochs, _ = tl.train(data, emb, vocab, sizes, 3, network=network, average_from=2)
    finally:
        torch.set_num_threads(threads)
    assert epochs == 3
    got = mean.state_dict()
    assert not torch.equal(after[0]["lstm.weight_hh_l0"], after[1]["lstm.weight_hh_l0"])
    for name, value in got.items():
        assert torch.allclose(value, (after[0][name] + after[1][name]) / 2, atol=1e-6), name


def test_a_model_file_of_another_format_is_refused_with_its_name(tmp_path):
    import torch

    old = tmp_path / "one_network.pt"
    torch.save({"config": {}, "state": {}}, old)  # the format before a file could hold several networks
    with pytest.raises(ValueError, match="one_network.pt"):
        lstm_ner.LstmNerTagger(old)
    # a file whose networks read the gazetteer types of before the name lists (no list in its config)
    nine = tmp_path / "nine_types.pt"
    torch.save({"config": {"words": [], "chars": [], "shapes": [], "cluster_levels": [1], "network": {}},
                "word_vectors": torch.zeros(0), "states": []}, nine)
    with pytest.raises(ValueError, match="nine_types.pt: its networks read the gazetteer types"):
        lstm_ner.LstmNerTagger(nine)


def test_gazetteer_types_the_networks_do_not_read_leave_their_flags_as_they_were():
    """A gazetteer may hold types a network was not trained on (a newer list, read by a retrained CRF). A
    word whose own form is only under such a type still gets its stripped form's flags, and a word under
    both kinds keeps the flags of the types the network knows, the name lists' among them."""
    clusters, counts, names = ner.load_clusters()
    gaz = {"وسلمان": frozenset({"XPERS"}), "سلمان": frozenset({"TWPERS"}),
           "بغداد": frozenset({"LOC", "GLOC", "XLOC"}), "فرويد": frozenset({"NPERS"})}
    ex = ner.FeatureExtractor(clusters, counts, gaz, names)
    enc = lstm_ner.TokenEncoder(ex, ["<pad>", "<unk>"], ["<pad>", "<unk>"], ["<pad>", "<unk>"], (1,))
    assert ex.norm_stem("وسلمان") == ("وسلمان", "سلمان")
    flags = {t: enc.token(t)[5] for t in ("وسلمان", "بغداد", "فرويد", "قال")}
    known = {t: i for i, t in enumerate(lstm_ner.GAZ_TYPES)}
    assert np.flatnonzero(flags["وسلمان"][:len(known)]).tolist() == [known["TWPERS"]]
    assert np.flatnonzero(flags["بغداد"][:len(known)]).tolist() == sorted([known["LOC"], known["GLOC"]])
    assert np.flatnonzero(flags["فرويد"][:len(known)]).tolist() == [known["NPERS"]]
    assert not flags["قال"][:len(known)].any()


def test_external_gazetteer_adds_the_committed_name_lists_under_their_own_types():
    """`external_gazetteer()` reads the two committed lists (person-name words, GeoNames cities) as types of
    their own, next to the CLDR/ISO places, which keep theirs."""
    T = _training_script("train_ner")
    lists, places = T.external_gazetteer(), T.external_gazetteer(name_lists=False)
    assert {t for v in places.values() for t in v} == {"LOC"}
    assert all(lists[k] >= v for k, v in places.items())
    assert lists["بغداد"] == {"LOC", "GLOC"}  # a capital: in CLDR and in GeoNames
    assert lists["الموصل"] == {"GLOC"} and lists["فرويد"] == {"NPERS"}  # a city, a foreign surname
    assert "قال" not in lists and "في" not in lists
    assert sum("NPERS" in v for v in lists.values()) > 10_000 and sum("GLOC" in v for v in lists.values()) > 10_000
