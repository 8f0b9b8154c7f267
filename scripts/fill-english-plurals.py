#!/usr/bin/env python3
"""Fill the singular and plural forms of the plural-aware messages of corrige_en.ts.

The English catalogue only needs its numerus messages ("%n copy(ies)") translated: every other
message uses its source text. This script derives both forms from the source text, edits the
.ts file in place (keeping lupdate's layout) and marks the filled messages finished.

    scripts/fill-english-plurals.py [translations/corrige_en.ts] [--force] [--check]

--force   refill messages that are already finished
--check   print what would change, write nothing; exit 1 if a message is left unfilled

Always read the result: a sentence whose grammar the rules below do not cover belongs in
OVERRIDES.
"""

import html
import re
import sys
from pathlib import Path

# Sentences the mechanical rules would get wrong: source -> (singular, plural).
OVERRIDES = {
    "Left out %n copy(ies) without an email address or an ID number, since Moodle could not tell whose "
    "they are. Add them to the roster, then export again.": (
        "Left out %n copy without an email address or an ID number, since Moodle could not tell whose "
        "it is. Add it to the roster, then export again.",
        "Left out %n copies without an email address or an ID number, since Moodle could not tell whose "
        "they are. Add them to the roster, then export again.",
    ),
    "%n copy(ies) have no total yet: their grade cell is empty, which Moodle imports as no grade.": (
        "%n copy has no total yet: its grade cell is empty, which Moodle imports as no grade.",
        "%n copies have no total yet: their grade cell is empty, which Moodle imports as no grade.",
    ),
    "%n copy(ies) have no total yet: their cells are empty.": (
        "%n copy has no total yet: its cells are empty.",
        "%n copies have no total yet: their cells are empty.",
    ),
    "%n copy(ies) still need a review: their totals are the models' grades.": (
        "%n copy still needs a review: its total is the models' grade.",
        "%n copies still need a review: their totals are the models' grades.",
    ),
    "%n copy(ies) still need a review: their PDFs show the models' grades.": (
        "%n copy still needs a review: its PDF shows the models' grades.",
        "%n copies still need a review: their PDFs show the models' grades.",
    ),
    "The model found %n question(s) in the blank exam. Replace the questions already in the table with them?": (
        "The model found %n question in the blank exam. Replace the questions already in the table with it?",
        "The model found %n questions in the blank exam. Replace the questions already in the table with them?",
    ),
    "Drafted %n question(s) from the blank exam: check each one against the paper.": (
        "Drafted %n question from the blank exam: check it against the paper.",
        "Drafted %n questions from the blank exam: check each one against the paper.",
    ),
    "%n question(s) have no points printed: set their maximum.": (
        "%n question has no points printed: set its maximum.",
        "%n questions have no points printed: set their maximum.",
    ),
}

# Irregular "word(suffix)" spellings: word with suffix -> (singular, plural).
IRREGULAR = {
    "copy(ies)": ("copy", "copies"),
    "criterion(s)": ("criterion", "criteria"),
    "PDF(s)": ("PDF", "PDFs"),
}

# Verbs that follow "%n <noun>" and agree with it in the singular.
SINGULAR_VERBS = {"have": "has", "are": "is", "were": "was", "need": "needs", "do": "does"}

PLURAL_NOUNS_TO_SINGULAR = {"copies": "copy", "questions": "question", "criteria": "criterion",
                            "seconds": "second", "PDFs": "PDF"}

MESSAGE_RE = re.compile(
    r'(?P<head><message numerus="yes">\s*<source>(?P<source>.*?)</source>.*?)'
    r'(?P<translation><translation(?P<attrs>[^>]*)>(?P<forms>.*?)</translation>)',
    re.S)
FORM_RE = re.compile(r'(?P<indent>[ \t]*)<numerusform>(?P<text>.*?)</numerusform>', re.S)


def split_word(word: str):
    """'question(s)' -> ('question', 'questions'); None if the word has no plural suffix."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    m = re.fullmatch(r"(\w+)\((\w+)\)", word)
    if not m:
        return None
    stem, suffix = m.groups()
    if suffix == "ies" and stem.endswith("y"):
        return stem, stem[:-1] + "ies"
    return stem, stem + suffix


def english_forms(source: str):
    """Return (singular, plural) for a source text."""
    if source in OVERRIDES:
        return OVERRIDES[source]
    singular, plural = source, source
    for word in set(re.findall(r"[\w]+\([\w]+\)", source)):
        forms = split_word(word)
        if forms is None:
            continue
        singular = singular.replace(word, forms[0])
        plural = plural.replace(word, forms[1])
    # "%n copies left" written without a suffix: the singular needs the singular noun.
    singular = re.sub(r"%n (\w+)",
                      lambda m: "%n " + PLURAL_NOUNS_TO_SINGULAR.get(m.group(1), m.group(1)), singular)
    # Agreement of the verb right after "%n <noun>" (adverbs like "still" may sit between).
    singular = re.sub(r"(%n \w+ (?:still |also |already )?)(" + "|".join(SINGULAR_VERBS) + r")\b",
                      lambda m: m.group(1) + SINGULAR_VERBS[m.group(2)], singular)
    return singular, plural


def fill(text: str, force: bool):
    changes = []

    def replace(m):
        source = html.unescape(m.group("source"))
        attrs = m.group("attrs")
        forms = FORM_RE.findall(m.group("forms"))
        finished = 'type="unfinished"' not in attrs
        if finished and not force and all(t for _, t in forms):
            return m.group(0)
        singular, plural = english_forms(source)
        indent = forms[0][0] if forms else " " * 12
        closing_indent = indent[:-4] if len(indent) >= 4 else ""
        new_attrs = re.sub(r'\s*type="(unfinished|vanished|obsolete)"', "", attrs)
        body = "".join(f"\n{indent}<numerusform>{escape(f)}</numerusform>" for f in (singular, plural))
        changes.append((source, singular, plural))
        return f"{m.group('head')}<translation{new_attrs}>{body}\n{closing_indent}</translation>"

    return MESSAGE_RE.sub(replace, text), changes


def escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    force = "--force" in argv
    check = "--check" in argv
    path = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "translations" / "corrige_en.ts"
    text = path.read_text(encoding="utf-8")
    new_text, changes = fill(text, force)
    for source, singular, plural in changes:
        print(f"{source}\n    1: {singular}\n    n: {plural}")
    print(f"{len(changes)} plural message(s) filled in {path.name}", file=sys.stderr)
    if check:
        return 1 if changes else 0
    if new_text != text:
        path.write_text(new_text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
