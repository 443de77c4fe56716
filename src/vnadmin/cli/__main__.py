"""``python -m vnadmin.cli``: the same as the ``vnadmin`` command."""

from vnadmin.cli import main

raise SystemExit(main())
