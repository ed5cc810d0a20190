"""The review page in a real browser: Debian's Chromium, headless, driven by Playwright.

One browser per module (Playwright gives each launch a fresh temporary profile and each
context a clean state). Pages open from disk; every request the page makes is listened
for and any that is not the page file itself is recorded and refused. Skipped only when
no Chromium (or no Playwright) is installed; under CI (CI set) that is a failure instead.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import zjnews_extract
from zjnews_extract.records import Document, Fact, Initiative, Removed, Span
from zjnews_extract.review import ReviewDir

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "zj_commerce_2026_plan.txt"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = '<script>window.__pwned=1</script>"\'><img src=x onerror="window.__pwned=2">'


def find_chromium() -> str | None:
    """ZJNEWS_CHROMIUM, else a chromium on PATH, else Debian's path."""
    candidates = [os.environ.get("ZJNEWS_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                  "/usr/bin/chromium"]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must have it (.ci/run installs Debian's chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install -e '.[test]')")
    executable = find_chromium()
    if executable is None:
        _unavailable("no Chromium found (apt-get install chromium, or set ZJNEWS_CHROMIUM)")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@dataclass
class Opened:
    page: object
    url: str
    requests: list[str] = field(default_factory=list)  # every request seen, the page's own included
    refused: list[str] = field(default_factory=list)  # requests that were not for the page files
    errors: list[str] = field(default_factory=list)  # script errors and console errors (CSP reports too)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self, allowed: set[str]) -> list[str]:
        return [url for url in self.requests if url not in allowed] + self.refused


@pytest.fixture
def open_page(browser, tmp_path):
    contexts = []

    def _open(path: Path, *, width: int = 1280, height: int = 900) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page=page, url=path.resolve().as_uri())

        def route(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                opened.refused.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
        page.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
        page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(opened.url)
        page.wait_for_load_state("load")
        return opened

    yield _open
    for context in contexts:
        context.close()


def write(tmp_path: Path, doc: Document, name: str = "review.html") -> Path:
    path = tmp_path / name
    path.write_text(doc.to_html(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed() -> Document:
    return zjnews_extract.extract(SEED.read_bytes(), published="2026-01-21")


MARK_TEXTS = """() => {
  const out = {};
  for (const m of document.querySelectorAll('mark[data-fact]')) out[m.dataset.fact] = (out[m.dataset.fact] || '') + m.textContent;
  return out;
}"""
VISIBLE_ROWS = "() => [...document.querySelectorAll('#facts-table tbody tr')].filter(r => !r.hidden).map(r => r.dataset.fact)"


def card(page) -> dict[str, str]:
    """The record card as shown: field -> text; {} when hidden."""
    return page.evaluate("""() => {
      const c = document.getElementById('record-card');
      if (c.hidden) return {};
      const out = {};
      for (const dd of c.querySelectorAll('dd')) out[dd.dataset.field] = dd.textContent;
      return out;
    }""")


def test_seed_page_highlights_every_fact_and_shows_records(open_page, seed, tmp_path):
    opened = open_page(write(tmp_path, seed, "seed_review.html"), width=1600, height=1000)  # table beside text
    page = opened.page
    texts = page.evaluate(MARK_TEXTS)
    assert len(texts) == len(seed.facts) > 0  # distinct highlighted fact ids / facts
    assert texts == {f.id: f.text for f in seed.facts}  # every highlight's text is its fact's text

    page.keyboard.press("Tab")  # keyboard first: the first stop is the first fact of the text
    assert page.evaluate("() => document.activeElement.dataset.fact") == seed.facts[0].id
    assert card(page)["text"] == seed.facts[0].text
    page.keyboard.press("Tab")
    assert card(page)["text"] == seed.facts[1].text  # focus moves, the record follows
    page.keyboard.press("Enter")
    page.locator("#doc-title").hover()
    assert page.locator("#record-card.pinned").count() == 1 and card(page)["text"] == seed.facts[1].text
    page.keyboard.press("Escape")
    assert card(page) == {}

    fact = next(f for f in seed.facts if f.versus and f.period)  # 1.1个百分点, against 全国
    mark = page.locator(f'mark[data-fact="{fact.id}"]')
    mark.hover()
    shown = card(page)
    assert shown["text"] == fact.text and shown["metric"] == fact.metric and shown["subject"] == fact.subject
    assert shown["versus"] == fact.versus and fact.period.start in shown["period"] and shown["status"] == fact.status
    page.locator("#doc-title").hover()
    assert card(page) == {}  # hover away: gone
    mark.click()
    page.locator("#doc-title").hover()
    assert card(page)["text"] == fact.text  # clicked: pinned
    assert page.locator("#record-card.pinned").count() == 1
    page.keyboard.press("Escape")
    assert card(page) == {}


    growth = [f.id for f in seed.facts if f.kind == "growth"]
    page.select_option("#filter-kind", "growth")
    assert page.evaluate(VISIBLE_ROWS) == growth
    assert page.inner_text("#shown-count") == f"{len(growth)} of {len(seed.facts)} facts"
    assert page.locator("mark.fact.dim").count() == len(seed.facts) - len(growth)
    page.select_option("#filter-kind", "")
    page.select_option("#filter-status", "target")
    assert page.evaluate(VISIBLE_ROWS) == [f.id for f in seed.facts if f.status == "target"]
    page.select_option("#filter-status", "")
    page.fill("#filter-text", "百分点")
    assert page.evaluate(VISIBLE_ROWS) == [f.id for f in seed.facts if "百分点" in f.text]
    page.fill("#filter-text", "")
    assert len(page.evaluate(VISIBLE_ROWS)) == len(seed.facts)

    page.click('#facts-table th button:text-is("value")')
    values = page.evaluate("() => [...document.querySelectorAll('#facts-table tbody tr')]"
                           ".map(r => Number(r.cells[3].dataset.sort))")
    assert values == sorted(f.value for f in seed.facts)

    last = seed.facts[-1]
    page.evaluate("() => window.scrollTo(0, 0)")
    page.click(f'#facts-table tr[data-fact="{last.id}"] td:nth-child(2)')
    box = page.locator(f'mark[data-fact="{last.id}"]').first.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 1000  # scrolled into view
    assert page.locator(f'mark.flash[data-fact="{last.id}"]').count() == 1
    assert card(page)["text"] == last.text

    shot = tmp_path / "seed_review.png"
    page.keyboard.press("Escape")
    page.click('#facts-table th button:text-is("#")')  # back to document order, for the picture
    page.evaluate("() => { window.scrollTo(0, 0); document.querySelector('.facts-pane').scrollTop = 0; }")
    page.locator(f'mark[data-fact="{fact.id}"]').click()
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert opened.foreign_requests({opened.url}) == []  # no request but the page itself
    assert opened.errors == [] and opened.dialogs == []


def test_phone_width_is_readable(open_page, seed, tmp_path):
    opened = open_page(write(tmp_path, seed), width=390, height=844)
    page = opened.page
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0  # no sideways scrolling of the page (the table scrolls inside its own box)
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('#article p')).fontSize)")
    assert size >= 16
    page.locator("mark[data-fact]").nth(5).click()
    box = page.locator("#record-card").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844 + 1
    page.screenshot(path=str(tmp_path / "seed_review_phone.png"))
    assert opened.foreign_requests({opened.url}) == [] and opened.errors == []


def test_hostile_title_and_text_stay_inert(open_page, tmp_path):
    text = f"{HOSTILE}\n2025年出口增长7.2%,{HOSTILE}</script>“稳拓调优”"
    start, quoted = text.index("7.2%"), text.index("稳拓调优")
    fact = Fact(id="f1", text="7.2%", start=start, end=start + 4, kind="growth", value=7.2, unit="%",
                metric=HOSTILE, subject='"浙江"')
    doc = Document(title=HOSTILE, text=text, url="javascript:window.__pwned=3", source=HOSTILE, authors=[HOSTILE],
                   facts=[fact], initiatives=[Initiative(name=HOSTILE, mentions=[Span(start=quoted, end=quoted + 4)])],
                   removed=[Removed(text=HOSTILE, reason=HOSTILE)])
    opened = open_page(write(tmp_path, doc))
    page = opened.page
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img").count() == 0
    assert page.inner_text("#doc-title") == HOSTILE
    assert page.title() == f"Review · {HOSTILE}"
    page.locator('mark[data-fact="f1"]').hover()
    assert card(page)["metric"] == HOSTILE
    page.locator("details.removed summary").click()
    assert HOSTILE in page.inner_text("details.removed")
    assert page.evaluate("() => window.__pwned") is None and opened.dialogs == []
    assert opened.foreign_requests({opened.url}) == [] and opened.errors == []


def test_zero_and_a_hundred_facts(open_page, tmp_path):
    empty = zjnews_extract.extract("今天天气很好,大家出门散步。", published="2026-01-21")
    opened = open_page(write(tmp_path, empty, "empty.html"))
    assert opened.page.locator("mark[data-fact]").count() == 0
    assert "No facts were found" in opened.page.inner_text(".facts-pane")
    assert opened.errors == []

    text = "\n".join(f"2025年,第{k}开发区进出口额{k}.5亿元,同比增长{k % 9}.2%,占全省{k % 7}.1%。" for k in range(1, 40))
    many = zjnews_extract.extract(text, published="2026-01-21")
    assert len(many.facts) >= 100
    opened = open_page(write(tmp_path, many, "many.html"))
    page = opened.page
    assert page.evaluate(MARK_TEXTS) == {f.id: f.text for f in many.facts}
    page.select_option("#filter-kind", "percent")
    assert page.evaluate(VISIBLE_ROWS) == [f.id for f in many.facts if f.kind == "percent"]
    page.locator("mark[data-fact]").nth(99).click()
    assert card(page)["text"] == many.facts[99].text
    assert opened.foreign_requests({opened.url}) == [] and opened.errors == []


def test_batch_index_links_every_page(open_page, seed, tmp_path):
    folder = tmp_path / "review"
    with ReviewDir(folder) as review:
        review.add("pages/seed.txt", seed)
        review.add("pages/bad.html", error={"type": "InputError", "message": "not a page"})
    opened = open_page(folder / "index.html")
    page = opened.page
    assert page.locator("#index-table tbody tr").count() == 2
    assert "InputError: not a page" in page.inner_text("#index-table")
    page.click(f"text={seed.title}")
    page.wait_for_load_state("load")
    assert page.url.endswith(".html") and page.url != opened.url
    assert page.locator("mark[data-fact]").count() == len(seed.facts)
    pages = {p.resolve().as_uri() for p in folder.glob("*.html")}
    assert opened.foreign_requests(pages) == [] and opened.errors == []
