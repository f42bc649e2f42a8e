"""troopwatch's Arabic NLP: a plain library (no orchestration imports) of batch functions.

cleaning (clean.py) → sentences (sentences.py) → quantities (numbers.py) → troop facts (facts.py), with
named entities (ner.py) linked to canonical ids by one gazetteer (gazetteer.py) shared with the facts.
"""
