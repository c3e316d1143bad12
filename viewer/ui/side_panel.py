"""The side panel: explains whatever is selected, or ranks the pain pattern in pattern mode, and
turns its links back into actions on the app state."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QFont, QPaintEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QToolTip

from viewer.content.atlas import SELECTABLE, Atlas
from viewer.content.explain import explain, overview, red_flag_info
from viewer.content.pattern import Pattern
from viewer.present.panel_html import render, welcome_html
from viewer.present.theme import LIGHT, Theme, panel_css
from viewer.state.app_state import AppState, Target
from viewer.ui.idle_steps import IdleSteps, Step

if TYPE_CHECKING:  # the explorer and its pages are imported when a pattern is first drawn
    from viewer.content.explore import Exploration

#: Rendered pages kept for instant Back/Forward; patterns change often, so only a few of those.
PATTERN_CACHE = 32
#: Laid-out documents kept, so showing a page again costs a swap, not a parse and a layout.
DOCUMENT_CACHE = 48
#: A new long page shows its opening sections first (see SidePanel._show): about a panel's
#: worth of text at the default size (a longer opening if that falls short). The page's HTML
#: starts with its style sheet; then about this many characters of HTML fill a square pixel
#: of the panel (4500 characters filled the 542 x 826 panel of a 1400 x 900 window).
HEAD_STYLE_CHARS = 900
HEAD_CHARS_PER_PIXEL = 0.008
#: Pages of what the drawing offers to click are made ahead, one per idle moment, starting this
#: long after the panel's first paint: making a page took a click 1-3 ms.
PREFETCH_AFTER_MS = 100
PREFETCH_KINDS = ("places", "roots", "nerves", "regions")
#: the whole page replaces its opening this long after the opening was painted (a few frames,
#: so the click's own frame is surely on screen, and a quick next click makes it unneeded)
FINISH_MS = 50


def opening_of(html: str, size: int) -> str | None:
    """The page cut before the first section heading that starts after ``size`` characters,
    or None when the page is not much longer than that. Cutting only before a top-level
    heading or the red-flag box keeps every element of the opening whole."""
    if len(html) < size * 1.5:
        return None
    box = '<div class="flags">'
    cuts = [i for i in _all(html, "<h2>") if not html.endswith(box, 0, i)] + _all(html, box)
    cut = min((i for i in cuts if i >= size), default=None)
    if cut is None or cut > len(html) - size // 2:
        return None
    return html[:cut]


def _all(text: str, marker: str) -> list[int]:
    found, i = [], text.find(marker)
    while i >= 0:
        found.append(i)
        i = text.find(marker, i + 1)
    return found


class SidePanel(QTextBrowser):
    def __init__(self, atlas: Atlas, state: AppState, parent=None):
        super().__init__(parent)
        self.atlas = atlas
        self.state = state
        self._pages: dict[tuple[str, str, str | None], str] = {}
        self._patterns: dict[Pattern, tuple[Exploration, str]] = {}
        #: the dermatome map the explorer measures where it hurts with (None: the first)
        self.map_id: str | None = None
        self._documents: OrderedDict[str, QTextDocument] = OrderedDict()
        #: documents parsed and laid out ahead (see ``_prepare``), by the HTML they hold; kept
        #: when shown, so a page seen again opens as fast as the first time
        self._parsed: dict[str, QTextDocument] = {}
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_link)
        self._pending: str | None = None  # a long page whose opening only is on show
        self._finish = QTimer(self)  # one timer, restarted by each paint of an opening
        self._finish.setSingleShot(True)
        self._finish.setInterval(FINISH_MS)
        self._finish.timeout.connect(self.finish_page)
        self._welcome_default = super().document()
        self.setMinimumWidth(320)
        # the scroll bar always shows: one that came and went with long and short pages changed
        # the text width, and every cached page had to be laid out again
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.theme = LIGHT
        state.subscribe(self._on_state)
        self._on_state(state)
        #: started a moment after the panel's first paint (see paintEvent)
        self.pages_ahead = IdleSteps(self, None, self._page_steps)
        self._prefetch_planned = False

    def _page_steps(self) -> Iterator[Step]:
        """Making the page of each place, root, nerve and region on each side, not made yet;
        first of all, importing what makes an answer (the welcome page needs only a few of its
        types, so start-up leaves the rest, about 13 ms, to here rather than to the first click)."""
        yield partial(import_module, "viewer.content.answers")
        for kind in PREFETCH_KINDS:
            for rid in getattr(self.atlas, kind):
                for side in ("left", "right"):
                    yield partial(self._prepare, Target(kind, rid, side))

    def _prepare(self, target: Target) -> None:
        """Make a page, and parse and lay out what a click on it would show first (its
        opening, or the whole page if short): parsing took a click about 1 ms, more for a
        root's tables, and laying out a parsed opening about 1 ms more than one laid out
        before. The documents take about 16 MB for all of them."""
        html = self.html_for(target)
        first = self._first_html(html)
        if first not in self._parsed:
            doc = self._parsed[first] = self._document(first)
            doc.setTextWidth(self.viewport().width())  # the width the panel lays it out at
            doc.documentLayout().documentSize()  # lays it out

    def _first_html(self, html: str) -> str:
        """What ``_show`` parses first for this page at the panel's present size."""
        return opening_of(html, self._opening_size()) or html

    def _opening_size(self) -> int:
        """How many characters of a page's HTML fill the panel at its present size."""
        area = self.viewport().width() * self.viewport().height()
        return HEAD_STYLE_CHARS + round(HEAD_CHARS_PER_PIXEL * area)

    def _parse(self, html: str) -> QTextDocument:
        """This HTML as a document in the panel's present font and colours: parsed ahead, if
        it was with this font and these colours (a text size, theme or presentation changes
        them), or now."""
        doc = self._parsed.get(html)
        if doc is not None:
            if doc.defaultFont() == self.text_font() and (
                doc.defaultStyleSheet() == panel_css(self.theme)
            ):
                return doc
            del self._parsed[html]
            if doc is not super().document():
                doc.deleteLater()
        return self._document(html)

    def set_theme(self, theme: Theme) -> None:
        """Colours come from the theme's style sheet; the page HTML carries none, so the pages
        are only laid out again when the colours really change."""
        if theme != self.theme:
            self.theme = theme
            self.restyle()

    def restyle(self) -> None:
        """After a theme or text-size change: documents laid out before no longer match."""
        shown = self.document()
        stale = {id(doc): doc for doc in (*self._documents.values(), *self._parsed.values())}
        for doc in stale.values():
            if doc is not shown:
                doc.deleteLater()
        self._documents.clear()
        self._parsed.clear()
        self.document().setDefaultStyleSheet(panel_css(self.theme))
        self._on_state(self.state)
        if self.pages_ahead.started:  # parse them again in the new font and colours
            self.pages_ahead.restart()

    def _show(self, html: str) -> None:
        """Show a page. A page seen recently is swapped in laid out. A long new page is shown
        in two steps: first its opening sections, within the same frame as the click; then,
        once that frame is on screen (FINISH_MS), the whole page, which lays out the same
        opening identically, so the swap does not show. Parsing and laying out a long page took
        up to 30 ms, twice a frame. The opening is laid out once, by the panel itself, which
        lays out only what it shows; its scroll range then says whether it fills the panel
        (measuring it first laid it out twice: the panel lays out any new document afresh)."""
        self._pending = None
        doc = self._documents.get(html)
        if doc is None:
            size = self._opening_size()
            while (head := opening_of(html, size)) is not None:
                self._set_document(self._parse(head))
                if self.verticalScrollBar().maximum() > 0:  # the opening fills the panel
                    self._pending = html  # finished soon after the opening is painted
                    return
                size = len(head) * 2  # too short to fill the panel: a longer opening
            doc = self._remember(html, self._parse(html))
        else:
            self._documents.move_to_end(html)
        self._set_document(doc)

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(ev)
        if not self._prefetch_planned:
            self._prefetch_planned = True
            QTimer.singleShot(PREFETCH_AFTER_MS, self, self.pages_ahead.restart)
        if self._pending is not None:
            self._finish.start()

    def finish_page(self) -> None:
        """Put the whole page in place of its opening, if that is still on show."""
        self._finish.stop()
        html, self._pending = self._pending, None
        if html is None:
            return
        scroll = self.verticalScrollBar().value()
        self._set_document(self._remember(html, self._document(html)))
        self.verticalScrollBar().setValue(scroll)

    def _document(self, html: str) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDefaultStyleSheet(panel_css(self.theme))
        doc.setDefaultFont(self.text_font())
        doc.setHtml(html)
        return doc

    def text_font(self) -> QFont:
        """The panel's font for its pages, set out without shaping and kerning: Latin text
        needs neither to be read (a page looked the same to the eye), and skipping them made
        laying out and painting a new page a quarter faster."""
        font = self.font()
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        font.setKerning(False)
        return font

    def _remember(self, html: str, doc: QTextDocument) -> QTextDocument:
        self._documents[html] = doc
        while len(self._documents) > DOCUMENT_CACHE:
            _old_html, old = self._documents.popitem(last=False)
            if old is not super().document() and not self._kept(old):
                old.deleteLater()
        return doc

    def _set_document(self, doc: QTextDocument) -> None:
        old = super().document()
        if old is doc:
            return
        self.setDocument(doc)
        if not self._kept(old):
            old.deleteLater()  # an opening shown for a moment, no longer needed

    def _kept(self, doc: QTextDocument) -> bool:
        """Whether a document is kept to be shown again (laid out, or parsed ahead)."""
        return doc is self._welcome_default or any(
            doc is kept for kept in (*self._documents.values(), *self._parsed.values())
        )

    def document(self) -> QTextDocument:  # type: ignore[override]
        """The page on show, whole (completed first if only its opening is shown yet)."""
        self.finish_page()
        return super().document()

    def toPlainText(self) -> str:  # noqa: N802 - Qt's name
        self.finish_page()
        return super().toPlainText()

    def toHtml(self) -> str:  # noqa: N802 - Qt's name
        self.finish_page()
        return super().toHtml()

    def html_for(self, target: Target | None) -> str:
        key = ("", "", None) if target is None else (target.kind, target.id, target.side)
        if key not in self._pages:
            if target is None:
                self._pages[key] = welcome_html(overview(self.atlas))
            else:
                flag = None
                if target.side == "both" and "cauda-equina" in self.atlas.red_flags:
                    flag = red_flag_info(self.atlas, "cauda-equina")
                answer = explain(self.atlas, target.kind, target.id)
                pictures = ""
                if target.kind == "exercises" and answer.exercises:
                    from viewer.present.exercise_steps import exercise_steps_html

                    pictures = exercise_steps_html(answer.exercises[0])
                self._pages[key] = render(answer, target.side, flag, pictures)
        return self._pages[key]

    def exploration_for(self, pattern: Pattern) -> tuple[Exploration, str]:
        if pattern not in self._patterns:
            if len(self._patterns) >= PATTERN_CACHE:
                self._patterns.pop(next(iter(self._patterns)))
            from viewer.content.explore import explore
            from viewer.present.pattern_html import render_exploration

            result = explore(self.atlas, pattern, self.map_id)
            self._patterns[pattern] = (result, render_exploration(result))
        return self._patterns[pattern]

    @property
    def exploration(self) -> Exploration | None:
        """The ranking on show in pattern mode (for tests and exports)."""
        if self.state.mode != "pattern":
            return None
        return self.exploration_for(self.state.pattern)[0]

    def set_map(self, map_id: str) -> None:
        """Measure where it hurts with this map's dermatomes (the one the drawing shows)."""
        if map_id != self.map_id:
            self.map_id = map_id
            self._patterns.clear()
            if self.state.mode == "pattern":
                self._on_state(self.state)

    def _on_state(self, state: AppState) -> None:
        if state.mode == "pattern":
            html = self.exploration_for(state.pattern)[1]
        else:
            html = self.html_for(state.current)
        scroll = self.verticalScrollBar().value() if state.mode == "pattern" else 0
        self._show(html)
        self.verticalScrollBar().setValue(scroll)  # re-ranking should not jump to the top

    def event(self, ev: QEvent) -> bool:
        """Hovering a short citation shows the full one (links only ever navigate the atlas;
        a citation link only explains itself)."""
        if ev.type() == QEvent.Type.ToolTip:
            href = self.anchorAt(ev.pos() - self.viewport().pos())  # type: ignore[attr-defined]
            if href.startswith("cite:"):
                source = self.atlas.sources.get(href[5:])
                if source is not None:
                    QToolTip.showText(ev.globalPos(), source.citation, self)  # type: ignore[attr-defined]
                    return True
            QToolTip.hideText()
        return super().event(ev)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "cite":  # a short citation: show the full one in the source list
            self.finish_page()
            self.scrollToAnchor(f"source-{url.path()}")
            return
        if url.scheme() != "atlas":
            return
        kind, _, rid = url.path().partition("/")
        if kind in SELECTABLE and rid in getattr(self.atlas, kind):
            cur = self.state.current
            self.state.select(kind, rid, cur.side if cur else None)
