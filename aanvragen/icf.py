"""The examples an applicant can tick per ICF domain, in plain Dutch, each with its ICF code.

Pure data. The form shows them as checkboxes per domain (plus a free text); they are stored as
`Ondersteuningsvraag(domein, code, tekst)` rows, so the klantmanager's beeldvorming can start from
coded activities instead of one text box. Codes are ICF activity codes (WHO 2001, chapter d).
"""

from .models import Arbeidsfactor, IcfDomein

# domein -> (the question shown, ((code, plain Dutch example), ...))
VOORBEELDEN: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    IcfDomein.LEREN: (
        "Wat gaat er mis bij het leren en toepassen van taken?",
        (
            ("d155", "Nieuwe taken of vaardigheden aanleren"),
            ("d160", "De aandacht bij het werk houden"),
            ("d175", "Zelf een probleem oplossen als iets anders gaat dan verwacht"),
            ("d177", "Beslissingen nemen"),
        ),
    ),
    IcfDomein.ALGEMENE_TAKEN: (
        "Wat gaat er mis bij algemene taken en eisen, zoals tempo en structuur?",
        (
            ("d210", "Een taak van begin tot eind uitvoeren"),
            ("d220", "Meerdere taken na elkaar of tegelijk doen"),
            ("d230", "Een vaste dagindeling of werkvolgorde aanhouden"),
            ("d240", "Omgaan met tempo, werkdruk en stress"),
        ),
    ),
    IcfDomein.COMMUNICATIE: (
        "Wat gaat er mis in de communicatie?",
        (
            ("d310", "Mondelinge uitleg of instructies begrijpen"),
            ("d325", "Geschreven instructies begrijpen"),
            ("d330", "Zeggen wat hij of zij bedoelt of nodig heeft"),
            ("d350", "Een gesprek voeren, bijvoorbeeld over het werk of een fout"),
        ),
    ),
    IcfDomein.OMGANG: (
        "Wat gaat er mis in de omgang met collega's en de leidinggevende?",
        (
            ("d710", "Gewone omgangsvormen: groeten, beleefdheid, afstand houden"),
            ("d720", "Omgaan met kritiek, onenigheid of samenwerken"),
            ("d740", "Omgaan met de leidinggevende en diens opdrachten"),
            ("d750", "Contact maken met collega's"),
        ),
    ),
    IcfDomein.WERK: (
        "Wat gaat er mis bij werk en werknemersvaardigheden?",
        (
            ("d840", "Zich inwerken in een nieuwe baan of leerwerkplek"),
            ("d845", "Het werk behouden (het dreigt mis te gaan)"),
            ("d850", "Werknemersvaardigheden: op tijd komen, afspraken nakomen, regels volgen"),
        ),
    ),
}

LABEL_BIJ_CODE: dict[str, str] = {code: label for _v, items in VOORBEELDEN.values() for code, label in items}

# Short explanations of the 4 A's, shown beside the fields.
ARBEIDSFACTOR_UITLEG: dict[str, str] = {
    Arbeidsfactor.ARBEIDSINHOUD: "Het werk zelf: de taken, hoe moeilijk en hoe afwisselend ze zijn.",
    Arbeidsfactor.ARBEIDSOMSTANDIGHEDEN: "De werkplek: drukte, lawaai, werktijden, hulpmiddelen.",
    Arbeidsfactor.ARBEIDSVERHOUDINGEN: "De mensen: collega's, de leidinggevende, de sfeer.",
    Arbeidsfactor.ARBEIDSVOORWAARDEN: "De afspraken: contract, uren, loon, zekerheid.",
}
