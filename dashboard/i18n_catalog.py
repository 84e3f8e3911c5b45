"""Keep the translation catalogs in step with the code: ``python -m dashboard.i18n_catalog update|check|review``.

``update`` extracts every string wrapped in ``_()``, ``ngettext()`` or ``N_()`` from router.py, pages/
and dashboard/ (the files listed in babel.cfg) into locales/messages.pot, then merges it into each
language's .po: translations are kept, new strings are added untranslated, strings no longer in the
code are kept at the end as obsolete (``#~``) for reuse. Running it twice changes nothing.

``check`` extracts the same way, in memory, and exits 1 listing every string the Khmer catalog does
not translate (missing, empty or fuzzy — gettext shows English for those) or translates with other
``{placeholders}`` than the English (which would break the page). It also counts the entries still
marked for review by a native speaker; those are shown to readers and do not fail the check.

``review`` lists those entries, English beside the draft, for a reviewer to work through.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

import paths
from dashboard.i18n import DEFAULT_LANGUAGE, DOMAIN, LANGUAGES, catalog_path

KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}
COMMENT_TAGS = ("Translators:",)
REVIEW_MARK = "needs review by a native Khmer speaker"
PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")
HEADER = """\
{language} translation of the UPR Monitor interface (English is the source language).
Copyright (C) the UPR Monitor contributors; MIT licence, like the code.

Review status: {pending} of {total} translated entries still carry the comment
"# {mark}". They were written by a non-native
speaker and are shown to readers as they are. A native speaker: please read one, correct the
msgstr if needed and delete that comment line. {untranslated} entries are not translated yet.
How to edit, update and check this file: docs/translating.md"""


def root() -> Path:
    return paths.ROOT


def template_path() -> Path:
    return paths.locale_dir() / f"{DOMAIN}.pot"


def extract() -> Catalog:
    """Every interface string in the code, as a template catalog (the content of messages.pot)."""
    with open(root() / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    template = Catalog(project="UPR Monitor", version="0.1", charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        root(),
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(
            message,
            None,
            [(Path(filename).as_posix(), lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def untranslated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return message.fuzzy or not all(s and s.strip() for s in strings)


def needs_review(message: Message) -> bool:
    return any(REVIEW_MARK in comment for comment in message.user_comments)


def placeholders(text: str) -> set[str]:
    return {name.split("!")[0].split(":")[0] for name in PLACEHOLDER.findall(text)}


def placeholder_mismatch(message: Message) -> bool:
    """True when a translation names other ``{placeholders}`` than the English (``.format`` fails)."""
    ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    wanted = set().union(*(placeholders(i) for i in ids))
    return any(s and placeholders(s) != wanted for s in strings)


def problems(template: Catalog, catalog: Catalog) -> list[tuple[str, Message]]:
    """(reason, template message) for each string ``catalog`` does not translate usably."""
    found: list[tuple[str, Message]] = []
    for wanted in template:
        if not wanted.id:
            continue
        have = catalog.get(wanted.id, wanted.context)
        if have is None:
            found.append(("missing", wanted))
        elif have.fuzzy:
            found.append(("fuzzy", wanted))
        elif untranslated(have):
            found.append(("untranslated", wanted))
        elif placeholder_mismatch(have):
            found.append(("placeholders differ", wanted))
    return found


def read_catalog(path: Path, lang: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=lang, project="UPR Monitor", version="", charset="utf-8", fuzzy=False)
    with open(path, "rb") as handle:
        return read_po(handle, locale=lang)


def render(catalog: Catalog) -> bytes:
    """The .po/.pot text: file names without line numbers, so unrelated edits do not churn it."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False)
    return buffer.getvalue()


def write_if_changed(path: Path, catalog: Catalog, stamp: str) -> bool:
    """Write ``catalog`` unless only its date ``stamp`` ('creation_date'/'revision_date') would change."""
    old = path.read_bytes() if path.exists() else None
    if old is not None:
        with open(path, "rb") as handle:
            setattr(catalog, stamp, getattr(read_po(handle), stamp))
        if render(catalog) == old:
            return False
    setattr(catalog, stamp, datetime.now(UTC))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(catalog))
    return True


def update() -> int:
    template = extract()
    write_if_changed(template_path(), template, "creation_date")
    print(f"{template_path().relative_to(root())}: {len(template)} strings")
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        path = catalog_path(lang)
        catalog = read_catalog(path, lang)
        before = {m.id for m in catalog if m.id}
        # No fuzzy guesses: for short interface strings they are mostly wrong, and gettext would
        # show English for them anyway. Removed strings stay at the end as #~ for reuse.
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.creation_date = template.creation_date
        catalog.project, catalog.version = "UPR Monitor", "0.1"
        catalog.msgid_bugs_address = "the UPR Monitor issue tracker"
        catalog.last_translator = "UPR Monitor contributors (draft, see the review status above)"
        catalog.language_team = f"{Locale.parse(lang).english_name} reviewers wanted: docs/translating.md"
        messages = [m for m in catalog if m.id]
        pending = sum(needs_review(m) for m in messages)
        todo = sum(untranslated(m) for m in messages)
        catalog.header_comment = "\n".join(
            ("# " + line).rstrip()
            for line in HEADER.format(
                language=f"{Locale.parse(lang).english_name} ({lang})",
                pending=pending,
                total=len(messages) - todo,
                mark=REVIEW_MARK,
                untranslated=todo,
            ).splitlines()
        )
        changed = write_if_changed(path, catalog, "revision_date")
        added = [m.id for m in messages if m.id not in before]
        print(
            f"{path.relative_to(root())}: {len(messages)} strings, {len(added)} new, {todo} to translate, "
            f"{pending} to review{'' if changed else ' (unchanged)'}"
        )
    return 0


def check() -> int:
    template = extract()
    status = 0
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        path = catalog_path(lang)
        catalog = read_catalog(path, lang)
        found = problems(template, catalog)
        review = sum(needs_review(m) for m in catalog if m.id and not untranslated(m))
        for reason, message in found:
            where = ", ".join(f"{f}:{n}" for f, n in message.locations) or "?"
            print(f"{path.relative_to(root())}: {reason}: {message.id!r} ({where})")
        if found:
            status = 1
            print(
                f"\n{len(found)} string(s) not usable in {LANGUAGES[lang]}; run "
                "`python -m dashboard.i18n_catalog update`, translate them (docs/translating.md), check again.",
                file=sys.stderr,
            )
        else:
            print(
                f"{path.relative_to(root())}: all {len(template)} strings translated; "
                f"{review} still need review by a native speaker."
            )
    return status


def review() -> int:
    """List the translations still marked for review by a native speaker (never fails)."""
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        catalog = read_catalog(catalog_path(lang), lang)
        pending = [m for m in catalog if m.id and needs_review(m) and not untranslated(m)]
        for message in pending:
            print(f"{message.id!r}\n    → {message.string!r}")
        print(f"{catalog_path(lang).relative_to(root())}: {len(pending)} translation(s) to review")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.i18n_catalog", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=("update", "check", "review"))
    args = parser.parse_args(argv)
    return {"update": update, "check": check, "review": review}[args.command]()


if __name__ == "__main__":
    sys.exit(main())
