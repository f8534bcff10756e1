"""Danish text normalisation: folding, words, stop words, stemming and compound splitting."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

import snowballstemmer

FORMS = Path(__file__).with_name("danish_forms.txt")  # irregular forms, see stem

# æ/ø/å and their old ASCII stand-ins (ae/oe/aa) meet in the ASCII form; the stemmer
# then sees the same string whichever way the text was written.
_LETTERS = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ä", "ae"), ("ö", "oe"), ("ß", "ss"))
_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"[^\W_]+")

STOP_WORDS: frozenset[str] = frozenset(
    # Snowball's Danish stop list, folded, and a few abbreviations, fillers and numbers.
    """
    og i jeg det at en den til er som paa de med han af for ikke der var mig sig men et har
    om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal
    selv her alle vil blev kunne ind naar vaere dog noget ville jo deres efter ned skulle
    denne end dette mit ogsaa under have dig anden hende mine alt meget sit sine vor mod
    disse hvis din nogle hos blive mange ad bliver hendes vaeret thi jer saadan
    kan faar faa fx evt pr kl ca mv osv bl mm hhv dvs saa hvordan hvornaar hvem hvilke
    hvilken hvorfor kun bare lidt godt gerne helt tit to tre fire fem seks syv otte ni ti
    """.split()
)

_stemmer = snowballstemmer.stemmer("danish")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _strip_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower-case text and fold æ/ø/å (and ae/oe/aa, accents) to one ASCII form."""
    folded = text.lower()
    if folded.isascii():
        return folded
    if not unicodedata.is_normalized("NFKC", folded):
        folded = unicodedata.normalize("NFKC", folded).lower()
    for letter, stand_in in _LETTERS:
        if letter in folded:
            folded = folded.replace(letter, stand_in)
    if folded.isascii():
        return folded
    return _NON_ASCII.sub(lambda m: _strip_marks(m.group()), folded)


def words(text: str) -> list[str]:
    """Split text into folded words (letters and digits), keeping order and repeats."""
    return _WORD.findall(fold(text))


def written_words(text: str) -> list[str]:
    """Split text into words as written (lower case, æ/ø/å and accents kept)."""
    return _TOKEN.findall(text.lower())


def display_words(text: str) -> dict[str, str]:
    """Map each folded word of a text to how it was first written (lower case, æ/ø/å kept)."""
    shown: dict[str, str] = {}
    for token in dict.fromkeys(_TOKEN.findall(unicodedata.normalize("NFKC", text).lower())):
        folded = _fold_token(token)
        for part in folded:
            shown.setdefault(part, token if len(folded) == 1 else part)
    return shown


@lru_cache(maxsize=100_000)
def _fold_token(token: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(token)))


def is_content_word(word: str) -> bool:
    """Tell whether a folded word carries meaning (not a stop word, number or single letter)."""
    return len(word) > 1 and word not in STOP_WORDS and not word.isdigit()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return the Snowball Danish stem of a folded word, irregular forms first made regular.

    Snowball cuts regular endings only: "gik" would never meet "gå", nor "sov" "sove".
    """
    return str(_stemmer.stemWord(_base_forms().get(word, word)))


@lru_cache(maxsize=1)
def _base_forms() -> dict[str, str]:
    """Return irregular form -> base form (danish_forms.txt, from the Danish Hunspell list)."""
    return word_pairs(FORMS)


def word_pairs(path: Path) -> dict[str, str]:
    """Read one of the engine's word lists: "word value" per line, "#" lines are comments."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, value = line.split()
            found[word] = value
    return found


def content_stems(text: str) -> list[str]:
    """Return the stems of the content words of a text, in order."""
    return [stem(w) for w in words(text) if is_content_word(w)]


# Endings that look like words but make no compound: "bekymr|ende" is a participle, not an
# end; "almindel|ige", "behandl|ing", "etabl|eret", "lærer|en" are suffixes and inflections.
SUFFIXES = frozenset(
    "ende endes ing inger ingen ingerne lig lige ligt ret ren mer ske rske kende else elsen"
    " elser hed heden heder isk iske".split()
)
MIN_PART, SHORT_PART, LONG_PARTNER = 3, 3, 5  # letters: a three-letter part needs a long partner


def split_compound(word: str, lexicon: Collection[str], depth: int = 2) -> tuple[str, ...]:
    """Split a folded compound into known words (fritidsjob -> fritid, job), or return ().

    Only real words are kept: both parts are content words found in the lexicon (as they
    are or without a common inflection ending) of at least three letters, a three-letter
    part only beside a part of five or more (jobcenter, vægttab, but never ung + dom), and
    the joint between them is plain or a linking s or e. The head (the last part) is taken
    as long as possible; an unknown modifier may itself be split once more, by the same rules.
    """
    if len(word) < 2 * MIN_PART + 1 or depth == 0:
        return ()
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        if right in SUFFIXES or not _known(right, lexicon):
            continue
        bare = left[:-1] if left[-1:] in ("s", "e") else ""
        for modifier in (bare, left):
            if _plausible(modifier, right) and _known(modifier, lexicon):
                return (modifier, right)
        for modifier in (bare, left):
            inner = split_compound(modifier, lexicon, depth - 1) if modifier else ()
            if inner:
                return (*inner, right)
    return ()


def _plausible(modifier: str, head: str) -> bool:
    """Tell whether two pieces are long enough to be the parts of a compound."""
    shorter, longer = sorted((len(modifier), len(head)))
    return shorter >= MIN_PART and (shorter > SHORT_PART or longer >= LONG_PARTNER)


_ENDINGS = ("erne", "ene", "ens", "ers", "en", "et", "er", "ne", "es", "e", "s")


def _known(part: str, lexicon: Collection[str]) -> bool:
    if not is_content_word(part):
        return False
    if part in lexicon:
        return True
    for end in _ENDINGS:
        if part.endswith(end) and len(part) - len(end) >= MIN_PART:
            base = part[: -len(end)]
            if base in lexicon or (base[-1] == base[-2] and base[:-1] in lexicon):
                return True  # skolen -> skole; klubben -> klub (the doubled consonant)
    return False
