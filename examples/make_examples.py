#!/usr/bin/env python3
"""Generate the fictional example corpus (venezuela.jsonl, venezuela.csv, venezuela-dir/)
from the single source of truth in this file. Standard library only.
All outlets, journalists and texts are invented; run: python3 examples/make_examples.py"""
import csv, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS_ES = ["enero"]

# (date, short English event, short Spanish event)
DAYS = [
    ("2026-01-14", "the CIA director arrived in Caracas for a meeting with interim president Delcy Rodríguez",
     "el director de la CIA llegó a Caracas para reunirse con la presidenta interina Delcy Rodríguez"),
    ("2026-01-15", "the CIA director and Ms. Rodríguez held a second round of talks at Miraflores",
     "el director de la CIA y la señora Rodríguez sostuvieron una segunda ronda de conversaciones en Miraflores"),
    ("2026-01-16", "officials from both governments opened talks on oil licences",
     "funcionarios de ambos gobiernos abrieron conversaciones sobre licencias petroleras"),
    ("2026-01-17", "Caracas announced the release of a group of detained prisoners",
     "Caracas anunció la excarcelación de un grupo de detenidos"),
    ("2026-01-18", "opposition leaders María Corina Machado and Edmundo González demanded an election timetable",
     "los dirigentes opositores María Corina Machado y Edmundo González exigieron un calendario electoral"),
    ("2026-01-19", "the State Department issued a statement on the talks",
     "el Departamento de Estado emitió un comunicado sobre las conversaciones"),
    ("2026-01-20", "the National Assembly in Caracas debated the outcome of the visit",
     "la Asamblea Nacional debatió en Caracas el resultado de la visita"),
    ("2026-01-21", "both sides said technical working groups would continue to meet",
     "ambas partes dijeron que los grupos técnicos de trabajo seguirán reuniéndose"),
]

OUTLETS = {
 "ddc": dict(name="El Diario del Caribe", slug="el-diario-del-caribe", lang="es",
   domain="https://example-diario-caribe.test/politica/", days=[0,1,2,3,4,5,6,7,1,4,6],
   titles=["Soberanía en juego: {e}", "Caracas defiende su dignidad mientras {e}",
           "Sin subordinación: {e}", "Voces nacionales ante la visita: {e}"],
   lead="CARACAS — Este {d}, {e}. El Diario del Caribe siguió la jornada en la capital, donde distintos sectores insistieron en que cualquier diálogo con Washington debe respetar la soberanía nacional y el principio de no injerencia.",
   pool=[
    "La canciller adjunta, Beatriz Olivares, dijo a la prensa que \u201cVenezuela conversa, pero no se subordina\u201d. Añadió que el país no aceptará condiciones políticas impuestas desde el exterior y que la dignidad nacional no está en la mesa.",
    "El analista Ramón Villegas, de la Universidad de Oriente, señaló que la visita del director de la CIA \u201cno es una señal de normalidad\u201d. A su juicio, la cooperación solo tiene sentido si se basa en el respeto mutuo y no en la tutela de una potencia extranjera.",
    "Según fuentes del Ministerio de Relaciones Exteriores, el encuentro con la señora Rodríguez duró más de dos horas. Las mismas fuentes afirmaron que el gobierno interino rechazó cualquier forma de injerencia en los asuntos internos del país.",
    "En el barrio de Catia, vecinos consultados por este diario expresaron dudas. \"No queremos que otros decidan por nosotros\", dijo Luisa Marcano, maestra jubilada. Otros opinaron que el diálogo puede abrir espacios de confianza si se respeta la independencia nacional.",
    "Sectores cercanos a Nicolás Maduro criticaron el encuentro y hablaron de una \u201centrega\u201d de la soberanía. La señora Rodríguez respondió que su gobierno defiende la autodeterminación y que ninguna reunión cambia la Constitución.",
    "La oposición, encabezada por María Corina Machado, pidió transparencia sobre los acuerdos. Edmundo González afirmó que la prioridad debe ser la voluntad popular, aunque reconoció que la cooperación internacional puede ayudar.",
    "El diputado Hernán Castillo sostuvo en la Asamblea Nacional que las conversaciones \u201cno fueron productivas\u201d para el país y que no hay ninguna señal de que Washington respete la no injerencia. Pidió que los términos del diálogo se hagan públicos.",
    "Para la profesora Elena Bracho, experta en derecho internacional, la soberanía energética es inseparable de la soberanía política. \"El petróleo es de los venezolanos\", recordó, y advirtió contra cualquier acuerdo que limite la independencia del Estado.",
   ]),
 "pwd": dict(name="Petro Wire Daily", slug="petro-wire-daily", lang="en",
   domain="https://example-petrowire.test/news/", days=[0,1,2,2,3,4,5,6,7,2,5],
   titles=["Oil markets watch Caracas as {e}", "Barrels, licences and sanctions relief: {e}",
           "PDVSA output in focus after {e}", "Traders weigh Venezuelan supply as {e}"],
   lead="CARACAS (Petro Wire Daily) — On {d}, {e}, and oil traders immediately asked what the meetings could mean for Venezuelan barrels, licences for foreign partners and the pace of sanctions relief.",
   pool=[
    "PDVSA currently exports well below its historical capacity, and analysts say any easing of U.S. sanctions could add between 150,000 and 250,000 barrels per day within a year. Brent futures moved slightly higher in early trading.",
    "Chevron, which operates joint ventures with PDVSA, declined to comment on the talks. A person close to the company said its licence terms were \"under review\" but noted that no new instructions had been received from Washington.",
    "Ms. Rodriguez told reporters that Venezuela was \u201copen to serious investment\u201d in the oil sector, adding that any licence must respect national law. Markets read the remarks as a signal of cooperation on energy.",
    "According to energy consultant Mark Delaney of Southgate Analytics, the talks were not a breakthrough for the oil market. \"There is no sign of progress on the licences yet,\" he said, \"but the tone has changed.\"",
    "Venezuelan crude loadings at the Jose terminal rose for a third week, shipping data showed. Refiners on the U.S. Gulf Coast are among the few buyers equipped to process the heavy grade.",
    "Sanctions relief remains the key variable for investors. Officials at the Treasury's Office of Foreign Assets Control have not said whether general licences will be extended beyond their current expiry dates.",
    "Bond prices for PDVSA and the republic rose about two points on the day, traders said, as investors priced a higher chance of a negotiated framework for debt and oil revenue.",
    "Interim president Delcy Rodríguez has said oil revenue should fund imports of medicine and spare parts for refineries. Oil minister Tomás Ibarra added that production targets depend on access to diluents and equipment.",
   ]),
 "ml": dict(name="The Metropolitan Ledger", slug="the-metropolitan-ledger", lang="en",
   domain="https://example-metropolitan-ledger.test/world/americas/", days=[0,1,2,3,4,4,5,6,7,3,7],
   titles=["In Caracas, a test for democracy as {e}", "Opposition presses for transition after {e}",
           "Political prisoners, elections and a quiet visit: {e}", "Questions over human rights as {e}"],
   lead="WASHINGTON — On {d}, {e}, a step that officials described as part of a broader effort to steer Venezuela toward a democratic transition after the disputed 2024 election.",
   pool=[
    "A U.S. official said, speaking on the condition of anonymity because the talks were confidential, that the release of political prisoners was \"the first test\" of the interim government's intentions. People familiar with the talks said a list of names had been handed over.",
    "Opposition leader María Corina Machado said the visit must not become a substitute for free elections. \u201cThe Venezuelan people already voted in 2024,\u201d she said, adding that a transition without a date for new elections would not be credible.",
    "Human rights groups say hundreds of people remain detained for political reasons. Officials said the administration was pressing for access by independent monitors, but people familiar with the discussions said there was no sign of progress on that demand.",
    "Edmundo González, whom the opposition considers the winner of the 2024 vote, told the Ledger by phone that he welcomed any step that frees prisoners. \"But freedom for some is not democracy for all,\" Mr. González said.",
    "Two officials said the White House had debated how much to demand in return for easing pressure. One of them, speaking on the condition of anonymity, said the meetings were not productive on the question of an electoral calendar.",
    "Sen. Laura Whitfield, a Democrat on the Foreign Relations Committee, noted that Congress had not been briefed. She said democracy and human rights must be \"at the center, not the margins\" of any arrangement with Caracas.",
   ]),
 "cb": dict(name="Capitol Briefing", slug="capitol-briefing", lang="en",
   domain="https://example-capitolbriefing.test/policy/", days=[0,1,2,3,5,5,6,7,4,0,6],
   titles=["White House: security cooperation on the agenda as {e}", "State Department details goals after {e}",
           "Migration and drugs top Washington's list as {e}", "Inside the administration's Venezuela play: {e}"],
   lead="WASHINGTON — The administration said on {d} that {e}, and officials framed the contacts as a matter of U.S. national security, migration control and counter-narcotics cooperation.",
   pool=[
    "White House press secretary Dana Whitaker told reporters that the president \"wants results on migration and drugs.\" She added that the meetings were \u201cprofessional and direct\u201d and that security cooperation would be measured by concrete steps.",
    "State Department spokesman Paul Brennan said the United States expects Caracas to accept deportation flights and to share intelligence on trafficking routes. \"We are building trust step by step,\" Mr. Brennan said.",
    "Gen. Robert Haskins, head of U.S. Southern Command, noted in testimony last year that cocaine shipments through the Caribbean had shifted routes. Officials say joint maritime patrols could be discussed in technical meetings.",
    "Sen. Mark Ellison, a Republican from Florida, said the talks were not productive unless they delivered on border security. \u201cNo deal should reward the regime,\u201d he told Capitol Briefing.",
    "Deputy Secretary of State Ann Moreland said in a statement that cooperation with interim president Delcy Rodríguez was \"conditional and reversible\" and would depend on progress on security, migration and the rule of law.",
    "Homeland Security officials said the number of Venezuelan migrants at the southern border had fallen in recent months. They said a migration agreement with Caracas would be a priority in the coming weeks.",
   ]),
 "agn": dict(name="Andes Global News", slug="andes-global-news", lang="en",
   domain="https://example-andesglobal.test/latam/", days=[0,1,2,3,4,5,6,7,2,5,7],
   titles=["Caracas and Washington seek trust as {e}", "Both sides cautious after {e}",
           "Dialogue continues: {e}", "Analysis: small steps in Caracas as {e}"],
   lead="CARACAS (AGN) — On {d}, {e}. Both governments described the contacts as a first step toward rebuilding trust, though each side set out different expectations.",
   pool=[
    "Interim president Delcy Rodríguez said dialogue was possible \"on the basis of mutual respect.\" A U.S. embassy spokesperson, Claire Dunmore, said Washington valued \u201ca frank and constructive exchange\u201d and hoped cooperation would continue.",
    "Foreign minister Yván Gil said Venezuela would not accept conditions that affect its sovereignty, but he noted that working groups on migration and energy had been agreed. U.S. officials confirmed the groups would meet in the coming days.",
    "Opposition leader María Corina Machado welcomed the release of prisoners but said an election timetable was essential. Government spokesman Andrés Peña replied that electoral matters would be decided \"by Venezuelans, within the Constitution.\"",
    "Regional diplomats said the talks had not produced a written agreement. \"There is no sign of a grand bargain, but there is a channel,\" said Colombian analyst Sofía Restrepo, adding that trust-building would take months.",
    "Supporters of Nicolás Maduro held a small rally outside the National Assembly, while opposition activists gathered in eastern Caracas. Police reported no incidents at either event.",
    "Edmundo González said in a statement that he was ready to take part in talks on a transition. Ms. Rodríguez's office said the government was willing to listen to all political actors.",
   ]),
 "hsj": dict(name="Harbor Street Journal", slug="harbor-street-journal", lang="en",
   domain="https://example-harborstreet.test/markets/energy/", days=[0,1,2,3,4,5,6,7,2,6,3],
   titles=["Investors eye Venezuela reopening as {e}", "Oil majors weigh cooperation deal after {e}",
           "Markets rally on Caracas talks as {e}", "Energy stocks and Venezuelan bonds move as {e}"],
   lead="NEW YORK — Investors reacted on {d} after {e}, with energy companies and bondholders weighing whether cooperation between Washington and Caracas could reopen one of the world's largest oil reserves.",
   pool=[
    "Shares of U.S. refiners with heavy-crude capacity rose about 1.5%, while Venezuelan sovereign bonds gained in thin trading. \"The market is pricing cooperation, not yet a deal,\" said Helen Marsh, a strategist at Pier Nine Capital.",
    "Executives at two oil-service companies said they were preparing contingency plans to return to Venezuela if licences are granted. One executive noted that equipment in the Orinoco belt would need extensive repairs.",
    "PDVSA's output has hovered around 900,000 barrels per day. Analysts said that, with sanctions relief and investment, production could rise meaningfully, though not quickly.",
    "According to a note from Lantern Ridge Research, the talks were \u201ca trust-building exercise with market consequences.\u201d The note added that the absence of a written framework limits the upside for now.",
    "Chevron's chief executive told investors last year that the company would follow U.S. policy closely. A spokeswoman on Friday declined to comment on the Caracas meetings.",
    "Ms. Rodríguez said her government sought partnerships that create jobs and restore refineries. \"We want investment that respects our laws,\" she said, a line that some investors read as an opening for cooperation.",
   ]),
}

PARA_TARGET = 3

def fmt_date(oid, i, iso):
    """Varied but parseable date formats."""
    y, m, d = iso.split("-"); d = int(d)
    if oid == "ddc" and i % 3 == 1:
        return f"{d} de enero de {y}"
    if i % 5 == 1:
        return f"{iso}T{9 + i % 8:02d}:30:00Z"
    if i % 7 == 3:
        return f"1/{d}/{y}"
    if i % 6 == 4:
        return f"January {d}, {y}"
    return iso

def long_date(iso, lang):
    d = int(iso[-2:])
    return f"{d} de enero" if lang == "es" else f"Jan. {d}"

def build():
    arts = []
    for oid, o in OUTLETS.items():
        pool = o["pool"]
        for i, di in enumerate(o["days"]):
            iso, ev_en, ev_es = DAYS[di]
            ev = ev_es if o["lang"] == "es" else ev_en
            title = o["titles"][i % len(o["titles"])].format(e=ev[0].upper() + ev[1:] if i % len(o["titles"]) == 0 and o["lang"] == "en" else ev)
            if o["lang"] == "en" and i % len(o["titles"]) == 0:
                title = o["titles"][0].format(e=ev)
            lead = o["lead"].format(d=long_date(iso, o["lang"]), e=ev)
            n = len(pool)
            body = [pool[(i + k * 2) % n] for k in range(PARA_TARGET)]
            paras = [lead] + body
            # one quote spanning two paragraphs (Ledger, first article)
            if oid == "ml" and i == 0:
                paras.insert(2, "\u201cWe came to listen and to be clear about what the United States expects,\u201d a senior U.S. official said of the visit. \u201cThe prisoners come first, and an election calendar has to follow soon after.")
                paras.insert(3, "\u201cNobody in Washington thinks one meeting fixes this. It is the start of a process that will be judged by what happens on the ground,\u201d the official added.")
            if oid == "pwd":
                if i in (1, 4, 7, 9):  # aggregator duplicates its own paragraph
                    paras.append(paras[1])
                paras += [f"The post {title} appeared first on Petro Wire Daily.",
                          "Share this article", "Subscribe to our newsletter", "Related articles"]
            if oid == "ddc" and i % 2 == 0:
                paras.append(f"Redacción de El Diario del Caribe, con información de {['Ana Beltrán','José Urdaneta','Carmen Salas'][i % 3]}.")
            text = "\n\n".join(paras)
            if (oid == "pwd" and i in (2, 6)) or (oid == "cb" and i == 3):
                text = "".join(f"<p>{p.replace('&', '&amp;')}</p>\n" for p in paras[:-1])
                text = text.replace("Sanctions relief", "Sanctions relief &amp; licences") + paras[-1] + "<br>"
            slug = title.lower()
            for ch in ",.:;'\"\u201c\u201d": slug = slug.replace(ch, "")
            slug = "-".join(slug.split())[:70]
            arts.append(dict(id=f"{oid}-{i+1:04d}", outlet=o["name"], date=fmt_date(oid, i, iso),
                             title=title, url=o["domain"] + f"2026/01/{iso[-2:]}/{slug}", text=text, lang=o["lang"],
                             _slug=o["slug"]))
    return arts

def main():
    arts = build()
    pub = lambda a: {k: v for k, v in a.items() if not k.startswith("_")}
    # interleave by date so the feed reads like a real one
    arts.sort(key=lambda a: (a["url"].split("/2026/01/")[1][:2], a["id"]))
    for a in arts:
        w = len(a["text"].split())
        assert 120 <= w <= 350, (a["id"], w)
    valid = [pub(a) for a in arts]
    mid = len(valid) // 2
    lines = [json.dumps(a, ensure_ascii=False) for a in valid]
    # deliberate bad records
    lines.insert(mid, '{"id": "bad-0001", "outlet": "Petro Wire Daily", "date": "2026-01-17", "title": "Truncated record", "text": "The feed cut this')
    extra = [
        dict(id="bad-0002", outlet="Capitol Briefing", date="2026-01-19", title="Empty body", url="https://example-capitolbriefing.test/policy/empty", text="", lang="en"),
        dict(valid[0], title="Duplicate of an earlier id", url=valid[0]["url"] + "-copy"),
        dict(id="agn-0099", outlet="Andes Global News", date="sometime last week",
             title="Working groups on migration and energy to meet again",
             url="https://example-andesglobal.test/latam/undated/working-groups",
             text=("CARACAS (AGN) — Technical working groups set up after the CIA director's visit to Caracas will meet again, officials from both governments said. "
                   "The groups cover migration, energy and the release of detainees.\n\n"
                   "Interim president Delcy Rodríguez said the talks were \"a channel, not a concession,\" while a U.S. embassy spokesperson said Washington hoped to build trust through concrete steps. "
                   "Opposition leader María Corina Machado said any process must include a date for elections.\n\n"
                   "Diplomats noted that no written agreement had been published and that the pace of cooperation would depend on results in the coming weeks. "
                   "Both sides said they would keep the contacts discreet.\n\n"
                   "Analysts in Bogotá and Brasília said the meetings were a modest but real sign of cooperation. \"Trust is built in small pieces,\" said one regional diplomat, who noted that the groups had so far met without public statements."), lang="en"),
        dict(outlet="Harbor Street Journal", date="2026-01-21", title="Bondholders look past the headlines in Caracas",
             url="https://example-harborstreet.test/markets/energy/2026/01/21/bondholders-look-past-headlines",
             text=("NEW YORK — Holders of Venezuelan debt said on Jan. 21 that the talks in Caracas were encouraging but far from a restructuring plan. "
                   "Prices of the republic's bonds have risen for a week.\n\n"
                   "\"Cooperation is good for sentiment, but sentiment is not cash flow,\" said Martin Oyelaran, a portfolio manager at Greywater Funds. "
                   "He noted that any deal on oil licences would have to come before talks with creditors.\n\n"
                   "Analysts said the interim government of Ms. Rodríguez had signalled openness to investment, while U.S. officials said sanctions relief depended on progress on prisoners and elections.\n\n"
                   "Energy shares were mixed on the day. Traders said they would watch for any announcement from the Treasury on licences, which could move both oil and bond prices, and for signs that cooperation between the two governments is holding."), lang="en"),
    ]
    lines += [json.dumps(a, ensure_ascii=False) for a in extra]
    with open(os.path.join(HERE, "venezuela.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    # CSV: valid articles only
    with open(os.path.join(HERE, "venezuela.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(["id", "outlet", "date", "title", "url", "text", "lang"])
        for a in valid:
            w.writerow([a[k] for k in ["id", "outlet", "date", "title", "url", "text", "lang"]])
    # directory
    d = os.path.join(HERE, "venezuela-dir")
    shutil.rmtree(d, ignore_errors=True); os.makedirs(d)
    rows = []
    for a in arts:
        rel = f"{a['_slug']}/{a['id']}.txt"
        os.makedirs(os.path.join(d, a["_slug"]), exist_ok=True)
        with open(os.path.join(d, rel), "w", encoding="utf-8") as f:
            f.write(a["text"] + "\n")
        rows.append([rel, a["outlet"], a["date"], a["title"], a["url"], a["lang"]])
    with open(os.path.join(d, "manifest.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["path", "outlet", "date", "title", "url", "lang"])
        w.writerows(rows)
    os.makedirs(os.path.join(d, "unsorted"), exist_ok=True)
    with open(os.path.join(d, "unsorted", "orphan-refinery-restart.txt"), "w", encoding="utf-8") as f:
        f.write("Refinery restart plans resurface after Caracas talks\n\n"
                "CARACAS — Plans to restart a second crude unit at the Cardón refinery resurfaced this week after the talks between U.S. and Venezuelan officials, two industry sources said. "
                "PDVSA engineers have asked for spare parts that are difficult to import under current sanctions.\n\n"
                "\"Without parts there are no barrels,\" said one of the sources, adding that licences for service companies would be the first sign of real sanctions relief. "
                "Traders said the restart, if it happens, would reduce Venezuela's need for imported gasoline.\n\n"
                "Oil minister Tomás Ibarra said the government was ready to cooperate with foreign partners that respect national law.\n\n"
                "The post Refinery restart plans resurface after Caracas talks appeared first on Petro Wire Daily.\n")
    open(os.path.join(d, "unsorted", "empty.txt"), "w").close()
    print(f"{len(valid)} valid articles; jsonl {len(lines)} lines")

if __name__ == "__main__":
    main()
