# Steady-overzicht — Nederlands (neutraal voor Vlaanderen en Nederland).
#
# Dezelfde id's en argumenten als en/summary.ftl (zie de kop van dat bestand).

## Kop- en voettekst

summary-title = Steady-overzicht
summary-subtitle = Dagboek bijgehouden door de patiënt — alleen feiten; Steady raadt nooit een dosis aan
period = Periode
period-value = { $range } ({ $days ->
    [one] { $days } dag
   *[other] { $days } dagen
})
generated-on = Aangemaakt op { $date }
de-basis = Diazepamequivalenten (DE) volgens { $table }
de-abbr = DE
de-source = Bron van de DE-waarden: { $source }
source-label = Bron
source-patient = Ingevoerd door de patiënt in Steady
page-of = Pagina { $n } van { $total }

## Titels van de onderdelen

section-doses = Innames
section-taper-plan = Afbouwschema
section-sleep = Slaap
section-anxiety = Angst
section-gad7 = GAD-7
section-goals = Doelen
section-questions = Waarover ik wil praten
section-notes = Notities
section-left-out = Weggelaten

## Innames

prescribed = Voorgeschreven
non-prescribed = Niet voorgeschreven
unknown-strength = onbekende sterkte
dose-count = { $n ->
    [one] { $n } inname
   *[other] { $n } innames
}
unknown-strength-count = { $n ->
    [one] { $n } inname met onbekende sterkte
   *[other] { $n } innames met onbekende sterkte
}
mean-per-day = Gemiddeld per dag
total = Totaal
de-per-day = { $amount } DE per dag
de-per-day-label = DE per dag (mg)
de-in-total = { $amount } DE in totaal
days-without-dose = Dagen zonder inname
first-half = Eerste helft
second-half = Tweede helft
trend-per-week = Verloop per week
trend-value = { $amount } per week
weekly-means = Weekgemiddelden
week-of = Week van { $date }
molecule-line = { $molecule }: { $n ->
    [one] { $n } inname
   *[other] { $n } innames
}, { $amount } in totaal
none-logged = niets genoteerd
unknown-substance = onbekend middel
substance = Middel
unknown-strength-note = Innames met onbekende sterkte worden geteld, nooit als nul opgeteld.
de-none = geen DE: geen inname met een waarde in { $table }
de-no-value = geen waarde in { $table }
no-value-count = { $n ->
    [one] { $n } inname zonder waarde in { $table }
   *[other] { $n } innames zonder waarde in { $table }
}: { $molecules }
no-value-note = Innames van een middel zonder waarde in { $table } worden geteld en met hun eigen mg genoemd, nooit als nul opgeteld.
de-range-note = Een bereik betekent dat de tabel voor dat middel een bereik geeft.
not-logged = niet ingevuld
week-day-not-over = alleen vandaag, nog niet voorbij
unknown = onbekend
days-count = { $n ->
    [one] { $n } dag
   *[other] { $n } dagen
}
days-n-of-total = { $n } van de { $total } { $total ->
    [one] dag
   *[other] dagen
}

## Afbouwschema

plan-none = Geen afbouwschema
plan-step = Stap
plan-date = Datum
plan-dose = Dosis
plan-cut = Verlaging
plan-planned = Gepland
plan-logged = Genoteerd
plan-at-or-under = Volgens schema of lager
plan-start-dose = Startdosis
plan-start = Start
plan-flagged-steps = { $n ->
    [one] { $n } stap sneller dan het gekozen tempo
   *[other] { $n } stappen sneller dan het gekozen tempo
}
plan-end-dose = Einddosis
plan-schedule = { $percent } van de huidige dosis { $days ->
    [one] elke dag
   *[other] om de { $days } dagen
}
plan-tablets = Tabletten
plan-hold = Pauze
plan-holds = Pauzes
plan-hold-range = Pauze: { $range }
plan-hold-open = Pauze sinds { $date }
plan-hold-note = Een pauze is een normale stap bij het afbouwen, geen mislukking.
plan-reason = Reden
plan-pace = Tempo
plan-pace-standard = standaard
plan-pace-gentle = rustig
plan-pace-flag = Sneller dan { $limit } per 2 weken
plan-pace-rate = { $rate } per 2 weken
plan-pace-reason = Deze stap komt neer op { $rate } per 14 dagen, sneller dan { $rule }.
plan-pace-reason-last = De laatste stap naar nul stopt de dosis in { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
} ({ $rate } per 14 dagen), sneller dan { $rule }.
plan-pace-rule-standard = de gebruikelijke grens van de ASAM-richtlijn 2025 ({ $limit } in 2 weken)
plan-pace-rule-gentle = het rustige tempo dat voor dit schema gekozen is ({ $limit } per 2 weken)
plan-pace-informative = Tempomeldingen zijn ter informatie; de patiënt bepaalt het tempo.
plan-extended-interval = Interval verlengd: de tabletten laten geen kleinere verlaging toe
plan-switch-title = Overschakeling naar diazepam
plan-switch = { $from } { $dose } ≈ { $diazepam } diazepam ({ $table }), afgesproken met { $who }
plan-pace-reason-cut = Deze stap verlaagt in één keer met { $cut }, meer dan { $rule }.
plan-final-dose = Laatste dosis vóór het stoppen: { $dose } vanaf { $date }, { $percent } van de startdosis
plan-final-none = Het schema eindigt op een onderhoudsdosis van { $dose }
plan-tail-liquid = Na de tabletten: drank van { $strength } per ml, af te meten per { $ml } ml
plan-tail-compounded = Na de tabletten: door de apotheek bereide doses in stappen van { $step }
plan-step-liquid = { $ml } ml drank
plan-step-compounded = bereide dosis
plan-steps-omitted = … nog { $n ->
    [one] { $n } stap
   *[other] { $n } stappen
} …
plan-length-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weken
} na de start
plan-length-years = { $years } jaar na de start
plan-switch-check-within = { $start } diazepam valt binnen de verwachte { $expected } voor { $from } { $dose } volgens { $table }.
plan-switch-check-above = { $start } diazepam is { $times } keer de verwachte { $expected } voor { $from } { $dose } volgens { $table }.
plan-switch-check-below = { $start } diazepam ligt onder de verwachte { $expected } voor { $from } { $dose } volgens { $table } ({ $times } keer de ondergrens).
plan-switch-check-source = Bron: { $source }. Ter informatie; het schema wordt niet aangepast.
plan-end-date = Einddatum
plan-end-date-moves = schuift op bij elke pauze
plan-end-open = niet bereikt binnen de stappen van het schema
plan-ended-on = Schema beëindigd op { $date }
step-status-done = voltooid
step-status-current = huidig
step-status-upcoming = gepland
step-status-cancelled = geannuleerd

## Slaap

sleep-nights = { $n ->
    [one] { $n } nacht
   *[other] { $n } nachten
}
nights = Nachten
mean-sleep = Gemiddelde slaapduur
sleep-efficiency = Slaapefficiëntie
sleep-quality = Slaapkwaliteit
sleep-quality-value = { $value }/5
awakenings = Keren wakker geworden
unit-hours = { $value } u
sleep-quality-very-poor = zeer slecht
sleep-quality-poor = slecht
sleep-quality-fair = redelijk
sleep-quality-good = goed
sleep-quality-very-good = zeer goed

## Angst en GAD-7

anxiety-ratings = { $n ->
    [one] { $n } score
   *[other] { $n } scores
}
ratings = Scores
mean = Gemiddelde
anxiety-daily = Dagelijkse angst (0–10)
anxiety-mean = Gemiddelde angst (0–10)
out-of-10 = { $value }/10
gad7-total = Totaalscore
gad7-band = Ernst
gad7-band-minimal = minimaal
gad7-band-mild = mild
gad7-band-moderate = matig
gad7-band-severe = ernstig

## Doelen en evaluaties

goal = Doel
goal-what-matters = Wat voor mij belangrijk is
goal-kind = Soort doel
goal-kind-stop = Stoppen
goal-kind-stop-molecule = Stoppen met { $molecule }
goal-kind-reduce = { $molecule } afbouwen tot { $dose }/dag
goal-kind-stable = Stabiel blijven op de voorgeschreven dosis, zonder extra gebruik
goal-kind-stable-molecule = Stabiel blijven op de voorgeschreven dosis { $molecule }, zonder extra gebruik
goal-kind-keep = Alles laten zoals het is
goal-due = Streefdatum
goal-status = Status
goal-status-proposed = voorgesteld
goal-status-active = actief
goal-status-on-hold = gepauzeerd
goal-status-achieved = bereikt
goal-status-changed = gewijzigd
goal-status-abandoned = stopgezet
goal-proposed-patient = Voorgesteld door de patiënt
goal-proposed-clinician = Voorgesteld door de zorgverlener
goal-proposed-together = Samen voorgesteld
goal-none = Geen doelen vastgelegd
review = Evaluatie
review-on = Evaluatie van { $date }
review-next = Volgende evaluatie: { $date }
gas = Doelbereiking (GAS)
gas-score = GAS { $score } ({ $label })
gas-minus-2 = veel minder dan verwacht
gas-minus-1 = iets minder dan verwacht
gas-zero = zoals verwacht
gas-plus-1 = iets meer dan verwacht
gas-plus-2 = veel meer dan verwacht
review-decision = Beslissing
review-decision-keep = doel behouden
review-decision-adjust = doel bijstellen
review-decision-change = ander doel kiezen
progress-measured = Gemeten in het dagboek
progress-days-with-dose = Dagen met een genoteerde inname
progress-days-at-or-under-target = Dagen op of onder de streefdosis
progress-days-non-prescribed = Dagen met niet-voorgeschreven gebruik
progress-mean-daily-dose = Gemiddelde dagdosis

## Vragen en notities

questions-none = Geen vragen voor deze afspraak
notes-none = Geen notities

## Wat de patiënt heeft weggelaten

hidden-sections = { $n ->
    [one] { $n } onderdeel verborgen door de patiënt
   *[other] { $n } onderdelen verborgen door de patiënt
}
hidden-list = Weggelaten door de patiënt: { $list }
hideable-non-prescribed = niet-voorgeschreven gebruik
hideable-notes = notities
hideable-sleep = slaap
hideable-anxiety = angst
hideable-goals = doelen
hideable-taper-plan = afbouwschema
hideable-questions = vragen
hideable-goal = { $n ->
    [1] een doel
   *[other] { $n } doelen
}

## Grafieken

chart-daily-de = Dagdosis in diazepamequivalenten (mg)
chart-de-range = DE-bereik
chart-planned-dose = Geplande dosis
chart-non-prescribed = Niet-voorgeschreven inname
chart-sleep-anxiety = Slaap en angst per week
chart-sleep-hours = Slaap (u)
chart-anxiety = Angst (0–10)
chart-week = Week
chart-date = Datum
chart-mg = mg
chart-no-data = Geen gegevens
# Tekst die een schermlezer voorleest bij de grafieken (getagde pdf, /Alt): de getallen van de grafiek.
chart-de-alt = { $title }, { $days } dagen ({ $range }): gemiddelde voorgeschreven dosis { $first } per dag in de eerste week, { $last } in de laatste week.
chart-de-alt-planned = Geplande dosis van { $first } tot { $last } per dag.
chart-de-alt-non-prescribed = Niet-voorgeschreven gebruik op { $n } dagen.
chart-alt-from-to = van { $first } in de eerste week tot { $last } in de laatste week
chart-sleep-anxiety-alt = { $title }, { $weeks } weken: gemiddelde slaap { $sleep }; gemiddelde angst { $anxiety }.

## Kolomkoppen en waarden van de CSV

csv-date = datum
csv-time = tijd
csv-kind = soort
csv-substance = middel
csv-atc = ATC
csv-amount-mg = hoeveelheid (mg)
csv-tablets = tabletten
csv-strength-mg = sterkte (mg)
csv-prescribed = voorgeschreven
csv-de-low-mg = DE laag (mg)
csv-de-high-mg = DE hoog (mg)
csv-value = waarde
csv-note = notitie
csv-left-out-none = Niets weggelaten door de patiënt
csv-sleep-in-bed = naar bed
csv-sleep-tried = proberen te slapen
csv-sleep-latency-min = minuten tot inslapen
csv-sleep-awakenings = keren wakker
csv-sleep-waso-min = minuten wakker na inslapen
csv-sleep-final-awakening = definitief wakker
csv-sleep-out-of-bed = uit bed
csv-sleep-efficiency = slaapefficiëntie (%)
csv-sleep-quality = slaapkwaliteit (1-5)
csv-gad7-item-1 = GAD-7 vraag 1
csv-gad7-item-2 = GAD-7 vraag 2
csv-gad7-item-3 = GAD-7 vraag 3
csv-gad7-item-4 = GAD-7 vraag 4
csv-gad7-item-5 = GAD-7 vraag 5
csv-gad7-item-6 = GAD-7 vraag 6
csv-gad7-item-7 = GAD-7 vraag 7
ics-step-title = Steady: stap { $n } van het plan
ics-step-cancelled = Geannuleerd: stap { $n } van het Steady-plan
ics-step-description = Open Steady om deze stap te zien.
ics-alarm = Steady: stap { $n } van het plan begint vandaag
yes = ja
no = nee
entry-kind-dose = inname
entry-kind-sleep = slaap
entry-kind-anxiety = angst
entry-kind-gad7 = GAD-7
entry-kind-goal = doel
entry-kind-review = evaluatie
entry-kind-plan = afbouwschema
entry-kind-question = vraag
entry-kind-medicine = geneesmiddel
entry-kind-skip = overgeslagen inname
entry-kind-settings = instellingen

## Eenheden, getallen en datums

unit-mg = { $value } mg
percent = { $value }%
date-short = { $day } { $month } { $year }
date-long = { $day } { $month } { $year }
date-day = { $day }
date-day-month = { $day } { $month }
date-range = { $from } – { $to }
month-short-1 = jan.
month-short-2 = feb.
month-short-3 = mrt.
month-short-4 = apr.
month-short-5 = mei
month-short-6 = jun.
month-short-7 = jul.
month-short-8 = aug.
month-short-9 = sep.
month-short-10 = okt.
month-short-11 = nov.
month-short-12 = dec.
month-long-1 = januari
month-long-2 = februari
month-long-3 = maart
month-long-4 = april
month-long-5 = mei
month-long-6 = juni
month-long-7 = juli
month-long-8 = augustus
month-long-9 = september
month-long-10 = oktober
month-long-11 = november
month-long-12 = december

## Werkzame stoffen (internationale generieke namen)

molecule-alprazolam = alprazolam
molecule-bromazepam = bromazepam
molecule-brotizolam = brotizolam
molecule-chlordiazepoxide = chloordiazepoxide
molecule-clobazam = clobazam
molecule-clonazepam = clonazepam
molecule-clorazepate = clorazepaat
molecule-diazepam = diazepam
molecule-estazolam = estazolam
molecule-flunitrazepam = flunitrazepam
molecule-flurazepam = flurazepam
molecule-loprazolam = loprazolam
molecule-lorazepam = lorazepam
molecule-lormetazepam = lormetazepam
molecule-nitrazepam = nitrazepam
molecule-oxazepam = oxazepam
molecule-prazepam = prazepam
molecule-temazepam = temazepam
molecule-triazolam = triazolam
molecule-zaleplon = zaleplon
molecule-zolpidem = zolpidem
molecule-zopiclone = zopiclon
molecule-eszopiclone = eszopiclon
molecule-ethyl-loflazepate = ethylloflazepaat
molecule-clotiazepam = clotiazepam

## Opmaak van de pdf

label-value = { $label }: { $value }
quoted = ‘{ $value }’
more-items = … en nog { $n }
value-range = { $from } tot { $to }
chart-legend-taken = Ingenomen zoals voorgeschreven: DE laag–hoog
chart-legend-planned = Geplande dosis (afbouwschema): DE laag–hoog
chart-legend-unknown = Inname met onbekende sterkte (geteld, niet opgeteld)

## Usual medicines and the diary day

section-medicines = Gebruikelijke geneesmiddelen
day-boundary = Een dagboekdag begint om { $time }: een inname vóór { $time } telt voor de dag ervoor.
day-boundary-midnight = Dagboekdagen zijn kalenderdagen (vanaf 00:00).
regimen-medicine = { $name } ({ $molecule }), { $use }
regimen-prescribed = voorgeschreven
regimen-non-prescribed = niet voorgeschreven
regimen-times = vanaf { $date }: { $amount } om { $times }
regimen-as-needed = vanaf { $date }: { $amount } zo nodig
regimen-tablets-unknown-strength = { $count } × tablet, sterkte onbekend
regimen-stopped = gestopt na { $date }
regimen-skipped = { $n ->
    [one] { $n } gebruikelijke inname als overgeslagen genoteerd
   *[other] { $n } gebruikelijke innames als overgeslagen genoteerd
}

## The diary check (never silent)

integrity-warning = Controle van het dagboek: { $found }. De cijfers hieronder kunnen onvolledig zijn.
integrity-unreadable = { $n ->
    [one] { $n } notitie kon niet worden gelezen
   *[other] { $n } notities konden niet worden gelezen
}
integrity-missing = { $n ->
    [one] { $n } notitie is buiten Steady verwijderd
   *[other] { $n } notities zijn buiten Steady verwijderd
}
integrity-unexpected = { $n ->
    [one] { $n } notitie is buiten Steady toegevoegd of gewijzigd
   *[other] { $n } notities zijn buiten Steady toegevoegd of gewijzigd
}
integrity-unchecked = de lijst van notities kon niet worden gecontroleerd

## Eén waarheid in elk formaat (issue 14)

current-dose = Huidige voorgeschreven dosis (gemiddelde van de laatste { $days } dagen)
current-dose-value = { $molecule } { $amount } per dag
current-dose-none = geen voorgeschreven inname met bekende sterkte genoteerd
de-per-day-note = Voorgeschreven en niet-voorgeschreven: diazepamequivalenten, gemiddeld per dag over de periode.
per-day-over-period = gemiddeld per dag over de periode
molecule-use-line = { $molecule } ({ $use }): { $n ->
    [one] { $n } inname
   *[other] { $n } innames
}, { $amount } in totaal
plan-at-or-under-note = Volgens schema of lager: dagen op of onder de dosis van het schema, alle middelen in DE (voorgeschreven en niet-voorgeschreven die getoond worden), van de dagen waarop het middel van het schema is genoteerd.
