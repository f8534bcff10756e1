"""Write bank/matching/danish_forms.txt: irregular Danish word forms and their base form.

Snowball's Danish stemmer cuts regular endings, so "hjælper" and "hjælpe" meet, but strong
verbs and other irregular forms keep their own stem: "gik" never meets "gå", "sov" never
"sove", "hjalp" never "hjælp". The engine looks a folded word up here before stemming it
(bank/matching/text.py, `stem`). The pairs are the stem annotations ("st:") of the Danish
Hunspell dictionary by Stavekontrolden.dk (Debian's hunspell-da; LGPL-2.1, GPL-2 or
MPL-1.1), a general resource that knows nothing of any catalogue or labelled set:

    apt-get install hunspell-da && python scripts/danish_forms.py
"""

from __future__ import annotations

from pathlib import Path

from bank.matching.text import fold

SOURCE = Path("/usr/share/hunspell/da_DK.dic")
TARGET = Path(__file__).resolve().parent.parent / "bank" / "matching" / "danish_forms.txt"
HEADER = """\
# Irregular Danish word forms and their base form, folded as the engine folds words
# (æ/ø/å -> ae/oe/aa): "gik gaa", "sov sove". Derived from the stem annotations of the Danish
# Hunspell dictionary (Stavekontrolden.dk, https://www.stavekontrolden.dk), licensed
# LGPL-2.1 or GPL-2 or MPL-1.1; this file is under the same licences. Written by
# scripts/danish_forms.py; do not edit by hand.
"""


def main() -> None:
    """Read the dictionary's stem annotations and write the form -> base pairs, sorted."""
    pairs: dict[str, str] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) < 2 or not fields[1].startswith("st:"):
            continue
        form, base = fold(fields[0].split("/")[0]), fold(fields[1][3:])
        if form != base and form.isalpha() and base.isalpha() and form.isascii():
            pairs.setdefault(form, base)
    lines = [f"{form} {base}" for form, base in sorted(pairs.items())]
    TARGET.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"Wrote {len(lines)} forms to {TARGET}.")


if __name__ == "__main__":
    main()
