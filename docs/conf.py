"""Sphinx configuration: Sphinx + MyST + furo, API reference by autodoc."""

from __future__ import annotations

import vnadmin

project = "vnadmin"
author = "vnadmin developers"
copyright = "2026, vnadmin developers"
release = vnadmin.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_use_ivar = True
html_theme = "furo"
html_title = f"vnadmin {release}"
language = "en"
