"""Case files for the cleaner: one YAML file per layout, discovered automatically.

Each file in tests/cases/clean/ holds:
  input: the raw article text (written as the file would arrive)
  encoding: optional; the input is encoded with it and decoded by the real ingest code
  expect: any of
    headline, kicker, deck, section, byline, author, dateline, agency: exact text (or null)
    date: {year, month, day} as extracted (missing keys mean null)
    body_contains: [texts that must be inside one body paragraph each]
    body_count: number of body paragraphs
    headings: [section headings in order]
    captions: [caption texts]
    not_in_body: [texts that must not appear in any body paragraph]
    boilerplate_contains: [texts that must be in a boilerplate block]
    repaired: [words that a split-word repair must produce]
    removed_reasons: [substrings of removal reasons that must occur]
    no_repairs: true when the cleaner must not change any word
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.clean.cleaner import build_lexicon, clean
from generator.extract.article import extract
from generator.read.ingest import decode_bytes
from generator.model import RawDoc

CASES = sorted((Path(__file__).parent / "cases" / "clean").glob("*.yaml"))


def load_case(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_case(case: dict, name: str):
    data = case["input"].encode(case.get("encoding", "utf-8"))
    text, encoding, _ = decode_bytes(data)
    raw = RawDoc(source=name, data=data, text=text, encoding=encoding)
    doc = clean(raw, build_lexicon([text] + case.get("corpus", [])))
    return doc, extract(doc, raw, "case")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_clean_case(path):
    case = load_case(path)
    expect = case["expect"]
    doc, article = run_case(case, path.name)
    body = [b.text for b in doc.blocks if b.role == "body"]
    fields = {"headline": article.title if not article.title_derived else None, "kicker": article.kicker,
              "deck": article.subtitle, "section": article.section, "author": article.author,
              "dateline": article.dateline, "agency": article.agency.name if article.agency else None,
              "byline": next((b.text for b in doc.blocks if b.role == "byline"), None)}
    for key, value in fields.items():
        if key in expect:
            assert value == expect[key], f"{path.name}: {key}"
    if "date" in expect:
        got = {"year": article.date.year, "month": article.date.month, "day": article.date.day}
        assert got == {"year": None, "month": None, "day": None, **expect["date"]}, path.name
    for text in expect.get("body_contains", []):
        assert any(text in b for b in body), f"{path.name}: no body paragraph contains {text!r}"
    if "body_count" in expect:
        assert len(body) == expect["body_count"], f"{path.name}: body paragraphs {body}"
    if "headings" in expect:
        assert [b.text for b in doc.blocks if b.role == "heading"] == expect["headings"], path.name
    if "captions" in expect:
        assert [b.text for b in doc.blocks if b.role == "caption"] == expect["captions"], path.name
    for text in expect.get("not_in_body", []):
        assert not any(text in b for b in body), f"{path.name}: {text!r} is in the body"
    boiler = " ".join(b.text for b in doc.blocks if b.role == "boilerplate")
    for text in expect.get("boilerplate_contains", []):
        assert text in boiler, f"{path.name}: {text!r} not marked as boilerplate"
    repaired = [r.after for r in doc.repairs if r.reason.startswith("split word")]
    for word in expect.get("repaired", []):
        assert word in repaired, f"{path.name}: {word!r} not repaired ({repaired})"
    if expect.get("no_repairs"):
        assert repaired == [], f"{path.name}: unexpected repairs {repaired}"
    reasons = " | ".join(r.reason for r in doc.removed)
    for reason in expect.get("removed_reasons", []):
        assert reason in reasons, f"{path.name}: no removal for {reason!r} ({reasons})"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_clean_case_loses_nothing(path):
    """Every character of the case is in the cleaned text or in a recorded removal."""
    from test_cleaning import unaccounted

    case = load_case(path)
    doc, _ = run_case(case, path.name)
    text, _, _ = decode_bytes(case["input"].encode(case.get("encoding", "utf-8")))
    lost, invented = unaccounted(text, doc)
    assert not lost and not invented, (lost, invented)
