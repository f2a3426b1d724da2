"""French news sentences by rule family, with the TIMEX3 values FR-TimeML gives them, read
against a publication on Friday 20 September 2024 (``test_dates_families`` runs them)."""

from __future__ import annotations

CASES: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {
    "clock": [
        (
            "Le drame s'est produit vers 14 h 30 dans le centre de Gao.",
            [("vers 14 h 30", "2024-09-20T14:30")],
        ),
        (
            "Les tirs ont commencé hier à 22 h, selon un témoin joint par téléphone.",
            [("hier à 22 h", "2024-09-19T22:00")],
        ),
        (
            "Hier, vers midi, une voiture piégée a explosé devant la préfecture.",
            [("Hier", "2024-09-19"), ("vers midi", "2024-09-19T12:00")],
        ),
        ("Le couvre-feu entre en vigueur à minuit.", [("minuit", "2024-09-20T24:00")]),
        (
            "La réunion est prévue lundi à 10 heures au ministère de la Défense.",
            [("lundi", "2024-09-23"), ("10 heures", "2024-09-23T10:00")],
        ),
        (
            "L'accident s'est produit vers 0 h 40, jeudi, sur la RN 4.",
            [("vers 0 h 40", "2024-09-19T00:40"), ("jeudi", "2024-09-19")],
        ),
        (
            "L'avion présidentiel s'est posé à 18 h 45 heure de Paris.",
            [("18 h 45 heure de Paris", "2024-09-20T18:45")],
        ),
        ("Les bureaux de vote fermeront à 20 h 00 GMT.", [("20 h 00 GMT", "2024-09-20T20:00Z")]),
        (
            "Dimanche après-midi, les premiers tirs ont eu lieu vers 18 h 55.",
            [("Dimanche après-midi", "2024-09-15TAF"), ("vers 18 h 55", "2024-09-15T18:55")],
        ),
        (
            "Le feu a pris vers 15 h 30, hier. Personne n'était à l'intérieur à ce moment-là.",
            [("vers 15 h 30, hier", "2024-09-19T15:30"), ("ce moment-là", "2024-09-19T15:30")],
        ),
        (
            "Les gendarmes sont intervenus vers 8 heures du soir.",
            [("vers 8 heures du soir", "2024-09-20T20:00")],
        ),
        (
            "La manifestation partira de la place de la République à 15 h.",
            [("15 h", "2024-09-20T15:00")],
        ),
    ],
    "present": [
        (
            "Le pays compte désormais plus de 400 000 déplacés internes.",
            [("désormais", "PRESENT_REF")],
        ),
        (
            "La situation est actuellement sous contrôle, selon l'état-major.",
            [("actuellement", "PRESENT_REF")],
        ),
        ("Les rebelles contrôlent maintenant la ville de Kidal.", [("maintenant", "PRESENT_REF")]),
        (
            "À l'heure actuelle, aucune revendication n'a été publiée.",
            [("l'heure actuelle", "PRESENT_REF")],
        ),
        ("Récemment, plusieurs soldats ont déserté leur poste.", [("Récemment", "PAST_REF")]),
        (
            "Le ministre s'exprimera prochainement sur ce dossier.",
            [("prochainement", "FUTURE_REF")],
        ),
        ("L'actuel chef de la junte a pris le pouvoir par la force.", [("actuel", "PRESENT_REF")]),
    ],
    "daypart": [
        (
            "Une forte explosion a retenti ce matin dans le quartier administratif.",
            [("ce matin", "2024-09-20TMO")],
        ),
        (
            "Le président prendra la parole ce soir à la télévision nationale.",
            [("ce soir", "2024-09-20TEV")],
        ),
        (
            "Mardi soir, des hommes armés ont attaqué un poste de gendarmerie.",
            [("Mardi soir", "2024-09-17TEV")],
        ),
        ("Le convoi a été attaqué samedi après-midi.", [("samedi après-midi", "2024-09-14TAF")]),
        (
            "L'incendie n'a été maîtrisé que dans la soirée.",
            [("la soirée", "2024-09-20TEV")],
        ),
        (
            "Les combats ont repris dans la nuit de samedi à dimanche près de Tombouctou.",
            [("la nuit de samedi à dimanche", "2024-09-14TNI")],
        ),
        (
            "Les otages ont été libérés hier matin près de Mopti.",
            [("hier matin", "2024-09-19TMO")],
        ),
        (
            "Le Premier ministre a été reçu à l'Élysée en fin de matinée.",
            [("fin de matinée", "2024-09-20TMO")],
        ),
        (
            "Les secours sont restés sur place toute la nuit.",
            [("la nuit", "2024-09-20TNI")],
        ),
    ],
    "ago": [
        ("Il y a trente ans, le génocide commençait au Rwanda.", [("Il y a trente ans", "1994")]),
        ("L'accord a été signé il y a plus de dix ans.", [("il y a plus de dix ans", "2014")]),
        (
            "Le village avait été détruit il y a quelques semaines.",
            [("il y a quelques semaines", "PAST_REF")],
        ),
        (
            "Il y a deux jours, les militaires ont quitté la base de Ber.",
            [("Il y a deux jours", "2024-09-18")],
        ),
        ("La mine d'or a fermé il y a dix-huit mois.", [("il y a dix-huit mois", "2023-03")]),
        ("La Minusma a quitté le pays il y a un an.", [("il y a un an", "2023")]),
    ],
    "numbers": [
        (
            "La transition durera dix-huit mois, a annoncé la junte.",
            [("dix-huit mois", "P18M")],
        ),
        ("L'opposant a passé vingt-deux ans en exil.", [("vingt-deux ans", "P22Y")]),
        ("Le chantier a duré trente-six mois.", [("trente-six mois", "P36M")]),
        (
            "Les négociations se sont poursuivies pendant soixante-douze heures.",
            [("soixante-douze heures", "PT72H")],
        ),
        (
            "Le cessez-le-feu doit durer quatre-vingt-dix jours.",
            [("quatre-vingt-dix jours", "P90D")],
        ),
    ],
    "two_digit_year": [
        (
            "L'incendie du 10 novembre 93 avait fait dix morts.",
            [("10 novembre 93", "1993-11-10")],
        ),
        (
            "Les accords de décembre 91 ont scellé la fin de l'URSS.",
            [("décembre 91", "1991-12")],
        ),
    ],
    "tense": [
        ("Le sommet aura lieu samedi à Niamey.", [("samedi", "2024-09-21")]),
        ("Le ministre a été limogé samedi.", [("samedi", "2024-09-14")]),
        ("Les élections se tiendront en décembre.", [("décembre", "2024-12")]),
        ("Les pluies ont été exceptionnelles en juillet.", [("juillet", "2024-07")]),
        ("La délégation arrivera mercredi prochain.", [("mercredi prochain", "2024-09-25")]),
        ("Le texte sera examiné en février par l'Assemblée.", [("février", "2025-02")]),
        ("Le gouvernement a démissionné en mars.", [("mars", "2024-03")]),
        ("Les deux chefs d'État se rencontreront mardi.", [("mardi", "2024-09-24")]),
    ],
    "set": [
        ("Les patrouilles conjointes ont lieu chaque semaine.", [("chaque semaine", "P1W")]),
        ("Le grand marché se tient tous les jeudis.", [("tous les jeudis", "XXXX-WXX-4")]),
        ("La mine produit 15 tonnes d'or par an.", [("par an", "P1Y")]),
        ("Le sommet annuel de la Cédéao a été reporté.", [("annuel", "P1Y")]),
        (
            "Les chefs d'état-major se réunissent tous les mois.",
            [("tous les mois", "P1M")],
        ),
        (
            "Le rapport est publié chaque année en juin.",
            [("chaque année", "P1Y"), ("juin", "XXXX-06")],
        ),
    ],
    "determiners": [
        ("Le 16 juillet, la junte a dissous les partis.", [("Le 16 juillet", "2024-07-16")]),
        ("Ce lundi, le gouvernement a présenté son budget.", [("Ce lundi", "2024-09-16")]),
        (
            "Les résultats définitifs seront connus le mois prochain.",
            [("le mois prochain", "2024-10")],
        ),
        ("La loi a été votée l'an dernier.", [("l'an dernier", "2023")]),
        (
            "Le dernier bilan a été publié le 6 mai dernier.",
            [("le 6 mai dernier", "2024-05-06")],
        ),
        ("Le président est arrivé le 15 courant à Paris.", [("le 15 courant", "2024-09-15")]),
        (
            "Le mardi 3 mars, les syndicats manifesteront.",
            [("Le mardi 3 mars", "2026-03-03")],
        ),
        (
            "Le 3 mars au matin, la police est intervenue.",
            [("Le 3 mars au matin", "2024-03-03TMO")],
        ),
        (
            "Le président doit l'annoncer aujourd'hui vendredi.",
            [("aujourd'hui vendredi", "2024-09-20")],
        ),
        (
            "Les élections auront lieu les 6 et 13 avril prochains.",
            [("les 6", "2025-04-06"), ("13 avril prochains", "2025-04-13")],
        ),
    ],
    "periods": [
        (
            "Le PIB a reculé de 0,2 % au premier trimestre 2024.",
            [("premier trimestre 2024", "2024-Q1")],
        ),
        ("Les ventes ont progressé au deuxième trimestre.", [("deuxième trimestre", "2024-Q2")]),
        (
            "Le chômage a baissé au cours du trimestre dernier.",
            [("trimestre dernier", "2024-Q2")],
        ),
        ("Les exportations ont chuté au premier semestre.", [("premier semestre", "2024-H1")]),
        (
            "Au deuxième trimestre, le bénéfice a doublé par rapport à la même période de "
            "l'année précédente.",
            [
                ("deuxième trimestre", "2024-Q2"),
                ("la même période de l'année précédente", "2023-Q2"),
            ],
        ),
        ("L'offensive a été lancée l'été dernier.", [("l'été dernier", "2024-SU")]),
        ("Les élections auront lieu au printemps 2025.", [("printemps 2025", "2025-SP")]),
        ("Le froid sera rude cet hiver dans le Sahel.", [("cet hiver", "2024-WI")]),
        ("Les campings affichent complet en été.", [("été", "XXXX-SU")]),
        (
            "Pendant les mois d'été, les campings affichent complet.",
            [("été", "XXXX-SU")],
        ),
        (
            "La réforme sera votée à la fin de l'année.",
            [("la fin de l'année", "2024")],
        ),
    ],
    "durations": [
        (
            "Ces derniers jours, les attaques se sont multipliées dans le centre.",
            [("Ces derniers jours", "PXD")],
        ),
        ("La crise dure depuis des années.", [("des années", "PXY")]),
        ("Le dépouillement a duré une demi-heure.", [("une demi-heure", "PT30M")]),
        (
            "Le parti est au pouvoir depuis un quart de siècle.",
            [("un quart de siècle", "P25Y")],
        ),
        ("Il plaide pour un quinquennat de cohérence.", [("un quinquennat", "P5Y")]),
        (
            "La mission a été prolongée de trois ans et demi.",
            [("trois ans et demi", "P3Y6M")],
        ),
        (
            "Les prix ont augmenté au cours des trois derniers mois.",
            [("trois derniers mois", "P3M")],
        ),
        ("Il a été condamné à vingt ans de réclusion.", [("vingt ans", "P20Y")]),
    ],
    "eras": [
        (
            "Dans les années 1990, le pays a connu une guerre civile.",
            [("les années 1990", "199")],
        ),
        ("Les années 90 ont été marquées par la crise.", [("Les années 90", "199")]),
        ("Au XXe siècle, la ville a été détruite deux fois.", [("XXe siècle", "19")]),
        ("Les années soixante ont vu naître le parti.", [("Les années soixante", "196")]),
    ],
    "ranges": [
        (
            "Le festival aura lieu du 3 au 5 mars à Bamako.",
            [("3", "2025-03-03"), ("5 mars", "2025-03-05")],
        ),
        (
            "Trois personnes sont mortes dans la nuit du 3 au 4 mars.",
            [("la nuit du 3 au 4 mars", "2024-03-03TNI")],
        ),
        (
            "Les Français ont voté les 30 juin et 7 juillet.",
            [("30 juin", "2024-06-30"), ("7 juillet", "2024-07-07")],
        ),
    ],
    "ages": [
        (
            "Un chauffeur de bus de 38 ans a été agressé hier soir.",
            [("hier soir", "2024-09-19TEV")],
        ),
        ("Le président, âgé de 87 ans, a été hospitalisé.", []),
        ("Une fillette de 6 ans s'est noyée dans la piscine.", []),
        ("Florian, 26 ans, a été interpellé à son domicile.", []),
        ("Un nourrisson de trois semaines a été retrouvé sain et sauf.", []),
        ("Les moins de 25 ans sont les plus touchés par le chômage.", []),
        ("L'ancien président est mort à 87 ans.", []),
        ("Il a été condamné à 20 ans de réclusion.", [("20 ans", "P20Y")]),
        ("Les otages sont détenus depuis plus de deux ans.", [("plus de deux ans", "P2Y")]),
    ],
}

TRAPS: list[str] = [
    "Le président, âgé de 87 ans, a été hospitalisé à Alger.",
    "Le quotidien Le Monde a révélé l'affaire.",
    "Les quotidiens nationaux ont titré sur la crise.",
    "Un lecteur assidu de la presse quotidienne l'a remarqué.",
    "Le printemps arabe a commencé en Tunisie.",
    "Le décret n° 2024-512 fixe les nouvelles règles.",
    "La liste a obtenu 2022 voix au premier tour.",
    "L'armée a déployé 1500 soldats dans la région.",
    "Un bébé de 6 mois a été hospitalisé.",
    "Mars est la planète rouge.",
    "Le groupe Radio Lundi a changé de fréquence.",
    "En dehors des heures scolaires, le centre reste fermé.",
    "Le passage à l'heure d'été fait débat à Bruxelles.",
    "Le Journal du dimanche a publié un sondage.",
    "Ce chef de bande de 38 ans a été arrêté.",
    "Les soldes commencent au Printemps Haussmann.",
    "Le Printemps de Bourges a attiré 60 000 spectateurs.",
]
"""Sentences in which nothing is a date or a time (ages, newspapers, counts, names)."""
