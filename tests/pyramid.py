"""The briefing scored against the facts a human briefing must state (the pyramid method of
multi-document summarization), read from a corpus's ``facts.yaml``.

Each fact lists, for every article that states it, a short excerpt copied from that article's
text. An excerpt finds its paragraph in the built ``data/articles.json``, so the labels survive
changes to paragraph numbering. A fact's weight is the number of *stories* stating it: reprints
of one wire story count once.

* **stated**: a takeaway, or the first statement of a topic section, shows one of the fact's
  excerpts (its text holds the excerpt, or the excerpt holds its text);
* **links**: for a stated fact, the share of its stories the stating statement cites (its own
  citation and "also reported in") at a paragraph the fact lists;
* **link precision**: of the "also reported in" links of statements stating a fact, the share
  on a paragraph the fact lists (a lower bound: labels list the clearest paragraphs);
* **hanging**: statements (takeaways and topic statements) that open leaning on a sentence the
  reader does not see, or inside a sentence of their paragraph;
* **repeats**: statements shown twice in the briefing (takeaways and topic statements);
* **timeline contradictions**: timeline entries citing a paragraph of a dated fact under
  another date, and one happening shown twice.

Run it on a built site: ``python tests/pyramid.py OUTPUT_DIR FACTS_YAML`` prints the table and
every excerpt that finds no paragraph.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare_text import key  # noqa: E402
from generator.text.arabic import matching_key  # noqa: E402

# What an editor reads as leaning on the sentence before: a reference back ("ذات"، "هذا"), a
# subject met earlier ("من جهته"، "المتحدث"), or a reporting verb with no subject of its own
# ("وأضاف أن …", "وأشار المتحدث"); "وقال رئيس الحكومة عزيز أخنوش إن …" stands alone.
LEANING = ("ذات", "وذات", "نفس", "هذا", "هذه", "ذلك", "تلك", "وهذا", "وهذه", "وذلك", "وتلك", "هو", "هي", "وهو", "وهي",
           "هم", "وهم", "بدوره", "بدورها", "من جهته", "من جهتها", "من جانبه", "من جانبها", "المتحدث", "وفي هذا")
REPORTING_VERBS = ("وأضاف", "وأضافت", "وأشار", "وأشارت", "وتابع", "وتابعت", "وأوضح", "وأوضحت", "وأكد", "وأكدت", "وقال",
                   "وقالت", "وتوقع", "وتوقعت", "ولفت", "ولفتت", "وشدد", "وشددت", "واعتبر", "واعتبرت", "ورأى", "وختم",
                   "واستطرد", "وبين", "وبينت", "وأردف", "وذكر", "وذكرت", "ونقل", "ونقلت")
NO_SUBJECT = ("ان", "انه", "انها", "انهم", "ان", "المتحدث", "المسؤول", "المصدر", "الوزير", "ذات", "نفس", "في", "على",
              "بان", "انه", "لـ", "ل", "قائلا", "قائلة", "ايضا")
LEANING_KEYS = tuple(" ".join(matching_key(o).split()) for o in LEANING)
VERB_KEYS = frozenset(matching_key(v) for v in REPORTING_VERBS)
NO_SUBJECT_KEYS = frozenset(matching_key(w) for w in NO_SUBJECT)


@dataclass(frozen=True)
class Fact:
    id: str
    fact: str
    paragraphs: dict[str, frozenset[str]]  # story (first slug of its reprint group) → paragraph ids
    excerpts: tuple[str, ...]  # keyed
    date: str | None  # ISO day of a dated happening


@dataclass(frozen=True)
class Score:
    facts: int
    major: int  # facts of 3 or more stories
    major_stated: int
    multi: int  # facts of 2 or more stories
    multi_stated: int
    link_share: float  # averaged over stated multi-story facts
    link_precision: float  # of the "also reported in" links of statements stating a fact, on a paragraph it lists
    hanging: tuple[str, ...]
    repeats: tuple[str, ...]
    contradictions: tuple[str, ...]
    missed: tuple[str, ...]  # ids of major facts not stated
    unresolved: tuple[str, ...]  # excerpts that found no paragraph


def load_facts(facts_file: Path, output: Path) -> tuple[list[Fact], list[str]]:
    articles = json.loads((output / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    by_file = {a["source_file"]: a for a in articles}
    facts, unresolved = [], []
    for item in yaml.safe_load(facts_file.read_text(encoding="utf-8"))["facts"]:
        paragraphs: dict[str, set[str]] = {}
        excerpts = []
        for source_file, given in item["in"].items():
            article = by_file.get(source_file)
            for excerpt in [given] if isinstance(given, str) else given:
                found = _paragraph_with(article, excerpt) if article else None
                if found is None:
                    unresolved.append(f"{item['id']}: {source_file}: {excerpt}")
                    continue
                story = article.get("reprint_of") or article["slug"]
                paragraphs.setdefault(story, set()).add(found)
                excerpts.append(key(excerpt))
        facts.append(Fact(item["id"], item["fact"], {s: frozenset(p) for s, p in paragraphs.items()},
                          tuple(excerpts), str(item["date"]) if item.get("date") else None))
    return facts, unresolved


def _paragraph_with(article: dict, excerpt: str) -> str | None:
    wanted = key(excerpt)
    return next((p["id"] for p in article["paragraphs"] if wanted in key(p["text"])), None)


def score(output: Path, facts_file: Path) -> Score:
    facts, unresolved = load_facts(facts_file, output)
    articles = json.loads((output / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    story_of = {a["slug"]: a.get("reprint_of") or a["slug"] for a in articles}
    paragraphs = {(a["slug"], p["id"]): p["text"] for a in articles for p in a["paragraphs"]}
    briefing = json.loads((output / "data" / "briefing.json").read_text(encoding="utf-8"))
    takeaways = briefing["takeaways"]
    leads = [t["statements"][0] for t in briefing["topics"] if t.get("statements")]
    shown = takeaways + leads
    major = [f for f in facts if len(f.paragraphs) >= 3]
    multi = [f for f in facts if len(f.paragraphs) >= 2]
    stating = {f.id: [s for s in shown if _states(s, f)] for f in facts}
    shares = [_linked_share(f, stating[f.id], story_of) for f in multi if stating[f.id]]
    return Score(
        facts=len(facts), major=len(major), major_stated=sum(1 for f in major if stating[f.id]),
        multi=len(multi), multi_stated=len(shares), link_share=sum(shares) / len(shares) if shares else 0.0,
        link_precision=_link_precision(facts, shown, story_of),
        hanging=tuple(s["text"] for s in takeaways + [s for t in briefing["topics"] for s in t.get("statements", ())]
                      if opens_hanging(s["text"]) or opens_mid_sentence(s, paragraphs)),
        repeats=_repeats(briefing), contradictions=_contradictions(briefing, facts, story_of),
        missed=tuple(f.id for f in major if not stating[f.id]), unresolved=tuple(unresolved),
    )


def _states(statement: dict, fact: Fact) -> bool:
    text = key(statement["text"])
    return any(e in text or (len(text.split()) >= 5 and text in e) for e in fact.excerpts)


def _linked_share(fact: Fact, statements: list[dict], story_of: dict[str, str]) -> float:
    linked = set()
    for s in statements:
        for c in (s["citation"], *s.get("also", ())):
            story = story_of.get(c["slug"], c["slug"])
            if c["paragraph"] in fact.paragraphs.get(story, ()):
                linked.add(story)
    return len(linked) / len(fact.paragraphs)


def _link_precision(facts: list[Fact], shown: list[dict], story_of: dict[str, str]) -> float:
    """Of the "also reported in" links of the statements that state a labelled fact, the share
    landing on a paragraph labelled with that fact: how far "reported in" can be trusted (a link
    to a paragraph stating the fact unlabelled counts against it, so this is a lower bound)."""
    links = landed = 0
    for s in shown:
        stated = [f for f in facts if _states(s, f)]
        for c in s.get("also", ()) if stated else ():
            story = story_of.get(c["slug"], c["slug"])
            links += 1
            landed += any(c["paragraph"] in f.paragraphs.get(story, ()) for f in stated)
    return landed / links if links else 1.0


def opens_mid_sentence(statement: dict, paragraphs: dict[tuple[str, str], str]) -> bool:
    """Does the statement start inside a sentence of its paragraph (a later piece of it)? What
    comes before it in the paragraph must end a sentence, a quotation or a dateline."""
    text = paragraphs.get((statement["citation"]["slug"], statement["citation"]["paragraph"]), "")
    at = text.find(statement["text"])
    before = text[:at].rstrip() if at > 0 else ""
    return bool(before) and before[-1] not in ".!?؟…:\"»”)-–—"


def opens_hanging(text: str) -> bool:
    words = key(text).split()
    if any(words[:len(o.split())] == o.split() for o in LEANING_KEYS):
        return True
    if words and words[0] in VERB_KEYS:
        after = text.split()[1] if len(text.split()) > 1 else ""
        return len(words) < 2 or words[1] in NO_SUBJECT_KEYS or after[:1] in "\"“«:'"
    return False


def _repeats(briefing: dict) -> tuple[str, ...]:
    seen, repeated = set(), []
    for s in briefing["takeaways"] + [s for t in briefing["topics"] for s in t.get("statements", ())]:
        k = key(s["text"])
        if k in seen:
            repeated.append(s["text"])
        seen.add(k)
    return tuple(repeated)


def _contradictions(briefing: dict, facts: list[Fact], story_of: dict[str, str]) -> tuple[str, ...]:
    out, dated = [], {}
    for entry in briefing["timeline"]:
        c = entry["citation"]
        story = story_of.get(c["slug"], c["slug"])
        day = entry.get("iso")
        for f in facts:
            if f.date and c["paragraph"] in f.paragraphs.get(story, ()) and _mentions_fact(entry["text"], f):
                if day and day != f.date:
                    out.append(f"{f.id}: shown on {day}, happened on {f.date} ({c['slug']} {c['paragraph']})")
                dated.setdefault(f.id, set()).add(day)
    out += [f"{fid}: shown on {len(days)} dates" for fid, days in dated.items() if len(days) > 1]
    return tuple(out)


def _mentions_fact(text: str, fact: Fact) -> bool:
    words = set(key(text).split())
    return any(len(words & set(e.split())) >= max(2, len(e.split()) // 2) for e in fact.excerpts)


def table(name: str, s: Score) -> str:
    rows = [
        ("facts labelled", f"{s.facts}"),
        ("facts of 3+ stories stated (takeaway or topic lead)", f"{s.major_stated} of {s.major}"),
        ("facts of 2+ stories stated", f"{s.multi_stated} of {s.multi}"),
        ("stories linked, per stated multi-story fact", f"{100 * s.link_share:.0f} %"),
        ("'also reported in' links on a paragraph of the fact", f"{100 * s.link_precision:.0f} %"),
        ("statements opening hanging", f"{len(s.hanging)}"),
        ("statements repeated", f"{len(s.repeats)}"),
        ("timeline contradictions", f"{len(s.contradictions)}"),
    ]
    lines = [f"briefing of {name}:"] + [f"  {label:52} {value}" for label, value in rows]
    lines += [f"  missed: {m}" for m in s.missed] + [f"  hanging: {h[:80]}" for h in s.hanging]
    lines += [f"  repeated: {r[:80]}" for r in s.repeats] + [f"  timeline: {c}" for c in s.contradictions]
    lines += [f"  excerpt not found: {u}" for u in s.unresolved]
    return "\n".join(lines)


if __name__ == "__main__":
    out, facts_path = Path(sys.argv[1]), Path(sys.argv[2])
    print(table(facts_path.parent.name, score(out, facts_path)))
