"""German news sentences by rule family, with their TIMEX3 values (TimeML guidelines), read
against a publication on Friday 20 September 2024 (``test_dates_families`` runs them)."""

from __future__ import annotations

CASES: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {
    "clock": [
        (
            "Der Anschlag ereignete sich gegen 14 Uhr in der Innenstadt.",
            [("gegen 14 Uhr", "2024-09-20T14:00")],
        ),
        (
            "Die Sitzung des Bundestags soll um 10.30 Uhr beginnen.",
            [("10.30 Uhr", "2024-09-20T10:30")],
        ),
        (
            "Gestern um 22 Uhr fielen die ersten Schüsse.",
            [("Gestern um 22 Uhr", "2024-09-19T22:00")],
        ),
        (
            "Die Explosion war kurz nach Mitternacht zu hören.",
            [("kurz nach Mitternacht", "2024-09-20T24:00")],
        ),
        ("Die Wahllokale schließen um 18 Uhr MESZ.", [("18 Uhr MESZ", "2024-09-20T18:00")]),
        (
            "Am Montag um 9 Uhr soll der Prozess beginnen.",
            [("Montag", "2024-09-23"), ("9 Uhr", "2024-09-23T09:00")],
        ),
        ("Um 12:45 Uhr landete die Maschine in Berlin.", [("12:45 Uhr", "2024-09-20T12:45")]),
        ("Der Anschlag geschah um 8 Uhr abends.", [("8 Uhr abends", "2024-09-20T20:00")]),
        (
            "Die Polizei wurde gegen 3 Uhr alarmiert.",
            [("gegen 3 Uhr", "2024-09-20T03:00")],
        ),
        (
            "Die Feuerwehr traf um 17 Uhr 30 am Einsatzort ein.",
            [("17 Uhr 30", "2024-09-20T17:30")],
        ),
    ],
    "present": [
        ("Derzeit sind 400.000 Menschen auf der Flucht.", [("Derzeit", "PRESENT_REF")]),
        ("Die Rebellen kontrollieren jetzt die Stadt Kidal.", [("jetzt", "PRESENT_REF")]),
        ("Kürzlich desertierten mehrere Soldaten.", [("Kürzlich", "PAST_REF")]),
        ("Der Minister will sich bald zu dem Fall äußern.", [("bald", "FUTURE_REF")]),
        ("Zurzeit gibt es keine Hinweise auf Überlebende.", [("Zurzeit", "PRESENT_REF")]),
        ("Künftig sollen alle Grenzübergänge überwacht werden.", [("Künftig", "FUTURE_REF")]),
    ],
    "daypart": [
        (
            "Heute Morgen erschütterte eine Explosion das Regierungsviertel.",
            [("Heute Morgen", "2024-09-20TMO")],
        ),
        (
            "Der Präsident spricht heute Abend im Fernsehen.",
            [("heute Abend", "2024-09-20TEV")],
        ),
        (
            "Am Dienstagabend griffen Bewaffnete einen Polizeiposten an.",
            [("Dienstagabend", "2024-09-17TEV")],
        ),
        ("Gestern Abend wurden die Geiseln freigelassen.", [("Gestern Abend", "2024-09-19TEV")]),
        (
            "In der Nacht zum Sonntag kam es erneut zu Kämpfen.",
            [("Nacht zum Sonntag", "2024-09-14TNI")],
        ),
        ("Die Bombe explodierte am Samstagnachmittag.", [("Samstagnachmittag", "2024-09-14TAF")]),
        ("Heute früh wurden drei Soldaten verletzt.", [("Heute früh", "2024-09-20TMO")]),
        (
            "Die Kämpfe dauerten die ganze Nacht an, als der Konvoi am Abend eintraf.",
            [("Abend", "2024-09-20TEV")],
        ),
    ],
    "ago": [
        ("Vor drei Jahren übernahm das Militär die Macht.", [("Vor drei Jahren", "2021")]),
        (
            "Das Abkommen wurde vor mehr als zehn Jahren unterzeichnet.",
            [("vor mehr als zehn Jahren", "2014")],
        ),
        ("Das Dorf wurde vor einigen Wochen zerstört.", [("vor einigen Wochen", "PAST_REF")]),
        (
            "Vor zwei Tagen verließen die Soldaten den Stützpunkt.",
            [("Vor zwei Tagen", "2024-09-18")],
        ),
        ("Die Mine schloss vor achtzehn Monaten.", [("vor achtzehn Monaten", "2023-03")]),
        ("Die Gespräche begannen vor Jahren.", [("vor Jahren", "PAST_REF")]),
        ("Vor einer Woche wurde der Minister entlassen.", [("Vor einer Woche", "2024-W37")]),
    ],
    "numbers": [
        ("Die Übergangszeit soll achtzehn Monate dauern.", [("achtzehn Monate", "P18M")]),
        (
            "Der Oppositionelle verbrachte zweiundzwanzig Jahre im Exil.",
            [("zweiundzwanzig Jahre", "P22Y")],
        ),
        ("Die Bauarbeiten dauerten sechsunddreißig Monate.", [("sechsunddreißig Monate", "P36M")]),
        ("Die Waffenruhe gilt für neunzig Tage.", [("neunzig Tage", "P90D")]),
        (
            "Die Verhandlungen dauerten zweiundsiebzig Stunden.",
            [("zweiundsiebzig Stunden", "PT72H")],
        ),
    ],
    "tense": [
        ("Der Gipfel wird am Samstag in Niamey stattfinden.", [("Samstag", "2024-09-21")]),
        ("Der Minister wurde am Samstag entlassen.", [("Samstag", "2024-09-14")]),
        ("Die Wahlen sollen im Dezember stattfinden.", [("Dezember", "2024-12")]),
        ("Die Regenfälle waren im Juli außergewöhnlich stark.", [("Juli", "2024-07")]),
        (
            "Die Delegation wird nächsten Mittwoch eintreffen.",
            [("nächsten Mittwoch", "2024-09-25")],
        ),
        ("Der Text wird im Februar beraten.", [("Februar", "2025-02")]),
        ("Die Regierung trat im März zurück.", [("März", "2024-03")]),
        (
            "Die beiden Präsidenten werden sich am Dienstag treffen.",
            [("Dienstag", "2024-09-24")],
        ),
    ],
    "set": [
        ("Die Patrouillen finden jede Woche statt.", [("jede Woche", "P1W")]),
        ("Der Markt findet jeden Donnerstag statt.", [("jeden Donnerstag", "XXXX-WXX-4")]),
        ("Die Mine fördert 15 Tonnen Gold pro Jahr.", [("pro Jahr", "P1Y")]),
        ("Der Bericht erscheint jährlich.", [("jährlich", "P1Y")]),
        ("Die Generalstabschefs treffen sich monatlich.", [("monatlich", "P1M")]),
        (
            "Der Bericht erscheint jedes Jahr im Juni.",
            [("jedes Jahr", "P1Y"), ("Juni", "XXXX-06")],
        ),
    ],
    "dates": [
        ("Am 16. Juli löste die Junta die Parteien auf.", [("16. Juli", "2024-07-16")]),
        (
            "Die Ergebnisse werden nächsten Monat bekannt gegeben.",
            [("nächsten Monat", "2024-10")],
        ),
        ("Das Gesetz wurde letztes Jahr verabschiedet.", [("letztes Jahr", "2023")]),
        (
            "Die Wahl fand am 6. und 13. April statt.",
            [("6", "2024-04-06"), ("13. April", "2024-04-13")],
        ),
        ("Der Präsident wird heute, Freitag, sprechen.", [("heute, Freitag", "2024-09-20")]),
        ("Das Treffen ist für den 3. Oktober 2024 geplant.", [("3. Oktober 2024", "2024-10-03")]),
        ("Die Junta kam im August 2020 an die Macht.", [("August 2020", "2020-08")]),
    ],
    "periods": [
        (
            "Das BIP sank im ersten Quartal 2024 um 0,2 Prozent.",
            [("ersten Quartal 2024", "2024-Q1")],
        ),
        ("Der Umsatz stieg im zweiten Quartal.", [("zweiten Quartal", "2024-Q2")]),
        (
            "Im vergangenen Quartal ging die Arbeitslosigkeit zurück.",
            [("vergangenen Quartal", "2024-Q2")],
        ),
        ("Die Exporte brachen im ersten Halbjahr ein.", [("ersten Halbjahr", "2024-H1")]),
        (
            "Im zweiten Quartal verdoppelte sich der Gewinn gegenüber dem Vorjahreszeitraum.",
            [("zweiten Quartal", "2024-Q2"), ("Vorjahreszeitraum", "2023-Q2")],
        ),
        ("Die Offensive begann im vergangenen Sommer.", [("vergangenen Sommer", "2024-SU")]),
        ("Die Wahlen finden im Frühjahr 2025 statt.", [("Frühjahr 2025", "2025-SP")]),
        ("Diesen Winter wird es im Sahel kalt.", [("Diesen Winter", "2024-WI")]),
        ("Ende des Jahres soll die Reform verabschiedet werden.", [("Ende des Jahres", "2024")]),
        (
            "Anfang der Woche wurden zwei Journalisten festgenommen.",
            [("Anfang der Woche", "2024-W38")],
        ),
    ],
    "durations": [
        ("In den letzten Tagen häuften sich die Angriffe.", [("den letzten Tagen", "PXD")]),
        ("Der Konflikt dauert seit Jahren an.", [("Jahren", "PXY")]),
        ("Die Auszählung dauerte eine halbe Stunde.", [("eine halbe Stunde", "PT30M")]),
        (
            "Die Partei ist seit einem Vierteljahrhundert an der Macht.",
            [("einem Vierteljahrhundert", "P25Y")],
        ),
        ("Der Einsatz wurde um dreieinhalb Jahre verlängert.", [("dreieinhalb Jahre", "P3Y6M")]),
        ("Die Verhandlungen zogen sich wochenlang hin.", [("wochenlang", "PXW")]),
        ("Er wurde zu zwanzig Jahren Haft verurteilt.", [("zwanzig Jahren", "P20Y")]),
        (
            "In den kommenden Monaten sollen Wahlen stattfinden.",
            [("den kommenden Monaten", "PXM")],
        ),
    ],
    "eras": [
        ("In den 1990er Jahren herrschte Bürgerkrieg.", [("den 1990er Jahren", "199")]),
        ("Im 20. Jahrhundert wurde die Stadt zweimal zerstört.", [("20. Jahrhundert", "19")]),
        ("Die 80er-Jahre waren von Krisen geprägt.", [("Die 80er-Jahre", "198")]),
    ],
    "ranges": [
        (
            "Das Festival fand vom 3. bis 5. März statt.",
            [("3", "2024-03-03"), ("5. März", "2024-03-05")],
        ),
        (
            "In der Nacht zum 4. März griffen Drohnen an.",
            [("Nacht zum 4. März", "2024-03-03TNI")],
        ),
        ("Mitte nächster Woche soll entschieden werden.", [("Mitte nächster Woche", "2024-W39")]),
    ],
    "ages": [
        ("Ein 38-jähriger Busfahrer wurde gestern angegriffen.", [("gestern", "2024-09-19")]),
        ("Der Präsident, 87 Jahre alt, wurde ins Krankenhaus gebracht.", []),
        ("Ein Mädchen im Alter von sechs Jahren ertrank im Fluss.", []),
        ("Die Frau ist 45 Jahre alt.", []),
        ("Der Schriftsteller starb mit 87 Jahren.", []),
        ("Der Zug kam mit zwei Jahren Verspätung.", [("zwei Jahren", "P2Y")]),
    ],
}

TRAPS: list[str] = [
    "Der Präsident, 87 Jahre alt, wurde ins Krankenhaus gebracht.",
    "Ein 6 Monate altes Baby wurde gerettet.",
    "Der Morgen begann mit heftigem Regen.",
    "Die Welt am Sonntag berichtete über den Fall.",
    "Die Liste erhielt 2022 Stimmen im ersten Wahlgang.",
    "Die Armee schickte 1500 Soldaten in die Region.",
    "Das Gesetz Nr. 2024 regelt die Wahlen.",
    "Der Prager Frühling wurde niedergeschlagen.",
    "Der Arabische Frühling begann in Tunesien.",
    "April Ryan stellte die erste Frage.",
]
"""Sentences in which nothing is a date or a time (ages, titles, counts, names)."""
