"""`troopwatch report`: one self-contained HTML page of what the warehouse knows.

Charts are drawn by matplotlib as inline SVG with glyphs as paths (no fonts, scripts or files to fetch).
Arabic labels must be shaped and laid out right to left: matplotlib 3.11+ does both itself (complex text
layout); older versions get them from arabic-reshaper and python-bidi. Every scraped string is
HTML-escaped: an article containing `<script>` shows it as text.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections import defaultdict
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from arabic_reshaper import reshape  # noqa: E402
from bidi.algorithm import get_display  # noqa: E402

plt.rcParams["svg.fonttype"] = "path"
plt.rcParams["font.family"] = "DejaVu Sans"


_NATIVE_CTL = tuple(int(x) for x in matplotlib.__version__.split(".")[:2]) >= (3, 11)


def shape(text: str) -> str:
    """Arabic as matplotlib must be given it: as is where it shapes text itself, else pre-shaped and in
    visual order."""
    if _NATIVE_CTL or not any("\u0600" <= c <= "\u06ff" for c in text):
        return text
    return get_display(reshape(text))


def levels_png_data_uri(facts: list[dict], names: dict[str, str]) -> str:
    """The troop-levels chart as a PNG data URI (Dagster's UI shows it inside Markdown metadata)."""
    import base64

    svg_fig = _levels_figure(facts, names)
    buf = io.BytesIO()
    svg_fig.savefig(buf, format="png", dpi=80, bbox_inches="tight")
    plt.close(svg_fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _number(count, low, high) -> float | None:
    if count is not None:
        return float(count)
    if low is not None and high is not None:
        return (low + high) / 2
    return float(low if low is not None else high) if (low is not None or high is not None) else None


def _label(count, low, high, approx) -> str:
    if count is not None:
        return f"{'≈' if approx else ''}{count:,}"
    return f"{'' if low is None else f'{low:,}'}..{'' if high is None else f'{high:,}'}"


def levels_chart(facts: list[dict], names: dict[str, str]) -> str:
    return _svg(_levels_figure(facts, names))


def _levels_figure(facts: list[dict], names: dict[str, str]):
    series: dict[str, list[tuple]] = defaultdict(list)
    for f in facts:
        if f["actor"] and f["location"] and f.get("status") != "planned":  # levels reported, not plans
            series[(f["actor"], f["location"])].append(f)
    top = sorted(series, key=lambda k: -len(series[k]))[:8]
    fig, ax = plt.subplots(figsize=(9, 4.2))
    dated = [f for k in top for f in series[k] if f["published_at"]]
    if dated:
        for key in top:
            pts = sorted((f["published_at"], _number(f["count"], f["low"], f["high"])) for f in series[key]
                         if f["published_at"])
            if pts:
                ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o",
                        label=shape(f"{key[0]}→{key[1]} ({names.get(key[0], key[0])} ← {names.get(key[1], key[1])})"))
        ax.set_xlabel("publication date")
        ax.legend(fontsize=8, loc="best")
    else:
        labels, values = [], []
        for key in top:
            best = max(series[key], key=lambda f: _number(f["count"], f["low"], f["high"]) or 0)
            labels.append(shape(f"{key[0]}→{key[1]}  {names.get(key[1], key[1])}"))
            values.append(_number(best["count"], best["low"], best["high"]) or 0)
        ax.barh(labels[::-1], values[::-1], color="#4a6fa5")
        ax.set_xlabel("highest reported number (undated articles)")
    ax.set_ylabel("reported personnel")
    ax.set_title("Reported troop levels by actor and location")
    ax.grid(alpha=0.3)
    return fig


def entities_chart(rows: list[tuple]) -> str:
    fig, ax = plt.subplots(figsize=(9, 4.2))
    labels = [shape(r[1] or r[0]) for r in rows][::-1]
    ax.barh(labels, [r[2] for r in rows][::-1], color="#8a5a44")
    ax.set_title("Most-mentioned entities")
    ax.set_xlabel("mentions")
    return _svg(fig)


def _highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The article text escaped, with each fact's evidence wrapped in <mark id=...>."""
    out, pos = [], 0
    for start, end, anchor in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark id="{anchor}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>\n")


def build_report(db: Path) -> str:
    con = duckdb.connect(str(db), read_only=True)
    cols = ["fact_id", "doc_id", "actor", "location", "count", "low", "high", "approximate", "kind", "status", "evidence",
            "start_char", "end_char", "confidence", "published_at", "source", "time_text"]
    facts = [dict(zip(cols, r, strict=True)) for r in con.execute(
        f"select {', '.join(cols)} from troop_facts order by published_at nulls last, fact_id").fetchall()]
    names = dict(con.execute("select id, name_ar from entity_catalog").fetchall())
    ent_rows = con.execute("""select canonical_id, canonical_name, mentions from entity_mentions
                              order by mentions desc, canonical_id limit 15""").fetchall()
    where = con.execute("""select actor, location, count(*) as facts, count(distinct story_id) as stories,
                                  max(coalesce(count, high, low)) as highest
                           from troop_facts where actor is not null group by all order by actor, facts desc""").fetchall()
    docs = {d: (t, txt) for d, t, txt in con.execute(
        "select doc_id, title, text from documents where doc_id in (select doc_id from troop_facts)").fetchall()}
    counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("documents", "sentences", "entities", "troop_facts")}
    con.close()

    spans: dict[str, list] = defaultdict(list)
    fact_rows = []
    for f in facts:
        anchor = f"fact-{f['fact_id']}"
        spans[f["doc_id"]].append((f["start_char"], f["end_char"], anchor))
        fact_rows.append(
            "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
                f["actor"] or "", f["location"] or "", _label(f["count"], f["low"], f["high"], f["approximate"]),
                f["kind"], f["status"], f["time_text"] or "", f["source"] or "",
                f["published_at"].date() if isinstance(f["published_at"], dt.datetime) else "",
                f"{f['confidence']:.2f}"))
            + f'<td dir="rtl"><a href="#{anchor}">{html.escape(f["evidence"])}</a></td></tr>')
    where_rows = "".join(
        f"<tr><td>{html.escape(a)}</td><td>{html.escape(loc or '')}</td><td dir='rtl'>{html.escape(names.get(loc, '') if loc else '')}</td>"
        f"<td>{n}</td><td>{s}</td><td>{'' if h is None else f'{h:,}'}</td></tr>" for a, loc, n, s, h in where)
    articles = "".join(
        f'<article id="doc-{html.escape(d)}"><h3 dir="rtl">{html.escape(t or d)}</h3>'
        f'<p dir="rtl">{_highlight(txt, spans[d])}</p></article>' for d, (t, txt) in docs.items())
    summary = " · ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in counts.items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>troopwatch report</title>
<style>
body {{ font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }}
mark {{ background: #ffe08a; }} article {{ border-top: 2px solid #ccc; margin-top: 1.5em; }}
.chart svg {{ max-width: 100%; height: auto; }}
</style></head><body>
<h1>troopwatch report</h1>
<p>{summary}</p>
<h2>Reported troop levels</h2><div class="chart" id="levels-chart">{levels_chart(facts, names)}</div>
<h2>Where each actor's troops are reported</h2>
<table><tr><th>actor</th><th>location</th><th>name</th><th>facts</th><th>stories</th><th>highest reported</th></tr>
{where_rows}</table>
<h2>Most-mentioned entities</h2><div class="chart" id="entities-chart">{entities_chart(ent_rows) if ent_rows else ''}</div>
<h2>Troop facts</h2>
<table><tr><th>actor</th><th>location</th><th>number</th><th>kind</th><th>status</th><th>time</th><th>source</th>
<th>published</th><th>confidence</th><th>evidence</th></tr>{''.join(fact_rows)}</table>
<h2>Articles with their evidence highlighted</h2>
{articles}
</body></html>
"""


def write_report(db: Path, out: Path) -> Path:
    out.write_text(build_report(db), encoding="utf-8")
    return out
