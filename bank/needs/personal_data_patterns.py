"""The personal-data check's patterns: text normalisation and the detectors for each kind.

Every detector works on normalised text (see `normalise`), in which every dash is "-",
every space (NBSP, tab, line break, thin space ...) is one " ", invisible characters are gone
and fullwidth forms are plain (NFKC). CPR numbers are validated with python-stdnum, phone
numbers with phonenumbers; labelled business numbers (CVR, P-nr, EAN ...), dates, years,
time ranges, amounts and numbered lists (weeks, places) are not taken for personal data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

import phonenumbers
from stdnum.dk import cpr as stdnum_cpr
from stdnum.exceptions import ValidationError

_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def normalise(text: str) -> tuple[str, list[int]]:
    """Return the text normalised for the check, and each character's index in the original."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        for plain in unicodedata.normalize("NFKC", char):
            if plain in _DASHES:
                plain = "-"
            elif plain.isspace():
                if out and out[-1] == " ":
                    continue  # a run of spaces counts as one
                plain = " "
            out.append(plain)
            where.append(index)
    return "".join(out), where


# A number right after one of these labels is a business or account number, not a person's.
_BUSINESS_LABEL = re.compile(
    r"(?:\b(?:cvr|ean|gln|isbn)(?:[ .-]*(?:nr|nummer|no)\b)?"
    r"|\b(?:p|se|reg|konto|faktura|ordre|produktionsenheds?)[ .-]*(?:nr|nummer|no)\b"
    r"|\bproduktionsenhed)[ .:#=-]*$",
    re.IGNORECASE,
)
# Numbers after these words (or before the words in _COUNTED) are a list, not a phone number.
_LIST_LABEL = re.compile(
    r"\b(?:uge|uger|ugerne|ugenr|pladser|plads|klasse|klasser|lokale|lokaler|side|sider|"
    r"kapitel|kapitler|årgang|årgange|hold|bus|busser|linje|linjer|rum|værelse|point|"
    r"numrene|tallene|år|årene|kl|klokken|alder|aldre)[ .:]*$",
    re.IGNORECASE,
)
_PHONE_LABEL = re.compile(
    r"\b(?:tlf|telefon|mobil|mobiltelefon)(?:[ .-]*(?:nr|nummer))?[ .:]*$"
    r"|\b(?:ring|sms|skriv)(?:e)?(?: til| på)?[ .:]*$",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"^ ?(?:%|procent|pct|kr|kroner|dkk|mio|mia|euro|timer|minutter|min|dage|uger|måneder|år|"
    r"pladser|elever|unge|børn|voksne|deltagere|personer|point|km|meter|stk)\b",
    re.IGNORECASE,
)


def _labelled(text: str, start: int, label: re.Pattern, width: int = 30) -> bool:
    return bool(label.search(text[max(0, start - width) : start]))


_CPR = re.compile(
    r"(?<!\d)(?<!\d[.,/-])(\d{2}) ?[./-]? ?(\d{2}) ?[./-]? ?(\d{2}) ?[./_-]? ?(\d{4})"
    r"(?!\d)(?![.,/-]\d)"
)


def cpr_date_is_valid(digits: str) -> bool:
    """Tell whether ten digits start with a real birth date, as python-stdnum reads a CPR number."""
    try:
        stdnum_cpr.get_birth_date(digits)
    except ValidationError:
        return False
    return True


def cpr_numbers(text: str) -> Iterator[re.Match]:
    """Yield CPR numbers in any common written form, with a valid day and month."""
    for match in _CPR.finditer(text):
        digits = "".join(match.groups())
        if cpr_date_is_valid(digits) and not _labelled(text, match.start(), _BUSINESS_LABEL):
            yield match


_PHONE = re.compile(
    r"(?<!\d)(?<![\d+][.,/-])(?:(?:\+|00) ?45 ?[.-]? ?|\(\+?45\) ?)?"
    r"(\d(?:[ ./-]?\d){7})(?!\d)(?![.,/-]\d)(?! ?%)"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_PHONE_GROUPS = re.compile(r"\d\d([ .-])\d\d\1\d\d\1\d\d|\d{4}[ .-]\d{4}|\d{3} \d{3} \d\d")
_TIME_RANGE = re.compile(r"^([01]\d|2[0-4])[.:]([0-5]\d)-([01]\d|2[0-4])[.:]([0-5]\d)$")


def _is_date(groups: list[str]) -> bool:
    sizes = [len(g) for g in groups]
    if sizes == [2, 2, 4]:
        day, month, year = groups
    elif sizes == [4, 2, 2]:
        year, month, day = groups
    else:
        return False
    return bool(_YEAR.match(year)) and 1 <= int(month) <= 12 and 1 <= int(day) <= 31


def _is_list(groups: list[str], separators: set[str]) -> bool:
    """Tell whether space-separated groups count up evenly, as weeks or places in a list do."""
    if separators != {" "} or len(groups) < 3 or len({len(g) for g in groups}) != 1:
        return False
    steps = {int(b) - int(a) for a, b in zip(groups, groups[1:], strict=False)}
    return len(steps) == 1 and steps.pop() in (1, 2, 5, 10)


def _not_a_phone(text: str, match: re.Match) -> bool:
    number = match.group(1)
    groups = re.split(r"[ ./-]", number)
    separators = set(re.findall(r"[ ./-]", number))
    if _labelled(text, match.start(), _BUSINESS_LABEL):
        return True
    if match.group(0) != number or _labelled(text, match.start(), _PHONE_LABEL, 15):
        return False  # +45 / 0045 or "tlf." written before it: a phone number
    if _is_date(groups) or _TIME_RANGE.match(number):
        return True
    if len(groups) == 2 and separators <= {"/", "-", " "} and all(map(_YEAR.match, groups)):
        return True  # 2019/2020: two years
    if len(separators) == 1 and separators <= {".", " "} and all(len(g) == 3 for g in groups[1:]):
        return len(groups) > 1  # 12.500.000: an amount with thousands separators
    if _labelled(text, match.start(), _LIST_LABEL, 15) or _COUNTED.match(text[match.end() :]):
        return True
    return _is_list(groups, separators)


def phone_numbers(text: str) -> Iterator[re.Match]:
    """Yield Danish phone numbers written with any separators (spaces, dots, dashes, +45)."""
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        valid = phonenumbers.is_valid_number(phonenumbers.parse("+45" + digits))
        # Written as a phone number (12.34.56.78, +45 ..., "tlf.") counts even if not issued.
        written_as_one = (
            match.group(0) != match.group(1)
            or _PHONE_GROUPS.fullmatch(match.group(1))
            or _labelled(text, match.start(), _PHONE_LABEL, 15)
        )
        if (valid or written_as_one) and not _not_a_phone(text, match):
            yield match


_OPEN, _CLOSE = r"[(\[{<]", r"[)\]}>]"
_AT = rf"(?: ?@ ?| ?{_OPEN} ?(?:at|@|snabel-?a) ?{_CLOSE} ?)"
_WORD_DOT = rf"(?: ?{_OPEN} ?(?:dot|punktum|prik) ?{_CLOSE} ?| (?:dot|punktum|prik) )"
_DOT = rf"(?: ?\. ?|{_WORD_DOT})"
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_EMAIL = re.compile(
    rf"[\w.+-]*[^\W_]{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}[a-z]{{2,24}}\b", re.IGNORECASE
)
# "ung at mail dot dk": a spelled-out @ only counts before a domain with a known ending.
_TLDS = r"(?:dk|com|net|org|nu|eu|se|no|de|fo|gl|info|io|me|uk|biz|edu)"
_EMAIL_WORDS = re.compile(
    rf"[\w.+-]*[^\W_] (?:at|snabel-?a) {_LABEL}(?:(?:\.|{_WORD_DOT}){_LABEL})*"
    rf"(?:\.|{_WORD_DOT}){_TLDS}\b",
    re.IGNORECASE,
)


def email_addresses(text: str) -> Iterator[re.Match]:
    """Yield e-mail addresses, also written as (at), [at], " @ ", "at ... dot dk" or with ＠."""
    yield from _EMAIL.finditer(text)
    yield from _EMAIL_WORDS.finditer(text)


# Danish street words, as the last part of a street name (Vestergade) or a word of their own.
_STREET_WORDS = """
    vej vejen gade gaden allé alle allè stræde strædet vænge vænget boulevard boulevarden
    plads pladsen torv torvet park parken have haven sti stien vang vangen bakke bakken toft
    toften tofte løkke løkken lund lunden brink brinken høj højen kvarter passage promenade
    gyde gyden krog krogen kaj kajen
""".split()
_STREET = "|".join(sorted(set(_STREET_WORDS), key=len, reverse=True))
_DEFINITE = "|".join(
    sorted({w for w in _STREET_WORDS if w.endswith(("en", "et"))}, key=len, reverse=True)
)
_UPPER = "A-ZÆØÅÉÜÖÄ"
_WORD = r"[\wæøåéüöä]"
_ADDRESS = re.compile(
    rf"(?:\b{_WORD}{{2,}}(?i:{_STREET})"  # Vestergade, ringvej, Rosenvænget
    rf"|\b[{_UPPER}][\w.]*(?:-[{_UPPER}][\w.]*)? (?i:{_STREET})"  # Nørre Allé, Andersens Boulevard
    rf"|(?<![\w.])(?=[{_UPPER}])(?i:{_STREET})"  # Toften, Haven
    rf"|\b{_WORD}{{2,}} (?i:allé|allè|boulevard|stræde|promenade|passage)"  # nørre allé
    rf"|(?<![\w.])(?i:{_DEFINITE}))"  # toften, haven (a bare "vej" or "have" needs a capital)
    r"(?: (?:(?i:nord|syd|øst|vest)|[NSØV])\b)?"  # Ringvej Syd
    r",? (\d{1,4}(?: ?[A-Za-z](?![\wæøå]))?)(?![\d,.]\d)\b"
    r"(?! ?(?:[.,] ?)?(?:dage?|gange?|timer?|uger?|måneder?|mdr|år|kr|km|min|minutter|"
    r"procent|%|klasse|klassetrin|personer|elever|unge|pladser|stk|point)\b)",
)


def street_addresses(text: str) -> Iterator[re.Match]:
    """Yield street addresses: a street name with a Danish street word and a house number."""
    for match in _ADDRESS.finditer(text):
        if not _YEAR.match(match.group(1)):
            yield match


_GENITIVE = r"(?:['’]?s|['’])?"


def _name_pattern(name: str, whole_word: bool = True) -> re.Pattern:
    """A name in any case, spaced or hyphenated ("Ung A", "ung-a"), with a genitive."""
    parts = [re.escape(p) for p in re.split(r"[\s-]+", name) if p]
    body = "[ -]".join(parts)  # not joined: "Ung E" must not match "unge"
    tail = r"(?![\w-])" if whole_word else r"(?!\w)"
    return re.compile(rf"(?<![\w-]){body}{_GENITIVE}{tail}", re.IGNORECASE)


def name_patterns(pseudonym: str, family_names: Iterable[str]) -> list[re.Pattern]:
    """Return patterns for the pseudonym, each recorded name, and each part of a recorded name."""
    names = [normalise(n)[0].strip() for n in [pseudonym, *family_names] if n and n.strip()]
    patterns = [_name_pattern(n) for n in names]
    for name in names[1 if pseudonym and pseudonym.strip() else 0 :]:
        for part in re.split(r"[\s-]+", name):
            if len(part) >= 3:
                patterns.append(_name_pattern(part, whole_word=False))
    return patterns
