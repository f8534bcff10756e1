"""Hypothesis strategies for the personal-data corpus: personal data in the forms people write
it, set in ordinary Danish sentences, and plain Danish with numbers of the harmless kinds."""

from __future__ import annotations

import datetime as dt

import phonenumbers
from hypothesis import strategies as st
from stdnum.dk import cvr

PSEUDONYM = "Ung A"
FAMILY = ["Gitte Fiktivsen", "Bodil Krogh-Madsen", "Tjalfe"]

BEFORE = st.sampled_from(
    [
        "",
        "Hun kan kontaktes på ",
        "Moren har skrevet ",
        "Se papirerne: ",
        "Han oplyste ",
        "Ring evt. til ",
        "Skolen skrev til ",
        "I sagen står der ",
        "Oplysninger (",
        "Vigtigt – ",
        "Tidligere noteret\t",
        "Kontakt:\n",
        "Hendes oplysninger er ",
    ]
)
AFTER = st.sampled_from(
    [
        "",
        ".",
        " efter skole.",
        ", hvis der er spørgsmål.",
        ")",
        " – men kun om eftermiddagen.",
        "\nTak.",
        " og hun vil gerne have hjælp til lektier.",
        "; spørg først.",
        ", 2. th.",
    ]
)
SPACES = st.sampled_from([" ", "\u00a0", "\t", "\u202f", "  "])
DASHES = st.sampled_from(["-", "–", "—", "−", "‐", "‑", " - ", " – ", "/"])
FULLWIDTH = str.maketrans("0123456789@", "０１２３４５６７８９＠")


def _in_sentence(core: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(BEFORE, core, AFTER).map("".join)


def _fullwidth_sometimes(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(text, st.integers(0, 9)).map(
        lambda pair: pair[0].translate(FULLWIDTH) if pair[1] == 0 else pair[0]
    )


@st.composite
def _cpr_parts(draw) -> tuple[str, str, str, str]:
    born = draw(st.dates(dt.date(1960, 1, 1), dt.date(2015, 12, 31)))
    first = draw(st.sampled_from("0123" if born.year < 2000 else "45678"))
    serial = first + draw(st.text("0123456789", min_size=3, max_size=3))
    return f"{born.day:02}", f"{born.month:02}", f"{born.year % 100:02}", serial


@st.composite
def _cpr_text(draw) -> str:
    d, m, y, s = draw(_cpr_parts())
    space, dash = draw(SPACES), draw(DASHES)
    form = draw(
        st.sampled_from(
            [
                "{d}{m}{y}-{s}",
                "{d}{m}{y}{s}",
                "{d}{m}{y}{sp}{s}",
                "{d}{m}{y}{da}{s}",
                "{d}.{m}.{y}-{s}",
                "{d}.{m}.{y}{da}{s}",
                "{d}.{m}.{y}{sp}{s}",
                "{d}{sp}{m}{sp}{y}{sp}{s}",
                "{d}-{m}-{y}-{s}",
                "{d}{m}{y}/{s}",
                "{d}/{m}/{y}-{s}",
                "CPR-nr.{d}{m}{y}-{s}",
                "cpr:{d}{m}{y}{s}",
                "CPR nr. {d}{m}{y} {s}",
                "personnummer {d}{m}{y}-{s}",
                "cpr.nr.{d}{m}{y}{da}{s}",
                "({d}{m}{y}-{s})",
                "{d}{m}{y}\u200b-{s}",
                "{d}{m}{y}_{s}",
                "{d}{m}{y} -{s}",
                "CPR: {d}.{m}.{y}-{s}",
                "{d}{m}-{y}-{s}",
                "{d} {m} {y}-{s}",
                "{d}{m}{y}.{s}",
                "født {d}{m}{y}-{s}",
            ]
        )
    )
    return form.format(d=d, m=m, y=y, s=s, sp=space, da=dash)


def cpr_numbers() -> st.SearchStrategy[str]:
    """CPR numbers in 25 written forms, with every dash and space variant, in a sentence."""
    return _in_sentence(_fullwidth_sometimes(_cpr_text()))


@st.composite
def _phone_text(draw) -> str:
    digits = draw(
        st.text("0123456789", min_size=7, max_size=7)
        .flatmap(lambda rest: st.sampled_from("23456789").map(lambda first: first + rest))
        .filter(lambda n: phonenumbers.is_valid_number(phonenumbers.parse("+45" + n)))
    )
    a, b, c, d = digits[:2], digits[2:4], digits[4:6], digits[6:]
    space = draw(SPACES)
    form = draw(
        st.sampled_from(
            [
                "{n}",
                "{a} {b} {c} {d}",
                "{a}{b} {c}{d}",
                "{a}.{b}.{c}.{d}",
                "{a}-{b}-{c}-{d}",
                "+45 {a} {b} {c} {d}",
                "+45-{a}-{b}-{c}-{d}",
                "+45{n}",
                "0045 {n}",
                "(+45) {n}",
                "tlf.{n}",
                "tlf: {a} {b} {c} {d}",
                "{n3} {n6} {n8}",
                "{a}{sp}{b}{sp}{c}{sp}{d}",
                "{a}{b}-{c}{d}",
                "mobil {a}{b}.{c}{d}",
                "{a}/{b}/{c}/{d}",
                "+45.{a}.{b}.{c}.{d}",
                "Tlf. {a} {b} {c} {d}",
                "telefon: +45 {a}{b}{c}{d}",
            ]
        )
    )
    n3, n6, n8 = digits[:3], digits[3:6], digits[6:]  # 123 456 78
    return form.format(n=digits, a=a, b=b, c=c, d=d, sp=space, n3=n3, n6=n6, n8=n8)


def phone_numbers() -> st.SearchStrategy[str]:
    """Danish phone numbers with any separators, +45 forms and labels, in a sentence."""
    return _in_sentence(_fullwidth_sometimes(_phone_text()))


LOCAL = st.from_regex(r"[a-z]{2,8}(\.[a-z]{1,6})?(\+[a-z]{2,5})?", fullmatch=True)
DOMAIN = st.from_regex(r"[a-z]{3,10}(-[a-z]{2,6})?", fullmatch=True)


@st.composite
def _email_text(draw) -> str:
    local, domain = draw(LOCAL), draw(DOMAIN)
    tld = draw(st.sampled_from(["dk", "com", "net", "org", "nu", "eu"]))
    form = draw(
        st.sampled_from(
            [
                "{l}@{d}.{t}",
                "{l} @ {d}.{t}",
                "{l}(at){d}.{t}",
                "{l} (at) {d} (dot) {t}",
                "{l}[at]{d}[dot]{t}",
                "{l} [at] {d}.{t}",
                "{l} at {d} dot {t}",
                "{l} AT {d} DOT {t}",
                "{l}＠{d}.{t}",
                "{l} snabel-a {d} punktum {t}",
                "{l}@{d} . {t}",
                "{l}{{at}}{d}.{t}",
                "{l} at {d}.{t}",
                "{L}@{D}.{T}",
                "{l}<at>{d}<dot>{t}",
                "mail: {l}@skole.{d}.{t}",
            ]
        )
    )
    return form.format(l=local, d=domain, t=tld, L=local.upper(), D=domain.title(), T=tld.upper())


def emails() -> st.SearchStrategy[str]:
    """E-mail addresses, plain and obfuscated ((at), [at], " @ ", "at ... dot dk", ＠)."""
    return _in_sentence(_email_text())


@st.composite
def _name_text(draw) -> str:
    name = draw(st.sampled_from([PSEUDONYM, *FAMILY, "Fiktivsen", "Gitte", "Krogh", "Madsen"]))
    case = draw(st.sampled_from([str, str.lower, str.upper, str.title]))
    joined = draw(st.sampled_from([" ", "-", "\u00a0", "‑"]))
    ending = draw(st.sampled_from(["", "s", "'s", "’s", "'"]))
    return case(name.replace(" ", joined)) + ending


def names() -> st.SearchStrategy[str]:
    """The pseudonym and recorded family names in any case, hyphenated, in the genitive."""
    who = st.sampled_from(["mor", "far", "bror", "skole", "sag", "hjem"])
    return st.tuples(BEFORE, _name_text(), st.just(" "), who, AFTER).map("".join)


STREET_STEMS = [
    "Vester",
    "Nørre",
    "Skole",
    "Kirke",
    "Rosen",
    "Ring",
    "Bøge",
    "Lærke",
    "Strand",
    "Mølle",
    "Hoved",
    "Enghave",
    "Store Kongens ",
    "Gammel Konge",
    "H.C. Andersens ",
]
STREET_WORDS = [
    "vej",
    "gade",
    "allé",
    "stræde",
    "vænget",
    "boulevard",
    "plads",
    "torv",
    "parken",
    "have",
    "stien",
    "vang",
    "bakken",
    "toften",
    "lunden",
    "brinken",
]
STANDALONE = [
    "Toften",
    "Parken",
    "Haven",
    "Bakken",
    "Vænget",
    "Lunden",
    "Ringvej Syd",
    "Ringvej Nord",
    "Nørre Allé",
    "Gammel Kongevej",
    "Vesterbrogade",
]


@st.composite
def _address_text(draw) -> str:
    if draw(st.booleans()):
        stem = draw(st.sampled_from(STREET_STEMS))
        word = draw(st.sampled_from(STREET_WORDS))
        street = stem + (word.title() if stem.endswith(" ") else word)
    else:
        street = draw(st.sampled_from(STANDALONE))
    number = str(draw(st.integers(1, 250)))
    letter = draw(st.sampled_from(["", "", "B", " C", "a"]))
    case = draw(st.sampled_from([str, str, str, str.lower]))
    return f"{case(street)} {number}{letter}"


def addresses() -> st.SearchStrategy[str]:
    """Street addresses: street word and house number, with Danish street suffixes."""
    return st.tuples(
        st.sampled_from(
            [
                "Hun bor på ",
                "Adresse: ",
                "Familien flyttede til ",
                "Far bor i ",
                "",
                "Han sover hos mormor, ",
            ]
        ),
        _address_text(),
        AFTER,
    ).map("".join)


@st.composite
def _cvr(draw) -> str:
    body = draw(st.text("0123456789", min_size=7, max_size=7).filter(lambda s: s[0] != "0"))
    for last in "0123456789":
        if cvr.is_valid(body + last):
            return body + last
    return draw(st.nothing())


@st.composite
def _harmless(draw) -> str:
    n = st.integers
    year = draw(n(1995, 2030))
    week = draw(n(1, 48))
    places = draw(n(1, 6)) * 10
    day, month = draw(n(1, 28)), draw(n(1, 12))
    hour, minute = draw(n(7, 21)), draw(st.sampled_from(["00", "15", "30", "45"]))
    template = draw(
        st.sampled_from(
            [
                "Firmaet har CVR {cvr} og hjælper med praktik.",
                "CVR-nr. {cvr}",
                "cvr: {cvr}",
                "Arbejdsstedet har P-nr. 1{p9} og CVR-nummer {cvr}.",
                "P-nummer: 1{p9}",
                "Pladser: {pl} {pl2} {pl3} {pl4}",
                "Uge {w} {w1} {w2} {w3} er der praktik.",
                "I ugerne {w} {w1} {w2} {w3} holder klubben lukket.",
                "Hun blev født i {y}.",
                "I skoleåret {y}/{y1} og {y}-{y1} var der meget fravær.",
                "Han er {age} år.",
                "Mellem {age} og {age2} år.",
                "Fremmødet steg fra {pct} % til {pct2}%.",
                "Vi mødes den {d}.{m}.{y} kl. {h}.{mi}.",
                "Mødet er {y}-{m2}-{d2}.",
                "Hun går i {cls}. klasse og vil i {cls1}. klasse.",
                "Klasse {cls}B, lokale {room}.",
                "Træning kl. {h}.{mi}-{h1}.{mi} to gange om ugen.",
                "Prisen er {kr}.000 kr. om året.",
                "Budgettet er {mio}.{k3}.000 kr.",
                "Hun arbejder {days} dage om ugen, {hours} timer ad gangen.",
                "Han er på vej {times} gange om ugen.",
                "Børnehave {days} dage om ugen.",
                "Tag bus {bus} til skolen.",
                "Holdet har {pl} pladser og {pl2} på venteliste.",
                "Mellem {y} og {y1} boede hun hos sin mor.",
                "Der var {pct} procent fravær i {y}.",
                "Hun fik {grade} i dansk og {grade2} i matematik.",
                "Side {page}-{page2} i bogen.",
                "Fra {d}/{m} til {d2}/{m}.",
                "Forløbet varer {weeks} uger fra uge {w}.",
                "En ung arbejder bedst om morgenen.",
                "Han vil gerne lære at spille fodbold i Vejle.",
                "Hun har svært ved at se. Nu får hun briller.",
                "Det er godt at komme ud.",
                "Vi tog en omvej 3 gange.",
                "Pladsen 2 gange om ugen er nok.",
                "Uge {w}, {w1}, {w2} og {w3}.",
                "Åbent {h}-{h1} alle hverdage i {y}.",
            ]
        )
    )
    return template.format(
        cvr=draw(_cvr()),
        p9=draw(st.text("0123456789", min_size=9, max_size=9)),
        pl=places,
        pl2=places + 10,
        pl3=places + 20,
        pl4=places + 30,
        w=week,
        w1=week + 1,
        w2=week + 2,
        w3=week + 3,
        y=year,
        y1=year + 1,
        age=draw(n(12, 25)),
        age2=draw(n(12, 30)),
        pct=draw(n(0, 100)),
        pct2=draw(n(0, 100)),
        d=day,
        m=month,
        d2=f"{day:02}",
        m2=f"{month:02}",
        h=hour,
        h1=hour + 2,
        mi=minute,
        cls=draw(n(0, 10)),
        cls1=draw(n(1, 10)),
        room=draw(n(1, 450)),
        kr=draw(n(1, 999)),
        mio=draw(n(1, 99)),
        k3=f"{draw(n(0, 999)):03}",
        days=draw(n(1, 5)),
        hours=draw(n(1, 8)),
        times=draw(n(1, 9)),
        bus=draw(n(1, 400)),
        grade=draw(st.sampled_from(["-3", "00", "02", "4", "7", "10", "12"])),
        grade2=draw(st.sampled_from(["02", "4", "7", "10", "12"])),
        page=draw(n(1, 300)),
        page2=draw(n(301, 600)),
        weeks=draw(n(2, 20)),
    )


def plain_danish() -> st.SearchStrategy[str]:
    """One to three plain Danish sentences with harmless numbers, joined by a space."""
    return st.lists(_harmless(), min_size=1, max_size=3).map(" ".join)
