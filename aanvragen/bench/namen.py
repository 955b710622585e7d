"""Word lists for generated names and texts. Invented, not taken from any register."""

GEMEENTE_BEGIN = (
    "Amstel", "Berg", "Bree", "Dal", "Drie", "Eem", "Gaas", "Haar", "Hel", "Hoorn", "IJssel", "Kamp", "Lin",
    "Maas", "Mid", "Nes", "Oost", "Rijn", "Schoon", "Stein", "Ter", "Vaal", "Veen", "Wal", "Wester", "Zand",
    "Zee",
)
GEMEENTE_EIND = (
    "dam", "dijk", "veen", "horst", "broek", "dorp", "hoven", "kerk", "meer", "wolde", "loo", "rade", "sum",
    "wijk", "hout", "lo", "mond", "burg", "stad",
)
VOORNAMEN = (
    "Anna", "Bram", "Chantal", "Daan", "Emma", "Fatima", "Gert", "Hanna", "Ilse", "Jan", "Kees", "Lotte",
    "Mohamed", "Noor", "Olga", "Pieter", "Quinten", "Rik", "Sanne", "Thomas", "Umut", "Vera", "Willem", "Yara",
    "Zeynep", "Ayla", "Bas", "Demi", "Eva", "Finn", "Ivo", "Joost", "Karim", "Lieke", "Milan", "Nadia",
    "Oscar", "Priya", "Ruben", "Sara", "Tim", "Wouter",
)
ACHTERNAMEN = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Yilmaz", "El Amrani",
    "Demir", "Kaya", "Verhoeven", "Postma", "Kuipers", "Vermeulen", "Willems", "van Wijk",
)
BRANCHES = (
    "Bakkerij", "Transport", "Installatiebedrijf", "Hoveniersbedrijf", "Supermarkt", "Schoonmaakbedrijf",
    "Zorggroep", "Drukkerij", "Metaalbewerking", "Garage", "Hotel", "Logistiek", "Kinderopvang", "Catering",
)
WERKGEVER_NAMEN = (
    "De Korenschoof", "Van Dijk", "Het Anker", "De Linde", "Noordzee", "De Eendracht", "Zonnehoek",
    "De Molen", "Groenland", "Het Baken", "De Vaart", "Polderzicht", "Oranjehof", "De Zwaan",
)
RECHTSVORMEN = ("B.V.", "V.O.F.", "", "B.V.", "N.V.", "Stichting")
STRATEN = ("Dorpsstraat", "Stationsweg", "Industrieweg", "Havenweg", "Kerkstraat", "Molenweg", "Marktplein")
FUNCTIES = (
    "Medewerker productie", "Magazijnmedewerker", "Medewerker schoonmaak", "Hulpkok", "Medewerker groen",
    "Administratief medewerker", "Vakkenvuller", "Medewerker bediening", "Assemblagemedewerker",
    "Medewerker wasserij", "Chauffeur bijrijder", "Medewerker postkamer", "Helpende zorg",
)
REDENEN = (
    "Heeft begeleiding nodig bij het aanleren van taken en het houden van overzicht.",
    "Raakt bij drukte het overzicht kwijt; heeft structuur en vaste instructie nodig.",
    "Heeft moeite met samenwerken en communiceren met collega's; begeleiding bij werknemersvaardigheden.",
    "Leert nieuwe taken traag aan en heeft herhaalde uitleg op de werkvloer nodig.",
    "Na langdurige uitval is begeleiding nodig om het werk stap voor stap op te bouwen.",
)
KERN_PROBLEMATIEK = (
    "De werknemer heeft structuur en herhaalde instructie nodig; bij drukte en onverwachte wijzigingen "
    "raakt hij het overzicht kwijt.",
    "De werknemer vindt samenwerken en vragen stellen lastig; dat leidt tot fouten en spanningen in het team.",
)
ADEQUAAT = (
    "Een interne werkbegeleider is er niet en een werkplekaanpassing neemt het knelpunt niet weg; "
    "jobcoaching in afbouwende intensiteit is de meest adequate oplossing."
)
NIET_ADEQUAAT = "De werkgever kan met een interne werkbegeleider en een aangepaste planning zelf de begeleiding bieden."
ALTERNATIEVEN = (
    "Werkplekaanpassing alleen volstaat niet: het knelpunt zit in het leren en plannen, niet in de werkplek.",
    "Een interne werkbegeleider is er niet; de leidinggevende heeft er geen tijd voor.",
    "Beschut werk is niet aan de orde: de werknemer kan met begeleiding regulier werken.",
)
FACTOREN = (
    ("functies", "belemmerend", "b164", 2, "observatie_werkplek",
     "Plannen en organiseren van het eigen werk verloopt moeizaam."),
    ("arbeidsverhoudingen", "bevorderend", "", None, "gesprek_werkgever", "Betrokken leidinggevende en een vast team."),
)
KNELPUNT = "Zonder begeleiding lukt het niet om taken in de goede volgorde en het gevraagde tempo uit te voeren."
OPLOSSING = ("begeleiding", "Jobcoaching gericht op structuur en zelfstandigheid.", "volstaat")
DOEL = ("De werknemer werkt zelfstandig volgens een dagplanning.",
        "Na zes maanden zonder hulp 90% van de taken op tijd af.")
ONDERSTEUNINGSVRAGEN = (
    ("d2", "d230", "Het uitvoeren van de dagelijkse routine en het houden van overzicht."),
    ("d1", "d155", "Het aanleren van nieuwe taken kost veel tijd en herhaling."),
)
WERKPLEKFACTOR = ("arbeidsinhoud", "belemmerend", "Wisselende taken en piekdrukte aan het einde van de dag.")
MOTIVERING = {
    "toekenning": "Op grond van het onderzoek kennen wij jobcoaching toe: zonder begeleiding kan de werknemer het werk "
    "niet duurzaam uitvoeren (artikel 10 Participatiewet).",
    "gedeeltelijke_toekenning": "Wij kennen jobcoaching toe in een lagere intensiteit dan gevraagd: na de "
    "inwerkperiode kan de werkgever een deel van de begeleiding zelf bieden.",
    "afwijzing": "Wij wijzen de aanvraag af: de werkgever kan de begeleiding met een interne werkbegeleider bieden; "
    "jobcoaching is niet de meest adequate voorziening.",
}
