#!/usr/bin/env python3
"""Normalise hunspell word lists (the output of `unmunch`) for calque's lexicons.

lexicon_words.py french|english IN OUT [NAMES_OUT]

French keeps accents (lower case, NFC, ’ as '): `thé` is French, `the` is not.
English is folded (accents removed): English words carry few and text may drop them.
Elided prefixes are cut (`l'avion` -> `avion`), hyphenated words also give their
parts, and French words written with œ/æ also enter with oe/ae.
With NAMES_OUT, words the dictionary only has capitalised (proper nouns:
`Clinton`, `Bruxelles`) go there instead of OUT.
"""
import re
import sys
import unicodedata

lang, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
names_dst = sys.argv[4] if len(sys.argv) > 4 else None


def low(s):
    return unicodedata.normalize("NFC", s.lower().replace("\u2019", "'"))


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


words = set()
proper = set()
with open(src, encoding="utf-8", errors="replace") as f:
    for line in f:
        w = line.strip().split("/")[0].split("\t")[0].split(" ")[0]
        if not w or not re.search(r"[^\W\d_]", w):
            continue
        # A proper noun starts with a capital, after any elision (`d'Clinton`).
        capitalised = re.sub(r"^[^'\u2019]{1,5}['\u2019]", "", w)[:1].isupper()
        w = low(w)
        if "'" in w:
            head, _, tail = w.partition("'")
            if lang == "english":
                continue  # possessives
            if len(head) <= 5 and "'" not in tail:
                w = tail  # elided l', d', qu', jusqu'...
        if lang == "english":
            w = strip_accents(w)
        if not w or len(w) > 40:
            continue
        forms = {w} | {p for p in w.split("-") if p}
        if lang == "french":
            forms |= {x.replace("œ", "oe").replace("æ", "ae") for x in forms}
        if capitalised and names_dst:
            proper |= forms
        else:
            words |= forms

proper -= words


def write(path, items):
    with open(path, "w", encoding="utf-8") as out:
        for w in sorted(items, key=lambda s: s.encode("utf-8")):
            out.write(w + "\n")
    print(f"{path}: {len(items)} words", file=sys.stderr)


write(dst, words)
if names_dst:
    write(names_dst, proper)
