"""Write bank/matching/danish_words.txt: the words of general Danish with their frequency.

The engine weighs a need's words down the more common they are in everyday Danish
(bank/matching/frequency.py), so "mere", "hele" and "siger" stop making a parents' course
look like a fit, and never takes a real word for a typo of a catalogue word ("spørger" is
no misspelt "sørger"). The frequencies come from wordfreq (https://github.com/rspeer/wordfreq,
code Apache-2.0, data CC BY-SA 4.0: Wikipedia, subtitles, news, web text and more), a
general resource that knows nothing of any catalogue or labelled set. Only this script
needs it:

    pip install wordfreq && python scripts/danish_words.py
"""

from __future__ import annotations

import math
from pathlib import Path

from wordfreq import get_frequency_dict

from bank.matching.text import fold

TARGET = Path(__file__).resolve().parent.parent / "bank" / "matching" / "danish_words.txt"
HEADER = """\
# The words of general Danish in wordfreq's small list, folded as the engine folds them
# (æ/ø/å -> ae/oe/aa), with their Zipf frequency: log10 of uses per billion words.
# Derived from wordfreq's Danish list (https://github.com/rspeer/wordfreq), whose data is
# licensed CC BY-SA 4.0; this file is under the same licence. Written by
# scripts/danish_words.py; do not edit by hand.
"""


def main() -> None:
    """Fold wordfreq's Danish frequencies and write them, commonest first."""
    zipf: dict[str, float] = {}
    for word, frequency in get_frequency_dict("da", wordlist="small").items():
        folded = fold(word)
        if folded.isalpha() and folded.isascii():
            zipf[folded] = max(zipf.get(folded, 0.0), math.log10(frequency) + 9)
    common = sorted(((z, w) for w, z in zipf.items()), key=lambda pair: (-pair[0], pair[1]))
    lines = [f"{word} {z:.2f}" for z, word in common]
    TARGET.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"Wrote {len(lines)} words to {TARGET}.")


if __name__ == "__main__":
    main()
