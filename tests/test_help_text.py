"""Help text on every field: each Streamlit widget call in the UI (sdmkit/ui and pages)
passes `help=`, checked on the source. A data editor has no `help` of its own in
Streamlit, so it passes `column_config=` (where each column's help goes) instead. A call
that forwards `**kwargs` counts as passing help: its caller's help comes through it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIRS = (ROOT / "sdmkit" / "ui", ROOT / "pages")

WIDGETS = {
    "button",
    "download_button",
    "form_submit_button",
    "popover",
    "link_button",
    "page_link",
    "toggle",
    "checkbox",
    "selectbox",
    "multiselect",
    "text_input",
    "text_area",
    "radio",
    "segmented_control",
    "number_input",
    "date_input",
    "time_input",
    "slider",
    "select_slider",
    "pills",
    "file_uploader",
    "color_picker",
    "data_editor",
}

# Help per column, not on the editor: st.data_editor takes no `help` (Streamlit 1.67).
NEEDS = {"data_editor": "column_config"}

# Calls that go without help, each for a reason: (file relative to the root, widget).
ALLOWED = {
    # The sidebar's page links: each is the page's own title and icon, the app's
    # navigation; a tooltip on every entry of the menu would only repeat it.
    ("sdmkit/ui/shell.py", "page_link"),
}


def _calls():
    """(file relative to the root, widget name, the call) for every widget call."""
    for base in DIRS:
        for path in sorted(base.rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in WIDGETS
                ):
                    yield rel, node.func.attr, node


def _lacks(name: str, call: ast.Call) -> str:
    """The keyword the call should pass and does not, else ''."""
    wanted = NEEDS.get(name, "help")
    return "" if any(k.arg in (wanted, None) for k in call.keywords) else wanted


def test_every_widget_has_help():
    missing = [
        f"{rel}:{call.lineno}: {name}({ast.unparse(call.args[0])[:50] if call.args else ''}) has no {wanted}="
        for rel, name, call in _calls()
        if (wanted := _lacks(name, call)) and (rel, name) not in ALLOWED
    ]
    assert missing == []


def test_allowed_exceptions_are_still_there():
    # An exception whose call is gone, or got its help, leaves the list.
    without = {(rel, name) for rel, name, call in _calls() if _lacks(name, call)}
    assert without >= ALLOWED
