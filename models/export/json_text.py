"""JSON text that is safe to print: every control character escaped, the rest readable.

``json.dumps(..., ensure_ascii=False)`` keeps CJK and emoji readable but escapes only
C0; DEL and the C1 controls (U+0080-U+009F: U+009B is a CSI on many terminals) stay raw,
so a ticket category or a stage name holding them drove the terminal that printed the
export.  Those characters can only sit inside JSON strings, where ``\\uXXXX`` means the
same character: the text reads back exactly.
"""

from __future__ import annotations

import json
import re
from typing import Any

_RAW = re.compile("[\x7f-\x9f]")


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` with readable non-ASCII text and every control character escaped."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _RAW.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
