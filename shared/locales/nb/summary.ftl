# Steady-sammendrag — norsk bokmål.
#
# Samme ID-er og argumenter som en/summary.ftl (se toppen av den filen).
# Prosent skrives med hardt mellomrom ({"\u00A0"}) foran «%».

## Topptekst og bunntekst

summary-title = Steady-sammendrag
summary-subtitle = Dagbok ført av pasienten — bare fakta; Steady anbefaler aldri en dose
period = Periode
period-value = { $range } ({ $days ->
    [one] { $days } dag
   *[other] { $days } dager
})
generated-on = Laget { $date }
de-basis = Diazepamekvivalenter (DE) ifølge { $table }
de-abbr = DE
de-source = Kilde for DE-verdiene: { $source }
source-label = Kilde
source-patient = Registrert av pasienten i Steady
page-of = Side { $n } av { $total }

## Titler på delene

section-doses = Doser
section-taper-plan = Nedtrappingsplan
section-sleep = Søvn
section-anxiety = Angst
section-gad7 = GAD-7
section-goals = Mål
section-questions = Dette vil jeg snakke om
section-notes = Notater
section-left-out = Utelatt

## Doser

prescribed = Forskrevet
non-prescribed = Ikke forskrevet
unknown-strength = ukjent styrke
dose-count = { $n ->
    [one] { $n } dose
   *[other] { $n } doser
}
unknown-strength-count = { $n ->
    [one] { $n } dose med ukjent styrke
   *[other] { $n } doser med ukjent styrke
}
mean-per-day = Gjennomsnitt per dag
total = Totalt
de-per-day = { $amount } DE per dag
de-per-day-label = DE per dag (mg)
de-in-total = { $amount } DE totalt
days-without-dose = Dager uten dose
first-half = Første halvdel
second-half = Andre halvdel
trend-per-week = Utvikling per uke
trend-value = { $amount } per uke
weekly-means = Ukesgjennomsnitt
week-of = Uke fra { $date }
molecule-line = { $molecule }: { $n ->
    [one] { $n } dose
   *[other] { $n } doser
}, { $amount } totalt
none-logged = ingen registrert
unknown-substance = ukjent legemiddel
substance = Legemiddel
unknown-strength-note = Doser med ukjent styrke telles, men regnes aldri som null.
de-none = ingen DE: ingen dose med verdi i { $table }
de-no-value = ingen verdi i { $table }
no-value-count = { $n ->
    [one] { $n } dose uten verdi i { $table }
   *[other] { $n } doser uten verdi i { $table }
}: { $molecules }
no-value-note = Doser av et legemiddel uten verdi i { $table } telles og navngis med egne mg, aldri lagt til som null.
de-range-note = Et spenn betyr at tabellen oppgir et spenn for dette virkestoffet.
not-logged = ikke registrert
week-day-not-over = bare i dag, ikke over ennå
unknown = ukjent
days-count = { $n ->
    [one] { $n } dag
   *[other] { $n } dager
}
days-n-of-total = { $n } av { $total } { $total ->
    [one] dag
   *[other] dager
}

## Nedtrappingsplan

plan-none = Ingen nedtrappingsplan
plan-step = Trinn
plan-date = Dato
plan-dose = Dose
plan-cut = Reduksjon
plan-planned = Planlagt
plan-logged = Registrert
plan-at-or-under = På eller under planen
plan-start-dose = Startdose
plan-start = Oppstart
plan-flagged-steps = { $n } trinn raskere enn det valgte tempoet
plan-end-dose = Sluttdose
plan-schedule = { $percent } av gjeldende dose { $days ->
    [one] hver dag
   *[other] hver { $days }. dag
}
plan-tablets = Tabletter
plan-hold = Pause
plan-holds = Pauser
plan-hold-range = Pause: { $range }
plan-hold-open = Pause siden { $date }
plan-hold-note = En pause er et normalt trinn i nedtrappingen, ikke et nederlag.
plan-reason = Årsak
plan-pace = Tempo
plan-pace-standard = standard
plan-pace-gentle = rolig
plan-pace-flag = Raskere enn { $limit } per 2 uker
plan-pace-rate = { $rate } per 2 uker
plan-pace-reason = Dette trinnet tilsvarer { $rate } per 14 dager, raskere enn { $rule }.
plan-pace-reason-last = Det siste trinnet til null stopper dosen på { $days ->
    [one] { $days } dag
   *[other] { $days } dager
} ({ $rate } per 14 dager), raskere enn { $rule }.
plan-pace-rule-standard = den vanlige grensen i ASAM-retningslinjen fra 2025 ({ $limit } på 2 uker)
plan-pace-rule-gentle = det rolige tempoet som er valgt for denne planen ({ $limit } per 2 uker)
plan-pace-informative = Tempovarsler er til informasjon; pasienten bestemmer tempoet.
plan-extended-interval = Intervallet er forlenget: tablettene tillater ikke en mindre reduksjon
plan-switch-title = Bytte til diazepam
plan-switch = { $from } { $dose } ≈ { $diazepam } diazepam ({ $table }), avtalt med { $who }
plan-pace-reason-cut = Dette trinnet reduserer med { $cut } på én gang, mer enn { $rule }.
plan-final-dose = Siste dose før stopp: { $dose } fra { $date }, { $percent } av startdosen
plan-final-none = Planen slutter på en vedlikeholdsdose på { $dose }
plan-tail-liquid = Etter tablettene: mikstur { $strength } per ml, målt i trinn på { $ml } ml
plan-tail-compounded = Etter tablettene: apotekproduserte doser i trinn på { $step }
plan-step-liquid = { $ml } ml mikstur
plan-step-compounded = apotekprodusert dose
plan-steps-omitted = … { $n ->
    [one] { $n } trinn til
   *[other] { $n } trinn til
} …
plan-length-weeks = { $n ->
    [one] { $n } uke
   *[other] { $n } uker
} etter start
plan-length-years = { $years } år etter start
plan-switch-check-within = { $start } diazepam er innenfor forventet { $expected } fra { $from } { $dose } etter { $table }.
plan-switch-check-above = { $start } diazepam er { $times } ganger forventet { $expected } fra { $from } { $dose } etter { $table }.
plan-switch-check-below = { $start } diazepam er under forventet { $expected } fra { $from } { $dose } etter { $table } ({ $times } ganger nedre grense).
plan-switch-check-source = Kilde: { $source }. Dette er til informasjon; planen endres ikke.
plan-end-date = Sluttdato
plan-end-date-moves = flyttes ved hver pause
plan-end-open = nås ikke innenfor planens trinn
plan-ended-on = Planen ble avsluttet { $date }
step-status-done = fullført
step-status-current = gjeldende
step-status-upcoming = kommende
step-status-cancelled = bortfalt

## Søvn

sleep-nights = { $n ->
    [one] { $n } natt
   *[other] { $n } netter
}
nights = Netter
mean-sleep = Gjennomsnittlig søvn
sleep-efficiency = Søvneffektivitet
sleep-quality = Søvnkvalitet
sleep-quality-value = { $value }/5
awakenings = Oppvåkninger
unit-hours = { $value } t
sleep-quality-very-poor = svært dårlig
sleep-quality-poor = dårlig
sleep-quality-fair = middels
sleep-quality-good = god
sleep-quality-very-good = svært god

## Angst og GAD-7

anxiety-ratings = { $n ->
    [one] { $n } vurdering
   *[other] { $n } vurderinger
}
ratings = Vurderinger
mean = Gjennomsnitt
anxiety-daily = Daglig angst (0–10)
anxiety-mean = Gjennomsnittlig angst (0–10)
out-of-10 = { $value }/10
gad7-total = Totalskår
gad7-band = Alvorlighetsgrad
gad7-band-minimal = minimal
gad7-band-mild = mild
gad7-band-moderate = moderat
gad7-band-severe = alvorlig

## Mål og evalueringer

goal = Mål
goal-what-matters = Det som er viktig for meg
goal-kind = Type mål
goal-kind-stop = Slutte
goal-kind-stop-molecule = Slutte med { $molecule }
goal-kind-reduce = Trappe ned { $molecule } til { $dose }/dag
goal-kind-stable = Holde seg stabil på forskrevet dose, uten ekstra bruk
goal-kind-stable-molecule = Holde seg stabil på forskrevet dose { $molecule }, uten ekstra bruk
goal-kind-keep = Beholde ting som de er
goal-due = Måldato
goal-status = Status
goal-status-proposed = foreslått
goal-status-active = aktivt
goal-status-on-hold = satt på pause
goal-status-achieved = nådd
goal-status-changed = endret
goal-status-abandoned = avbrutt
goal-proposed-patient = Foreslått av pasienten
goal-proposed-clinician = Foreslått av behandleren
goal-proposed-together = Foreslått sammen
goal-none = Ingen mål satt
review = Evaluering
review-on = Evaluering { $date }
review-next = Neste evaluering: { $date }
gas = Måloppnåelse (GAS)
gas-score = GAS { $score } ({ $label })
gas-minus-2 = mye mindre enn forventet
gas-minus-1 = noe mindre enn forventet
gas-zero = som forventet
gas-plus-1 = noe mer enn forventet
gas-plus-2 = mye mer enn forventet
review-decision = Beslutning
review-decision-keep = beholde målet
review-decision-adjust = justere målet
review-decision-change = bytte mål
progress-measured = Målt i dagboken
progress-days-with-dose = Dager med registrert dose
progress-days-at-or-under-target = Dager på eller under måldosen
progress-days-non-prescribed = Dager med ikke-forskrevet bruk
progress-mean-daily-dose = Gjennomsnittlig døgndose

## Spørsmål og notater

questions-none = Ingen spørsmål til denne timen
notes-none = Ingen notater

## Det pasienten har utelatt

hidden-sections = { $n ->
    [one] { $n } del skjult av pasienten
   *[other] { $n } deler skjult av pasienten
}
hidden-list = Utelatt av pasienten: { $list }
hideable-non-prescribed = ikke-forskrevet bruk
hideable-notes = notater
hideable-sleep = søvn
hideable-anxiety = angst
hideable-goals = mål
hideable-taper-plan = nedtrappingsplan
hideable-questions = spørsmål
hideable-goal = { $n ->
    [1] ett mål
   *[other] { $n } mål
}

## Diagrammer

chart-daily-de = Døgndose i diazepamekvivalenter (mg)
chart-de-range = DE-spenn
chart-planned-dose = Planlagt dose
chart-non-prescribed = Ikke-forskrevet dose
chart-sleep-anxiety = Søvn og angst per uke
chart-sleep-hours = Søvn (t)
chart-anxiety = Angst (0–10)
chart-week = Uke
chart-date = Dato
chart-mg = mg
chart-no-data = Ingen data
# Tekst en skjermleser leser for diagrammene (tagget PDF, /Alt): tallene diagrammet viser.
chart-de-alt = { $title }, { $days } dager ({ $range }): gjennomsnittlig foreskrevet dose { $first } per dag den første uken, { $last } den siste uken.
chart-de-alt-planned = Planlagt dose fra { $first } til { $last } per dag.
chart-de-alt-non-prescribed = Ikke-foreskrevet bruk { $n } dager.
chart-alt-from-to = fra { $first } den første uken til { $last } den siste uken
chart-sleep-anxiety-alt = { $title }, { $weeks } uker: gjennomsnittlig søvn { $sleep }; gjennomsnittlig angst { $anxiety }.

## Kolonneoverskrifter og verdier i CSV

csv-date = dato
csv-time = klokkeslett
csv-kind = type
csv-substance = legemiddel
csv-atc = ATC
csv-amount-mg = mengde (mg)
csv-tablets = tabletter
csv-strength-mg = styrke (mg)
csv-prescribed = forskrevet
csv-de-low-mg = DE lav (mg)
csv-de-high-mg = DE høy (mg)
csv-value = verdi
csv-note = notat
csv-left-out-none = Pasienten har ikke utelatt noe
csv-sleep-in-bed = i seng
csv-sleep-tried = prøvde å sove
csv-sleep-latency-min = minutter før innsovning
csv-sleep-awakenings = oppvåkninger
csv-sleep-waso-min = minutter våken etter innsovning
csv-sleep-final-awakening = endelig oppvåkning
csv-sleep-out-of-bed = ut av sengen
csv-sleep-efficiency = søvneffektivitet (%)
csv-sleep-quality = søvnkvalitet (1-5)
csv-gad7-item-1 = GAD-7 spørsmål 1
csv-gad7-item-2 = GAD-7 spørsmål 2
csv-gad7-item-3 = GAD-7 spørsmål 3
csv-gad7-item-4 = GAD-7 spørsmål 4
csv-gad7-item-5 = GAD-7 spørsmål 5
csv-gad7-item-6 = GAD-7 spørsmål 6
csv-gad7-item-7 = GAD-7 spørsmål 7
ics-step-title = Steady: trinn { $n } i planen
ics-step-cancelled = Avlyst: trinn { $n } i Steady-planen
ics-step-description = Åpne Steady for å se dette trinnet.
ics-alarm = Steady: trinn { $n } i planen starter i dag
yes = ja
no = nei
entry-kind-dose = dose
entry-kind-sleep = søvn
entry-kind-anxiety = angst
entry-kind-gad7 = GAD-7
entry-kind-goal = mål
entry-kind-review = evaluering
entry-kind-plan = nedtrappingsplan
entry-kind-question = spørsmål
entry-kind-medicine = legemiddel
entry-kind-skip = hoppet over dose
entry-kind-settings = innstillinger

## Enheter, tall og datoer

unit-mg = { $value } mg
percent = { $value }{"\u00A0"}%
date-short = { $day }. { $month } { $year }
date-long = { $day }. { $month } { $year }
date-day = { $day }.
date-day-month = { $day }. { $month }
date-range = { $from } – { $to }
month-short-1 = jan.
month-short-2 = feb.
month-short-3 = mars
month-short-4 = apr.
month-short-5 = mai
month-short-6 = juni
month-short-7 = juli
month-short-8 = aug.
month-short-9 = sep.
month-short-10 = okt.
month-short-11 = nov.
month-short-12 = des.
month-long-1 = januar
month-long-2 = februar
month-long-3 = mars
month-long-4 = april
month-long-5 = mai
month-long-6 = juni
month-long-7 = juli
month-long-8 = august
month-long-9 = september
month-long-10 = oktober
month-long-11 = november
month-long-12 = desember

## Virkestoffer (internasjonale fellesnavn)

molecule-alprazolam = alprazolam
molecule-bromazepam = bromazepam
molecule-brotizolam = brotizolam
molecule-chlordiazepoxide = klordiazepoksid
molecule-clobazam = klobazam
molecule-clonazepam = klonazepam
molecule-clorazepate = klorazepat
molecule-diazepam = diazepam
molecule-estazolam = estazolam
molecule-flunitrazepam = flunitrazepam
molecule-flurazepam = flurazepam
molecule-loprazolam = loprazolam
molecule-lorazepam = lorazepam
molecule-lormetazepam = lormetazepam
molecule-nitrazepam = nitrazepam
molecule-oxazepam = oksazepam
molecule-prazepam = prazepam
molecule-temazepam = temazepam
molecule-triazolam = triazolam
molecule-zaleplon = zaleplon
molecule-zolpidem = zolpidem
molecule-zopiclone = zopiklon
molecule-eszopiclone = eszopiklon
molecule-ethyl-loflazepate = etylloflazepat
molecule-clotiazepam = klotiazepam

## PDF-oppsett

label-value = { $label }: { $value }
quoted = «{ $value }»
more-items = … og { $n } til
value-range = { $from } til { $to }
chart-legend-taken = Tatt som forskrevet: DE lav–høy
chart-legend-planned = Planlagt dose (nedtrappingsplan): DE lav–høy
chart-legend-unknown = Dose med ukjent styrke (telt, ikke lagt til)

## Usual medicines and the diary day

section-medicines = Faste legemidler
day-boundary = Et dagbokdøgn begynner kl. { $time }: en dose før { $time } teller for dagen før.
day-boundary-midnight = Dagbokdøgn er kalenderdøgn (fra kl. 00:00).
regimen-medicine = { $name } ({ $molecule }), { $use }
regimen-prescribed = foreskrevet
regimen-non-prescribed = ikke foreskrevet
regimen-times = fra { $date }: { $amount } kl. { $times }
regimen-as-needed = fra { $date }: { $amount } ved behov
regimen-tablets-unknown-strength = { $count } × tablett, ukjent styrke
regimen-stopped = stoppet etter { $date }
regimen-skipped = { $n ->
    [one] { $n } fast dose notert som hoppet over
   *[other] { $n } faste doser notert som hoppet over
}

## The diary check (never silent)

integrity-warning = Kontroll av dagboken: { $found }. Tallene nedenfor kan være ufullstendige.
integrity-unreadable = { $n ->
    [one] { $n } oppføring kunne ikke leses
   *[other] { $n } oppføringer kunne ikke leses
}
integrity-missing = { $n ->
    [one] { $n } oppføring ble fjernet utenfor Steady
   *[other] { $n } oppføringer ble fjernet utenfor Steady
}
integrity-unexpected = { $n ->
    [one] { $n } oppføring ble lagt til eller endret utenfor Steady
   *[other] { $n } oppføringer ble lagt til eller endret utenfor Steady
}
integrity-unchecked = listen over oppføringer kunne ikke kontrolleres

## Én sannhet i alle formater (issue 14)

current-dose = Nåværende foreskrevet dose (gjennomsnitt av de siste { $days } dagene)
current-dose-value = { $molecule } { $amount } per dag
current-dose-none = ingen foreskrevet dose med kjent styrke registrert
de-per-day-note = Foreskrevet og ikke-foreskrevet: diazepamekvivalenter, gjennomsnitt per dag over perioden.
per-day-over-period = gjennomsnitt per dag over perioden
molecule-use-line = { $molecule } ({ $use }): { $n ->
    [one] { $n } dose
   *[other] { $n } doser
}, { $amount } totalt
plan-at-or-under-note = På eller under planen: dager på eller under planens dose, alle virkestoffer i DE (foreskrevne og ikke-foreskrevne som vises), av dagene med planens legemiddel registrert.
