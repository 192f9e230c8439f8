"""A deterministic generator of realistic raw Arabic news corpora, for the benchmark and tests.

    python bench/corpus.py N OUT_DIR [--seed S]

writes ``OUT_DIR/seeds/NNNNN-<outlet>-<topic>.txt`` (N articles), ``OUT_DIR/site.yaml`` (the
gazetteer, outlets, topics and event the texts use), copies the project's ``templates/`` and
``content/``, and writes ``OUT_DIR/truth.jsonl`` (what each file carries: title, outlet,
agency, author, date, reprint…), so that ``python build.py --root OUT_DIR`` builds.

Each article is made in two steps. A *story* is the text as its author or wire agency filed
it: topic, date, cast, dateline, paragraphs (``compose_story``). A *look* is how one outlet
printed it and how it reached us: header lines, byline, date line, captions, hard wrapping,
tatweel, PDF split words, boilerplate, encoding (``choose_look``, ``render``). A reprint is an
earlier wire story, lightly edited, in another outlet's look.

Deterministic: article k uses only ``random.Random`` streams seeded from (seed, k), never the
clock or hash randomisation, and never N, so a corpus of 1,000 is the prefix of one of 10,000.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

if __package__:
    from . import corpus_words as W
    from .corpus_print import Look, choose_look, encode, render, transform_text
    from .corpus_story import (EARLIER_DAY, EVENT_DAY, PEOPLE, Story, compose_story, reprint_source, reprinted,
                               stream, word_count)
else:  # run as a script: python bench/corpus.py
    import corpus_words as W
    from corpus_print import Look, choose_look, encode, render, transform_text
    from corpus_story import (EARLIER_DAY, EVENT_DAY, PEOPLE, Story, compose_story, reprint_source, reprinted,
                              stream, word_count)

PROJECT = Path(__file__).resolve().parent.parent
# The wire agencies' credits as the generator names them (generator/extract/sources.py).
AGENCY_NAMES = {"أ ف ب": "وكالة الصحافة الفرنسية", "رويترز": "رويترز", "د ب أ": "الوكالة الألمانية للأنباء",
                "واس": "وكالة الأنباء السعودية"}
ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@dataclass(frozen=True, slots=True)
class Generated:
    name: str
    data: bytes
    truth: dict


# --- one article ----------------------------------------------------------------------------

def file_name(k: int, story: Story, look: Look) -> str:
    source = look.outlet[5] if look.outlet else next((a[3] for a in W.AGENCIES if a[0] == story.agency), "web")
    return f"{k:05d}-{source}-{story.topic}.txt"


@functools.lru_cache(maxsize=256)  # a reprint's original is looked up again for its file name
def story_and_look(seed: int, k: int) -> tuple[Story, Look, int | None]:
    source = reprint_source(seed, k)
    if source is None:
        story = compose_story(seed, k)
        return story, choose_look(stream(seed, k, "look"), story), None
    original, original_look, _ = story_and_look(seed, source)
    story = reprinted(original, stream(seed, k, "edit"))
    avoid = original_look.outlet[0] if original_look.outlet else ""
    return story, choose_look(stream(seed, k, "look"), story, avoid), source


def article(seed: int, k: int) -> Generated:
    """Article k of the corpus of ``seed``: its file name, bytes and what it carries."""
    story, look, source = story_and_look(seed, k)
    text, split = render(story, look, stream(seed, k, "render"))
    data, encoding = encode(text, look)
    name = file_name(k, story, look)
    source_name = file_name(source, *story_and_look(seed, source)[:2]) if source is not None else None
    return Generated(name, data, truth_of(name, story, look, encoding, source_name, split))


def _printed_date(day: dt.date, line: str) -> str | None:
    """The publication date at the precision the date line gives: "2023-03-21" or "2023-03"."""
    if not line:
        return None
    return day.isoformat() if re.search(rf"(?<!\d){day.day} ", line.translate(ASCII_DIGITS)) else day.strftime("%Y-%m")


def truth_of(name: str, story: Story, look: Look, encoding: str, source_name: str | None, split: int) -> dict:
    """What extraction should find in the file, as the look printed it."""
    def shown(text: str) -> str | None:
        return transform_text(text, look) if text else None

    printed_date = look.date_line or (look.byline if "|" in look.byline else "")
    outlet = look.outlet[0] if look.outlet and look.outlet_mode else None
    return {
        "file": name, "kind": story.kind, "style": story.style, "profile": look.profile, "topic": story.topic,
        "title": shown(look.headline), "kicker": look.english_title or shown(look.kicker), "deck": shown(look.deck),
        "section": shown(look.section), "author": story.author[0] if look.byline else None,
        "dateline": story.city or None, "agency": AGENCY_NAMES.get(story.agency),
        "outlet": outlet, "date": _printed_date(story.date, printed_date),
        "reprint_of": source_name, "wrapped": bool(look.wrap), "tatweel": look.tatweel,
        "split_words": split, "captions": bool(look.top_caption or look.body_captions),
        "pull_quote": look.pull_quote is not None, "encoding": encoding,
        "words": sum(word_count(p) for p in story.paragraphs),
    }


# --- site.yaml ---------------------------------------------------------------------------

def site_config() -> dict:
    """The configuration for the corpus: the same gazetteer, outlets and topics the texts use."""
    entities = [{"name": p.name, "type": "person", "role": p.role, "name_en": p.name_en,
                 **({"aliases": [p.alias]} if p.alias else {})} for p in PEOPLE]
    entities += [{"name": name, "type": "organization", "name_en": name_en, **({"aliases": list(al)} if al else {})}
                 for name, name_en, al in W.ORGANIZATIONS]
    entities += [{"name": name, "type": "place", **({"aliases": list(al)} if al else {})}
                 for name, al in W.EXTRA_PLACES]
    return {
        "title": "موجز: زيارة الحديثي إلى أنقرة (مدونة اصطناعية)",
        "description": "مدونة أخبار عربية اصطناعية لقياس أداء المولّد: زيارة رئيس الوزراء العراقي إلى أنقرة وأخبار المنطقة.",
        "language": "ar",
        "locale": "ar_IQ",
        "event": {
            "name": W.EVENT["name"], "date": EVENT_DAY, "place": W.EVENT["place"],
            "participants": list(W.EVENT["participants"]), "summary": W.EVENT["summary"],
            "context": [{"name": W.EVENT["context_name"], "date": EARLIER_DAY.strftime("%Y-%m")}],
        },
        "entities": entities,
        "sources": [{"name": name, "name_en": name_en, **({"aliases": list(al)} if al else {})}
                    for name, name_en, al, *_ in W.OUTLETS],
        "topics": [{"id": tid, "label": t["label"], "keywords": list(t["keywords"])} for tid, t in W.TOPICS.items()],
    }


def site_yaml() -> str:
    header = ("# A synthetic corpus, written by bench/corpus.py: every person and outlet is invented.\n"
              "# Regenerate rather than edit.\n")
    return header + yaml.safe_dump(site_config(), allow_unicode=True, sort_keys=False, width=120)


# --- writing ----------------------------------------------------------------------------

SEED_NAME_RE = re.compile(r"^\d{5}-[a-z]+-[a-z]+\.txt$")
PARALLEL_FROM = 1000  # below this, starting worker processes costs more than it saves
CHUNK = 250


def _write_articles(seed: int, ks: range, seeds: Path) -> list[str]:
    """Write articles ``ks`` into ``seeds``; their truth records as JSON lines, in order."""
    lines = []
    for k in ks:
        generated = article(seed, k)
        (seeds / generated.name).write_bytes(generated.data)
        lines.append(json.dumps(generated.truth, ensure_ascii=False, sort_keys=True) + "\n")
    return lines


def write_corpus(n: int, out: Path, seed: int = 0, *, jobs: int | None = None) -> None:
    """Write an ``n``-article corpus project into ``out`` (created if needed), ready for
    ``python build.py --root out``. Seed files a previous run left there are replaced.

    ``jobs`` processes share the work (default: every core from PARALLEL_FROM articles). Each
    article depends only on (seed, k), so the files are the same however the work is split."""
    out = Path(out).resolve()
    if out == PROJECT or PROJECT.is_relative_to(out):
        raise ValueError(f"refusing to write a corpus over the project itself: {out}")
    seeds = out / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for old in seeds.iterdir():
        if SEED_NAME_RE.match(old.name):
            old.unlink()
    chunks = [range(start, min(start + CHUNK, n)) for start in range(0, n, CHUNK)]
    jobs = jobs if jobs is not None else (os.cpu_count() or 1) if n >= PARALLEL_FROM else 1
    if jobs <= 1 or len(chunks) == 1:
        batches = [_write_articles(seed, ks, seeds) for ks in chunks]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            batches = list(pool.map(_write_articles, [seed] * len(chunks), chunks, [seeds] * len(chunks)))
    (out / "truth.jsonl").write_text("".join(line for batch in batches for line in batch), encoding="utf-8")
    (out / "site.yaml").write_text(site_yaml(), encoding="utf-8")
    for part in ("templates", "content"):
        if (out / part).exists():
            shutil.rmtree(out / part)
        shutil.copytree(PROJECT / part, out / part)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="project folder to write (seeds/, site.yaml, templates/, content/)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores from 1000 articles)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.n > 99_999:
        parser.error("N must be between 1 and 99999")
    started = time.perf_counter()
    write_corpus(args.n, args.out, args.seed, jobs=args.jobs)
    print(f"wrote {args.n} articles to {args.out} in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
