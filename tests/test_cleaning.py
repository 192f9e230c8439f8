"""The cleaner on the seeds (ground truth) and on arbitrary text (properties)."""
from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PROJECT, article_soup
from generator.text.arabic import ARABIC_LETTER_RE, TATWEEL, fold_presentation_forms
from generator.clean.cleaner import build_lexicon, clean
from generator.read.ingest import read_article
from generator.model import CleanDoc, RawDoc

SEED_FILES = sorted((PROJECT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, tuple[RawDoc, CleanDoc]]:
    raws = [read_article(p, p.name) for p in SEED_FILES]
    lexicon = build_lexicon(r.text for r in raws)
    return {r.source: (r, clean(r, lexicon)) for r in raws}


def visible(text: str) -> Counter:
    return Counter(c for c in text if not c.isspace())


def unaccounted(raw_text: str, doc: CleanDoc) -> tuple[Counter, Counter]:
    """(characters of the input found nowhere, characters of the output from nowhere)."""
    expected = visible(raw_text)
    for repair in doc.repairs:
        expected = expected - visible(repair.before) + visible(repair.after)
    for removal in doc.removed:
        expected = expected - visible(removal.text)
    got = visible("".join(b.text for b in doc.blocks))
    return expected - got, got - expected


def arabic_letters(raw_text: str, doc: CleanDoc) -> tuple[Counter, Counter]:
    """(Arabic letters kept or recorded as removed, those of the input but tatweel): equal
    when cleaning drops no letter silently."""
    kept = Counter(ARABIC_LETTER_RE.findall("".join(b.text for b in doc.blocks)))
    dropped = Counter(ARABIC_LETTER_RE.findall("".join(r.text for r in doc.removed)))
    return kept + dropped, Counter(ARABIC_LETTER_RE.findall(fold_presentation_forms(raw_text).replace(TATWEEL, "")))


def test_every_input_character_is_in_the_page_or_a_recorded_removal(seed_docs):
    for source, (raw, doc) in seed_docs.items():
        lost, invented = unaccounted(raw.text, doc)
        assert not lost and not invented, (source, lost, invented)


def test_tatweel_is_removed_and_counted(seed_docs, seed_truth):
    raw, doc = seed_docs["003_bc3bc2b255e04556.txt"]
    assert all(TATWEEL not in b.text for b in doc.blocks)
    counted = sum(len(r.text) for r in doc.removed if r.reason.startswith("tatweel"))
    assert counted == seed_truth["003_bc3bc2b255e04556.txt"]["extraction_artifacts"]["tatweel_chars"]


def test_split_words_are_rejoined(seed_docs, seed_truth):
    _, doc = seed_docs["003_bc3bc2b255e04556.txt"]
    text = " ".join(b.text for b in doc.blocks)
    words = set(text.replace("،", " ").replace(".", " ").split())
    for split in seed_truth["003_bc3bc2b255e04556.txt"]["extraction_artifacts"]["split_words"]:
        assert split["word"] in words, split
    assert text.count("زيارة") + text.count("الزيارة") >= 6
    for fragment in (" ز ", " الز ", " يارة "):
        assert fragment not in f" {text} ", fragment


def test_headline_of_the_pdf_article_is_whole(seed_docs, seed_truth):
    _, doc = seed_docs["003_bc3bc2b255e04556.txt"]
    (headline,) = [b.text for b in doc.blocks if b.role == "headline"]
    assert headline == seed_truth["003_bc3bc2b255e04556.txt"]["title"]


def test_pull_quote_appears_once_as_body(seed_docs, seed_truth):
    _, doc = seed_docs["003_bc3bc2b255e04556.txt"]
    quote = seed_truth["003_bc3bc2b255e04556.txt"]["extraction_artifacts"]["pull_quote_duplicate"]
    key = " ".join(quote.split()[1:5])  # "الولايات المتحدة أن/بأن …": the words both copies share
    body = [b.text for b in doc.blocks if b.role == "body"]
    assert sum(key.split()[0] in b and "التزامات مهمة وواسعة" in b for b in body) == 1


def test_three_heading_lines_of_002_are_not_body(seed_docs, seed_truth):
    _, doc = seed_docs["002_cc32e3e8c87c2fdc.txt"]
    roles = [b.role for b in doc.blocks]
    assert roles[:3] == ["kicker", "headline", "deck"]
    assert doc.blocks[2].text == seed_truth["002_cc32e3e8c87c2fdc.txt"]["subtitle"]
    assert doc.blocks[1].text in seed_truth["002_cc32e3e8c87c2fdc.txt"]["title"]["accept"]


def test_continuation_marker_is_kept_as_the_last_body_text(seed_docs, seed_truth):
    _, doc = seed_docs["001_563b2110fc4b1849.txt"]
    body = [b.text for b in doc.blocks if b.role == "body"]
    assert body[-1].rstrip(" .").endswith(seed_truth["001_563b2110fc4b1849.txt"]["ends_with_continuation_marker"])


def test_seed_artifacts_hold_on_the_built_pages(output, seed_truth):
    for source, truth in seed_truth.items():
        soup = article_soup(output, source)
        body = soup.select_one(".article__body").get_text()
        assert TATWEEL not in soup.select_one("article").get_text(), source
        for text in truth.get("must_not_appear_in_body", []):
            assert text not in body, (source, text)
    soup = article_soup(output, "004_51ad8dc9756e00e5.txt")
    caption = seed_truth["004_51ad8dc9756e00e5.txt"]["image_caption"]
    assert soup.get_text().count(caption) == 1 and caption not in soup.select_one(".article__body").get_text()


# --- properties over arbitrary text ------------------------------------------------------

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى" + "\u064b\u064e\u0651" + TATWEEL
TEXT = st.text(alphabet=st.sampled_from(ARABIC + "abcXYZ019٠٩ .,،؟:()-\n\n\u200f\ufe8d\ufefb"), max_size=600)


def doc_of(text: str) -> tuple[RawDoc, CleanDoc]:
    raw = RawDoc(source="x.txt", data=text.encode("utf-8"), text=text, encoding="utf-8")
    return raw, clean(raw, build_lexicon([text]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_cleaning_never_raises_and_accounts_for_every_character(text):
    _, doc = doc_of(text)
    lost, invented = unaccounted(text, doc)
    assert not lost and not invented


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_cleaning_keeps_every_arabic_letter_but_tatweel(text):
    _, doc = doc_of(text)
    found, expected = arabic_letters(text, doc)
    assert found == expected


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_cleaning_is_idempotent(text):
    _, once = doc_of(text)
    cleaned = "\n\n".join(b.text for b in once.blocks)
    _, twice = doc_of(cleaned)
    assert [b.text for b in twice.blocks] == [b.text for b in once.blocks]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_matching_key_offsets_point_back_at_the_written_characters(text):
    from generator.text.arabic import keyed, matching_key
    key, offsets = keyed(text)
    assert key == matching_key(text) and len(offsets) == len(key)
    assert offsets == sorted(offsets) and all(0 <= i < len(text) for i in offsets)
