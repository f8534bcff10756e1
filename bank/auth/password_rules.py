"""The password rule: long enough, not too long, not common, not a sequence, not your own name.

Common passwords come from common_passwords.txt beside this module (lower case, one a line);
a common password followed by digits or symbols ("sommer2026!") counts as common too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

MIN_LENGTH = 10
MAX_LENGTH = 200  # checked before hashing: argon2 of a 5 MB password is a denial of service
COMMON_FILE = Path(__file__).with_name("common_passwords.txt")
KEYBOARD_ROWS = ("1234567890", "qwertyuiopå", "asdfghjklæø", "zxcvbnm", "qwertzuiop", "azertyuiop")
_TRAILING = re.compile(r"[\d\W_]+$")
_WORD = re.compile(r"[^\W\d_]{4,}")


@cache
def common_passwords() -> frozenset[str]:
    """Return the list of common passwords, lower case."""
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def is_common(password: str) -> bool:
    """Return whether the password is a common one, alone or followed by digits or symbols."""
    folded = _fold(password).strip()
    common = common_passwords()
    base = _TRAILING.sub("", folded)
    return folded in common or base in common


def is_sequence(password: str) -> bool:
    """Return whether the password is a run (1234567890, abcdef…), a repeat or a keyboard row."""
    folded = _fold(password)
    for size in range(1, 5):  # "aaaa…", "abab…", "abcabc…", "1234 1234…"
        if len(folded) > size and folded == (folded[:size] * len(folded))[: len(folded)]:
            return True
    steps = {(ord(b) - ord(a)) for a, b in zip(folded, folded[1:], strict=False)}
    if folded.isdigit():
        steps = {(int(b) - int(a)) % 10 for a, b in zip(folded, folded[1:], strict=False)}
        if steps <= {1} or steps <= {9}:
            return True
    if steps <= {1} or steps <= {-1}:
        return True
    rows = " ".join(KEYBOARD_ROWS + tuple(row[::-1] for row in KEYBOARD_ROWS))
    return folded in rows


def mentions_owner(password: str, email: str, name: str) -> bool:
    """Return whether the password holds the user's e-mail, its name part, or their name."""
    folded = re.sub(r"[\W_]+", "", _fold(password))
    email = _fold(email).strip()
    local = re.sub(r"[\W_]+", "", email.split("@", 1)[0])
    parts = {local} if len(local) >= 4 else set()
    parts |= set(_WORD.findall(_fold(name)))
    whole_name = re.sub(r"[\W_]+", "", _fold(name))
    if len(whole_name) >= 4:
        parts.add(whole_name)
    return _fold(password).strip() == email or any(part in folded for part in parts)


def password_problems(password: str, email: str = "", name: str = "") -> list[tuple[str, str]]:
    """Return what is wrong with a new password as (English, Danish) messages; [] when fine."""
    if len(password) < MIN_LENGTH:
        return [
            (
                f"must be at least {MIN_LENGTH} characters",
                f"Adgangskoden skal være mindst {MIN_LENGTH} tegn.",
            )
        ]
    if len(password) > MAX_LENGTH:
        return [
            (
                f"must be at most {MAX_LENGTH} characters",
                f"Adgangskoden må højst være {MAX_LENGTH} tegn.",
            )
        ]
    if is_common(password):
        return [
            (
                "is one of the most common passwords; choose another",
                "Adgangskoden er en af de mest brugte. Vælg en anden.",
            )
        ]
    if is_sequence(password):
        return [
            (
                "is a sequence or repeat (like 1234567890); choose another",
                "Adgangskoden er en række eller en gentagelse (som 1234567890). Vælg en anden.",
            )
        ]
    if mentions_owner(password, email, name):
        return [
            (
                "must not contain your e-mail address or name",
                "Adgangskoden må ikke indeholde din e-mailadresse eller dit navn.",
            )
        ]
    return []
