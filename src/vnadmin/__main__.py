"""``python -m vnadmin``: the same as the ``vnadmin`` command."""

from vnadmin.cli import main

raise SystemExit(main())
