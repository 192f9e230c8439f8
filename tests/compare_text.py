"""Text compared as a reader reads it, for the scorers (development set, pyramid facts)."""
from __future__ import annotations

import re
import unicodedata

from generator.text.arabic import matching_key


def key(text: str) -> str:
    """Matching keys with spaces collapsed, and "عبد الله" the same name as "عبدالله"."""
    return re.sub(r"(?:^|(?<= ))عبد ", "عبد", " ".join(matching_key(unicodedata.normalize("NFKC", text)).split()))
