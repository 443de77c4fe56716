"""The Columns page needs pyarrow (``vnadmin[arrow]``): skipped without it."""

from __future__ import annotations

import importlib.util

collect_ignore = [] if importlib.util.find_spec("pyarrow") else ["columns.md"]
