"""The template engine of every HTML and SVG answer: Jinja2 with autoescaping always on.

Data text reaches a page only through ``{{ ... }}``, which escapes it; nothing is marked safe but the
SVG this package draws itself (web/share/svg.py, from an escaping template too). The templates call
``_()`` and ``ngettext()`` of dashboard/i18n.py, so a request's language (``i18n.using_language``) is theirs.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from dashboard.i18n import _, fmt_int, ngettext

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE/FFFF): a link
# value may carry them (?q=%08), and an SVG holding one is not a picture any renderer will draw.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def printable(value):
    """Every value a template writes, without the characters XML forbids (our own markup kept as it is)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return NOT_XML.sub("", value)
    return value


@cache
def environment() -> Environment:
    """The one Jinja2 environment (templates in web/templates; autoescape for every file)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, .html and .svg alike
        undefined=StrictUndefined,  # a misspelt name fails the test suite, not a reader's page silently
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=printable,
    )
    env.globals.update(_=_, ngettext=ngettext, fmt_int=fmt_int)
    return env


def render(template: str, **context) -> str:
    """``template`` (a file in web/templates) filled with ``context``, every value escaped."""
    return environment().get_template(template).render(**context)
