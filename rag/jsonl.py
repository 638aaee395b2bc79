"""JSON lines: one object per line, readable whatever text the objects hold."""

from __future__ import annotations

import json

# Characters that json.dumps(ensure_ascii=False) leaves raw but that Python's str.splitlines
# (and other readers) take for line breaks; json.dumps escapes every other one (\n, \r, \x1c...).
_LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(payload: object) -> str:
    """``payload`` as one line of JSON, newline included.

    Non-ASCII text stays readable, except U+0085, U+2028 and U+2029, which are escaped so
    that a reader splitting on any line break still sees one line per payload. (json.dumps
    writes them only inside strings, where every backslash is already escaped, so the
    replacement is always a valid escape of the same character.)
    """
    return json.dumps(payload, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"
