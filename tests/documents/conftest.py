"""Helpers for the document tests: text and fonts of a PDF (poppler-utils), and reports
walked through the real services."""

from __future__ import annotations

import subprocess
import tempfile

import pytest


def _poppler(tool: str, content: bytes, *args: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(content)
        fh.flush()
        out = [] if tool != "pdftotext" else ["-"]
        result = subprocess.run([tool, *args, fh.name, *out], capture_output=True, check=True)
    return result.stdout.decode()


@pytest.fixture
def pdf_text():
    def extract(content: bytes, layout: bool = False) -> str:
        return _poppler("pdftotext", content, *(["-layout"] if layout else []))

    return extract


@pytest.fixture
def pdf_fonts():
    return lambda content: _poppler("pdffonts", content)


@pytest.fixture
def pdf_pages():
    def pages(content: bytes) -> int:
        info = _poppler("pdfinfo", content)
        return int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])

    return pages


@pytest.fixture
def procedure(demo):
    """The documents' report: row 2's activity has not started, so the LAKIP says so."""
    from tests.procedure import Procedure

    return Procedure(not_started=(2,))
