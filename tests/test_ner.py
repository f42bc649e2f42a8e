"""Tests for pipelines.nlp.ner (CRF tagger, tokenizer, CoNLL I/O, camel backend)."""

from __future__ import annotations

import importlib.util
import io
import itertools
import sys
from pathlib import Path

import pytest

from pipelines.nlp import ner

from .conftest import bio_entities

VALID_TAGS = set(ner.TAGS)


@pytest.fixture(scope="module")
def crf_tagger():
    if not ner.DEFAULT_MODEL_PATH.exists():
        pytest.fail(f"committed NER model missing: {ner.DEFAULT_MODEL_PATH}")
    return ner.CrfNerTagger.load()


# ------------------------------------------------------------------ (a) ----

def test_crf_tags_obvious_entities(crf_tagger):
    text = "قال الرئيس الأمريكي جورج بوش في واشنطن إن الولايات المتحدة ستدعم العراق ."
    tokens = ner.tokenize(text)
    tags = crf_tagger.tag(tokens)
    assert len(tags) == len(tokens)
    assert set(tags) <= VALID_TAGS
    ents = bio_entities(tokens, tags)
    assert ("PERS", "جورج بوش") in ents
    assert ("LOC", "واشنطن") in ents
    assert ("LOC", "العراق") in ents


def test_crf_tag_text_offsets_and_more_entities(crf_tagger):
    text = "وصل وزير الخارجية المصري أحمد أبو الغيط إلى القاهرة، حيث التقى بالأمين العام للأمم المتحدة."
    ents = crf_tagger.tag_text(text)
    for e in ents:
        assert text[e["start_char"]:e["end_char"]] == e["text"]
    labels = {(e["label"], e["text"]) for e in ents}
    assert ("LOC", "القاهرة") in labels
    assert any(lab == "PERS" and "أبو الغيط" in surf for lab, surf in labels)


def test_crf_tag_batch_and_edge_cases(crf_tagger):
    sents = [["ألمانيا"], [], ["في", "فرنسا", "."]]
    out = crf_tagger.tag_batch(sents)
    assert [len(t) for t in out] == [1, 0, 3]
    assert all(t in VALID_TAGS for ts in out for t in ts)
    assert out[2][1] == "B-LOC"


def test_numpy_decoder_gives_crfsuite_tags_on_real_sentences(crf_tagger):
    """The batch decoder (CrfScorer) is a reimplementation of crfsuite's Viterbi: same tags on real text."""
    from .conftest import SHARED

    path = SHARED / "data" / "ner" / "anercorp" / "train.txt"
    if not path.exists():
        pytest.skip("ANERcorp not available")
    sents = list(itertools.islice(ner.read_conll(path), 600))
    sents += [[t for t, _, _ in s] for s in ner.split_sentences(ner.tokenize_with_offsets(
        "وتنشر الولايات المتحدة نحو 2500 جندي في العراق و900 في سورية المجاورة. وقال وزير الدفاع لويد أوستن إن"
        " قوات التحالف الدولي ستبقى في قاعدة عين الأسد."))]
    reference = [crf_tagger.tag_crfsuite(s) for s in sents]
    unbiased = ner.CrfScorer(crf_tagger._tagger, crf_tagger.extractor)
    fast = [ner.repair_bio(t) for t in unbiased.decode(sents)]
    assert fast == reference
    assert sum(t != "O" for ts in fast for t in ts) > 500  # real entities were compared, not just O's
    # a small memo: the less used half is evicted between batches (or all of it, when a batch needs the room)
    small = ner.CrfScorer(crf_tagger._tagger, crf_tagger.extractor, capacity=400)
    tagged = [t for k in range(0, 600, 10) for t in small.decode(sents[k:k + 10])]
    assert [ner.repair_bio(t) for t in tagged] == reference[:600]
    assert len(small._index) <= 400


def test_consistency_stays_inside_each_document(crf_tagger):
    sents = [ner.tokenize("وصل الرئيس جاك شيراك إلى باريس ."), ner.tokenize("وقال شيراك إن المحادثات مفيدة .")]
    one_doc = crf_tagger.tag_batch(sents)
    two_docs = crf_tagger.tag_batch(sents, documents=[1, 1])
    assert two_docs == [crf_tagger.tag(s) for s in sents]
    assert len(one_doc) == 2
    with pytest.raises(ValueError):
        crf_tagger.tag_batch(sents, documents=[1])


# --------------------------------------------------------------- helpers ----

def test_repair_bio_and_entities_from_tags():
    assert ner.repair_bio(["O", "I-LOC", "I-LOC", "B-PER", "I-ORG", "I-MIS1"]) == [
        "O", "B-LOC", "I-LOC", "B-PERS", "B-ORG", "B-MISC"]
    text = "زار بان كي مون نيويورك"
    toks = ner.tokenize_with_offsets(text)
    ents = ner.entities_from_tags(toks, ["O", "B-PERS", "I-PERS", "I-PERS", "B-LOC"])
    assert ents == [
        {"start_char": 4, "end_char": 14, "text": "بان كي مون", "label": "PERS"},
        {"start_char": 15, "end_char": 22, "text": "نيويورك", "label": "LOC"},
    ]
    # without the text, the surface is rebuilt from offsets
    assert ner.entities_from_tags(toks, ["O", "B-PERS", "I-PERS", "I-PERS", "B-LOC"], None)[0]["text"] == "بان كي مون"


def test_token_features_window():
    feats = ner.token_features(["قال", "الرئيس", "جورج", "بوش", "."], 2)
    assert "w=جورج" in feats
    assert "-1:n=" + ner.normalize_ar("الرئيس") in feats and "1:n=بوش" in feats
    assert any(f.startswith("-2:") for f in feats) and any(f.startswith("2:") for f in feats)
    assert any(f.startswith("p2=") for f in feats) and any(f.startswith("x2=") for f in feats)
    assert any(f.startswith("k64=") for f in feats)  # committed word clusters
    assert ner.strip_clitics(ner.normalize_ar("وبالقاهرة")) == "قاهره"
    assert ner.normalize_ar("إِسْلامِيَّة") == "اسلاميه"


# ------------------------------------------------------------------ (b) ----

@pytest.mark.parametrize("text", [
    "قال الرئيس الأمريكي «جورج بوش»، اليوم: إن نسبة النمو بلغت 3.5% و1,000 دولار؛ هل هذا صحيح؟",
    "(د ب أ) - أعلنت وزارة الدفاع \"الأمريكية\" أن ١٫٥ مليون جندي... في العام 2006م ق.م. 'نعم'",
    "  مسافات   متعددة\tو\nأسطر جديدة  ",
    "",
])
def test_tokenize_offsets_round_trip(text):
    toks = ner.tokenize_with_offsets(text)
    for tok, start, end in toks:
        assert text[start:end] == tok
        assert tok.strip() == tok and tok
    assert [t for t, _, _ in toks] == ner.tokenize(text)
    # all non-space characters are covered exactly once
    assert "".join(t for t, _, _ in toks) == "".join(text.split())


def test_tokenize_splits_punctuation_keeps_numbers():
    toks = ner.tokenize("«مصر»، 3.5% و1,000 ١٫٥ (2006)؛ لماذا؟")
    assert toks == ["«", "مصر", "»", "،", "3.5%", "و1,000", "١٫٥", "(", "2006", ")", "؛", "لماذا", "؟"]


# ------------------------------------------------------------------ (c) ----

def test_tag_conll(tmp_path, crf_tagger):
    src = tmp_path / "in.conll"
    src.write_text(
        "قال O\nالرئيس O\nجورج B-PERS\nبوش I-PERS\n\n"
        "في\nفرنسا extra col\n.\n\n\n"
        "ألمانيا\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    n = ner.tag_conll(src, out, crf_tagger)
    lines = out.getvalue().split("\n")
    in_lines = src.read_text(encoding="utf-8").split("\n")
    assert n == 8
    assert len(lines) == len(in_lines)
    for li, lo in zip(in_lines, lines, strict=True):
        if not li.strip():
            assert lo == ""
        else:
            tok, tag = lo.split(" ")
            assert tok == li.split()[0]
            assert tag in VALID_TAGS
    assert lines[6] == "فرنسا B-LOC"


def test_tag_conll_reads_windows_files(tmp_path, crf_tagger):
    """A file saved by a Windows editor: byte-order mark, CRLF line ends, tab-separated gold column. The
    tokens come back bare and the blank lines stay blank."""
    src = tmp_path / "windows.conll"
    src.write_bytes("\ufeffفي\tO\r\nفرنسا\tB-LOC\r\n\r\nألمانيا\tB-LOC\r\n".encode())
    out = io.StringIO()
    assert ner.tag_conll(src, out, crf_tagger) == 3
    lines = out.getvalue().split("\n")
    assert [ln.split(" ")[0] for ln in lines] == ["في", "فرنسا", "", "ألمانيا", ""]
    assert lines[1] == "فرنسا B-LOC"


# ------------------------------------------------------------------ (d) ----

CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]


@pytest.mark.skipif(importlib.util.find_spec("transformers") is None, reason="transformers not installed")
def test_camel_backend_with_tiny_bert(tmp_path, monkeypatch):
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    # camel_tools.data loads $CAMELTOOLS_DATA/catalogue.json at import and
    # downloads it when missing: give it an empty local catalogue.
    data_dir = tmp_path / "camel_data"
    data_dir.mkdir()
    (data_dir / "catalogue.json").write_text('{"version": "1.6", "packages": {}, "components": {}}')
    monkeypatch.setenv("CAMELTOOLS_DATA", str(data_dir))

    tokens = ["قال", "الرئيس", "جورج", "بوش", "في", "واشنطن", "."]
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *tokens, "##ون", "ال"]
    model_dir = tmp_path / "tiny-bert-ner"
    model_dir.mkdir()
    vocab_file = model_dir / "vocab.txt"
    vocab_file.write_text("\n".join(vocab) + "\n", encoding="utf-8")

    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=37, max_position_embeddings=512, num_labels=len(CAMEL_LABELS),
        id2label=dict(enumerate(CAMEL_LABELS)), label2id={lab: i for i, lab in enumerate(CAMEL_LABELS)},
    )
    BertForTokenClassification(config).save_pretrained(model_dir)
    BertTokenizer(vocab_file=str(vocab_file), do_lower_case=False).save_pretrained(model_dir)

    tagger = ner.CamelBertNerTagger(model_path=tmp_path / "tiny-bert-ner")
    tags = tagger.tag(tokens)
    assert len(tags) == len(tokens)
    assert set(tags) <= VALID_TAGS
    # unknown words, an empty batch member and a long sentence
    batch = tagger.tag_batch([["كلمة", "مجهولة"], [], tokens * 40])
    assert [len(t) for t in batch] == [2, 0, len(tokens) * 40]
    assert all(t in VALID_TAGS for ts in batch for t in ts)

    tagger2 = ner.load_ner_tagger("camel", model_path=str(model_dir))
    assert len(tagger2.tag(tokens)) == len(tokens)


def test_import_does_not_touch_camel_ner():
    # importing the module must not import camel_tools.ner / camel_tools.data
    # (the latter fetches a data catalogue over the network when it is missing)
    import os
    import subprocess
    from pathlib import Path

    root = Path(ner.__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]))
    code = "import sys, pipelines.nlp.ner; print('camel_tools.ner' in sys.modules, 'camel_tools.data' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root, env=env)
    assert out.stdout.split() == ["False", "False"]


def test_load_ner_tagger_rejects_unknown_backend():
    with pytest.raises(ValueError):
        ner.load_ner_tagger("spacy")


def test_label_bias_file_beside_the_model_shifts_decisions(tmp_path, crf_tagger):
    import json
    import shutil

    model = tmp_path / "ner_crf.crfsuite"
    shutil.copy(ner.DEFAULT_MODEL_PATH, model)
    sent = ner.tokenize("وقال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا في مقر المنظمة .")
    ner.label_bias_path(model).write_text(json.dumps({"ORG": 50.0}), encoding="utf-8")
    biased = ner.CrfNerTagger(model)
    assert biased.scorer.label_bias == {"ORG": 50.0}
    assert all(t.endswith("ORG") for t in biased.tag(sent))  # an overwhelming bias: every token is ORG
    ner.label_bias_path(model).write_text(json.dumps({"ORGS": 1.0}), encoding="utf-8")
    with pytest.raises(ValueError, match="ORGS"):
        ner.CrfNerTagger(model)
    ner.label_bias_path(model).unlink()
    assert ner.CrfNerTagger(model).tag(sent) == crf_tagger.tag_crfsuite(sent)  # no file: crfsuite's scores


def test_ner_tag_cli_names_the_file_when_it_cannot_read_it(tmp_path, capsys):
    from pipelines import cli

    bad = tmp_path / "latin1.conll"
    bad.write_bytes("قال\n".encode() + "caf\xe9\n".encode("latin-1"))
    assert cli.main(["ner", "tag", "--conll", str(bad), "--backend", "crf"]) == 2
    assert f"{bad}: not UTF-8 text" in capsys.readouterr().err
    assert cli.main(["ner", "tag", "--conll", str(tmp_path / "missing.conll"), "--backend", "crf"]) == 2
    assert "missing.conll: No such file" in capsys.readouterr().err


def test_ner_tag_cli_reads_standard_input(tmp_path):
    """`--conll -` reads the tokens from a pipe: the same lines come out as from the file."""
    import subprocess

    src = tmp_path / "in.conll"
    src.write_text("قال\tO\nالرئيس\tO\nالفرنسي\tO\n\nفي\tO\nباريس\tB-LOC\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "pipelines.cli", "ner", "tag", "--backend", "crf", "--conll"]
    root = Path(__file__).resolve().parents[1]
    from_file = subprocess.run([*cmd, str(src)], capture_output=True, text=True, check=True, cwd=root)
    from_pipe = subprocess.run([*cmd, "-"], input=src.read_text(encoding="utf-8"), capture_output=True,
                               text=True, check=True, cwd=root)
    assert from_pipe.stdout == from_file.stdout
    assert from_pipe.stdout.split("\n")[:6] == ["قال O", "الرئيس O", "الفرنسي O", "", "في O", "باريس B-LOC"]


def test_document_batches_take_whole_documents_up_to_the_sentence_budget():
    sizes = [3, 1500, 600, 10, 2000, 5]
    batches = ner.document_batches(sizes, 2000)
    assert batches == [(0, 3), (3, 5), (5, 6)]
    assert [i for lo, hi in batches for i in range(lo, hi)] == list(range(len(sizes)))
    assert all(sum(sizes[lo:hi]) >= 2000 for lo, hi in batches[:-1])
    assert ner.document_batches([], 2000) == []
    assert ner.document_batches([2000], 2000) == [(0, 1)]
