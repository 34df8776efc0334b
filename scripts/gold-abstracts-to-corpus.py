#!/usr/bin/env python3
"""Write the gold abstracts (../shared/data/gold/dev-sources.jsonl) as plain-text records
in the documented header layout (docs/plain-text-format.md), for the bundled corpus.

Only the form changes: author names are rewritten as Vancouver "Family Initials" (the
source pages spell them in five different ways); titles, metadata and abstract text are
copied as they are.

usage: scripts/gold-abstracts-to-corpus.py [GOLD.jsonl] [OUT.txt]
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
GOLD = HERE.parent.parent / "shared" / "data" / "gold" / "dev-sources.jsonl"
OUT = HERE.parent / "corpus" / "abstracts" / "qi-literature-abstracts.txt"
PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del"}


def initials(given):
    return "".join(part[0].upper() for part in re.split(r"[\s.\-‐]+", given) if part)


def is_initials(token):
    return re.fullmatch(r"(?:[A-Z]\.?\s?){1,4}", token.strip()) is not None


def person(name):
    """One author in any of the page spellings -> "Family Initials"."""
    name = name.strip().rstrip(".") if name.strip().endswith("..") else name.strip()
    if "," in name:  # "Werner, Rachel M." / "Davies, Huw T.O."
        family, given = [part.strip() for part in name.split(",", 1)]
        given = re.sub(r",?\s*\b(Jr|Sr|II|III)\.?$", "", given)
        return f"{family} {initials(given)}"
    tokens = name.split()
    if len(tokens) >= 2 and re.fullmatch(r"[A-Z]{1,4}", tokens[-1]):  # Vancouver already
        return name
    family = [tokens.pop()]
    while tokens and tokens[-1].lower() in PARTICLES:
        family.insert(0, tokens.pop())
    return f"{' '.join(family)} {initials(' '.join(tokens))}".strip()


def authors(text):
    if not text:
        return []
    text = text.strip()
    etal = text.endswith("et al.")
    if etal:
        text = text[: -len("et al.")].strip().rstrip(",")
    if ";" in text:
        names = [person(part) for part in text.split(";") if part.strip()]
    else:
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if len(parts) == 2 and not any(" " in p for p in parts):  # "Conway, James"
            names = [f"{parts[0]} {initials(parts[1])}"]
        elif len(parts) >= 2 and all(is_initials(p) for p in parts[1::2]):  # "Spurgeon, P., Clark, J."
            names = [f"{parts[i]} {initials(parts[i + 1])}" for i in range(0, len(parts) - 1, 2)]
        else:
            names = [person(part) for part in parts]
    return names + (["et al."] if etal else [])


def main():
    gold = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    out = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    records = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        header = [("Title", row["title"])]
        names = authors(row.get("authors"))
        if names:
            header.append(("Authors", ", ".join(names)))
        for key, field in [("Journal", "journal"), ("Year", "year"), ("DOI", "doi"), ("PMID", "pmid"),
                           ("PMCID", "pmcid"), ("URL", "url"), ("Licence", "licence")]:
            if row.get(field):
                header.append((key, str(row[field])))
        body = "\n".join(f"{key}: {value}" for key, value in header)
        records.append(body + "\n\n" + row["abstract"].strip() + "\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n---\n\n".join(records), encoding="utf-8")
    print(f"{len(records)} records -> {out}")


if __name__ == "__main__":
    main()
