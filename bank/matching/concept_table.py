"""The concept table: everyday Danish words of youth and social work that mean the same thing.

concept (plain Danish, as the reasons show it) -> (vocabulary tag or None, folded patterns).
A pattern ending in * matches any word or compound part that starts with it (at least three
letters before the *); other patterns match the word or its stem exactly. Written from the
field's common language (what young people, parents, teachers and caseworkers say), not
from any one catalogue; keep each concept narrow enough that its words really mean it.
"""

from __future__ import annotations

CONCEPTS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "angst": ("psykisk-trivsel", (
        "angst*", "aengst*", "nervoes*", "panik*", "bange", "bekymr*", "fobi*", "socialfobi*",
        "utryg*", "frygt*", "urolig*", "toer", "turde")),
    "psykisk trivsel": ("psykisk-trivsel", (
        "psykisk*", "psykiatri*", "trivsel*", "mistrivsel*", "humoer*", "sindet", "sind")),
    "tristhed": ("psykisk-trivsel", (
        "depress*", "trist*", "nedtrykt*", "modloes*", "haabloes*", "ulykkelig*", "nedslaa*",
        "livslyst*", "tungsind*", "graed*")),
    "stress": ("psykisk-trivsel", (
        "stress*", "presset", "pressede", "pres", "praestationspres*", "overbelast*",
        "udbraend*", "udkoert*", "nedkoer*", "krav", "kravene", "perfekt*", "hjertebank*",
        "udmatt*", "overskud*")),
    "selvskade": ("psykisk-trivsel", (
        "selvskad*", "selvmord*", "skaerer", "skaere", "cutting", "rispe*")),
    "spiseproblemer": ("psykisk-trivsel", (
        "spiseforstyr*", "spiseproblem*", "anoreksi*", "bulimi*", "overspis*", "tynd*",
        "slank*", "kalorie*", "maaltid*", "vejer", "vaegten", "spise", "spiser")),
    "sorg": ("psykisk-trivsel", (
        "sorg*", "doed", "doede", "doeden", "mistede", "mistet", "tab", "tabet", "savn*",
        "begravelse*", "afdoed*", "doedsfald*")),
    "søvn": ("sundhed", ("soevn*", "sove", "sover", "sov", "soevnloes*", "mareridt*")),
    "ensomhed": ("relationer", (
        "ensom*", "isoler*", "alene", "venneloes*", "udenfor")),
    "venner": ("relationer", (
        "ven", "venner", "vennerne", "venskab*", "veninde*", "kammerat*", "netvaerk*",
        "relation*", "kaereste*")),
    "mobning": ("relationer", ("mobb*", "mobning*", "drillet", "drilleri*", "udstoedt*")),
    "misbrug": ("misbrug", (
        "hash*", "cannabis*", "rusmid*", "misbrug*", "stoffer", "stofmisbrug*", "kokain*",
        "alkohol*", "druk*", "drikker", "drikke", "beruset", "joint*", "amfetamin*",
        "narko*", "afvaenn*", "euforiser*", "ecstasy", "tjald*")),
    "afhængighed": ("misbrug", (
        "afhaeng*", "ludomani*", "spilleafhaeng*", "gambl*", "casino*", "vaeddemaal*",
        "spillegaeld*", "trang", "abstinens*")),
    "fravær": ("fravaer", (
        "fravaer*", "pjaek*", "skolevaegr*", "vaegr*", "udebliv*", "fremmoede*", "moedestabil*",
        "skoletraet*", "hjemmesidd*", "sent", "forsinket*", "sygemeld*")),
    "skole": ("skole", (
        "skole*", "folkeskole*", "klasse*", "laerer*", "undervisning*", "grundskole*",
        "udskoling*", "afgangsproeve*", "elev*", "karakter*", "timerne", "frikvarter*")),
    "lektier": ("skole", (
        "lektie*", "aflevering*", "skolearbejde*", "opgave*", "stil", "stile", "matematik*")),
    "uddannelse": ("uddannelse", (
        "uddannelse*", "gymnasi*", "hf", "stx", "hhx", "htx", "eud", "erhvervsuddannelse*",
        "frafald*", "studie*", "studerende", "studiet", "fgu", "ungdomsuddannelse*",
        "laerling*", "laereplads*", "eksam*", "semester*", "su", "omskol*")),
    "job": ("job", (
        "job*", "arbejde*", "arbejd*", "beskaeftig*", "ansaet*", "ledig*", "kontanthjaelp*",
        "uddannelseshjaelp*", "jobcent*", "loen*", "fleksjob*", "arbejdsloes*", "tjene",
        "cv", "ansoegning*", "jobsoeg*", "kollega*", "chef*", "vagt", "vagter")),
    "praktik": ("praktik", (
        "praktik*", "virksomhedspraktik*", "erhvervspraktik*", "arbejdsplads*")),
    "vejledning": ("vejledning", (
        "vejled*", "afklar*", "uddannelsesvalg*", "valg", "vaelge", "uddannelsesplan*")),
    "økonomi": ("okonomi", (
        "oekonomi*", "gaeld*", "skylder", "penge*", "budget*", "regning*", "laan", "laanet",
        "kviklaan*", "rykker*", "inkasso*", "restance*", "kreditor*", "afdrag*", "afbetal*",
        "betale", "betaler", "forbrugslaan*")),
    "bolig": ("bolig", (
        "bolig*", "lejlighed*", "husleje*", "udsaet*", "hjemloes*", "vaerelse*", "bostoet*",
        "botraen*", "udlejer*", "boligselskab*", "sofa*", "sofasurf*", "herberg*", "bo",
        "flytte*", "flyttet", "hjemmefra")),
    "hverdagen": ("hverdagsmestring", (
        "hverdag*", "doegnrytme*", "rutine*", "struktur*", "rengoer*", "indkoeb*", "opvask*",
        "madlavning*", "overskue*", "overblik*", "aftaler", "tidsplan*", "vaekkeur*")),
    "adfærd": ("adfaerd", (
        "adfaerd*", "vred*", "raab*", "konflikt*", "skaender*", "aggress*", "vold", "volden",
        "voldelig*", "voldsom*", "impuls*", "smaekk*", "slaas*", "udadreager*", "temperament*",
        "graense*", "smadr*", "slaar", "slog", "truer", "trusler")),
    "kriminalitet": ("kriminalitet", (
        "krimin*", "politi*", "tyveri*", "butikstyveri*", "stjael*", "haervaerk*", "bande*",
        "sigtet", "straf*", "anholdt*", "ssp", "risikoadfaerd*", "rocker*", "vaaben*",
        "dom", "foengsel*", "kniv*")),
    "digitalt liv": (None, (
        "billede*", "noegenbillede*", "snapchat", "tiktok", "instagram",
        "influencer*", "online", "nettet", "skaerm*", "mobil*", "gaming", "computer*")),
    "familie": ("familie", (
        "famili*", "foraeldre*", "mor", "moren", "far", "faren", "stedfar*", "stedmor*",
        "soeskende*", "foraeldreskab*", "teenageforaeldre*", "soester*", "lillesoester*",
        "storesoester*", "bror", "broren", "lillebror*", "storebror*", "bedsteforaeldre*",
        "mormor", "morfar", "farmor", "farfar")),
    "ung forælder": ("familie", (
        "gravid*", "graviditet*", "baby*", "barsel*", "spaedbarn*", "nybagt*", "foedsel*",
        "moedregruppe*", "faedregruppe*")),
    "pårørende": (None, ("paaroerende*", "sklerose*", "kraeft*", "demens*", "plejer")),
    "fritid": ("fritid", (
        "fritid*", "forening*", "sport*", "fodbold*", "klub*", "hobby*", "idraet*", "spejder*",
        "fritidsaktivitet*", "haandbold*", "musik*", "svoemm*", "dans", "danser", "fitness*",
        "kontingent*")),
    "fællesskab": ("faellesskab", ("faellesskab*", "deltag*", "inklusion*")),
    "sundhed": ("sundhed", (
        "sundhed*", "krop*", "kost*", "motion*", "overvaegt*", "rygning*", "rygestop*",
        "smert*", "hovedpine*", "mavepine*", "helbred*", "laege*", "ryg", "ryggen",
        "ulykke*", "skade*", "fysisk*", "energi*", "svimmel*")),
    "selvværd": ("selvvaerd", (
        "selvvaerd*", "selvtillid*", "usikker*", "skam*", "modig*", "selvfoelelse*",
        "handlekraft*", "sammenlign*")),
    "anbringelse": ("eftervaern", (
        "eftervaern*", "anbring*", "anbragt*", "plejefamilie*", "plejeforaeldre*",
        "opholdssted*", "doegninstitution*", "hjemkomst*", "bosted*")),
    "sprog": ("sprog", (
        "sprog*", "ordblind*", "dysleksi*", "laes", "laese*", "laesning*", "skrive*", "stave*",
        "tosproged*", "tolk*", "udtale*")),
    "diagnose": ("handicap", (
        "handicap*", "diagnose*", "adhd", "add", "autis*", "asperger*", "funktionsnedsaet*",
        "udviklingshaem*", "ocd", "tourette*")),
    "mentor": ("mentor", (
        "mentor*", "kontaktperson*", "stoetteperson*", "ledsag*", "foelgeskab*", "tovholder*")),
    "behandling": ("behandling", (
        "behandl*", "terapi*", "psykolog*", "psykoedukation*", "kognitiv*",
        "samtaleforloeb*")),
    "frivillige": ("civilsamfund", ("frivillig*", "civilsamfund*", "forening*")),
}

# Phrases (folded words in order) that say a concept where no single word does.
PHRASES: dict[str, tuple[str, ...]] = {
    "stress": ("koert ned", "kan ikke overskue", "kan ikke mere", "gaar ned med stress",
               "braendt ud", "for meget pres"),
    "angst": ("toer ikke", "tor ikke", "ondt i maven", "hjertet banker"),
    "tristhed": ("ked af det", "har ikke lyst til noget", "lyst til ingenting",
                 "ligger i sengen"),
    "ensomhed": ("ingen venner", "kender ingen", "ingen at vaere sammen med", "staar alene",
                 "holdt udenfor", "ingen at tale med"),
    "økonomi": ("ikke raad", "har ikke raad", "kan ikke betale", "mangler penge"),
    "bolig": ("sat ud", "smidt ud", "sted at bo", "intet sted at bo", "ingen bolig"),
    "fravær": ("bliver hjemme", "kommer for sent", "kommer ikke i skole", "gaar ikke i skole",
               "dropper ud", "droppet ud", "droppede ud"),
    "misbrug": ("for meget at drikke", "ude at drikke", "tager stoffer"),
    "pårørende": ("min mor er syg", "min far er syg", "syg mor", "syg far", "passer min"),
    "ung forælder": ("blevet mor", "blevet far", "venter barn", "lille barn"),
    "mobning": ("bliver mobbet", "bliver drillet"),
}
