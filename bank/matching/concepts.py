"""A small, general table of everyday Danish social-work words that mean the same thing.

Each concept (named in plain Danish, as the reasons show it) names the vocabulary tag it
belongs to (or None) and the folded words that express it. A pattern ending in * matches
any word (or compound part) that starts with it; other patterns match the word or its stem
exactly. The table is about the field's common language, not about any one catalogue.
"""

from __future__ import annotations

from functools import lru_cache

from bank.matching.text import stem

CONCEPTS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "angst": ("psykisk-trivsel", (
        "angst*", "aengst*", "nervoes*", "panik*", "bange", "bekymr*", "fobi*", "socialfobi*",
        "utryg*", "frygt*", "urolig*")),
    "psykisk trivsel": ("psykisk-trivsel", ("psykisk*", "psykiatri*", "trivsel*", "mistrivsel*")),
    "tristhed": ("psykisk-trivsel", (
        "depress*", "trist*", "nedtrykt*", "modloes*", "mistrivsel*", "selvskad*", "selvmord*",
        "haabloes*", "ulykkelig*")),
    "stress": ("psykisk-trivsel", ("stress*", "presset", "overbelast*", "udbraend*")),
    "ensomhed": ("relationer", ("ensom*", "isoler*", "alene", "venneloes*")),
    "venner": ("relationer", (
        "ven", "venner", "vennerne", "venskab*", "veninde*", "kammerat*", "netvaerk*",
        "relation*", "kaereste*")),
    "misbrug": ("misbrug", (
        "hash*", "cannabis*", "rusmid*", "misbrug*", "stoffer", "stofmisbrug*",
        "kokain*", "alkohol*", "druk*", "drikker", "drikke", "beruset", "joint*", "amfetamin*",
        "narko*", "afvaenn*", "euforiser*")),
    "fravær": ("fravaer", (
        "fravaer*", "pjaek*", "skolevaegr*", "vaegr*", "udebliv*", "fremmoede*", "moedestabil*",
        "skoletraet*", "hjemmesidd*")),
    "skole": ("skole", (
        "skole*", "folkeskole*", "klasse*", "laerer*", "undervisning*", "grundskole*",
        "udskoling*", "afgangsproeve*", "elev*")),
    "lektier": ("skole", ("lektie*", "aflevering*", "skolearbejde*", "opgave*", "stil", "stile")),
    "uddannelse": ("uddannelse", (
        "uddannelse*", "gymnasi*", "hf", "stx", "hhx", "htx", "eud", "erhvervsuddannelse*",
        "frafald*", "studie*", "fgu", "ungdomsuddannelse*", "laerlinge*", "laereplads*")),
    "job": ("job", (
        "job*", "arbejde*", "arbejd*", "beskaeftig*", "ansaet*", "ledig*", "kontanthjaelp*",
        "uddannelseshjaelp*", "jobcent*", "loen*", "fleksjob*")),
    "praktik": ("praktik", (
        "praktik*", "virksomhedspraktik*", "erhvervspraktik*", "arbejdsplads*")),
    "vejledning": ("vejledning", ("vejled*", "afklar*", "uddannelsesvalg*", "valg")),
    "økonomi": ("okonomi", (
        "oekonomi*", "gaeld*", "skylder", "penge*", "budget*", "regning*", "laan", "laanet",
        "kviklaan*", "rykker*", "inkasso*", "restance*", "kreditor*", "afdrag*", "afbetal*")),
    "bolig": ("bolig", (
        "bolig*", "lejlighed*", "husleje*", "udsaet*", "hjemloes*", "vaerelse*", "bostoet*",
        "botraen*", "udlejer*", "boligselskab*")),
    "hverdagen": ("hverdagsmestring", (
        "hverdag*", "doegnrytme*", "rutine*", "struktur*", "rengoer*", "indkoeb*", "opvask*",
        "madlavning*", "overskue*", "overblik*", "aftaler", "tidsplan*")),
    "adfærd": ("adfaerd", (
        "adfaerd*", "vred*", "raab*", "konflikt*", "skaender*", "aggress*", "vold", "volden",
        "voldelig*", "impuls*", "smaekk*", "slaas*", "udadreager*", "temperament*", "graense*")),
    "kriminalitet": ("kriminalitet", (
        "krimin*", "politi*", "tyveri*", "butikstyveri*", "stjael*", "haervaerk*", "bande*",
        "sigtet", "straf*", "anholdt*", "ssp", "risikoadfaerd*", "rocker*", "vaaben*")),
    "familie": ("familie", (
        "famili*", "foraeldre*", "mor", "moren", "far", "faren", "stedfar*", "stedmor*",
        "soeskende*", "foraeldreskab*", "teenageforaeldre*")),
    "fritid": ("fritid", (
        "fritid*", "forening*", "sport*", "fodbold*", "klub*", "hobby*", "idraet*", "spejder*",
        "fritidsaktivitet*", "haandbold*", "musik*", "svoemm*", "gaming", "e-sport*")),
    "fællesskab": ("faellesskab", ("faellesskab*", "deltag*", "inklusion*")),
    "sundhed": ("sundhed", (
        "sundhed*", "krop*", "kost*", "motion*", "soevn*", "overvaegt*", "rygning*", "rygestop*",
        "smert*", "hovedpine*", "mavepine*", "helbred*", "laege*")),
    "selvværd": ("selvvaerd", (
        "selvvaerd*", "selvtillid*", "usikker*", "skam*", "modig*", "selvfoelelse*",
        "handlekraft*")),
    "anbringelse": ("eftervaern", (
        "eftervaern*", "anbring*", "anbragt*", "plejefamilie*", "plejeforaeldre*",
        "opholdssted*", "doegninstitution*", "hjemkomst*")),
    "sprog": ("sprog", (
        "sprog*", "ordblind*", "dysleksi*", "laes", "laese*", "laesning*", "skrive*", "stave*",
        "tosproged*")),
    "diagnose": ("handicap", (
        "handicap*", "diagnose*", "adhd", "add", "autis*", "asperger*", "funktionsnedsaet*",
        "udviklingshaem*", "ocd", "tourette*")),
    "mentor": ("mentor", (
        "mentor*", "kontaktperson*", "stoetteperson*", "ledsag*", "foelgeskab*", "tovholder*")),
    "behandling": ("behandling", (
        "behandl*", "terapi*", "psykolog*", "psykoedukation*", "kognitiv*", "samtaleforloeb*")),
    "frivillige": ("civilsamfund", ("frivillig*", "civilsamfund*", "forening*")),
}

_EXACT: dict[str, list[str]] = {}
_PREFIX: dict[str, list[tuple[str, str]]] = {}
for _key, (_tag, _patterns) in CONCEPTS.items():
    for _pattern in _patterns:
        if _pattern.endswith("*"):
            _PREFIX.setdefault(_pattern[:3], []).append((_pattern[:-1], _key))
        else:
            _EXACT.setdefault(_pattern, []).append(_key)


@lru_cache(maxsize=200_000)
def concepts_of(word: str) -> tuple[str, ...]:
    """Return the concepts a folded word (or compound part) expresses, in table order."""
    found = set(_EXACT.get(word, ())) | set(_EXACT.get(stem(word), ()))
    found.update(key for prefix, key in _PREFIX.get(word[:3], ()) if word.startswith(prefix))
    return tuple(key for key in CONCEPTS if key in found)


def concept_tag(concept: str) -> str | None:
    """Return the vocabulary tag a concept belongs to, if any."""
    return CONCEPTS[concept][0]
