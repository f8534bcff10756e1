"""Who an offer is for, and what a need asks for: read from plain Danish, for the second stage.

An offer is for the young person (the default), for the parents, or for professionals;
the programme theory's target group says it first, the title second. A need is about a young
person; it asks for help to the parents or to professionals only when it says so. Who
wrote the need (a teacher, a counsellor) is not what it asks for.
"""

from __future__ import annotations

import re
from enum import IntEnum
from functools import lru_cache

from bank.matching.text import fold

# The first person named in a target group ("Forældre til børn på 3–12 år", "Lærere og
# pædagoger i udskolingen") is who the offer works with.
_SUBJECT = re.compile(r"[a-z]+")
_PARENT_WORDS = frozenset(
    "foraeldre foraeldrene foraelder mor moedre moedrene far faedre faedrene forsoergere "
    "plejeforaeldre adoptivforaeldre foraeldrepar".split()
)
_PROFESSIONAL_WORDS = frozenset(
    "fagpersoner fagfolk professionelle medarbejdere laerere paedagoger ledere "
    "skoler institutioner kolleger personale sagsbehandlere radgivere raadgivere".split()
)
_YOUNG_WORDS = frozenset(
    "unge ung boern barn elever elev teenagere piger drenge studerende kursister "
    "borgere personer".split()
)
_PARENT_TITLE = re.compile(
    r"foraeldre(kursus|gruppe|forloeb|traening|vejledning|program|skole)"
    r"|for foraeldre|til foraeldre"
)


class Audience(IntEnum):
    """Who an offer works with."""

    YOUNG = 0
    PARENTS = 1
    PROFESSIONALS = 2


def offer_audience(title: str, target_group: str) -> Audience:
    """Tell who an offer works with, from its target group (first) and its title."""
    for word in _SUBJECT.findall(fold(target_group))[:6]:
        if word in _YOUNG_WORDS:
            return Audience.YOUNG
        if word in _PARENT_WORDS:
            return Audience.PARENTS
        if word in _PROFESSIONAL_WORDS:
            return Audience.PROFESSIONALS
    if _PARENT_TITLE.search(fold(title)):
        return Audience.PARENTS
    return Audience.YOUNG


# A need asks for the parents when a goal or a request is about them ("at vi som forældre
# ved, hvordan vi hjælper", "råd til os"), not merely when a parent wrote it.
_ASKS_PARENTS = re.compile(
    r"\bvi som foraeldre\b|\bos som foraeldre\b|\bforaeldrene (skal|kan|faar|laerer|vil)\b"
    r"|\b(hjaelp|raad|vejledning|stoette|redskaber|kursus) til (os|foraeldrene|mor|far)\b"
    r"|\bforaeldre(kursus|vejledning|traening|stoette|gruppe|samarbejde)\b"
    r"|\bvi (skal|kan|vil) (laere|blive bedre|forstaa|hjaelpe)\b"
)
_ASKS_PROFESSIONALS = re.compile(
    r"\b(vi|jeg) som (laerer|laerere|paedagog|paedagoger|skole|fagperson)\b"
    r"|\b(sparring|supervision|vejledning) til (os|skolen|laereren|personalet|medarbejderne)\b"
)


def need_asks_for(texts: list[str]) -> set[Audience]:
    """Return who, besides the young person, a need asks help for (its goals and text)."""
    folded = " ".join(_folded(tuple(texts)))
    asks = {Audience.YOUNG}
    if _ASKS_PARENTS.search(folded):
        asks.add(Audience.PARENTS)
    if _ASKS_PROFESSIONALS.search(folded):
        asks.add(Audience.PROFESSIONALS)
    return asks


# What a need says about the size of help it wants: a ceiling ("ikke en sag i kommunen")
# or a call for more ("akut", "anbringelse").
_SMALL = re.compile(
    r"\b(ikke|uden) (kraever )?(en |nogen )?(stor |ny )?sag\b|\bikke (blive )?en stor sag\b"
    r"|\buden visitation\b|\bikke (noget|for) (stort|meget)\b|\bstarte (med noget|i det smaa)\b"
    r"|\bnoget lille\b|\bi foerste omgang\b|\bfoerst proeve\b"
)
_MORE = re.compile(
    r"\bakut\b|\bmeget alvorlig|\bdoegn\b|\banbring|\bintensiv|\bmassiv|\bomfattende"
    r"|\bhar proevet (alt|meget)\b|\bintet har hjulpet\b"
)


def step_wish(texts: list[str]) -> int:
    """Return -1 when a need asks for something small, 1 when it asks for more, else 0."""
    folded = " ".join(_folded(tuple(without_refused(text) for text in texts)))
    if _SMALL.search(folded):
        return -1
    if _MORE.search(folded):
        return 1
    return 0


# Sentences that tell what was tried and did not help ("Han har haft en mentor, men det
# hjalp ikke"); the offers that are that same thing again go down.
_SENTENCE = re.compile(r"[^.!?;\n]+")
_TRIED = re.compile(
    r"\bhar (allerede )?(proevet|forsoegt|vaeret i|gaaet (til|i|paa)|haft|deltaget i)\b"
    r"|\bproevede\b|\bforsoegte\b"
)
_FAILED = re.compile(
    r"\b(hjalp|hjaelper|virkede|virker|fungerede|gik) ikke\b|\bikke (hjulpet|virket|fungeret)\b"
    r"|\buden (effekt|virkning|at det hjalp)\b|\bstoppede (igen|hurtigt)\b|\bdroppede ud\b"
    r"|\bopgav\b"
)


def tried_sentences(texts: list[str]) -> list[str]:
    """Return the sentences of a need that say something was tried and did not help."""
    found = []
    for text in _folded(tuple(texts)):
        for sentence in _SENTENCE.findall(text):
            if _TRIED.search(sentence) and _FAILED.search(sentence):
                found.append(sentence)
    return found


def without_tried(text: str) -> str:
    """Return a text without its sentences about what was tried and did not help."""
    kept = []
    for sentence in _SENTENCE.findall(text):
        folded = fold(sentence)
        if not (_TRIED.search(folded) and _FAILED.search(folded)):
            kept.append(sentence)
    return ".".join(kept)


@lru_cache(maxsize=16)
def _folded(texts: tuple[str, ...]) -> tuple[str, ...]:
    """Fold a need's texts once for the three readings above (the second stage asks each)."""
    return tuple(fold(text) for text in texts)


# Who wrote a need is not what it asks for: "Jeg er studievejleder på et gymnasium" makes no
# need about guidance, "Jeg skriver som klasselærer" none about school. The reporter's own
# profession, named where the writer presents themself, is left out of the need's words.
_PRESENTS = re.compile(
    r"\b(?:jeg|vi) (?:er|arbejder som|skriver som|er ansat som|skriver her som)"
    r" (?:en |et |hans |hendes |deres )?([^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?:^|[.!?]\s+)som ([^\W\d_]+(?:-[^\W\d_]+)*)",
    re.IGNORECASE,
)
_PROFESSION = re.compile(  # the word ends in a profession, singular or plural
    r"(?:laerer|vejleder|raadgiver|medarbejder|sagsbehandler|leder|traener|tovholder)(?:e|ne)?$"
    r"|(?:paedagog|konsulent|terapeut|psykolog|mentor|koordinator|kontaktperson)(?:er|erne)?$"
    r"|(?:plejerske|laege)(?:r|rne)?$"
)


def without_reporter(text: str) -> str:
    """Return a need's text without the profession its writer presents themself with."""
    cut = []
    for match in _PRESENTS.finditer(text):
        group = 1 if match.group(1) else 2
        if _PROFESSION.search(fold(match.group(group))):
            cut.append(match.span(group))
    for start, end in reversed(cut):
        text = text[:start] + text[end:]
    return text


# What a need says it does not want: "vi vil ikke have ham anbragt", "forebygge, at en
# anbringelse bliver nødvendig". Such words are no wish for placement, and no call for more;
# "ikke længere anbragt" (placed before) stays.
_REFUSED = re.compile(
    r"\b(?:ikke(?! længere| laengere| mere)|aldrig|undgå\w*|undgaa\w*|forebygg\w*|uden|frygt\w*"
    r"|ender med)\b,?"
    r"[^,.;!?\n]{0,40}?\b(anbring\w*|anbragt\w*)",
    re.IGNORECASE,
)


def without_refused(text: str) -> str:
    """Return a need's text without the steps it says it does not want (placement)."""
    return _REFUSED.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)], text)


def told_need(description: str) -> str:
    """Return what a need's description asks for: without what was tried without help, the
    writer's own profession and the steps it says it does not want."""
    return without_refused(without_reporter(without_tried(description)))
