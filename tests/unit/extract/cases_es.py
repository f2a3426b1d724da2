"""Spanish news sentences by rule family, with the TIMEX3 values the Spanish TimeML guidelines
give them, read against a publication on Friday 20 September 2024 (``test_dates_families``
runs them)."""

from __future__ import annotations

CASES: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {
    "clock": [
        (
            "El Dow Jones caía un 2,6% a las 16:08 UTC.",
            [("las 16:08 UTC", "2024-09-20T16:08Z")],
        ),
        (
            "El presidente comparecerá hoy a las 12:00 en el Congreso.",
            [("hoy a las 12:00", "2024-09-20T12:00")],
        ),
        (
            "El temblor se registró a las 3.45 horas de la madrugada.",
            [("las 3.45 horas de la madrugada", "2024-09-20T03:45")],
        ),
        (
            "El avión aterrizó a las 18:40 hora local en Singapur.",
            [("las 18:40 hora local", "2024-09-20T18:40")],
        ),
        (
            "La reunión se celebrará el lunes a las 10:30.",
            [("el lunes", "2024-09-23"), ("las 10:30", "2024-09-23T10:30")],
        ),
        ("Los disparos se oyeron hacia las 23:15.", [("hacia las 23:15", "2024-09-20T23:15")]),
        ("El toque de queda comienza a medianoche.", [("medianoche", "2024-09-20T24:00")]),
        (
            "La explosión se produjo a las 10.00 horas locales (08.00 GMT) en el centro.",
            [("las 10.00 horas locales", "2024-09-20T10:00"), ("08.00 GMT", "2024-09-20T08:00Z")],
        ),
        (
            "La tregua expirará a medianoche del domingo.",
            [("medianoche", "2024-09-22T24:00"), ("del domingo", "2024-09-22")],
        ),
        (
            "Cerca de las ocho de la tarde la policía cargó contra los manifestantes.",
            [("Cerca de las ocho de la tarde", "2024-09-20T20:00")],
        ),
        (
            "El ataque ocurrió a la una y media de la madrugada.",
            [("la una y media de la madrugada", "2024-09-20T01:30")],
        ),
        (
            "Ayer, sobre las 9:00, la policía desalojó la plaza.",
            [("Ayer", "2024-09-19"), ("sobre las 9:00", "2024-09-19T09:00")],
        ),
    ],
    "present": [
        ("Actualmente, el país tiene 400.000 desplazados.", [("Actualmente", "PRESENT_REF")]),
        ("Ahora la oposición exige elecciones anticipadas.", [("Ahora", "PRESENT_REF")]),
        ("Hoy por hoy, nadie ha reivindicado el ataque.", [("Hoy por hoy", "PRESENT_REF")]),
        (
            "En estos días se decide el futuro del acuerdo.",
            [("En estos días", "PRESENT_REF")],
        ),
        ("Recientemente, varios soldados desertaron.", [("Recientemente", "PAST_REF")]),
        ("El Gobierno anunciará pronto nuevas medidas.", [("pronto", "FUTURE_REF")]),
        ("En la actualidad, la mina está cerrada.", [("En la actualidad", "PRESENT_REF")]),
        ("Hasta el momento no se han registrado víctimas.", [("Hasta el momento", "PRESENT_REF")]),
        ("En lo que va de año han muerto 200 personas.", [("lo que va de año", "2024")]),
    ],
    "daypart": [
        (
            "Una fuerte explosión sacudió esta mañana el centro de la capital.",
            [("esta mañana", "2024-09-20TMO")],
        ),
        ("El presidente hablará esta noche por televisión.", [("esta noche", "2024-09-20TNI")]),
        (
            "GM admitió el jueves por la noche que la pérdida podría ser mayor.",
            [("el jueves por la noche", "2024-09-19TNI")],
        ),
        ("Anoche se registraron nuevos enfrentamientos.", [("Anoche", "2024-09-19TNI")]),
        (
            "Los rehenes fueron liberados ayer por la tarde cerca de Mopti.",
            [("ayer por la tarde", "2024-09-19TAF")],
        ),
        (
            "Los combates se reanudaron la noche del sábado al domingo.",
            [("la noche del sábado al domingo", "2024-09-14TNI")],
        ),
        ("El incendio se declaró durante la madrugada.", [("la madrugada", "2024-09-20TNI")]),
    ],
    "ago": [
        ("Hace veinte años, el Ejército tomó la ciudad.", [("Hace veinte años", "2004")]),
        (
            "El acuerdo se firmó hace más de 30 años.",
            [("hace más de 30 años", "1994")],
        ),
        ("El pueblo fue destruido hace unas semanas.", [("hace unas semanas", "PAST_REF")]),
        ("Hace dos días, los militares abandonaron la base.", [("Hace dos días", "2024-09-18")]),
        ("La mina cerró hace dieciocho meses.", [("hace dieciocho meses", "2023-03")]),
        ("Las conversaciones comenzaron hace años.", [("hace años", "PAST_REF")]),
        (
            "Las dos compañías mantienen un litigio desde hace años.",
            [("años", "PXY")],
        ),
    ],
    "numbers": [
        ("La transición durará dieciocho meses.", [("dieciocho meses", "P18M")]),
        ("El opositor pasó veintidós días en huelga de hambre.", [("veintidós días", "P22D")]),
        ("Las obras se prolongaron treinta y seis meses.", [("treinta y seis meses", "P36M")]),
        (
            "El alto el fuego debe durar noventa días.",
            [("noventa días", "P90D")],
        ),
        ("La empresa tiene una historia de 41 años.", [("41 años", "P41Y")]),
    ],
    "two_digit_year": [
        (
            "La crisis del 29 de octubre del 87 aún se recuerda.",
            [("del 29 de octubre del 87", "1987-10-29")],
        ),
        ("Las elecciones de marzo de 96 cambiaron el país.", [("marzo de 96", "1996-03")]),
    ],
    "tense": [
        ("La cumbre se celebrará el sábado en Niamey.", [("el sábado", "2024-09-21")]),
        ("El ministro fue destituido el sábado.", [("el sábado", "2024-09-14")]),
        ("Las elecciones se celebrarán en diciembre.", [("diciembre", "2024-12")]),
        ("Las lluvias fueron excepcionales en julio.", [("julio", "2024-07")]),
        ("La delegación llegará el próximo miércoles.", [("el próximo miércoles", "2024-09-25")]),
        ("El texto será debatido en febrero.", [("febrero", "2025-02")]),
        ("El Gobierno dimitió en marzo.", [("marzo", "2024-03")]),
        ("Los dos presidentes se reunirán el martes.", [("el martes", "2024-09-24")]),
    ],
    "set": [
        ("Las patrullas conjuntas se realizan cada semana.", [("cada semana", "P1W")]),
        ("El mercado se celebra todos los jueves.", [("todos los jueves", "XXXX-WXX-4")]),
        ("Boeing entregará 15 aviones al año.", [("al año", "P1Y")]),
        ("La mina produce 3 toneladas de oro al mes.", [("al mes", "P1M")]),
        ("El informe se publica cada año en junio.", [("cada año", "P1Y"), ("junio", "XXXX-06")]),
        ("Los precios se revisan a diario.", [("a diario", "P1D")]),
        (
            "El Gobierno aprobó el decreto en su reunión de los martes.",
            [("los martes", "XXXX-WXX-2")],
        ),
    ],
    "determiners": [
        ("El 12 de octubre se celebra la fiesta nacional.", [("El 12 de octubre", "2024-10-12")]),
        ("El lunes, el Gobierno presentó su presupuesto.", [("El lunes", "2024-09-16")]),
        ("Los resultados se conocerán el mes que viene.", [("el mes que viene", "2024-10")]),
        ("La ley se aprobó el año pasado.", [("el año pasado", "2023")]),
        (
            "El último balance se publicó el pasado 6 de mayo.",
            [("el pasado 6 de mayo", "2024-05-06")],
        ),
        ("El presidente lo anunciará hoy viernes.", [("hoy viernes", "2024-09-20")]),
        ("El presidente llegó el pasado día 15 a Madrid.", [("el pasado día 15", "2024-09-15")]),
        ("La cumbre se celebrará el próximo día 3 en Lima.", [("el próximo día 3", "2024-10-03")]),
        ("El día 15 de marzo venció el plazo.", [("El día 15 de marzo", "2024-03-15")]),
        (
            "El 3 de marzo por la tarde la policía desalojó la plaza.",
            [("El 3 de marzo por la tarde", "2024-03-03TAF")],
        ),
        ("Las ventas subieron en el ejercicio del 2008.", [("del 2008", "2008")]),
        (
            "Los comicios se celebrarán los días 5 y 6 de mayo.",
            [("los días 5", "2025-05-05"), ("6 de mayo", "2025-05-06")],
        ),
    ],
    "periods": [
        (
            "GM perdió 4.800 millones en el cuarto trimestre del 2005.",
            [("el cuarto trimestre del 2005", "2005-Q4")],
        ),
        (
            "Las ventas subieron un 5% en el tercer trimestre de este año.",
            [("el tercer trimestre de este año", "2024-Q3")],
        ),
        (
            "En el primer trimestre del año pasado, la empresa perdió dinero.",
            [("el primer trimestre del año pasado", "2023-Q1")],
        ),
        (
            "Apple ganó 1.000 millones en el último trimestre.",
            [("el último trimestre", "2024-Q2")],
        ),
        ("El paro bajó en el primer semestre.", [("el primer semestre", "2024-H1")]),
        (
            "En el segundo trimestre ganó 704 millones, frente a 300 millones en el mismo "
            "periodo del año anterior.",
            [
                ("el segundo trimestre", "2024-Q2"),
                ("el mismo periodo del año anterior", "2023-Q2"),
            ],
        ),
        (
            "Las ventas cayeron un 35% en enero, respecto al mismo mes del año anterior.",
            [("enero", "2024-01"), ("mismo mes del año anterior", "2023-01")],
        ),
        ("La ofensiva se lanzó el verano pasado.", [("el verano pasado", "2024-SU")]),
        ("Las elecciones serán en la primavera de 2025.", [("la primavera de 2025", "2025-SP")]),
        ("A finales de año se cerrarán tres plantas.", [("finales de año", "2024")]),
        ("El Dow Jones se recuperó al final del día.", [("al final del día", "2024-09-20")]),
        (
            "Las ventas cayeron un 42% con respecto al año anterior.",
            [("año anterior", "2023")],
        ),
        (
            "GM perdió 4.800 millones en 2005; en todo el año, las pérdidas fueron récord.",
            [("2005", "2005"), ("todo el año", "2005")],
        ),
        (
            "Ford ganó dinero en 2023. A finales de año cerrará tres plantas.",
            [("2023", "2023"), ("finales de año", "2024")],
        ),
    ],
    "durations": [
        ("En los últimos días, los ataques se multiplicaron.", [("los últimos días", "PXD")]),
        ("El índice marcó su nivel más alto en años.", [("años", "PXY")]),
        ("El Dow Jones perdió mil puntos en media hora.", [("media hora", "PT30M")]),
        (
            "El partido lleva en el poder un cuarto de siglo.",
            [("un cuarto de siglo", "P25Y")],
        ),
        ("Abandonó su puesto por tercera vez en la última década.", [("la última década", "P10Y")]),
        ("La misión se prorrogó tres años y medio.", [("tres años y medio", "P3Y6M")]),
        (
            "Creará 10.000 empleos en los próximos cuatro años.",
            [("los próximos cuatro años", "P4Y")],
        ),
        ("Fue condenado a veinte años de prisión.", [("veinte años", "P20Y")]),
        ("El índice cerró en su nivel más alto del último año.", [("último año", "P1Y")]),
        (
            "Gracias por su trabajo a lo largo de los años.",
            [("los años", "PXY")],
        ),
    ],
    "eras": [
        ("En los años 90, el país vivió una guerra civil.", [("los años 90", "199")]),
        ("En la década de los noventa la economía creció.", [("la década de los noventa", "199")]),
        ("En el siglo XX la ciudad fue destruida dos veces.", [("el siglo XX", "19")]),
    ],
    "ranges": [
        (
            "El festival se celebrará del 3 al 5 de marzo.",
            [("3", "2025-03-03"), ("5 de marzo", "2025-03-05")],
        ),
        (
            "La noche del 3 al 4 de marzo murieron tres personas.",
            [("La noche del 3 al 4 de marzo", "2024-03-03TNI")],
        ),
        (
            "La madrugada de este sábado se registró un terremoto.",
            [("La madrugada de este sábado", "2024-09-14TNI")],
        ),
        ("El pasado mes de junio se firmó el acuerdo.", [("El pasado mes de junio", "2024-06")]),
    ],
    "ages": [
        ("Un joven de 22 años murió anoche en el tiroteo.", [("anoche", "2024-09-19TNI")]),
        ("Jobs, de 55 años, abandona temporalmente la empresa.", []),
        ("Una niña de seis años resultó herida.", []),
        ("El conductor, de 38 años, fue detenido.", []),
        ("Un bebé de seis meses fue hallado con vida.", []),
        ("Los menores de 18 años no podrán votar.", []),
        ("El escritor murió a los 87 años en su casa.", []),
        ("A los dos años de su llegada, dimitió.", [("dos años", "P2Y")]),
    ],
}

TRAPS: list[str] = [
    "Hoy por hoy es el programa más escuchado de la radio.",
    "Miles de personas se concentraron en la Plaza de Mayo.",
    "El delantero Mayo marcó dos goles.",
    "Plácido Domingo cantó en el Teatro Real.",
    "El diario El País publicó la noticia.",
    "Según el diario local, la policía no intervino.",
    "La lista obtuvo 2022 votos en la primera vuelta.",
    "El Ejército desplegó 1500 soldados en la región.",
    "La primavera árabe comenzó en Túnez.",
    "El conductor, de 38 años, fue detenido.",
    "La Revolución de Octubre cambió Rusia.",
    "La actriz Abril Zamora recibió el premio.",
    "El horario de verano divide a los socios europeos.",
    "El escritor murió a los 87 años.",
]
"""Sentences in which nothing is a date or a time ("hoy por hoy" as a programme's name is
the one exception: it is read as the present, never as the publication day)."""
