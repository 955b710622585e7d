"""Small builders that walk a case through the real services, so tests start from real states."""

from decimal import Decimal

from aanvragen import services as aanvraag_services
from beoordeling import services as beoordeling_services
from beoordeling.models import Uitkomst


def ingediend(wereld, **kwargs):
    aanvraag = wereld.aanvraag(**kwargs)
    return aanvraag_services.aanvraag_indienen(aanvraag=aanvraag, door=aanvraag.aangemaakt_door)


def in_behandeling(wereld, km=None, **kwargs):
    aanvraag = ingediend(wereld, **kwargs)
    aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=km or wereld.km_a)
    return aanvraag.beoordelingen.get()


def vul_fase(beoordeling, door, **gegevens):
    return beoordeling_services.beoordeling_fase_opslaan(
        beoordeling=beoordeling, door=door, gegevens=gegevens, versie=beoordeling_services.versie_token(beoordeling)
    )


def ter_ondertekening(wereld, uitkomst=Uitkomst.TOEKENNING, **kwargs):
    km = kwargs.pop("km", wereld.km_a)
    beoordeling = in_behandeling(wereld, km=km, **kwargs)
    vul_fase(beoordeling, km, beeldvorming="Observatie op de werkplek en drieluikgesprek.")
    beoordeling_services.beoordeling_volgende_fase(beoordeling=beoordeling, door=km)
    vul_fase(beoordeling, km, oordeelsvorming="Knelpunt: structuur. Jobcoaching is de meest adequate oplossing.")
    beoordeling_services.beoordeling_volgende_fase(beoordeling=beoordeling, door=km)
    vul_fase(
        beoordeling, km,
        besluitvorming="Toekenning: de werknemer kan de taken zonder begeleiding niet uitvoeren.",
        voorstel_uitkomst=uitkomst,
        voorstel_uren_per_week=Decimal("2.5") if uitkomst != Uitkomst.AFWIJZING else None,
        voorstel_duur_maanden=12 if uitkomst != Uitkomst.AFWIJZING else None,
        voorstel_jobcoachorganisatie=wereld.jobcoachorganisatie,
    )
    beoordeling_services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=km)
    return beoordeling
