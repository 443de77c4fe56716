"""The CI sessions, runnable locally: ``nox`` (all), ``nox -s tests-3.12``, ``nox -s docs``.

The same checks as ``.ci/run`` and ``.github/workflows/ci.yml``:

* ``lint``: ruff check, ruff format --check, mypy --strict src;
* ``tests-3.10`` … ``tests-3.13``: the test suite (pytest-xdist, ``-n auto``);
* ``min_versions``: the suite at the declared minimum versions (``.ci/min-versions``);
* ``docs``: the docs extra alone, then sphinx-build with warnings as errors;
* ``package``: sdist and wheel, ``twine check --strict``, and the sdist's tests run against
  the installed wheel (not the source tree).
"""

from __future__ import annotations

import glob
import os
import tarfile
import tempfile

import nox

nox.options.sessions = ["lint", "tests", "docs", "package"]
nox.options.reuse_existing_virtualenvs = True
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


@nox.session
def lint(session: nox.Session) -> None:
    session.install("-e", ".[dev]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "--strict", "src")


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", "-q", "-n", "auto", *session.posargs)


@nox.session(name="min_versions", python=PYTHONS[0])
def min_versions(session: nox.Session) -> None:
    session.run("bash", ".ci/min-versions", external=True, env={"PYTHON_MIN": session.python})


@nox.session
def docs(session: nox.Session) -> None:
    session.install(".[docs]")  # the docs extra alone must build the site
    out = os.path.join(session.create_tmp(), "html")
    session.run("sphinx-build", "-q", "-W", "--keep-going", "-b", "html", "docs", out)


@nox.session
def package(session: nox.Session) -> None:
    session.install("build", "twine")
    dist = os.path.join(session.create_tmp(), "dist")
    session.run("python", "-m", "build", "--outdir", dist)
    files = sorted(glob.glob(os.path.join(dist, "*")))
    session.run("python", "-m", "twine", "check", "--strict", *files)
    (wheel,) = glob.glob(os.path.join(dist, "*.whl"))
    (sdist,) = glob.glob(os.path.join(dist, "*.tar.gz"))
    session.install(f"{wheel}[test]")
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(sdist) as tar:
            tar.extractall(tmp, filter="data")
        (root,) = glob.glob(os.path.join(tmp, "vnadmin-*"))
        session.chdir(root)
        session.run("python", "-c", "import vnadmin; assert 'site-packages' in vnadmin.__file__")
        # the whole suite; the root conftest.py leaves src/'s doctests out (installed copy)
        session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto")
