"""An entity's page: who or what it is, every mention in context, and the entities most often
named with it."""
from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..display import shown_title
from ..model import Article, Entity, Mention
from . import page_meta
from .environment import MetaRow, Renderer, chrome


@dataclass(frozen=True, slots=True)
class EntityLink:
    name: str
    url: str
    count: int


@dataclass(frozen=True, slots=True)
class EntityGroup:
    label: str
    entities: tuple[EntityLink, ...]


@dataclass(frozen=True, slots=True)
class Snippet:
    """A mention in context: ``before`` + ``mark`` + ``after``, linking to its paragraph."""

    before: str
    mark: str
    after: str
    url: str
    paragraph: str


@dataclass(frozen=True, slots=True)
class Appearance:
    title: str
    title_lang: str
    url: str
    snippets: tuple[Snippet, ...]


def render_entity(r: Renderer, entity: Entity, appearances: list[tuple[Article, list[Mention]]],
                  companions: tuple[tuple[Entity, int], ...] = ()) -> str:
    """``companions``: the entities most often named in the same paragraph, with how often."""
    path, ui = urls.entity_path(entity.id), r.config.ui
    facts = tuple(row for row in (
        MetaRow(ui["entity_role"], entity.role),
        MetaRow(ui["entity_aliases"], "، ".join(entity.aliases)),
        MetaRow(ui["entity_name_en"], entity.name_en, "en"),
        MetaRow(ui["entity_articles"], str(len(appearances))),
        MetaRow(ui["mention_count"], str(sum(len(m) for _, m in appearances))),
    ) if row.value)
    return r.env.get_template("entity.html").render(
        chrome=chrome(r, path, entity.name, meta=page_meta.entity_meta(r.config, entity)),
        ui=ui, entity=entity, type_label=ui[f"type_{entity.type}"],
        facts=facts, appearances=tuple(_appearance(path, article, mentions) for article, mentions in appearances),
        companions=tuple(EntityLink(e.name, urls.relative_url(path, urls.entity_path(e.id)), n) for e, n in companions),
    )


def _appearance(path: str, article: Article, mentions: list[Mention]) -> Appearance:
    texts = {p.id: p.text for p in article.paragraphs}
    target = urls.article_path(article.slug)
    return Appearance(
        title=shown_title(article), title_lang=article.title_lang,
        url=urls.relative_url(path, target),
        snippets=tuple(Snippet(*_context(texts[m.paragraph], m.start, m.end),
                               urls.relative_url(path, target, m.paragraph), m.paragraph) for m in mentions),
    )


SNIPPET_CONTEXT = 70  # characters of context on each side of a mention


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """Cut at word boundaries so no word is shown broken."""
    left = text[max(0, start - SNIPPET_CONTEXT):start]
    right = text[end:end + SNIPPET_CONTEXT]
    if start > SNIPPET_CONTEXT and " " in left:
        left = "… " + left.split(" ", 1)[1]
    if end + SNIPPET_CONTEXT < len(text) and " " in right:
        right = right.rsplit(" ", 1)[0] + " …"
    return left, text[start:end], right
