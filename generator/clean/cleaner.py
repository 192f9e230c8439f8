"""``RawDoc`` → ``CleanDoc``: the table of cleaning rules, in order, and ``clean`` that runs it.

Like markdown-it's core chain, the cleaner is a named list of rules (``RULES``) applied in
order to one ``Draft`` (``draft.py``). Each rule is a pure function ``Draft -> Draft`` in a
module of its own, named after it, whose docstring says what it does and why it is a step of
its own; each records every character it takes out (``Removal``) or changes (``Repair``) with
a reason, so the cleaned document plus the records always account for the whole input.

Each block gets a ``Role`` (``model.Role`` lists them); a line's role is None until a rule
sets it, and ``Role.HEADER`` is provisional between mark_header_lines and assign_remaining_roles.
``rule_named`` finds a rule by its name in the table (as markdown-it's ``Ruler`` does), with an
error naming the rules there are for any other name.

The entry points: ``clean``, ``build_lexicon`` (``repair_split_words`` reads the corpus's
words) and ``leaves_letters`` / ``no_letters_problem`` (``no_letters``: the refusal of a file
cleaning would leave without a letter).
"""
from __future__ import annotations

from typing import Container

from ..model import Block, CleanDoc, RawDoc, Role
from .assign_remaining_roles import assign_remaining_roles
from .cut_wire_trailers import cut_wire_trailers
from .draft import Draft, Rule, split_lines
from .drop_duplicate_lines import drop_duplicate_lines
from .drop_junk_lines import drop_junk_lines
from .drop_markup import drop_markup
from .drop_pull_quotes import drop_pull_quotes
from .fold_characters import fold_characters
from .join_wrapped_lines import join_wrapped_lines
from .mark_boilerplate import mark_boilerplate
from .mark_furniture import mark_furniture
from .mark_header_lines import mark_header_lines
from .no_letters import leaves_letters, no_letters_problem
from .reorder_pdf_runs import reorder_pdf_runs
from .repair_split_words import build_lexicon, repair_split_words

__all__ = ["RULES", "build_lexicon", "clean", "leaves_letters", "no_letters_problem", "rule_named"]

RULES: tuple[tuple[str, Rule], ...] = (
    ("fold_characters", fold_characters),
    ("drop_markup", drop_markup),
    ("cut_wire_trailers", cut_wire_trailers),
    ("reorder_pdf_runs", reorder_pdf_runs),
    ("repair_split_words", repair_split_words),
    ("drop_junk_lines", drop_junk_lines),
    ("drop_duplicate_lines", drop_duplicate_lines),
    ("mark_boilerplate", mark_boilerplate),
    ("mark_furniture", mark_furniture),
    ("mark_header_lines", mark_header_lines),
    ("join_wrapped_lines", join_wrapped_lines),
    ("drop_pull_quotes", drop_pull_quotes),
    ("assign_remaining_roles", assign_remaining_roles),
)


def clean(raw: RawDoc, lexicon: Container[str] = frozenset()) -> CleanDoc:
    """Clean one document. ``lexicon`` (from ``build_lexicon`` over the whole corpus) lets the
    split-word rule tell a broken word from a real one; without it that rule only joins
    bound suffixes."""
    draft = Draft(split_lines(raw.article_text), lexicon=lexicon)
    for _name, rule in RULES:
        draft = rule(draft)
    blocks = tuple(Block(ln.text, ln.role or Role.BODY, ln.lang, (ln.first, ln.last)) for ln in draft.lines)
    return CleanDoc(raw.source, blocks, draft.removed, draft.repairs, doubts=draft.doubts)


def rule_named(name: str) -> Rule:
    """The rule called ``name`` in ``RULES``; a ``KeyError`` listing the rules, in order, for any other name."""
    for known, rule in RULES:
        if known == name:
            return rule
    raise KeyError(f"no cleaning rule named {name!r}; the rules, in order: {', '.join(n for n, _ in RULES)}")
