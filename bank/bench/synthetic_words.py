"""Danish phrases for the synthetic catalogue: topics per life area, methods, units, places."""

from __future__ import annotations

# tag -> (topic words, what the young person struggles with, what the offer aims at)
AREAS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "skole": (
        ("skolegang", "lektier", "undervisningen", "klassen", "afgangsprøven", "trivsel i skolen"),
        (
            "halter fagligt efter",
            "har svært ved at følge med i timerne",
            "mangler ro til lektierne",
        ),
        ("bliver bedre i fagene", "består afgangsprøven", "får lavet sine lektier"),
    ),
    "uddannelse": (
        ("ungdomsuddannelse", "gymnasiet", "erhvervsuddannelsen", "FGU", "studiestart"),
        (
            "er faldet fra sin uddannelse",
            "tør ikke starte på en uddannelse igen",
            "er i tvivl om studievalget",
        ),
        ("starter på en uddannelse", "gennemfører første år", "holder fast i studiet"),
    ),
    "job": (
        ("fritidsjob", "arbejdsmarkedet", "ordinære timer", "beskæftigelse", "ansættelse"),
        ("har aldrig haft et arbejde", "er på kontanthjælp", "mister hurtigt sine job"),
        ("får et job med løn", "øger sine timer", "bliver selvforsørgende"),
    ),
    "praktik": (
        ("virksomhedspraktik", "praktikplads", "erhvervspraktik", "arbejdsplads"),
        ("vil gerne prøve et fag af", "har brug for at prøve sig selv af på en arbejdsplads"),
        ("afklarer sine interesser", "får erfaring fra en rigtig arbejdsplads"),
    ),
    "vejledning": (
        ("uddannelsesvejledning", "jobvejledning", "uddannelsesplan", "studievalg"),
        ("ved ikke hvad han eller hun vil", "har ingen plan efter grundskolen"),
        ("træffer et realistisk valg", "har en uddannelsesplan"),
    ),
    "fravaer": (
        ("skolefravær", "mødestabilitet", "fremmøde", "skolevægring", "pjækkeri"),
        (
            "har meget fravær",
            "bliver hjemme fra skole flere dage om ugen",
            "kommer ikke op om morgenen",
        ),
        ("kommer i skole hver dag", "møder stabilt op", "får mindre fravær"),
    ),
    "hverdagsmestring": (
        ("døgnrytme", "rutiner", "struktur i hverdagen", "madlavning", "rengøring"),
        ("har ingen faste rutiner", "sover om dagen", "glemmer aftaler"),
        ("får styr på hverdagen", "har en fast døgnrytme", "klarer sig selv"),
    ),
    "okonomi": (
        ("gæld", "budget", "økonomisk rådgivning", "regninger", "kviklån"),
        ("har gæld og rykkere", "mangler overblik over pengene", "betaler regningerne for sent"),
        ("får overblik over økonomien", "laver et budget", "undgår ny gæld"),
    ),
    "bolig": (
        ("bolig", "egen lejlighed", "husleje", "bostøtte", "udsættelse"),
        (
            "risikerer at blive sat ud",
            "mangler et sted at bo",
            "har svært ved at klare lejligheden",
        ),
        ("bevarer sin bolig", "finder en bolig", "klarer sig i egen bolig"),
    ),
    "psykisk-trivsel": (
        ("angst", "depression", "stress", "mistrivsel", "tristhed", "bekymringer"),
        ("har angst og undgår andre", "er trist og trækker sig", "føler sig presset"),
        ("får det bedre psykisk", "lærer at håndtere angsten", "får mere livsmod"),
    ),
    "adfaerd": (
        ("konflikter", "vrede", "impulskontrol", "udadreagerende adfærd"),
        ("kommer ofte i konflikter", "bliver hurtigt vred", "har svært ved at styre sig"),
        ("håndterer vreden", "får færre konflikter"),
    ),
    "misbrug": (
        ("hash", "rusmidler", "alkohol", "misbrug", "stoffer"),
        ("ryger hash dagligt", "drikker meget i weekenderne", "har et forbrug af rusmidler"),
        ("stopper eller skærer ned på forbruget", "bliver stoffri"),
    ),
    "kriminalitet": (
        ("kriminalitet", "risikoadfærd", "tyveri", "uro i boligområdet", "bandemiljø"),
        ("har været i kontakt med politiet", "hænger ud med ældre kriminelle"),
        ("undgår ny kriminalitet", "finder nye fællesskaber"),
    ),
    "relationer": (
        ("venskaber", "netværk", "ensomhed", "sociale relationer"),
        ("har ingen venner", "er meget alene", "har svært ved at få kontakt til andre"),
        ("får nye venner", "får et netværk"),
    ),
    "familie": (
        ("familien", "forældrene", "forældreskab", "søskende", "konflikter derhjemme"),
        ("har mange konflikter med forældrene", "har forældre, der er pressede"),
        ("får en bedre hverdag i familien", "har forældre, der står sammen"),
    ),
    "fritid": (
        ("fritidsaktiviteter", "sport", "foreningsliv", "fodbold", "klubben", "musik"),
        ("går ikke til noget i fritiden", "sidder mest hjemme ved computeren"),
        ("går fast til en fritidsaktivitet", "bliver en del af en forening"),
    ),
    "faellesskab": (
        ("fællesskaber", "deltagelse", "inklusion", "almene fællesskaber"),
        ("står uden for fællesskabet", "føler sig ikke som en del af noget"),
        ("deltager i almene fællesskaber", "bliver en del af fællesskabet"),
    ),
    "sundhed": (
        ("sundhed", "søvn", "kost", "motion", "rygestop", "krop"),
        ("sover dårligt og spiser uregelmæssigt", "ryger mange cigaretter"),
        ("får sundere vaner", "sover bedre"),
    ),
    "selvvaerd": (
        ("selvværd", "selvtillid", "handlekraft", "tro på sig selv"),
        ("har lavt selvværd", "tror ikke på sig selv"),
        ("får mere selvtillid", "tør tage initiativ"),
    ),
    "eftervaern": (
        ("efterværn", "tidligere anbragte", "plejefamilie", "hjemkomst", "opholdssted"),
        ("har været anbragt og står nu alene", "er flyttet hjem efter en anbringelse"),
        ("klarer overgangen til voksenlivet", "har en stabil hverdag efter anbringelsen"),
    ),
    "sprog": (
        ("dansk", "læsning", "ordblindhed", "sprogforståelse", "skriftlighed"),
        ("har svært ved at læse og skrive", "taler kun lidt dansk"),
        ("bliver bedre til at læse", "får hjælpemidler til ordblindhed"),
    ),
    "handicap": (
        ("ADHD", "autisme", "diagnose", "funktionsnedsættelse"),
        ("har ADHD og svært ved at holde fokus", "har autisme og har brug for forudsigelighed"),
        ("får redskaber til at leve med sin diagnose", "får støtte, der passer til diagnosen"),
    ),
}

FORMS: dict[str, tuple[str, ...]] = {
    "mentor": ("mentorforløb", "fast kontaktperson", "mentorordning", "støtteperson"),
    "gruppe": ("gruppeforløb", "holdforløb", "gruppe", "netværksgruppe"),
    "individuel": ("individuelle samtaler", "individuelt forløb", "rådgivning"),
    "familieforloeb": ("familieforløb", "familiesamtaler", "familiebehandling"),
    "behandling": ("behandling", "kognitiv terapi", "psykoedukation", "samtaleterapi"),
    "virksomhedsrettet": ("forløb på en arbejdsplads", "virksomhedsforløb", "jobtræning"),
    "civilsamfund": ("frivilligt tilbud", "forløb med frivillige", "foreningstilbud"),
}

UNIT_KINDS = (
    "Ungdomsskolen",
    "Ungeindsatsen",
    "Jobcenterets Ungeteam",
    "Familiehuset",
    "PPR",
    "SSP-sekretariatet",
    "Klubberne",
    "Rusmiddelcentret",
    "Bostøtten",
    "Efterværnsteamet",
    "Sundhedsplejen",
    "Ungerådgivningen",
    "Fritidsguiderne",
    "Boligsocialt projekt",
    "Familiebehandlingen",
    "Socialrådgivningen",
    "Kulturhuset",
    "FGU-skolen",
)
CENTRES = (
    "Center for Børn og Familier",
    "Center for Job og Uddannelse",
    "Center for Skole og Fritid",
    "Center for Sundhed og Omsorg",
    "Center for Social Indsats",
)
SYLLABLES = (
    "sol",
    "eg",
    "bak",
    "høj",
    "lund",
    "vang",
    "mark",
    "strand",
    "dal",
    "bro",
    "by",
    "holm",
    "skov",
    "vej",
    "gård",
    "kær",
    "bjerg",
    "næs",
    "torp",
    "rød",
    "nør",
    "vest",
    "øst",
    "syd",
)
MODIFIERS = (
    "skole",
    "job",
    "fritids",
    "familie",
    "ungdoms",
    "lektie",
    "sam",
    "mentor",
    "bolig",
    "trivsels",
    "gruppe",
    "weekend",
    "sommer",
    "aften",
    "forældre",
    "uddannelses",
    "natur",
)
HEADS = (
    "hjælp",
    "forløb",
    "café",
    "værksted",
    "team",
    "guide",
    "klub",
    "kursus",
    "netværk",
    "samtale",
    "træning",
    "hold",
    "støtte",
    "vejledning",
    "projekt",
    "indsats",
)
