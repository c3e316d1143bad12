"""Print the patient handout or save it as PDF, through Qt only.

The layout is ``viewer.present.handout_layout`` (HTML for ``QTextDocument``); this module gathers
the typed answers for it, and paints. Pictures stay vectors: the document's image objects are
drawn by ``_VectorImages``, which paints the atlas drawing by rendering an offscreen canvas's
scene and each step drawing with ``QSvgRenderer``, straight onto the ``QPdfWriter`` or ``QPrinter``
painter, so they are crisp at any print resolution.

API for the window (the lead wires the menus):

- ``HandoutDialog(session, subject, parent)``: which exercises (the suggested ones ticked), a note,
  paper A4 or Letter; ``options()`` gives what was chosen.
- ``export_handout(parent, session, subject)``: the dialog, a file dialog, then the PDF.
- ``print_handout(parent, session, subject, ...)``: the system print dialog, then prints.
- ``write_handout_pdf(session, subject, exercises, note, paper, path)``: no questions asked.
- ``subject_from_state(state)``: the current selection, or the pain pattern in pattern mode.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.content.answers import ConditionBrief, ExerciseInfo, Explanation, Reference
from viewer.content.atlas import Atlas
from viewer.content.explain import (
    condition_brief,
    exercise_info,
    explain,
    red_flags,
    references,
)
from viewer.content.explore import Exploration, explore
from viewer.content.pattern import Pattern
from viewer.present.exercise_steps import exercise_drawings_dir
from viewer.present.handout_layout import (
    DRAWING_SRC,
    MARGIN_MM,
    PAPER_MM,
    PX_PER_MM,
    STEP_SRC,
    Handout,
    Paper,
    build_handout,
    handout_html,
)
from viewer.session import Session
from viewer.state.app_state import AppState, Target

#: What a handout is about: one selected record, or a pain pattern.
Subject = Target | Pattern
PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PDF_DPI = 300
#: the conditions a pattern's handout explains, at most
PATTERN_CAUSES = 3


class HandoutError(ValueError):
    """Bad input for a handout: an unknown exercise, an empty pattern, a bad paper size."""


# -- gathering the typed answers -----------------------------------------------------------
def subject_from_state(state: AppState) -> Subject | None:
    """The pattern in pattern mode, else the selection; None when there is nothing to explain."""
    if state.mode == "pattern":
        return None if state.pattern.empty else state.pattern
    return state.current


def suggested_exercises(atlas: Atlas, subject: Subject) -> list[str]:
    """The exercises the answer itself lists: a selection's own, or those of a pattern's
    leading conditions (in ranking order)."""
    if isinstance(subject, Pattern):
        result = explore(atlas, subject)
        lead = [c.ref.id for c in result.conditions[:PATTERN_CAUSES]]
        return list(dict.fromkeys(x for cid in lead for x in atlas.conditions[cid].exercises))
    if subject.kind == "exercises":
        return [subject.id]
    if subject.kind == "conditions":
        return [x.ref.id for x in explain(atlas, subject.kind, subject.id).exercises]
    # a region, root or nerve says where, not why: the clinician picks the exercises
    return []


def make_handout(
    atlas: Atlas,
    subject: Subject,
    exercises: Sequence[str] | None = None,
    note: str = "",
    paper: str = "a4",
    when: date | None = None,
) -> Handout:
    """The typed handout; ``exercises`` None means the suggested ones. Raises ``HandoutError``
    for an unknown exercise id, an empty pattern or a bad paper size."""
    if paper not in PAPER_MM:
        raise HandoutError(f"paper must be a4 or letter, not {paper!r}")
    ids = suggested_exercises(atlas, subject) if exercises is None else list(exercises)
    unknown = [x for x in ids if x not in atlas.exercises]
    if unknown:
        raise HandoutError(f"unknown exercise {unknown[0]!r}; see 'list exercises'")
    infos: list[ExerciseInfo] = [exercise_info(atlas, x) for x in dict.fromkeys(ids)]
    causes: list[ConditionBrief] = []
    answer: Explanation | Exploration
    if isinstance(subject, Pattern):
        if subject.empty:
            raise HandoutError("the pain pattern is empty: mark where it hurts first")
        answer = explore(atlas, subject)
        causes = [condition_brief(atlas, ranked.ref.id) for ranked in answer.conditions[:PATTERN_CAUSES]]
        flags = answer.warning_signs
    else:
        answer = explain(atlas, subject.kind, subject.id)
        flags = answer.red_flags or red_flags(atlas)
    cited = dict.fromkeys(
        [s for x in infos for s in x.sources]
        + [s for c in causes for s in c.sources]
        + [s for f in flags for s in f.sources]
    )
    extra: tuple[Reference, ...] = references(atlas, cited)
    return build_handout(
        answer,
        infos,
        note=note,
        when=when or date.today(),
        paper=paper,  # type: ignore[arg-type]
        causes=causes,
        warning_signs=flags,
        references=extra,
    )


# -- painting ----------------------------------------------------------------------------
class AtlasDrawing:
    """The atlas drawing with the subject highlighted, from an offscreen canvas, painted as
    vectors into any painter rectangle."""

    def __init__(self, session: Session, subject: Subject):
        from viewer.ui.canvas import AtlasCanvas

        self.state = AppState()
        self.canvas = AtlasCanvas(session.atlas, session.views, self.state)
        self.canvas.resize(900, 820)
        if isinstance(subject, Pattern):
            self.state.set_pattern(subject)
        else:
            self.state.select(subject.kind, subject.id, subject.side)
        self.canvas.fit()

    def paint(self, painter: QPainter, target: QRectF) -> None:
        scene = self.canvas.scene()
        for item in scene.items():  # cached pixmaps would put raster images into the PDF
            item.setCacheMode(item.CacheMode.NoCache)
        shown = QRectF()
        for rect in self.canvas.view_rects.values():
            shown = shown.united(rect)
        source = self.canvas.vb.mapViewToScene(shown).boundingRect()
        painter.save()
        painter.setClipRect(target)
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.restore()

    def close(self) -> None:
        self.canvas.deleteLater()


class _VectorImages:
    """Paints the document's pictures as vectors: the atlas drawing, and the step drawings with
    ``QSvgRenderer``.

    A Python ``QTextObjectInterface`` cannot be registered with PySide6 (Qt's ``qobject_cast``
    does not see it), so the document lays each picture out as an empty, fully transparent
    placeholder image of the right size; after a page is drawn, the picture is painted into
    the placeholder's rectangle."""

    def __init__(self, drawing: Callable[[QPainter, QRectF], None], folder: Path):
        self.drawing = drawing
        self.folder = folder
        self._svgs: dict[str, QSvgRenderer] = {}

    def paint(self, painter: QPainter, name: str, rect: QRectF) -> None:
        if name == DRAWING_SRC:
            self.drawing(painter, rect)
        elif name.startswith(STEP_SRC):
            file = name[len(STEP_SRC) :]
            if file not in self._svgs:
                self._svgs[file] = QSvgRenderer(str(self.folder / file))
            renderer = self._svgs[file]
            if renderer.isValid():
                renderer.render(painter, rect)


def _blank() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


def handout_document(handout: Handout) -> QTextDocument:
    """The handout as a paginated ``QTextDocument``: pages the size of the paper's text area,
    in pixels at 96 per inch, pictures laid out as transparent placeholders."""
    doc = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    w, h = PAPER_MM[handout.paper]
    doc.setPageSize(QSizeF((w - 2 * MARGIN_MM) * PX_PER_MM, (h - 2 * MARGIN_MM) * PX_PER_MM))
    html = handout_html(handout)
    blank = _blank()
    for name in picture_names(handout):
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), blank)
    doc.setHtml(html)
    return doc


def picture_names(handout: Handout) -> list[str]:
    names = [DRAWING_SRC]
    names += [STEP_SRC + s.drawing for x in handout.exercises for s in x.steps if s.drawing]
    return names


def picture_rects(doc: QTextDocument) -> list[tuple[str, QRectF]]:
    """Where each image sits, in document coordinates (across pages). Assumes each image begins
    its line, as in ``handout_layout``."""
    layout = doc.documentLayout()
    layout.documentSize()  # lay the whole document out first (it is lazy)
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                text_layout = block.layout()
                rel = fragment.position() - block.position()
                line = text_layout.lineForTextPosition(rel)
                if not line.isValid():
                    it += 1
                    continue
                # every picture starts its line in the handout layout (QTextLine.cursorToX
                # crashes in PySide6 6.11), so the line's left edge is the picture's
                x = line.x()
                box = layout.blockBoundingRect(block)
                origin = box.topLeft() - text_layout.boundingRect().topLeft()
                # the picture is the tallest thing on its line, so it fills it from the top
                top = origin.y() + line.y() + max(0.0, line.height() - image.height())
                out.append((image.name(), QRectF(origin.x() + x, top, image.width(), image.height())))
            it += 1
        block = block.next()
    return out


def paint_document(device: QPagedPaintDevice, doc: QTextDocument, pictures: _VectorImages) -> int:
    """Paint every page of ``doc`` onto ``device`` (scaled from 96 per inch to the device's
    resolution), then each picture over its placeholder; returns the page count."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start painting (is the file or printer writable?)")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = device.logicalDpiX() / 96
        rects = picture_rects(doc)
        pages = doc.pageCount()
        for i in range(pages):
            if i:
                device.newPage()
            _paint_page(painter, scale, doc, pictures, rects, i)
        return pages
    finally:
        painter.end()


def _paint_page(
    painter: QPainter,
    scale: float,
    doc: QTextDocument,
    pictures: _VectorImages,
    rects: list[tuple[str, QRectF]],
    index: int,
) -> None:
    page = doc.pageSize()
    painter.save()
    painter.scale(scale, scale)
    view = QRectF(0, index * page.height(), page.width(), page.height())
    painter.translate(0, -view.top())
    painter.setClipRect(view)
    doc.drawContents(painter, view)
    for name, rect in rects:
        if view.intersects(rect):
            pictures.paint(painter, name, rect)
    painter.restore()


def render_page_image(session: Session, subject: Subject, handout: Handout, index: int = 0, dpi: int = 60) -> QImage:
    """One page as an image (white paper, margins included): for previews, and for screenshot
    tests where ``pdftoppm`` is not installed."""
    w_mm, h_mm = PAPER_MM[handout.paper]
    image = QImage(round(w_mm / 25.4 * dpi), round(h_mm / 25.4 * dpi), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    drawing = AtlasDrawing(session, subject)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(MARGIN_MM / 25.4 * dpi, MARGIN_MM / 25.4 * dpi)
        doc = handout_document(handout)
        pictures = _VectorImages(drawing.paint, exercise_drawings_dir())
        _paint_page(painter, dpi / 96, doc, pictures, picture_rects(doc), index)
    finally:
        painter.end()
        drawing.close()
    return image


def setup_device(device: QPagedPaintDevice, paper: Paper) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(PAPER_SIZES[paper]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )


def paint_handout(device: QPagedPaintDevice, session: Session, subject: Subject, handout: Handout) -> int:
    """Paint the handout onto a PDF writer or printer; returns the number of pages."""
    drawing = AtlasDrawing(session, subject)
    try:
        doc = handout_document(handout)
        return paint_document(device, doc, _VectorImages(drawing.paint, exercise_drawings_dir()))
    finally:
        drawing.close()


# -- the three entry points ----------------------------------------------------------------
def write_handout_pdf(
    session: Session,
    subject: Subject,
    exercises: Sequence[str] | None,
    note: str,
    paper: str,
    path: Path,
    when: date | None = None,
) -> int:
    """Write the handout to ``path`` as PDF; returns the page count. The PDF is written to a
    temporary file next to ``path`` and moved over it only once complete, so an existing file
    is never left half-written. Raises ``HandoutError`` for bad input, ``OSError`` when the file
    cannot be written."""
    handout = make_handout(session.atlas, subject, exercises, note, paper, when)
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"folder {str(folder)!r} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setResolution(PDF_DPI)
        writer.setTitle(f"Sciatica Atlas handout: {handout.title}")
        writer.setCreator("Sciatica Atlas")
        setup_device(writer, handout.paper)
        pages = paint_handout(writer, session, subject, handout)
        del writer  # the painter has ended: the file is complete
        if os.path.getsize(tmp) == 0:
            raise OSError(f"could not write {path}")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pages


def print_handout(
    parent: QWidget | None,
    session: Session,
    subject: Subject,
    exercises: Sequence[str] | None = None,
    note: str = "",
    paper: str = "a4",
) -> bool:
    """Ask the system print dialog where to print, then print; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    handout = make_handout(session.atlas, subject, exercises, note, paper)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_device(printer, handout.paper)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print handout")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_handout(printer, session, subject, handout)
    return True


@dataclass(frozen=True)
class HandoutOptions:
    exercises: tuple[str, ...]
    note: str
    paper: str


class HandoutDialog(QDialog):
    """Choose what goes on the handout: exercises (the suggested ones ticked), a note for the
    patient, and the paper size."""

    def __init__(self, session: Session, subject: Subject, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Patient handout")
        atlas = session.atlas
        suggested = suggested_exercises(atlas, subject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The handout explains the drawing in plain words, lists warning signs and shows "
            "each exercise step by step. Educational, not a diagnosis."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        box = QGroupBox("Exercises (suggested ones are ticked)")
        box_layout = QVBoxLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        order = suggested + [x for x in atlas.exercises if x not in suggested]
        for eid in order:
            ex = atlas.exercises[eid]
            check = QCheckBox(ex.plain_name or ex.name)
            check.setToolTip(ex.name)
            check.setChecked(eid in suggested)
            box_layout.addWidget(check)
            self.checks[eid] = check
        layout.addWidget(box)
        form = QFormLayout()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText("Advice for the patient (leave empty for a space to write in)")
        self.note_edit.setFixedHeight(90)
        form.addRow("Note:", self.note_edit)
        self.paper_box = QComboBox()
        self.paper_box.addItem("A4", "a4")
        self.paper_box.addItem("Letter", "letter")
        form.addRow("Paper:", self.paper_box)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def options(self) -> HandoutOptions:
        return HandoutOptions(
            tuple(eid for eid, c in self.checks.items() if c.isChecked()),
            self.note_edit.toPlainText(),
            str(self.paper_box.currentData()),
        )


def export_handout(parent: QWidget | None, session: Session, subject: Subject | None) -> Path | None:
    """File → Export handout (PDF): the handout dialog, a save dialog, then the PDF. Returns the
    path written, or None when cancelled or there is nothing to explain."""
    if subject is None:
        QMessageBox.information(parent, "Handout", "Select a part of the body or mark a pain pattern first.")
        return None
    dialog = HandoutDialog(session, subject, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    opts = dialog.options()
    name, _ = QFileDialog.getSaveFileName(parent, "Export handout", "handout.pdf", "PDF (*.pdf)")
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    try:
        write_handout_pdf(session, subject, opts.exercises, opts.note, opts.paper, path)
    except (OSError, HandoutError) as exc:
        QMessageBox.warning(parent, "Handout", f"Could not write the handout: {exc}")
        return None
    return path


def print_handout_interactively(parent: QWidget | None, session: Session, subject: Subject | None) -> bool:
    """File → Print… (Ctrl+P): the handout dialog, then the system print dialog."""
    if subject is None:
        QMessageBox.information(parent, "Print", "Select a part of the body or mark a pain pattern first.")
        return False
    dialog = HandoutDialog(session, subject, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    opts = dialog.options()
    return print_handout(parent, session, subject, opts.exercises, opts.note, opts.paper)
