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
exclude_patterns = ["_build", "pypi.md"]  # pypi.md: the PyPI page (pyproject readme)
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


def _write_rule_pages() -> None:
    """One page per lint rule (docs/rules/<ID>.md), generated from the catalogue."""
    from pathlib import Path

    import vnadmin

    here = Path(__file__).parent / "rules"
    here.mkdir(exist_ok=True)
    rules = vnadmin.lint_rules()
    index = [
        "# Rule catalogue",
        "",
        "Every rule vnadmin checks, with a stable id, severity, source and examples. Select or",
        "ignore them by id or prefix (`C`, `D`, `F`, `M`, `N`, `R`, `S`, `T`, `X`).",
        "",
        "| id | name | severity | source |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        index.append(
            f"| [{rule.id}]({rule.id}.md) | {rule.name} | {rule.severity.value} | {rule.article} |"
        )
        page = [
            f"# {rule.id}: {rule.name}",
            "",
            f"*Severity:* {rule.severity.value} · *Source:* {rule.article}",
            "",
            f"**Vietnamese:** {rule.message_vi}",
            "",
            f"**English:** {rule.message_en}",
            "",
            "Bad:",
            "",
            "```text",
            rule.bad,
            "```",
            "",
            "Good:",
            "",
            "```text",
            rule.good,
            "```",
            "",
        ]
        text = "\n".join(page)
        path = here / f"{rule.id}.md"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    index += ["", "```{toctree}", ":hidden:", "", *[r.id for r in rules], "```", ""]
    text = "\n".join(index)
    path = here / "index.md"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


_write_rule_pages()
