"""Which part of the page is the article: text and punctuation density, CETD/GNE style.

Every line votes for the block elements that contain it: a sentence-like line
(plain text with Chinese punctuation) adds its length, link text and short
unpunctuated text subtract. The container with the best balance is the
article: it holds the sentences and as little navigation as possible, so a
three-sentence item still beats the long related-links list beside it.
"""
from __future__ import annotations

import re

from . import chrome
from .html import Line

_PUNCT = re.compile(r"[，。！？；：、,!?;]")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
_SENTENCE_END = re.compile(r"[。！？!?；;…」”\"]$")

# Weights of the balance; link text costs more than unlinked chrome (menus are links).
LINK_COST = 1.0
SHORT_COST = 0.35


def is_sentence(line: Line) -> bool:
    """A line that reads like article prose rather than navigation."""
    return _read_line(line)[0]


def _read_line(line: Line) -> tuple[bool, int]:
    """(whether the line reads like prose, its punctuation count: 0 when not counted)."""
    n = line.chars
    if n < 8 or line.link_chars > n * 0.3:  # cheap tests first: most lines of a page fail here
        return False, 0
    text = line.text
    plain = n - line.link_chars
    puncts = len(_PUNCT.findall(text))
    if plain >= 40:
        if puncts < 1 and not _SENTENCE_END.search(text):
            return False, puncts
    elif plain < 8 or not (puncts >= 2 or _SENTENCE_END.search(text)):
        return False, puncts
    # contact lines, codes, English boilerplate (Han counted as what is left once the rest is cut:
    # one string instead of a list of one-character strings)
    if len(_NOT_HAN.sub("", text)) < n * 0.4:
        return False, puncts
    return chrome.match(text) is None, puncts  # a disclaimer is prose, but not the article


def _weight(line: Line, sentence: bool, puncts: int = -1) -> float:
    """What a line adds to (or takes from) every block that contains it."""
    plain = line.chars - line.link_chars
    if sentence:
        return plain + 10 * (puncts if puncts >= 0 else len(_PUNCT.findall(line.text)))
    return -(LINK_COST * line.link_chars + SHORT_COST * plain)


# Prose counts less for each level it sits above: the innermost wrapper of the
# paragraphs wins over a page section that also holds comments or teasers.
DECAY = 0.6
# Growing the chosen block to its parent must add mostly prose: at least this share of
# the added lines, and of the added characters, must be sentences.
GROW_LINE_SHARE = 0.4
GROW_CHAR_SHARE = 0.6


# Paragraph-level elements are never the article themselves: their container is.
_LEAF_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "span", "font", "a", "b",
                          "strong", "em", "i", "u", "br", "pre", "blockquote", "figcaption", "caption"})


class _Tally:
    __slots__ = ("el", "decayed", "prose", "net", "lines", "sentences", "chars", "sentence_chars")

    def __init__(self, el):
        self.el = el
        self.prose = 0.0  # prose weight, decayed by height
        self.decayed = 0.0  # that plus chrome weight, which never decays
        self.net = 0.0
        self.lines = self.sentences = self.chars = self.sentence_chars = 0


def main_block(lines: list[Line]):
    """The element holding the article, or None for a page with no prose at all."""
    # Sum the lines per element first: many lines share one, and the walk up is the cost.
    # Elements are keys as they are (lxml keeps one proxy per element while it is referenced).
    own: dict = {}
    any_sentence = False
    for line in lines:
        sentence, puncts = _read_line(line)
        weight = _weight(line, sentence, puncts)
        owner = line.owner
        entry = own.get(owner)
        if entry is None:
            entry = own[owner] = [owner, 0.0, 0.0, 0.0, 0, 0, 0, 0]
        entry[1] += weight  # net
        if sentence:
            any_sentence = True
            entry[2] += weight  # prose weight, decays with height
            entry[5] += 1
            entry[7] += line.chars
        else:
            entry[3] += weight  # chrome weight, never decays
        entry[4] += 1
        entry[6] += line.chars
    # One tally per element above a line; each is visited once, children before parents.
    tallies: dict = {}
    pending = []
    for el, net, prose, rest, n_lines, n_sentences, n_chars, n_sentence_chars in own.values():
        t = _Tally(el)
        t.net, t.prose, t.decayed = net, prose, prose + rest
        t.lines, t.sentences, t.chars, t.sentence_chars = n_lines, n_sentences, n_chars, n_sentence_chars
        tallies[el] = t
        pending.append(t)
    depth: dict = {}
    parent_of: dict = {}  # each element's parent, asked of lxml once
    for t in pending:
        chain, el = [], t.el
        while el is not None and el not in depth:
            chain.append(el)
            parent_of[el] = parent = el.getparent()
            el = parent
        d = depth[el] if el is not None else -1
        for node in reversed(chain):
            d += 1
            depth[node] = d
            if node not in tallies:
                tallies[node] = _Tally(node)
    for t in sorted(tallies.values(), key=lambda t: depth[t.el], reverse=True):
        parent_el = parent_of[t.el]
        if parent_el is None:
            continue
        p = tallies[parent_el]
        # prose weighs less for each container it climbs past; chrome weighs the same everywhere
        carried = t.prose * DECAY if t.el.tag not in _LEAF_BLOCKS else t.prose
        p.prose += carried
        p.decayed += carried + t.decayed - t.prose
        p.net += t.net
        p.lines += t.lines
        p.sentences += t.sentences
        p.chars += t.chars
        p.sentence_chars += t.sentence_chars
    if not any_sentence:
        return None
    candidates = [t for t in tallies.values() if t.el.tag not in _LEAF_BLOCKS]
    if not candidates:
        return None
    best = max(candidates, key=lambda t: t.decayed)
    # Grow while the parent adds prose (the rest of a split article), not chrome or comments.
    while True:
        parent_el = parent_of.get(best.el)
        parent = tallies.get(parent_el) if parent_el is not None else None
        if parent is None:
            break
        lines_added = parent.lines - best.lines
        chars_added = parent.chars - best.chars
        if lines_added == 0:
            best = parent
            continue
        sentences_added = parent.sentences - best.sentences
        sentence_chars_added = parent.sentence_chars - best.sentence_chars
        if (parent.net > best.net and sentences_added >= GROW_LINE_SHARE * lines_added
                and sentence_chars_added >= GROW_CHAR_SHARE * chars_added):
            best = parent
        else:
            break
    return best.el


def lines_within(lines: list[Line], block) -> list[Line]:
    """The lines whose element sits inside `block`."""
    inside = {id(el) for el in block.iter()}
    return [line for line in lines if id(line.owner) in inside]
