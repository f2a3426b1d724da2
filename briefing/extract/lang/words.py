"""Hand-written date words per language that dateparser's locale data does not hold: clock
times, parts of the day, vague references, frequencies, quantifiers, ages, tense cues.

Each entry follows the TimeML guidelines of its language (FR-TimeML for French, the Spanish
TimeML guidelines for Spanish, TIMEX3 for the others): what is inside a span, what is a date
and what a duration. Plain frozen data; ``grammar`` builds the rules from it.
"""
# ruff: noqa: RUF001  (Cyrillic words are meant)

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Final

from briefing.model import Mod

_M = MappingProxyType


@dataclass(frozen=True, slots=True, kw_only=True)
class Words:
    """One language's words for the rule families of ``grammar``."""

    clock: str
    """Regex of a clock time with groups ``h`` and ``mi`` ("14 h 30", "las 16:08", "14 Uhr")."""
    clock_parts: Mapping[str, int]
    """Words after a clock time that say which half of the day it is in ("du soir" 12, "de
    la mañana" 0, "вечера" 12): "8 heures du soir" is 20:00."""
    noon: Mapping[str, int]
    """Words for noon and midnight in every case form -> hour (12 or 24)."""
    clock_approx: str
    """Regex of the words that make a clock time approximate and belong to its span."""
    zones: str
    """Regex of the time-zone words written after a clock time ("UTC", "GMT")."""
    deictic_days: Mapping[str, int]
    """Day words relative to the publication ("hier" -1); a clock time or a part of the day
    joined to them is one expression ("hier à 10 h", "hier matin")."""
    parts: Mapping[str, str]
    """Part-of-day words -> TIMEX3 code ("matin" MO, "noche" NI)."""
    part_joins: str
    """Regex of what stands between a day and its part ("", "por la", "am")."""
    this: str
    """Regex of the demonstratives that make "this morning", "this weekend" ("ce", "esta")."""
    part_alone: str
    """Regex of a part of the day named on its own after a preposition ("pendant la nuit",
    "dans la soirée"): the part of the day in focus."""
    part_after_date: str
    """Regex of a part of the day written after a date ("au matin", "por la tarde")."""
    one_word_parts: Mapping[str, tuple[int, str]]
    """Single words for a day and its part: "anoche" -> (-1, "NI")."""
    refs: Mapping[str, str]
    """Vague references -> PRESENT_REF, PAST_REF or FUTURE_REF."""
    every: str
    """Regex of the words that make a unit recurring ("chaque", "tous les", "cada")."""
    per: str
    """Regex of "per" ("par", "al", "por"): "15 al año" is a frequency."""
    frequency: Mapping[str, str]
    """Frequency adjectives and adverbs -> SET value ("quotidien" P1D)."""
    extra_units: Mapping[str, str]
    """Unit words the locale data lacks -> unit code ("décennie" DE, "siècle" CE)."""
    vague: Mapping[str, int]
    """Words for an unknown or small count: 0 is unknown ("plusieurs"), others a number."""
    quantifiers: str
    """Regex of words before a quantity that belong to a duration's span ("environ",
    "más de", "около")."""
    last_next: Mapping[str, int]
    """Words before or after "N units" that make them the last or next ones ("derniers"
    -1, "próximos" +1): "les trois derniers mois" is a duration."""
    determiners: str
    """Regex of the determiners TimeML keeps in a date's span ("el", "le"); "" for none."""
    after_date: Mapping[str, int]
    """Words after a date that point back or ahead ("dernier" -1, "prochain" +1)."""
    neighbours: Mapping[str, tuple[str, int]]
    """Phrases naming a day or unit next to the one in focus ("la veille" (D, -1))."""
    same: str
    """Regex of "that day", "the same day": the day in focus."""
    then: str
    """Regex of "then" after a preposition ("desde entonces"): the date in focus."""
    age_before: str
    """Regex of what makes "N years" an age when it stands right before ("âgé de", ", de")."""
    duration_nouns: str
    """Regex of nouns whose "de N ans" is a duration, not an age ("peine", "mandato")."""
    year_words: str
    """Regex of the words that may follow or precede a year ("года", "l'année")."""
    future: str
    """Regex of the cues that put a clause in the future ("sera", "va a", "wird")."""
    past: str
    """Regex of the cues that put a clause in the past ("a été", "anunció", "hat")."""
    mods: Mapping[str, Mod]
    """Words for early/mid/late before a month, a year or a relative phrase."""
    weekends: str
    """Regex of a weekend word ("week-end", "fin de semana")."""
    counted: str
    """Regex of the nouns that make a four-figure number before them a count, not a year
    ("2022 voix", "1500 soldados", "2000 человек")."""

    def __post_init__(self) -> None:
        # the tables are written as unions of dicts; freeze every mapping once built
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, Mapping):
                object.__setattr__(self, field.name, MappingProxyType(dict(value)))


_FR_PEOPLE = (
    r"fillette|garçon|garçonnet|enfant|homme|femme|fille|fils|adolescente?|jeune|bébé"
    r"|nourrisson|chauffeur|conducteur|conductrice|automobiliste|motard|motocycliste"
    r"|piéton|piétonne|cycliste|victime|octogénaire|nonagénaire|septuagénaire"
    r"|sexagénaire|quinquagénaire|quadragénaire|trentenaire|retraitée?|vieillard|dame"
    r"|monsieur|père|mère|mari|épouse|frère|sœur|grand-père|grand-mère|ouvrier|ouvrière"
    r"|élève|lycéenne?|collégienne?|écolier|écolière|étudiante?|habitante?|individu"
    r"|suspecte?|policier|policière|gendarme|militaire|soldat|passager|passagère|touriste"
    r"|salariée?|employée?|agriculteur|agricultrice|commerçante?|professeur|enseignante?"
    r"|médecin|infirmier|infirmière|prêtre|détenue?|prévenue?|patiente?|malade"
    r"|ressortissante?|réfugiée?|migrante?|otage|journaliste|photographe|militante?"
    r"|manifestante?|pilote|patron|patronne|directeur|directrice|candidate?|joueur|joueuse"
    r"|athlète|sportif|sportive|champion|championne|personne|chanteur|chanteuse|acteur"
    r"|actrice|artiste|écrivain|romancier|romancière|cadre|fonctionnaire|ingénieur"
    r"|apprentie?|stagiaire|Alsacienne?|Lorraine?|Française?|chef|membre|leader|dirigeante?"
    r"|responsable|élue?|députée?|sénateur|sénatrice|gérante?|propriétaire|locataire|voisine?"
    r"|ami|amie|compagnon|compagne|concubin|concubine|pompier|secouriste|gardien|gardienne"
)
"""People whose "de N ans" is an age ("un chauffeur de bus de 38 ans")."""
_ES_PEOPLE = (
    r"edad|niño|niña|joven|hombre|mujer|chico|chica|anciano|anciana|bebé|menor|conductor"
    r"|conductora|víctima|hijo|hija|policía|agente|soldado|militar|pasajero|pasajera"
    r"|turista|empleado|empleada|trabajador|trabajadora|profesor|profesora|médico|médica"
    r"|enfermero|enfermera|sacerdote|detenido|detenida|preso|presa|paciente|periodista"
    r"|fotógrafo|fotógrafa|activista|manifestante|piloto|jefe|jefa|director|directora"
    r"|candidato|candidata|jugador|jugadora|atleta|campeón|campeona|persona|ciudadano"
    r"|ciudadana|vecino|vecina|estudiante|alumno|alumna|padre|madre|esposo|esposa|abuelo"
    r"|abuela|varón|adolescente|muchacho|muchacha|señor|señora|empresario|empresaria"
    r"|cantante|actor|actriz|escritor|escritora|obrero|obrera|ejecutivo|ejecutiva"
    r"|ingeniero|ingeniera|individuo|sospechoso|sospechosa|residente|habitante|líder"
    r"|miembro|dirigente|responsable|diputado|diputada|senador|senadora|dueño|dueña|amigo"
    r"|amiga|novio|novia|bombero|guardia|vigilante"
)
"""People whose "de N años" is an age ("un joven de 22 años")."""
_FR_TIME_WORDS = r"(?:depuis|pendant|durant|plus|moins|pour|dans|en|après|avant|il|près)\b"
_ES_TIME_WORDS = r"(?:durante|desde|hace|más|menos|por|en|tras|después|antes|cerca)\b"
"""Words between a person and "de N ans" that make it a duration ("détenus depuis plus de
deux ans")."""

_FR_VERB_FUTURE = (
    r"(?:\w+(?:ra|ront|rai|rons|rez)|sera|seront|aura|auront|va|vont|devra|devront|doit|"
    r"doivent|prévue?s?|prochaine?s?|devrait|devraient|pourra|pourront)"
)

WORDS: Final = {
    "fr": Words(
        clock=(
            r"(?P<h>[01]?\d|2[0-3]) ?h(?: ?(?P<mi>[0-5]\d))?(?![\w/])"
            r"|(?:(?<=à\s)|(?<=vers\s))(?P<h2>[01]?\d|2[0-3]) heures(?: (?P<mi2>[0-5]\d))?(?!\w)"
        ),
        noon=_M({"midi": 12, "minuit": 24}),
        clock_parts=_M({"du matin": 0, "du soir": 12, "de l'après-midi": 12, "de la nuit": 0})
        | {"de l’après-midi": 12},
        clock_approx=r"vers|environ|aux alentours de|autour de|dès|peu après|peu avant",
        zones=r"GMT|UTC|heure de Paris|heure locale|locales?",
        deictic_days=_M({"hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1})
        | {"avant-hier": -2, "après-demain": 2},
        parts=_M(
            {"matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV"}
            | {"nuit": "NI", "journée": "DT", "midi": "MI"}
        ),
        part_joins=r"",
        this=r"ce|cet|cette",
        part_alone=(
            r"(?:(?<=pendant\s)|(?<=durant\s))la nuit|(?<=dans\s)la (?:nuit|soirée|matinée|journée)"
            r"|(?<=de\s)la (?:nuit|soirée|matinée)|(?<=au\scours\sde\s)la (?:nuit|soirée|matinée)"
            r"|(?<=toute\s)la (?:nuit|journée|matinée|soirée)|le (?:matin|soir) même"
            r"|(?<=en\s)(?:fin|début) de (?:matinée|journée|soirée)"
        ),
        part_after_date=(
            r"au matin|au soir|dans la matinée|dans la soirée|dans la nuit|dans l['’]après-midi"
        ),
        one_word_parts=_M({}),
        refs=_M(
            {"maintenant": "PRESENT_REF", "désormais": "PRESENT_REF", "dorénavant": "PRESENT_REF"}
            | {"actuellement": "PRESENT_REF", "à présent": "PRESENT_REF"}
            | {"de nos jours": "PRESENT_REF", "en ce moment": "PRESENT_REF"}
            | {"actuel": "PRESENT_REF", "actuelle": "PRESENT_REF", "actuels": "PRESENT_REF"}
            | {"actuelles": "PRESENT_REF", "récemment": "PAST_REF", "auparavant": "PAST_REF"}
            | {"nouvellement": "PAST_REF", "naguère": "PAST_REF", "jadis": "PAST_REF"}
            | {"autrefois": "PAST_REF", "dernièrement": "PAST_REF", "bientôt": "FUTURE_REF"}
            | {"prochainement": "FUTURE_REF", "dans l'avenir": "FUTURE_REF"}
            | {"à terme": "FUTURE_REF", "à court terme": "FUTURE_REF"}
            | {"à moyen terme": "FUTURE_REF", "à long terme": "FUTURE_REF"}
            | {"l'heure actuelle": "PRESENT_REF", "l’heure actuelle": "PRESENT_REF"}
        ),
        every=r"chaque|tous les|toutes les",
        per=r"par",
        frequency=_M(
            {"quotidien": "P1D", "quotidienne": "P1D", "quotidiens": "P1D"}
            | {"quotidiennes": "P1D", "quotidiennement": "P1D", "hebdomadaire": "P1W"}
            | {"hebdomadaires": "P1W", "mensuel": "P1M", "mensuelle": "P1M", "mensuels": "P1M"}
            | {"mensuellement": "P1M", "annuel": "P1Y", "annuelle": "P1Y", "annuels": "P1Y"}
            | {"annuelles": "P1Y", "annuellement": "P1Y"}
        ),
        extra_units=_M(
            {"an": "Y", "ans": "Y", "décennie": "DE", "décennies": "DE", "siècle": "CE"}
            | {"siècles": "CE", "trimestre": "Q", "trimestres": "Q", "semestre": "6M"}
            | {"semestres": "6M", "quinquennat": "5Y", "septennat": "7Y", "quinzaine": "2W"}
        ),
        vague=_M({"quelques": 0, "plusieurs": 0, "des": 0, "de nombreux": 0, "de nombreuses": 0}),
        quantifiers=(
            r"environ|près de|plus de|moins de|au moins|presque|quelque|à peine|seulement"
        ),
        last_next=_M({"derniers": -1, "dernières": -1, "prochains": 1, "prochaines": 1})
        | {"premiers": 0, "premières": 0},
        determiners=r"le|la|l'|l’|ce|cette|cet",
        after_date=_M({"dernier": -1, "derniers": -1, "prochain": 1, "prochains": 1})
        | {"passé": -1},
        neighbours=_M(
            {"la veille": ("D", -1), "le lendemain": ("D", 1), "l'avant-veille": ("D", -2)}
            | {"l’avant-veille": ("D", -2), "le surlendemain": ("D", 2)}
            | {"l'année précédente": ("Y", -1), "l’année précédente": ("Y", -1)}
            | {"l'année suivante": ("Y", 1), "l’année suivante": ("Y", 1)}
            | {"la semaine précédente": ("W", -1), "la semaine suivante": ("W", 1)}
            | {"le mois précédent": ("M", -1), "le mois suivant": ("M", 1)}
        ),
        same=r"ce jour-là|ce jour là|le même jour|ce moment-là|ce moment là",
        then=r"(?<=depuis\s)lors",
        age_before=(
            r"(?:âgée?s?|agée?s?) de |(?<!\d),\s*$|\b(?:les|des|aux) (?:moins|plus) de "
            r"|\bl['’]âge de $"
            rf"|\b(?:{_FR_PEOPLE})s?(?: (?!{_FR_TIME_WORDS})[\w'’-]+){{0,2}} de $"
        ),
        duration_nouns=(
            r"peine|mandat|contrat|plan|période|durée|programme|prison|réclusion|détention"
            r"|délai|bail|absence|séjour|exil|guerre|conflit|travaux|moratoire|garantie"
            r"|emprisonnement|sursis|interdiction|suspension|carrière|règne|occupation|retard"
            r"|attente|engagement|trêve|cessez-le-feu|concession|service"
        ),
        year_words=r"l'année|l’année|l'an|l’an|année",
        future=(
            r"\b(?:" + _FR_VERB_FUTURE + r"|aller|prévu|devant|à venir|sera|compte|envisage"
            r"|souhaite|espère|a l'intention|annonce que|doit)\b"
        ),
        past=(
            r"\b(?:(?:a|ont|avait|avaient|avons|avez|est|sont|était|étaient|fut|furent)"
            r"(?:\s+\w+)?\s+(?:été|eu|\w+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|erte|int))"
            r"|\w{3,}(?:èrent|aient|ait)|hier|dernier|dernière|passé)\b"
        ),
        mods=_M(
            {"fin": Mod.END, "la fin de": Mod.END, "à la fin de": Mod.END, "début": Mod.START}
            | {"le début de": Mod.START, "au début de": Mod.START, "mi": Mod.MID}
            | {"courant": Mod.MID, "milieu": Mod.MID, "le milieu de": Mod.MID}
            | {"au milieu de": Mod.MID, "au cours de": Mod.MID}
        ),
        weekends=r"week-end|week end|weekend|fin de semaine",
        counted=(
            r"voix|habitants|personnes|morts|blessés|soldats|militaires|hommes|femmes|enfants"
            r"|euros?|dollars?|francs|tonnes|kilomètres|km|mètres|hectares|emplois|salariés"
            r"|réfugiés|déplacés|victimes|cas|logements|véhicules|exemplaires|pages|points"
            r"|élèves|étudiants|familles|combattants|djihadistes|manifestants|participants"
        ),
    ),
    "es": Words(
        clock=(
            r"(?:las? (?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)|(?P<h2>[01]?\d|2[0-3]):"
            r"(?P<mi2>[0-5]\d))(?: ?(?:h|horas|hrs)\b)?(?![\w/:]|[.,]\d)"
            # "las ocho de la tarde", "la una y media de la madrugada": hours in words
            r"|las? (?P<hw>\d{1,2}|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once"
            r"|doce)(?: y (?P<frac>media|cuarto))?(?= de la (?:mañana|tarde|noche|madrugada))"
            # "(08.00 GMT)", "10.30 horas": a bare time with its zone or its "horas"
            r"|(?<![\d.,])(?P<h4>[01]?\d|2[0-3])[.:](?P<mi4>[0-5]\d)(?= ?(?:GMT|UTC|horas|hrs)\b)"
        ),
        noon=_M({"mediodía": 12, "medianoche": 24}),
        clock_parts=_M({"de la mañana": 0, "de la tarde": 12, "de la noche": 12})
        | {"de la madrugada": 0},
        clock_approx=r"hacia|sobre|alrededor de|cerca de|aproximadamente a",
        zones=r"UTC|GMT|\(GMT ?[+-] ?\d{1,2}\)|horas? local(?:es)?|local(?:es)?|hora peninsular",
        deictic_days=_M({"ayer": -1, "hoy": 0, "mañana": 1, "anteayer": -2}) | {"pasado mañana": 2},
        parts=_M({"mañana": "MO", "tarde": "AF", "noche": "NI", "madrugada": "NI"})
        | {"mediodía": "MI"},
        part_joins=r"por la|en la|a la|de la",
        this=r"esta|este",
        part_alone=(
            r"(?<=durante\s)la (?:noche|madrugada|mañana|tarde)"
            r"|(?<=por\s)la (?:noche|madrugada|mañana|tarde)"
            r"|(?<=en\s)la (?:noche|madrugada)"
        ),
        part_after_date=(
            r"por la mañana|por la tarde|por la noche|de madrugada|en la madrugada|al mediodía"
        ),
        one_word_parts=_M({"anoche": (-1, "NI"), "anteanoche": (-2, "NI")}),
        refs=_M(
            {"ahora": "PRESENT_REF", "actualmente": "PRESENT_REF", "hoy por hoy": "PRESENT_REF"}
            | {"hasta el momento": "PRESENT_REF", "hasta ahora": "PRESENT_REF"}
            | {"hoy en día": "PRESENT_REF", "en estos días": "PRESENT_REF"}
            | {"en estos momentos": "PRESENT_REF", "en este momento": "PRESENT_REF"}
            | {"en la actualidad": "PRESENT_REF", "actual": "PRESENT_REF"}
            | {"actuales": "PRESENT_REF", "recientemente": "PAST_REF"}
            | {"últimamente": "PAST_REF", "el pasado": "PAST_REF", "del pasado": "PAST_REF"}
            | {"antiguamente": "PAST_REF", "pronto": "FUTURE_REF", "muy pronto": "FUTURE_REF"}
            | {"en el futuro": "FUTURE_REF", "próximamente": "FUTURE_REF"}
            | {"a corto plazo": "FUTURE_REF", "a medio plazo": "FUTURE_REF"}
            | {"a largo plazo": "FUTURE_REF", "en breve": "FUTURE_REF"}
        ),
        every=r"cada|todos los|todas las",
        per=r"al|por|a la",
        frequency=_M(
            {"diario": "P1D", "diaria": "P1D", "diarios": "P1D", "diarias": "P1D"}
            | {"a diario": "P1D", "diariamente": "P1D", "semanal": "P1W", "semanales": "P1W"}
            | {"semanalmente": "P1W", "mensual": "P1M", "mensuales": "P1M"}
            | {"mensualmente": "P1M", "anual": "P1Y", "anuales": "P1Y", "anualmente": "P1Y"}
        ),
        extra_units=_M(
            {"década": "DE", "décadas": "DE", "siglo": "CE", "siglos": "CE"}
            | {"trimestre": "Q", "trimestres": "Q", "semestre": "6M", "semestres": "6M"}
            | {"quincena": "2W", "lustro": "5Y", "lustros": "5Y", "periodo": "X"}
        ),
        vague=_M({"unos": 0, "unas": 0, "varios": 0, "varias": 0, "algunos": 0})
        | {"algunas": 0, "pocos": 0, "pocas": 0, "muchos": 0, "muchas": 0},
        quantifiers=(
            r"casi|cerca de|más de|menos de|al menos|alrededor de|aproximadamente"
            r"|apenas|solo|sólo|tan solo|tan sólo"
        ),
        last_next=_M({"últimos": -1, "últimas": -1, "próximos": 1, "próximas": 1})
        | {"pasados": -1, "pasadas": -1, "primeros": 0, "primeras": 0},
        determiners=r"el|la|del|los|las",
        after_date=_M({"pasado": -1, "próximo": 1, "que viene": 1}),
        neighbours=_M(
            {"la víspera": ("D", -1), "al día siguiente": ("D", 1), "el día siguiente": ("D", 1)}
            | {"el día anterior": ("D", -1), "el año anterior": ("Y", -1)}
            | {"el año siguiente": ("Y", 1), "al año siguiente": ("Y", 1)}
            | {"la semana anterior": ("W", -1), "la semana siguiente": ("W", 1)}
            | {"el mes anterior": ("M", -1), "el mes siguiente": ("M", 1)}
            # after "al"/"del", whose article stays outside the span: "respecto al año anterior"
            | {"año anterior": ("Y", -1), "año siguiente": ("Y", 1), "mes anterior": ("M", -1)}
            | {"mes siguiente": ("M", 1), "semana anterior": ("W", -1), "día anterior": ("D", -1)}
            | {"semana siguiente": ("W", 1)}
        ),
        same=r"ese día|ese mismo día|el mismo día|aquel día|ese momento|la jornada",
        then=r"(?:(?<=desde\s)|(?<=hasta\s)|(?<=para\s))entonces",
        age_before=(
            rf"(?<!\d),\s*(?:de )?$|\b(?:{_ES_PEOPLE})(?:s|es)?"
            rf"(?: (?!{_ES_TIME_WORDS})[\w-]+){{0,2}} de (?:unos )?$"
            r"|\b(?:los|las) (?:menores|mayores) de $"
        ),
        duration_nouns=(
            r"pena|mandato|contrato|plan|periodo|período|plazo|programa|prisión|cárcel"
            r"|condena|ausencia|exilio|guerra|conflicto|obras|moratoria|garantía|carrera"
            r"|reinado|ocupación|retraso|espera|tregua|concesión|servicio|trabajo"
        ),
        year_words=r"el año|año",
        future=(
            r"\b(?:\w+(?:rá|rán|ré|remos|réis)|va a|van a|vamos a|prevé|prevén|previsto|prevista"
            r"|previstos|previstas|próximo|próxima|planea|planean|espera|esperan|pretende"
            r"|deberá|deberán|debe|deben|podría|podrían)\b"
        ),
        past=(
            r"\b(?:(?:ha|han|había|habían|hubo|haya|hayan)\s+\w+(?:ado|ada|ido|ida|to|cho)"
            r"|fue|fueron|era|eran|estaba|estaban|dijo|dijeron|ayer|pasado|pasada"
            r"|\w{2,}(?:ó|aron|ieron|yeron|ió|aba|aban))\b"
        ),
        mods=_M(  # "a finales de": the preposition "a" stays out of the span
            {"finales de": Mod.END, "fines de": Mod.END, "principios de": Mod.START}
            | {"comienzos de": Mod.START, "mediados de": Mod.MID, "inicios de": Mod.START}
            | {"el final de": Mod.END, "al final de": Mod.END, "el principio de": Mod.START}
            | {"al principio de": Mod.START}
        ),
        weekends=r"fin de semana|fines de semana",
        counted=(
            r"votos|habitantes|personas|muertos|heridos|soldados|militares|hombres|mujeres"
            r"|niños|euros?|dólares|pesos|toneladas|kilómetros|km|metros|hectáreas|empleos"
            r"|trabajadores|refugiados|desplazados|víctimas|casos|viviendas|vehículos"
            r"|ejemplares|páginas|puntos|alumnos|estudiantes|familias|combatientes"
        ),
    ),
    "de": Words(
        clock=(
            r"(?P<h>[01]?\d|2[0-3])(?:[.:](?P<mi>[0-5]\d))? Uhr(?: (?P<mi2>[0-5]?\d))?(?!\w)"
            r"|(?<=\bum\s)(?P<h2>[01]?\d|2[0-3]):(?P<mi3>[0-5]\d)(?!\d)"
        ),
        noon=_M({"mittag": 12, "mitternacht": 24}),
        clock_parts=_M({"morgens": 0, "früh": 0, "vormittags": 0, "nachmittags": 12})
        | {"abends": 12, "nachts": 0},
        clock_approx=r"gegen|etwa um|ungefähr um|kurz nach|kurz vor",
        zones=r"MEZ|MESZ|UTC|GMT|Ortszeit",
        deictic_days=_M({"gestern": -1, "heute": 0, "morgen": 1, "vorgestern": -2})
        | {"übermorgen": 2},
        parts=_M({"morgen": "MO", "früh": "MO", "vormittag": "MO", "nachmittag": "AF"})
        | {"abend": "EV", "nacht": "NI", "mittag": "MI"},
        part_joins=r"",
        this=r"diesen|diese|dieses",
        part_alone=r"(?<=in\sder\s)Nacht|(?<=am\s)(?:Abend|Morgen|Nachmittag|Vormittag)",
        part_after_date=r"morgens|abends|nachmittags|vormittags|nachts",
        one_word_parts=_M({"heute früh": (0, "MO"), "heute morgen": (0, "MO")}),
        refs=_M(
            {"jetzt": "PRESENT_REF", "derzeit": "PRESENT_REF", "zurzeit": "PRESENT_REF"}
            | {"gegenwärtig": "PRESENT_REF", "inzwischen": "PRESENT_REF"}
            | {"mittlerweile": "PRESENT_REF", "nun": "PRESENT_REF", "heutzutage": "PRESENT_REF"}
            | {"kürzlich": "PAST_REF", "vor kurzem": "PAST_REF", "neulich": "PAST_REF"}
            | {"früher": "PAST_REF", "einst": "PAST_REF", "bald": "FUTURE_REF"}
            | {"demnächst": "FUTURE_REF", "in Zukunft": "FUTURE_REF", "künftig": "FUTURE_REF"}
            | {"in Kürze": "FUTURE_REF"}
        ),
        every=r"jeden|jede|jedes|alle",
        per=r"pro|im",
        frequency=_M(
            {"täglich": "P1D", "tägliche": "P1D", "täglichen": "P1D", "wöchentlich": "P1W"}
            | {"wöchentliche": "P1W", "monatlich": "P1M", "monatliche": "P1M"}
            | {"jährlich": "P1Y", "jährliche": "P1Y", "jährlichen": "P1Y"}
        ),
        extra_units=_M(
            {"jahrzehnt": "DE", "jahrzehnte": "DE", "jahrzehnten": "DE"}
            | {"jahrhundert": "CE", "jahrhunderte": "CE", "jahrhunderten": "CE"}
            | {"quartal": "Q", "quartale": "Q", "quartalen": "Q", "halbjahr": "6M"}
        ),
        vague=_M({"einige": 0, "einigen": 0, "mehrere": 0, "mehreren": 0, "wenige": 0})
        | {"wenigen": 0, "paar": 0},
        quantifiers=r"etwa|rund|fast|knapp|mehr als|weniger als|mindestens|über",
        last_next=_M({"letzten": -1, "vergangenen": -1, "nächsten": 1, "kommenden": 1})
        | {"ersten": 0},
        determiners=r"",
        after_date=_M({}),
        neighbours=_M(
            {"am vortag": ("D", -1), "am tag zuvor": ("D", -1), "am folgenden tag": ("D", 1)}
            | {"am nächsten tag": ("D", 1), "tags darauf": ("D", 1), "im vorjahr": ("Y", -1)}
            | {"im folgejahr": ("Y", 1), "im jahr darauf": ("Y", 1)}
        ),
        same=r"an diesem Tag|am selben Tag|am gleichen Tag|an jenem Tag",
        then=r"(?<=seit\s)damals|(?<=bis\s)dahin",
        age_before=(
            r"(?<!\d),\s*$|\bim Alter von $|\b(?:Mann|Frau|Junge|Mädchen|Kind|Jugendliche[rn]?"
            r"|Rentner(?:in)?|Fahrer(?:in)?|Soldat|Opfer|Schüler(?:in)?) von $"
        ),
        duration_nouns=r"Haft|Amtszeit|Vertrag|Plan|Zeitraum|Dauer|Programm|Gefängnis",
        year_words=r"im Jahr|im Jahre|Jahr",
        future=(
            r"\b(?:wird|werden|wirst|werde|soll|sollen|sollte|sollten|will|wollen|plant"
            r"|planen|geplant|kommende[nrs]?|nächste[nrs]?|bevorstehende[nrs]?)\b"
        ),
        past=(
            r"\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|(?!gegen\b)ge\w{2,}(?:t|en)"
            r"|sagte|sagten|erklärte|erklärten|teilte|teilten|meldete|meldeten|kam|kamen"
            r"|ging|gingen|starb|starben|fiel|fielen|traf|trafen|begann|begannen|griff|griffen"
            r"|verließ|verließen|fand|fanden|gab|gaben|gestern|letzte[nrs]?|vergangene[nrs]?)\b"
        ),
        mods=_M({"ende": Mod.END, "anfang": Mod.START, "mitte": Mod.MID, "beginn": Mod.START})
        | {"zu beginn": Mod.START, "gegen ende": Mod.END},
        weekends=r"Wochenende",
        counted=(
            r"Stimmen|Einwohner|Menschen|Personen|Tote|Toten|Verletzte|Soldaten|Euro|Dollar"
            r"|Tonnen|Kilometer|km|Meter|Hektar|Arbeitsplätze|Flüchtlinge|Opfer|Fälle"
            r"|Wohnungen|Fahrzeuge|Seiten|Punkte|Schüler|Studenten|Familien|Kämpfer"
        ),
    ),
    "ru": Words(
        clock=r"(?:(?<=\bв\s)|(?<=\bк\s)|(?<=\bдо\s)|(?<=\bс\s)|(?<=около\s))(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?!\d)"
        r"|(?P<h2>[01]?\d|2[0-3]) час(?:а|ов)?(?: (?P<mi2>[0-5]?\d) минут[аы]?)?(?!\w)",
        noon=_M({"полдень": 12, "полудня": 12, "полночь": 24, "полуночи": 24}),
        clock_parts=_M({"утра": 0, "дня": 12, "вечера": 12, "ночи": 0}),
        clock_approx=r"около|примерно в|приблизительно в",
        zones=r"по московскому времени|по местному времени|мск|UTC|GMT",
        deictic_days=_M({"вчера": -1, "сегодня": 0, "завтра": 1, "позавчера": -2})
        | {"послезавтра": 2},
        parts=_M({"утром": "MO", "днём": "AF", "днем": "AF", "вечером": "EV", "ночью": "NI"}),
        part_joins=r"",
        this=r"этим|этой|этот|эту",
        part_alone=r"(?<=этой\s)ночью|(?<![\w-])(?:ночью|утром|вечером)",
        part_after_date=r"утром|вечером|днём|днем|ночью",
        one_word_parts=_M({"этой ночью": (0, "NI"), "этим утром": (0, "MO")})
        | {"этим вечером": (0, "EV"), "прошлой ночью": (-1, "NI")},
        refs=_M(
            {"сейчас": "PRESENT_REF", "теперь": "PRESENT_REF", "в настоящее время": "PRESENT_REF"}
            | {"ныне": "PRESENT_REF", "на данный момент": "PRESENT_REF"}
            | {"недавно": "PAST_REF", "ранее": "PAST_REF", "в прошлом": "PAST_REF"}
            | {"прежде": "PAST_REF", "вскоре": "FUTURE_REF", "скоро": "FUTURE_REF"}
            | {"в будущем": "FUTURE_REF", "в ближайшее время": "FUTURE_REF"}
        ),
        every=r"каждый|каждую|каждое|каждые|ежегодно|еженедельно",
        per=r"в",
        frequency=_M(
            {"ежедневно": "P1D", "ежедневный": "P1D", "ежедневные": "P1D", "еженедельно": "P1W"}
            | {"еженедельный": "P1W", "ежемесячно": "P1M", "ежемесячный": "P1M"}
            | {"ежегодно": "P1Y", "ежегодный": "P1Y", "ежегодная": "P1Y", "ежегодные": "P1Y"}
        ),
        extra_units=_M(
            {"десятилетие": "DE", "десятилетия": "DE", "десятилетий": "DE", "век": "CE"}
            | {"века": "CE", "веков": "CE", "квартал": "Q", "квартала": "Q", "полугодие": "6M"}
            | {"часа": "H", "часов": "H", "минуты": "MIN"}
        ),
        vague=_M({"несколько": 0, "нескольких": 0, "много": 0, "многих": 0}),
        quantifiers=r"около|почти|более|больше|менее|меньше|примерно|целых",
        last_next=_M({"последние": -1, "последних": -1, "ближайшие": 1, "ближайших": 1})
        | {"следующие": 1, "первые": 0},
        determiners=r"",
        after_date=_M({}),
        neighbours=_M(
            {"накануне": ("D", -1), "на следующий день": ("D", 1), "днём ранее": ("D", -1)}
            | {"днем ранее": ("D", -1), "годом ранее": ("Y", -1), "на следующий год": ("Y", 1)}
        ),
        same=r"в тот же день|в этот день|в тот день|в тот момент",
        then=r"(?<=с\s)тех пор|(?<=до\s)того времени",
        age_before=(
            r"(?<!\d),\s*$|\bв возрасте $|\b(?:мужчина|женщина|мальчик|девочка|девушка|парень"
            r"|ребёнок|ребенок|подросток|пенсионер|пенсионерка|житель|жительница|водитель"
            r"|школьник|школьница|студент|студентка) $"
        ),
        duration_nouns=r"срок|заключени|контракт|план|период",
        year_words=r"году|года|год|г\.",
        future=(
            r"(?:^|\s)(?:будет|будут|буду|станет|станут|планирует|планируют|собирается"
            r"|намерен|намерена|намерены|состоится|пройдут|пройдёт|пройдет|начнётся|начнется"
            r"|пройдет|ожидается|предстоит|\w+(?:ится|ятся|ётся|ется|ут|ют|ат|ят|ит|ет|ёт))(?!\w)"
        ),
        past=r"(?:^|\s)(?:был|была|было|были|\w+(?:л|ла|ло|ли|лся|лась|лось|лись))(?!\w)",
        mods=_M({"в конце": Mod.END, "в начале": Mod.START, "в середине": Mod.MID})
        | {"к концу": Mod.END, "с начала": Mod.START, "до конца": Mod.END},
        weekends=r"выходные|выходных",
        counted=(
            r"голосов|жителей|человек|погибших|раненых|солдат|военных|рублей|долларов|евро"
            r"|тонн|километров|км|метров|гектаров|рабочих|беженцев|жертв|случаев|квартир"
            r"|машин|страниц|пунктов|учеников|студентов|семей|боевиков"
        ),
    ),
    "uk": Words(
        clock=r"(?:(?<=\bо\s)|(?<=\bоб\s)|(?<=\bдо\s)|(?<=\bз\s)|(?<=близько\s))(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?!\d)"
        r"|(?:(?<=\bо\s)|(?<=\bоб\s))(?P<h2>[01]?\d|2[0-3])(?:-й)? годині(?!\w)",
        noon=_M({"опівдні": 12, "полудні": 12, "опівночі": 24}),  # "північ" is also north
        clock_parts=_M({"ранку": 0, "дня": 12, "вечора": 12, "ночі": 0}),
        clock_approx=r"близько|приблизно о|приблизно об",
        zones=r"за київським часом|за місцевим часом|UTC|GMT",
        deictic_days=_M({"вчора": -1, "учора": -1, "сьогодні": 0, "завтра": 1})
        | {"позавчора": -2, "післязавтра": 2},
        parts=_M({"вранці": "MO", "уранці": "MO", "зранку": "MO", "вдень": "AF", "удень": "AF"})
        | {"ввечері": "EV", "увечері": "EV", "вночі": "NI", "уночі": "NI"},
        part_joins=r"",
        this=r"цього|цієї|цей|цю",
        part_alone=r"(?<=цієї\s)ночі|(?<![\w-])(?:вночі|уночі|вранці|уранці|зранку|ввечері|увечері)",
        part_after_date=r"вранці|уранці|ввечері|увечері|вдень|уночі|вночі",
        one_word_parts=_M({"цієї ночі": (0, "NI"), "минулої ночі": (-1, "NI")})
        | {"цього ранку": (0, "MO"), "цього вечора": (0, "EV")},
        refs=_M(
            {"зараз": "PRESENT_REF", "тепер": "PRESENT_REF", "наразі": "PRESENT_REF"}
            | {"нині": "PRESENT_REF", "нещодавно": "PAST_REF", "раніше": "PAST_REF"}
            | {"у минулому": "PAST_REF", "незабаром": "FUTURE_REF", "невдовзі": "FUTURE_REF"}
            | {"згодом": "FUTURE_REF", "у майбутньому": "FUTURE_REF"}
            | {"найближчим часом": "FUTURE_REF"}
        ),
        every=r"щороку|щотижня|щомісяця|щодня|кожного|кожної|кожен|кожну|кожні",
        per=r"на",
        frequency=_M(
            {"щодня": "P1D", "щоденно": "P1D", "щоденний": "P1D", "щотижня": "P1W"}
            | {"щотижневий": "P1W", "щомісяця": "P1M", "щомісячний": "P1M", "щороку": "P1Y"}
            | {"щорічно": "P1Y", "щорічний": "P1Y", "щорічна": "P1Y", "щорічні": "P1Y"}
        ),
        extra_units=_M(
            {"десятиліття": "DE", "десятиліть": "DE", "століття": "CE", "століть": "CE"}
            | {"квартал": "Q", "кварталі": "Q", "півріччя": "6M", "рр": "Y"}
        ),
        vague=_M({"кілька": 0, "кількох": 0, "декілька": 0, "багато": 0}),
        quantifiers=r"близько|майже|понад|більше|менше|приблизно|щонайменше|цілих",
        last_next=_M({"останні": -1, "останніх": -1, "найближчі": 1, "найближчих": 1})
        | {"наступні": 1, "перші": 0},
        determiners=r"",
        after_date=_M({}),
        neighbours=_M(
            {"напередодні": ("D", -1), "наступного дня": ("D", 1), "днем раніше": ("D", -1)}
            | {"роком раніше": ("Y", -1), "наступного року": ("Y", 1)}
        ),
        same=r"того ж дня|того дня|цього дня|в той день|у той день",
        then=r"(?<=з\s)тих пір|(?<=відтоді)",
        age_before=(
            r"(?<!\d),\s*$|\bу віці $|\bв віці $|\b(?:чоловік|жінка|хлопчик|дівчинка|дівчина"
            r"|хлопець|дитина|підліток|пенсіонер|пенсіонерка|мешканець|мешканка|водій|школяр"
            r"|школярка|студент|студентка) $"
        ),
        duration_nouns=r"строк|термін|ув'язнення|контракт|план|період",
        year_words=r"році|року|рік|р\.",
        future=(
            r"(?:^|\s)(?:буде|будуть|буду|стане|планує|планують|збирається|має намір"
            r"|відбудеться|відбудуться|розпочнеться|очікується|\w+(?:тиме|тимуть|меться"
            r"|муться|ться)|\w{3,}(?:нуть|януть|уть))(?!\w)"
        ),
        past=r"(?:^|\s)(?:був|була|було|були|\w+(?:в|ла|ло|ли|вся|лася|лося|лися))(?!\w)",
        mods=_M({"наприкінці": Mod.END, "в кінці": Mod.END, "у кінці": Mod.END})
        | {"на початку": Mod.START, "в середині": Mod.MID, "у середині": Mod.MID}
        | {"до кінця": Mod.END, "з початку": Mod.START},
        weekends=r"вихідні|вихідних",
        counted=(
            r"голосів|жителів|людей|осіб|загиблих|поранених|солдатів|військових|гривень"
            r"|доларів|євро|тонн|кілометрів|км|метрів|гектарів|біженців|жертв|випадків"
            r"|квартир|машин|сторінок|пунктів|учнів|студентів|родин|бойовиків"
        ),
    ),
}
"""Every language with rules besides English."""
