"""Small helpers the miners share: figures found in text, joining sentences."""

from __future__ import annotations

import re

# A figure: an optional currency (a code in capitals, 'USD 1,200', or a sign), a number
# that starts a word (not the 99 of 'p99'), and an optional unit that ends a word
# (the h of '18 h', not of '3 helpers'); not a day of a date.
_MONTHS = "|".join(m for name in ("January", "February", "March", "April", "May", "June", "July", "August",
                                   "September", "October", "November", "December") for m in (name, name[:3]))
_FIGURE = re.compile(r"(?:(?-i:\b[A-Z]{3}\s)|[$€£])?(?<![\w.])\d[\d,.]*"
                     r"(?![\d,.]|[ \u00a0](?-i:" + _MONTHS + r")\b)"  # '14 October': a date, not a figure
                     r"(?:[ \u00a0]?%|[ \u00a0]?(?:ms|min(?:utes)?|hours?|h|days?|weeks?|x|k|million|billion)\b)?", re.I)


def figures(*texts: str, limit: int = 6) -> list[str]:
    """Figures as they appear in the text ('18,400', '31%', '47 minutes'), in order, without repeats."""
    out: list[str] = []
    for text in texts:
        if not text:
            continue
        for m in _FIGURE.finditer(text):
            f = m.group(0).rstrip(".,")  # the pattern always holds a digit
            if len(f) > 1 and f not in out:
                out.append(f)
                if len(out) == limit:
                    return out
    return out


def sentence(text: str) -> str:
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?" else text + "."


def join(*parts: str) -> str:
    return " ".join(sentence(p) for p in parts if p and p.strip())
