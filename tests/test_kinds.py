"""The learned kind model of troop facts (`pipelines/nlp/kinds.py`), its training and its place in the pipeline."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from pipelines.nlp.facts import extract_facts, fact_kind_features
from pipelines.nlp.kinds import KINDS, MODEL_PATH, KindModel, load_kind_model
from pipelines.nlp.normalize import tokenize

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))


def test_kind_model_shipped_file_loads_and_keeps_clear_kinds():
    model = load_kind_model("shipped")
    assert model is load_kind_model(str(MODEL_PATH))
    assert set(model.classes) == set(KINDS) and len(model.weights) > 1000 and 0.5 <= model.min_confidence < 1
    cases = {
        "وأرسلت فرنسا نحو 500 جندي إضافي إلى مالي الأسبوع الماضي.": "deployment",
        "وانسحب نحو 300 جندي فرنسي من قاعدة نيامي في النيجر.": "withdrawal",
        "ويبلغ تعداد الجيش المصري نحو 440 ألف جندي في الخدمة العاملة.": "strength",
        "ويتمركز نحو 2000 جندي أمريكي في قواعد شمال شرق سوريا.": "presence",
    }
    for sentence, kind in cases.items():
        [f] = extract_facts(sentence, kind_model=model)
        assert f.kind == kind, sentence
    # a count whose kind follows the one before ("ونحو 2000 آخرين") keeps the kind the model gave that one
    facts = extract_facts("ونشرت فرنسا 3000 جندي في مالي، ونحو 2000 آخرين في النيجر.", kind_model=model)
    assert [(f.count, f.kind) for f in facts] == [(3000, "deployment"), (2000, "deployment")]
    assert [f.kind_follows for f in facts] == [False, True] and "kind_follows" not in facts[1].to_dict()


def test_kind_model_overrules_the_rules_only_where_it_is_sure():
    # one feature that points to "strength" with a weight that gives p = e^2 / (e^2 + 3) ≈ 0.71
    model = KindModel(KINDS, (0.0, 0.0, 0.0, 0.0), {"word": (0.0, 0.0, 2.0, 0.0)}, min_confidence=0.6)
    assert abs(model.scores({"word": 1.0})["strength"] - 0.711) < 0.001
    assert model.decide({"word": 1.0}, "presence") == "strength"
    assert model.decide({}, "presence") == "presence"  # all four at 0.25: the rules' kind stands
    unsure = KindModel(KINDS, (0.0, 0.0, 0.0, 0.0), {"word": (0.0, 0.0, 2.0, 0.0)}, min_confidence=0.8)
    assert unsure.decide({"word": 1.0}, "presence") == "presence"
    # the same model round-trips through its JSON
    assert KindModel.from_json(json.loads(json.dumps(model.to_json()))) == model


def test_kind_model_reads_the_words_around_the_count_and_the_rules_kind():
    sentence = "وقالت الوزارة إن نحو 3500 جندي أرسلتهم واشنطن إلى العراق."
    [f] = extract_facts(sentence, kind_model=None)
    feats = fact_kind_features(f, tokenize(sentence))
    assert feats["rule=" + f.kind] == 1.0 and feats["magnitude=3"] == 1.0 and feats["location=True"] == 1.0
    # the evidence runs to the place; the words before it, in it and after it are apart
    assert f.evidence == "نحو 3500 جندي أرسلتهم واشنطن إلى العراق"
    assert {"L4:ان", "L:قالت", "I:جندي", "I:ارسلتهم", "R4:."} <= set(feats) and "R4:ارسلتهم" not in feats
    # a cue word of the rules' lexicon gives its kind, whatever form of the verb is used
    assert f"cueI:deployment|rule={f.kind}" in feats
    sentence = "وقالت الوزارة إن نحو 3500 جندي أمريكي في العراق وصلوا أمس."
    [f] = extract_facts(sentence, kind_model=None)
    feats = fact_kind_features(f, tokenize(sentence))
    assert f.evidence == "نحو 3500 جندي أمريكي في العراق"
    assert {"R4:وصلوا", "R:امس"} <= set(feats) and feats["cueR:deployment"] == 1.0
    assert f"cueR4:deployment|rule={f.kind}" in feats


def test_kind_model_is_off_by_default_and_a_broken_or_missing_file_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv("TROOPWATCH_KIND_MODEL", raising=False)
    assert load_kind_model() is None  # the rules' kinds, unless a model is asked for
    monkeypatch.setenv("TROOPWATCH_KIND_MODEL", "shipped")
    assert load_kind_model() is load_kind_model("shipped")
    bad = tmp_path / "kinds.json"
    bad.write_text('{"classes": ["deployment", "sent"], "intercept": [0, 0], "weights": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(str(bad))):
        load_kind_model(str(bad))
    with pytest.raises(ValueError, match="missing.json: cannot load the kind model"):
        load_kind_model(str(tmp_path / "missing.json"))
    monkeypatch.setenv("TROOPWATCH_KIND_MODEL", "rules")
    sentence = "وتنتشر القوات الروسية في سوريا، وتملك روسيا هناك نحو 4 آلاف جندي."
    assert extract_facts(sentence)[0].kind == extract_facts(sentence, kind_model=None)[0].kind


def test_kind_model_retrained_in_place_is_read_again(tmp_path):
    path = tmp_path / "kind_model.json"
    KindModel(KINDS, (0.0, 0.0, 0.0, 0.0), {}, min_confidence=0.6).save(path)
    assert load_kind_model(str(path)).min_confidence == 0.6
    KindModel(KINDS, (0.0, 0.0, 0.0, 0.0), {"word": (1.0, 0.0, 0.0, 0.0)}, min_confidence=0.75).save(path)
    assert load_kind_model(str(path)).min_confidence == 0.75


def test_kind_model_of_two_kinds_gives_scikit_learns_probabilities():
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from pipelines.nlp.kinds import fit_kind_model

    feats = [{"a": 1.0}, {"a": 1.0, "b": 1.0}, {"b": 1.0}, {"c": 1.0}, {"a": 1.0, "c": 1.0}, {"b": 1.0, "c": 1.0}]
    kinds = ["presence", "presence", "deployment", "deployment", "presence", "deployment"]
    model = fit_kind_model(feats, kinds)
    vec = DictVectorizer()
    lr = LogisticRegression(C=1.0, max_iter=5000).fit(vec.fit_transform(feats), kinds)
    for x, p in zip(feats, lr.predict_proba(vec.transform(feats)), strict=True):
        assert abs(model.scores(x)["presence"] - p[list(lr.classes_).index("presence")]) < 1e-3


def test_kind_model_a_mistyped_file_stops_a_run_before_it_starts(tmp_path, capsys):
    from pipelines.cli import main

    assert main(["run", "--kind-model", str(tmp_path / "kind_modle.json"), "--warehouse", str(tmp_path / "wh")]) == 2
    assert "kind_modle.json: cannot load the kind model" in capsys.readouterr().err
    assert not (tmp_path / "wh" / "troopwatch.duckdb").exists()


def test_kind_model_every_held_out_set_has_the_kinds_its_unseen_rules_gave():
    from rule_kinds_unseen import FIRST_SCORED_ON, OUT

    sets = {int(p.name.rsplit("_", 1)[1]) for p in (REPO / "data" / "eval").glob("other_outlets_*")}
    assert sets == set(FIRST_SCORED_ON)
    rows = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines()]
    assert {r["set"] for r in rows} == sets
    assert all(r["rule_kind"] in KINDS and r["gold_kind"] in KINDS for r in rows)


def test_kind_model_trained_here_beats_the_unseen_rules_and_drives_the_pipeline(gold_dir, tmp_path, monkeypatch):
    import train_kind_model

    out = tmp_path / "kind_model.json"
    sets = ["12", "13", "14", "15", "16", "17"]
    assert train_kind_model.main(["--gold-dir", str(gold_dir), "--sets", *sets, "--out", str(out)]) == 0
    data = train_kind_model.examples(gold_dir, [int(s) for s in sets])
    pooled = train_kind_model.crossval(data, [int(s) for s in sets], 1.0, 0.6)
    # left out one set at a time, the model reads kinds better than the rules did before they saw each set
    assert pooled["facts"] > 400 and pooled["model_where_sure"] > pooled["unseen_rules"] + 0.03
    trained = load_kind_model(str(out))
    assert trained.classes == tuple(sorted(KINDS)) and trained.min_confidence == 0.6
    # the pipeline's stage takes a model by its file, and its output says which kind it gave
    import pyarrow as pa

    from pipelines.stages import troop_facts_batch

    text = "ويتمركز نحو 2000 جندي أمريكي في قواعد شمال شرق سوريا."
    docs = pa.table({"doc_id": ["d"], "text": [text], "published_at": pa.array([None], pa.timestamp("us"))})
    sentences = pa.table({"doc_id": ["d"], "sentence_id": [0], "start_char": [0], "text": [text]})
    [row] = troop_facts_batch(docs, sentences, str(out)).to_pylist()
    assert row["kind"] == trained.decide(
        fact_kind_features(extract_facts(text, kind_model=None)[0], tokenize(text)), "presence")
    assert troop_facts_batch(docs, sentences).column("kind").to_pylist() == ["presence"]  # the rules', by default
    monkeypatch.setenv("TROOPWATCH_KIND_MODEL", str(tmp_path / "missing.json"))
    with pytest.raises(ValueError, match="missing.json"):
        troop_facts_batch(docs, sentences)
