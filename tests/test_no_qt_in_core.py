"""The core (content, explorer, state, drawing, renderers) must work without Qt."""

import subprocess
import sys


def test_core_imports_no_qt():
    code = (
        "import sys\n"
        "import viewer.content, viewer.content.explain, viewer.content.explore, viewer.state.app_state\n"
        "import viewer.state.documents, viewer.drawing.svg_reader, viewer.session\n"
        "import viewer.present.panel_html, viewer.present.pattern_html, viewer.present.text_render\n"
        "import viewer.content.consistency, viewer.cli\n"
        "from viewer.content import load_atlas\n"
        "load_atlas()\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
