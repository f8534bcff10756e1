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
        "angst*", "aengst*", "nervoes*", "panik*", "bange", "?bekymr*", "fobi*", "socialfobi*",
        "utryg*", "frygt*", "?urolig*", "?toer", "?turde", "angstanfald*", "tankemylder*",
        "katastrofetank*", "?grubl*", "nerver")),
    "psykisk trivsel": ("psykisk-trivsel", (
        "psykisk*", "psykiatri*", "trivsel*", "mistrivsel*", "humoer*", "sindet", "sind")),
    "tristhed": ("psykisk-trivsel", (
        "depress*", "trist*", "nedtrykt*", "modloes*", "haabloes*", "ulykkelig*", "nedslaa*",
        "livslyst*", "tungsind*", "graed*", "deprimer*", "?tomhed*", "meningsloes*", "?opgiv*",
        "livstraet*")),
    "stress": ("psykisk-trivsel", (
        "stress*", "?presset", "?pressede", "?pres", "praestationspres*", "overbelast*",
        "udbraend*",
        "udkoert*", "nedkoer*", "?krav", "?kravene", "?perfekt*", "hjertebank*", "udmatt*",
        "?overskud*", "overvaeld*", "stresset", "?travlt", "sammenbrud*", "?jag", "?uoverskuelig*",
        "stresssymptom*", "koncentrationsbesvaer*")),
    "selvskade": ("psykisk-trivsel", (
        "selvskad*", "selvmord*", "?skaerer", "?skaere", "cutting", "rispe*", "cutter", "?skar",
        "selvmordstank*", "selvmordsforsoeg*")),
    "spiseproblemer": ("psykisk-trivsel", (
        "spiseforstyr*", "spiseproblem*", "anoreksi*", "bulimi*", "overspis*", "?tynd*", "?slank*",
        "kalorie*", "?maaltid*", "?vejer", "?vaegten", "?spise", "?spiser", "?braekk*", "?kaster",
        "?kastede", "slankekur*", "?faster")),
    "sorg": ("psykisk-trivsel", (
        "sorg*", "doed", "?doede", "doeden", "?mistede", "?mistet", "?tab", "?tabet", "?savn*",
        "begravelse*", "afdoed*", "doedsfald*", "?doer", "sorgen", "omkom*", "dode")),
    "søvn": ("sundhed", (
        "soevn*", "sove", "sover", "?sov", "soevnloes*", "mareridt*", "?traet", "?traethed",
        "vaagen",
        "nattesoevn*", "soevnrytme*", "?oppe")),
    "ensomhed": ("relationer", (
        "ensom*", "isoler*", "?alene", "venneloes*", "?udenfor", "?tilbagetruk*", "indelukket*",
        "udelukket*", "?afvist*")),
    "venner": ("relationer", (
        "ven", "venner", "vennerne", "venskab*", "veninde*", "kammerat*", "netvaerk*", "?relation*",
        "kaereste*")),
    "mobning": ("relationer", (
        "mobb*", "mobning*", "drillet", "drilleri*", "udstoedt*", "chikan*", "hetz*", "?ydmyg*",
        "?nedgoer*", "?udstill*")),
    "misbrug": ("misbrug", (
        "hash*", "cannabis*", "rusmid*", "misbrug*", "stoffer", "stofmisbrug*", "kokain*",
        "alkohol*", "druk*", "drikker", "?drikke", "beruset", "joint*", "amfetamin*", "narko*",
        "afvaenn*", "euforiser*", "ecstasy", "tjald*", "?oel", "?oellen", "?fuld", "?fulde",
        "sprut",
        "?piller", "benzo*", "kodein*", "coke", "?speed", "skunk", "?pot", "?bytur*", "?rus",
        "?rusen",
        "?skaev")),
    "afhængighed": ("misbrug", (
        "?afhaeng*", "ludomani*", "spilleafhaeng*", "gambl*", "casino*", "vaeddemaal*",
        "spillegaeld*", "?trang", "abstinens*", "?spil", "?spille", "?spiller", "?spillede",
        "?spillet",
        "spilleproblem*", "poker*", "betting", "?odds", "skrabelod*", "lootbox*", "?satse*")),
    "fravær": ("fravaer", (
        "fravaer*", "pjaek*", "skolevaegr*", "?vaegr*", "?udebliv*", "fremmoede*", "moedestabil*",
        "skoletraet*", "hjemmesidd*", "?sent", "?forsinket*", "?sygemeld*", "?udeblev*", "pjaekk*",
        "fravaersprocent*", "skoleskraek*", "skolefobi*")),
    "skole": ("skole", (
        "skole*", "folkeskole*", "klasse*", "laerer*", "undervisning*", "grundskole*",
        "udskoling*", "afgangsproeve*", "elev*", "?karakter*", "?timerne", "frikvarter*")),
    "lektier": ("skole", (
        "lektie*", "aflevering*", "skolearbejde*", "?opgave*", "?stil", "?stile", "matematik*")),
    "uddannelse": ("uddannelse", (
        "uddannelse*", "gymnasi*", "hf", "stx", "hhx", "htx", "eud", "erhvervsuddannelse*",
        "frafald*", "?studie*", "studerende", "studiet", "fgu", "ungdomsuddannelse*", "laerling*",
        "laereplads*", "eksam*", "semester*", "su", "omskol*", "universitet*", "erhvervsskole*",
        "efterskole*", "hoejskole*", "produktionsskole*", "grundforloeb*", "hovedforloeb*",
        "studievejled*", "?droppe", "?droppet", "?droppede")),
    "job": ("job", (
        "job*", "arbejde*", "arbejd*", "beskaeftig*", "ansaet*", "ledig*", "kontanthjaelp*",
        "uddannelseshjaelp*", "jobcent*", "loen*", "fleksjob*", "arbejdsloes*", "?tjene", "cv",
        "ansoegning*", "jobsoeg*", "?kollega*", "?chef*", "?vagt", "?vagter", "fyret", "fyring*",
        "opsagt", "dagpenge*", "sygedagpenge*", "ressourceforloeb*", "arbejdsgiver*",
        "fritidsjob*", "deltidsjob*")),
    "praktik": ("praktik", (
        "praktik*", "virksomhedspraktik*", "erhvervspraktik*", "arbejdsplads*")),
    "vejledning": ("vejledning", (
        "vejled*", "afklar*", "uddannelsesvalg*", "?valg", "?vaelge", "uddannelsesplan*")),
    "økonomi": ("okonomi", (
        "oekonomi*", "gaeld*", "skylder", "penge*", "budget*", "regning*", "?laan", "?laanet",
        "kviklaan*", "rykker*", "inkasso*", "restance*", "kreditor*", "afdrag*", "afbetal*",
        "?betale", "?betaler", "forbrugslaan*", "fattig*", "overtraek*", "opsparing*", "?sms",
        "?mobilepay", "skattegaeld*", "pengeproblem*", "lommepenge*")),
    "bolig": ("bolig", (
        "bolig*", "lejlighed*", "husleje*", "udsaet*", "hjemloes*", "vaerelse*", "bostoet*",
        "botraen*", "udlejer*", "boligselskab*", "?sofa*", "sofasurf*", "herberg*", "?bo",
        "?flytte*",
        "?flyttet", "?hjemmefra", "kollegie*", "ungdomsbolig*", "lejekontrakt*", "depositum*",
        "?adresse*", "?gaden", "husly", "boligloes*")),
    "hverdagen": ("hverdagsmestring", (
        "hverdag*", "doegnrytme*", "rutine*", "struktur*", "rengoer*", "indkoeb*", "opvask*",
        "madlavning*", "?overskue*", "?overblik*", "?aftaler", "tidsplan*", "vaekkeur*", "?kaos*",
        "?kaotisk*", "?rod", "?rodet", "?glemmer", "?opstaa*", "vasketoej*")),
    "adfærd": ("adfaerd", (
        "adfaerd*", "vred*", "raab*", "konflikt*", "skaender*", "aggress*", "vold", "volden",
        "voldelig*", "voldsom*", "?impuls*", "?smaekk*", "slaas*", "udadreager*", "temperament*",
        "?graense*", "smadr*", "?slaar", "?slog", "truer", "trusler", "raseri*", "eksplod*",
        "hidsig*", "provok*", "oppositionel*", "?udbrud*", "raserianfald*", "?sur", "?surt")),
    "kriminalitet": ("kriminalitet", (
        "krimin*", "?politi*", "tyveri*", "butikstyveri*", "stjael*", "haervaerk*", "bande*",
        "sigtet", "straf*", "anholdt*", "ssp", "risikoadfaerd*", "rocker*", "vaaben*", "?dom",
        "foengsel*", "?kniv*", "stjal", "stjaler", "indbrud*", "roeveri*", "haeleri*", "dealer*",
        "pusher*", "arrest*", "afhoer*", "ungdomskriminalitet*", "sigtelse*")),
    "digitalt liv": (None, (
        "?billede*", "noegenbillede*", "snapchat", "tiktok", "instagram", "influencer*", "?online",
        "?nettet", "?skaerm*", "?mobil*", "gaming", "?computer*", "gamer*", "playstation*", "xbox",
        "konsol*", "discord", "youtube", "streamer*", "?sociale", "?medier", "skaermtid*")),
    "familie": ("familie", (
        "famili*", "?foraeldre*", "?mor", "?moren", "?far", "?faren", "stedfar*", "stedmor*",
        "?soeskende*", "foraeldreskab*", "teenageforaeldre*", "?soester*", "lillesoester*",
        "storesoester*", "?bror", "?broren", "lillebror*", "storebror*", "bedsteforaeldre*",
        "mormor", "morfar", "farmor", "farfar", "skilsmisse*", "skilt", "skilles",
        "stedforaeldre*", "halvsoeskende*", "familiekonflikt*")),
    "ung forælder": ("familie", (
        "gravid*", "graviditet*", "?baby*", "barsel*", "spaedbarn*", "nybagt*", "foedsel",
        "foedslen", "foedte",
        "moedregruppe*", "faedregruppe*")),
    "pårørende": (None, (
        "paaroerende*", "sklerose*", "kraeft", "kraeften", "kraeftsyg*",
        "kraeftramt*", "kraeftbehandl*", "demens*", "?plejer", "?kronisk*", "?sygdom*",
        "?passer")),
    "fritid": ("fritid", (
        "fritid*", "forening*", "sport*", "fodbold*", "klub*", "hobby*", "idraet*", "spejder*",
        "fritidsaktivitet*", "haandbold*", "musik*", "svoemm*", "dans", "danser", "fitness*",
        "kontingent*", "kampsport*", "boksning*", "ridning*", "gymnastik*", "traeningskort*")),
    "fællesskab": ("faellesskab", (
        "faellesskab*", "?deltag*", "inklusion*")),
    "sundhed": ("sundhed", (
        "sundhed*", "?krop*", "kost*", "motion*", "overvaegt*", "rygning*", "rygestop*", "smert*",
        "hovedpine*", "mavepine*", "helbred*", "laege*", "?ryg", "?ryggen", "?ulykke*", "?skade*",
        "fysisk*", "?energi*", "svimmel*", "diabetes", "astma", "?sygdom*", "fysioterap*",
        "medicin*", "kondi*")),
    "selvværd": ("selvvaerd", (
        "selvvaerd*", "selvtillid*", "?usikker*", "skam*", "?modig*", "selvfoelelse*",
        "handlekraft*", "?sammenlign*", "genert*", "selvtvivl*", "mindrevaerd*", "selvkriti*",
        "?duer", "?grim", "?dum")),
    "anbringelse": ("eftervaern", (
        "eftervaern*", "anbring*", "anbragt*", "plejefamilie*", "plejeforaeldre*", "opholdssted*",
        "doegninstitution*", "hjemkomst*", "bosted*", "plejebarn*", "plejebo*",
        "anbringelsessted*", "?institution*")),
    "sprog": ("sprog", (
        "sprog*", "ordblind*", "dysleksi*", "?laes", "?laese*", "laesning*", "?skrive*", "stave*",
        "tosproged*", "tolk*", "?udtale*")),
    "diagnose": ("handicap", (
        "handicap*", "diagnose*", "adhd", "?add", "autis*", "asperger*", "funktionsnedsaet*",
        "udviklingshaem*", "ocd", "tourette*", "autist*", "indlaeringsvanskelig*",
        "hjerneskade*")),
    "mentor": ("mentor", (
        "mentor*", "kontaktperson*", "stoetteperson*", "ledsag*", "foelgeskab*", "?tovholder*")),
    "behandling": ("behandling", (
        "behandl*", "terapi*", "psykolog*", "psykoedukation*", "kognitiv*", "samtaleforloeb*",
        "psykiater*", "misbrugsbehandl*", "familieterapi*")),
    "frivillige": ("civilsamfund", (
        "frivillig*", "civilsamfund*", "forening*")),
}

# Phrases (folded words in order) that say a concept where no single word does.
PHRASES: dict[str, tuple[str, ...]] = {
    "stress": (
        "koert ned", "kan ikke overskue", "kan ikke mere", "gaar ned med stress", "braendt ud",
        "for meget pres", "ramt muren", "ramte muren", "gaaet ned", "gik ned",
        "for meget paa en gang", "kan ikke koble fra", "kan ikke slappe af", "hovedet koger",
        "for mange krav"),
    "angst": (
        "toer ikke", "tor ikke", "ondt i maven", "hjertet banker"),
    "tristhed": (
        "ked af det", "har ikke lyst til noget", "lyst til ingenting", "ligger i sengen",
        "ingen energi", "har det skidt", "har det daarligt", "ingen mening", "ser ingen mening",
        "ikke glad", "ikke lyst til at leve"),
    "ensomhed": (
        "ingen venner", "kender ingen", "ingen at vaere sammen med", "staar alene",
        "holdt udenfor", "ingen at tale med", "ingen at snakke med", "ikke nogen venner",
        "ikke nogen at snakke med", "holder sig for sig selv", "for sig selv"),
    "økonomi": (
        "ikke raad", "har ikke raad", "kan ikke betale", "mangler penge", "ingen penge",
        "for lidt penge", "penge nok"),
    "bolig": (
        "sat ud", "smidt ud", "sted at bo", "intet sted at bo", "ingen bolig", "bor hos venner",
        "ingen adresse", "ingen fast adresse", "bor paa gaden", "sover hos"),
    "fravær": (
        "bliver hjemme", "kommer for sent", "kommer ikke i skole", "gaar ikke i skole",
        "dropper ud", "droppet ud", "droppede ud", "bliver vaek", "vaek fra skolen",
        "moeder ikke op", "moedte ikke op", "melder sig syg", "meldt sig syg", "springer over",
        "pjaekker fra"),
    "misbrug": (
        "for meget at drikke", "ude at drikke", "tager stoffer", "bliver fuld", "er fuld",
        "drikker sig", "ryger joints"),
    "pårørende": (
        "min mor er syg", "min far er syg", "syg mor", "syg far", "passer min"),
    "ung forælder": (
        "blevet mor", "blevet far", "venter barn", "lille barn"),
    "mobning": (
        "bliver mobbet", "bliver drillet", "griner af", "holdt uden for"),
    "selvskade": (
        "vil ikke leve", "ikke leve mere", "gjort skade paa"),
    "afhængighed": (
        "spiller for penge", "spille for penge", "spillet for", "spillet op", "spiller om penge",
        "online casino"),
    "digitalt liv": (
        "spiller computer", "spiller hele natten", "sidder ved computeren", "oppe hele natten",
        "paa mobilen", "sociale medier"),
    "mentor": (
        "fast voksen", "en voksen at tale med", "voksen at snakke med", "fast person",
        "fast kontakt"),
    "selvværd": (
        "ikke god nok", "duer ikke", "skammer mig", "tror ikke paa mig selv"),
    "adfærd": (
        "mister besindelsen", "hidser sig op", "slaar ud", "ryger op"),
    "søvn": (
        "sover daarligt", "kan ikke sove", "vaagen om natten"),
}
