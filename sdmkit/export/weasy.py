"""WeasyPrint, imported once and made cheaper to start and to draw our charts with.

Two costs of WeasyPrint that our exports paid on every run, measured with py-spy on
the example COE and metric reviews (WeasyPrint 70):

- Starting: WeasyPrint finds pango, harfbuzz and fontconfig by trying up to six
  names per library; for every name that is not a file, cffi asks
  `ctypes.util.find_library`, which on Linux runs ldconfig, then gcc, then ld.
  That is about fifty processes and 0.1-0.2 s before the first page. While
  WeasyPrint loads, the lookups are answered from the linker cache alone (what
  find_library asks first anyway), read once; where there is no linker cache, or
  LD_LIBRARY_PATH adds libraries it does not list, nothing is changed.
- Drawing SVG text: WeasyPrint lays out and draws SVG text letter by letter (one
  pango layout per character), which is what per-letter x/dx/rotate lists need but
  plain labels do not. A Vega chart is hundreds of letters of plain labels: a text
  or tspan element with at most one position and no letter-spacing, rotate or
  textLength is laid out as one run instead, as HTML text is (kerned, which
  letter-by-letter is not). Anything else goes to WeasyPrint's own code unchanged.
- Multiplying transformation matrices: every SVG node with a transform (a Vega
  chart has hundreds) multiplies 3x3 matrices with generator expressions; the same
  sums, in the same order, unrolled, take a fifth of the time.

- Parsing the stylesheet: every export inlines document.css, and WeasyPrint parses
  and compiles a <style> element's selectors for every document it lays out (a
  portfolio is seventeen documents, a bulk export as many as it holds). A sheet
  whose parse touches nothing but its own rules and page rules (no @font-face,
  @import, @layer, @counter-style, @color-profile) is parsed once per process; a
  later document gets the same compiled rules, which WeasyPrint only reads.

All are adjustments of WeasyPrint internals, so they are applied only to the
WeasyPrint release they were written against (SPEEDUPS_FOR); another release runs
as shipped, correct and slower.
"""

from __future__ import annotations

# Imports inside functions: WeasyPrint and the modules it patches are imported only
# when a PDF is made, and the linker-cache helpers only while WeasyPrint loads.
import os
import re
import sys
from collections.abc import Callable
from types import ModuleType

SPEEDUPS_FOR = ("70.",)  # WeasyPrint releases whose internals the adjustments match

_loaded: ModuleType | None = None


def load() -> ModuleType:
    """The weasyprint package, imported (once) with the adjustments above."""
    global _loaded
    if _loaded is None:
        _loaded = _import()
        if _loaded.__version__.startswith(SPEEDUPS_FOR):
            _draw_plain_svg_text_as_runs()
            _unrolled_matrix_product()
            _array_types_parsed_once()
            _stylesheets_parsed_once()
    return _loaded


def _linker_cache():
    """find_library's first answer, ldconfig's cache, read once: a name to its soname,
    or None where there is no such cache (not Linux, no /sbin/ldconfig)."""
    import re
    import struct
    import subprocess

    if not sys.platform.startswith("linux") or os.environ.get("LD_LIBRARY_PATH"):
        return None
    try:
        listing = subprocess.run(
            ["/sbin/ldconfig", "-p"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env={"LC_ALL": "C", "LANG": "C"},
            timeout=5,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    # The ABI tag find_library looks for (ctypes.util._findSoname_ldconfig).
    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = {
        "x86_64-64": "libc6,x86-64",
        "ppc64-64": "libc6,64bit",
        "sparc64-64": "libc6,64bit",
        "s390x-64": "libc6,64bit",
        "ia64-64": "libc6,IA-64",
    }.get(machine, "libc6")

    def find(name: str) -> str | None:
        found = re.search(os.fsencode(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({abi}"), listing)
        return os.fsdecode(found.group(1)) if found else None

    return find if find("c") else None


def _import() -> ModuleType:
    import ctypes.util

    from_cache = None if "weasyprint" in sys.modules else _linker_cache()
    if from_cache is None:
        import weasyprint

        return weasyprint
    original = ctypes.util.find_library
    ctypes.util.find_library = from_cache
    try:
        import weasyprint
    except OSError:
        # A library the cache does not know: forget the half-made import, ask again
        # the way WeasyPrint would have.
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
        ctypes.util.find_library = original
        import weasyprint
    finally:
        ctypes.util.find_library = original
    return weasyprint


class _Run(str):
    """A text whose letters, to WeasyPrint's SVG text loop, are one: the whole run."""

    def __iter__(self):
        yield str(self)


_PER_LETTER = ("rotate", "letter-spacing", "textLength", "lengthAdjust")


def _one_run(node) -> bool:
    text = node._etree_node.text
    if not text or len(text) < 2 or any(a in node.attrib for a in _PER_LETTER):
        return False
    for name in ("x", "y", "dx", "dy"):
        value = node.attrib.get(name)
        if value and len(value.replace(",", " ").split()) > 1:
            return False
    return True


def _draw_plain_svg_text_as_runs() -> None:
    from weasyprint import svg as svg_package

    letter_by_letter = svg_package.text
    if getattr(letter_by_letter, "runs", False):
        return

    def text(svg, node, font_size):
        if not _one_run(node):
            return letter_by_letter(svg, node, font_size)
        plain = node._etree_node.text
        node._etree_node.text = _Run(plain)
        try:
            return letter_by_letter(svg, node, font_size)
        finally:
            node._etree_node.text = plain

    text.runs = True  # type: ignore[attr-defined]
    for tag, draw in list(svg_package.TAGS.items()):
        if draw is letter_by_letter:
            svg_package.TAGS[tag] = text
    # draw_node tells text elements (for text-anchor) by this module global.
    svg_package.text = text


def _unrolled_matrix_product() -> None:
    from weasyprint.matrix import Matrix

    if getattr(Matrix.__matmul__, "unrolled", False):
        return

    def matmul(self, other):
        assert len(self[0]) == len(other) == len(other[0]) == 3
        (a, b, c), (d, e, f), (g, h, i) = other
        # 0 + ... keeps WeasyPrint's sum() exactly, down to the sign of a zero.
        product = list.__new__(Matrix)
        list.__init__(
            product,
            [
                [0 + r * a + s * d + t * g, 0 + r * b + s * e + t * h, 0 + r * c + s * f + t * i]
                for r, s, t in self
            ],
        )
        return product

    def transform_point(self, x, y):
        (a, b, _), (d, e, _), (g, h, _) = self
        return [0 + x * a + y * d + g, 0 + x * b + y * e + h]  # 1 * g is g, exactly

    matmul.unrolled = True  # type: ignore[attr-defined]
    Matrix.__matmul__ = matmul
    Matrix.transform_point = transform_point


def _array_types_parsed_once() -> None:
    from weasyprint.text.ffi import ffi

    sized = ffi.new
    if getattr(sized, "parsed_once", False):
        return

    def new(cdecl, init=None):
        if isinstance(cdecl, str) and cdecl.endswith("]") and isinstance(init, list | tuple) and init:
            base, bracket, length = cdecl[:-1].rpartition("[")
            if bracket and length.isdigit() and int(length) == len(init):
                return sized(f"{base}[]", init)
        return sized(cdecl, init)

    new.parsed_once = True  # type: ignore[attr-defined]
    ffi.new = new


# At-rules whose parse changes more than the sheet itself (fonts, counters, layers,
# colour profiles, imported sheets): a sheet with any other than these is parsed as
# WeasyPrint does, every time.
_SELF_CONTAINED_AT_RULES = re.compile(r"@(?!(?:page|media|top|bottom|left|right)\b)", re.IGNORECASE)
_SHEETS_KEPT = 64
_CSS_PARSE: dict[str, Callable[..., None]] = {}  # WeasyPrint's own parse, once adjusted


def stylesheet_parse() -> dict[str, Callable[..., None]]:
    """Where the adjusted parse finds WeasyPrint's own, under "parse" (the tests count
    its calls there)."""
    return _CSS_PARSE


def _stylesheets_parsed_once() -> None:
    import weasyprint

    parse = weasyprint.CSS.__init__
    if getattr(parse, "parsed_once", False):
        return
    parsed: dict[tuple, tuple] = {}
    own = _CSS_PARSE
    own["parse"] = parse

    def init(self, guess=None, filename=None, url=None, file_obj=None, string=None, **options):
        shared = options.get("page_rules")
        plain = (
            isinstance(string, str)
            and guess is None
            and filename is None
            and url is None
            and file_obj is None
            and options.get("matcher") is None
            and options.get("layer") is None
            and not options.get("layers")
            and not _SELF_CONTAINED_AT_RULES.search(string)
        )
        if not plain:
            own["parse"](
                self, guess=guess, filename=filename, url=url, file_obj=file_obj, string=string, **options
            )
            return
        key = (string, options.get("base_url"), options.get("media_type", "print"))
        if key not in parsed:
            # Parsed with page rules of its own, to be kept; then added to the
            # document's as WeasyPrint would have added them.
            own["parse"](self, string=string, **{**options, "page_rules": []})
            if len(parsed) >= _SHEETS_KEPT:
                parsed.clear()
            parsed[key] = (self.base_url, self.matcher, list(self.page_rules))
        base_url, matcher, page_rules = parsed[key]
        self.base_url, self.matcher = base_url, matcher
        self.layers = [] if options.get("layers") is None else options["layers"]
        if shared is None:
            self.page_rules = list(page_rules)
        else:
            shared.extend(page_rules)
            self.page_rules = shared

    init.parsed_once = True  # type: ignore[attr-defined]
    weasyprint.CSS.__init__ = init
