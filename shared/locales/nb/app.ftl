# Steady-appen — norsk bokmål. Alle ordene telefonene og kommandolinjen viser pasienten.
#
# Samme konvensjoner som summary.ftl (som lastes inn i samme bunt, så ID-ene derfra brukes også
# her): antall er tall (flertallsvarianter); datoer, mengder og prosenter kommer ferdig formatert.
# Hver ID her finnes også i en, fr og nl (en test sjekker det). Ingen melding nevner et legemiddel
# eller en dose der en låseskjerm eller en kalender kan vise den (reminder-*, calendar-*).
# Anførselstegn: « ». Ord som appen sjekker bokstavelig, står på engelsk: ERASE, unknown, today, yesterday.

## Skjermer

screen-today = I dag
screen-log = Registrer
screen-medicines = Mine legemidler
screen-plan = Nedtrappingsplan
screen-goals = Mål
screen-questions = Spørsmål
screen-history = Historikk
screen-summary = Sammendrag
screen-settings = Innstillinger
screen-unlock = Lås opp

## Handlinger

action-save = Lagre
action-cancel = Avbryt
action-edit = Endre
action-delete = Slett
action-delete-confirm = Vil du slette denne oppføringen? Dette kan ikke angres.
action-taken = Tatt
action-skipped = Hoppet over
action-something-else = Tok noe annet
action-add-medicine = Legg til et legemiddel
action-change-medicine = Endre mengde eller tidspunkter
action-stop-medicine = Avslutt dette legemidlet
action-log-dose = Registrer en dose
action-log-sleep = Registrer sist natt
action-log-anxiety = Vurder angsten
action-log-gad7 = Fyll ut GAD-7
action-add-question = Legg til et spørsmål
action-question-done = Tatt opp
action-set-goal = Sett et mål
action-review-goal = Evaluer dette målet
action-create-plan = Lag en nedtrappingsplan
action-hold = Ta pause på dette trinnet
action-resume = Fortsett
action-adjust = Endre tempoet
action-end-plan = Avslutt planen
action-calendar = Legg trinnene inn i kalenderen min
action-share = Del
action-make-summary = Lag sammendraget
action-backup = Ta en sikkerhetskopi
action-restore = Gjenopprett en sikkerhetskopi
action-erase = Slett dagboken
action-erase-confirm = Vil du slette alt i denne dagboken for godt? Skriv ERASE for å bekrefte.
action-unlock = Lås opp
action-recover = Redd oppføringene som kan leses

## I dag

today-title = I dag: { $date }
today-de-basis = (DE = mg diazepamekvivalenter, ifølge { $table })
today-doses = Doser
today-no-dose = ingen registrert i dag
today-de-totals = DE forskrevet: { $prescribed }; ikke forskrevet: { $nonprescribed }
today-unknown-strength = { $n ->
    [one] { $n } dose med ukjent styrke
   *[other] { $n } doser med ukjent styrke
}
today-unknown-substance = { $n ->
    [one] { $n } dose av ukjent legemiddel
   *[other] { $n } doser av ukjent legemiddel
}
today-no-table-value = { $n ->
    [one] { $n } dose uten verdi ifølge { $table }
   *[other] { $n } doser uten verdi ifølge { $table }
}
today-last-night = Sist natt ({ $date }):
today-last-night-none = Sist natt: ingen søvn registrert
today-asleep = { $hours } søvn
today-efficiency = effektivitet { $percent }
today-quality = kvalitet { $score }/5 ({ $label })
today-anxiety-week = Angst, siste 7 dager:
today-anxiety-mean = gjennomsnitt { $value }
today-goals = Mål
today-no-goal = ingen pågående mål
today-review-due = neste evaluering { $date }: TID FOR EVALUERING
today-next-review = neste evaluering { $date }
today-no-review = ingen evalueringsdato satt
today-medicines = Mine legemidler
today-no-medicine = Ingen legemidler på listen din ennå.
today-taken-count = { $n ->
    [one] tatt én gang i dag
   *[other] tatt { $n } ganger i dag
}
today-skipped-count = { $n ->
    [one] hoppet over én gang i dag
   *[other] hoppet over { $n } ganger i dag
}
today-planned = dagens planlagte dose: { $dose }
today-next-time = neste dose kl. { $time }

## Utvikling siden forrige evaluering (bare fakta, ingen vurdering)

progress-since = siden { $date }: { $facts }
today-progress-days-with-dose = { $n } av { $total } { $total ->
    [one] dag
   *[other] dager
} med dose
progress-mean-mg = (gjennomsnitt { $dose })
progress-at-or-under = { $n ->
    [one] { $n } dag på eller under måldosen
   *[other] { $n } dager på eller under måldosen
}
progress-nonprescribed = { $n ->
    [one] { $n } dag med ikke-forskrevet bruk
   *[other] { $n } dager med ikke-forskrevet bruk
}
progress-sleep = søvn { $hours }
progress-anxiety = angst { $value }

## Ekvivalenstabeller (korte navn)

table-ashton = Ashton Manual
table-va-dod = VA/DoD
table-dutch = Nederlandsk tabell
table-norwegian = Helsedirektoratet

## Nedtrappingsplan, i dag

plan-today = Nedtrappingsplan ({ $molecule })
plan-today-dose = i dag { $dose }
plan-today-holding = på pause
plan-today-next = neste trinn { $date }: { $dose }
plan-today-end = forventet slutt { $date }
plan-today-line = { $plan }: { $details }

## Linjer for oppføringer (historikk og lister)

line-dose = { $drug } { $amount }, { $use }, { $de }
line-planned = (dagens planlagte dose)
line-note = — «{ $note }»
line-use-prescribed = forskrevet
line-use-non-prescribed = ikke forskrevet
line-de = DE { $range }
line-de-unknown = DE ukjent
line-amount-tablets = { $count } × { $strength } ({ $dose })
line-amount-unknown-strength = { $n ->
    [one] { $count } tablett, ukjent styrke
   *[other] { $count } tabletter, ukjent styrke
}
line-amount-unknown = ukjent mengde
line-sleep = { $hours } søvn, kvalitet { $score }/5 ({ $label })
line-sleep-in-bed = i sengen { $from }–{ $to }
line-sleep-latency = { $minutes } min før du sovnet
line-sleep-awakenings = { $n ->
    [one] { $n } oppvåkning
   *[other] { $n } oppvåkninger
}
line-sleep-waso = ({ $minutes } min våken)
line-sleep-efficiency = effektivitet { $percent }
line-anxiety = { $score }/10
line-gad7 = totalskår { $total } ({ $band }); svar { $items }
line-goal = { $goal } — «{ $words }»
line-review = av mål { $goal }: GAS { $gas } ({ $label }), beslutning: { $decision }
line-question = «{ $text }»
line-question-discussed = (tatt opp)
line-plan = nedtrapping av { $molecule } fra { $dose }, −{ $percent } { $days ->
    [one] hver dag
   *[other] hver { $days }. dag
}
line-plan-ended = (avsluttet { $date })
line-plan-holding = (på pause)
line-medicine = { $name } ({ $molecule }) { $amount }, { $times }, { $use }
line-medicine-stopped = (avsluttet { $date })
line-skip = hoppet over en vanlig dose av { $name }
line-skip-unknown = hoppet over en vanlig dose
line-settings = innstillinger: dagen starter kl. { $time }
times-as-needed = ved behov
decision-keep = beholde
decision-adjust = justere
decision-change = bytte

## Mine legemidler

medicine-usual = { $amount }, { $times }
medicine-started = siden { $date }
medicine-stopped = avsluttet { $date }
medicine-planned-note = Dette legemidlet inngår i en nedtrappingsplan: «Tatt» registrerer den planlagte dosen for den dagen.
medicine-changed-from = fra { $date }: { $regimen }
catalogue-brand-of = { $brand } ({ $molecule })
catalogue-strengths = styrker: { $strengths }

## Tatt, hoppet over

taken-logged = Registrert: { $drug } { $amount } kl. { $time }.
taken-logged-planned = Registrert: { $drug } { $amount } kl. { $time } (dagens planlagte dose).
skipped-logged = Notert: dosen kl. { $time } ble hoppet over.

## Påminnelser (låseskjermer er offentlige: ingen legemidler, ingen doser)

reminder-title = Steady
reminder-medicine = Påminnelsen din kl. { $time }.
reminder-check-in = Hvordan har dagen vært? Et øyeblikk til dagboken din.
reminder-moved = Klokken er stilt frem: påminnelsen kl. { $time } kommer kl. { $moved } i dag.

## Skjemaer: kjernen beskriver hvert felt

form-dose = Dose
form-sleep = Søvnen sist natt
form-anxiety = Angst
form-gad7 = GAD-7
form-goal = Et eget mål
form-review = Evaluering av et mål
form-plan = Nedtrappingsplan
form-question = Et spørsmål til neste time
form-medicine = Et legemiddel jeg bruker
form-skip = En dose som ble hoppet over
form-required = må fylles ut
form-optional = valgfritt
field-drug = Legemiddel (navnet på pakningen)
field-drug-help = Virkestoffet eller merkenavnet, f.eks. Stilnoct, Sobril, diazepam. Skriv «unknown» hvis du ikke vet hva det var.
field-mg = Mengde (mg)
field-tablets = Antall tabletter
field-tablets-help = Hele, halve eller kvarte tabletter: 1, ½, 1¼…
field-strength-mg = Tablettstyrke (mg)
field-strength-mg-help = La feltet stå tomt hvis du ikke vet styrken (bare for doser utenom en resept).
field-taken-at = Tatt kl.
field-non-prescribed = Ikke en del av resepten min
field-non-prescribed-help = Ekstra, kjøpt eller lånt. Registreres uten kommentar; du bestemmer selv om det skal være med i et sammendrag.
field-note = Notat
field-night = Natten fra
field-hours = Timer søvn (ditt anslag)
field-quality = Søvnkvalitet
field-score = Angst
field-items = Svar
field-what-matters = Det som er viktig for meg
field-what-matters-help = Med dine egne ord, f.eks. «sove hele natten», «kjøre barnebarna mine».
field-kind = Målet mitt
field-target-mg = Måldose per dag (mg)
field-due = Nås innen
field-review-on = Evalueringsdato
field-proposed-by = Foreslått av
field-agreed-with = Avtalt med
field-gas = Hvordan det gikk
field-decision = Hva vi bestemte
field-next-review = Neste evaluering
field-discussed = Tatt opp på en time
field-text = Spørsmål
field-start-mg = Startdose per dag (mg)
field-start = Første dag
field-percent = Reduksjon per trinn (% av gjeldende dose)
field-interval-days = Dager mellom trinnene
field-strengths = Tablettstyrker jeg har (mg)
field-split = Jeg kan dele tabletter i
field-floor-mg = Stopp ved (mg per dag; 0 = slutte helt)
field-pace = Tempo
field-switch-from = Bytte fra
field-switch-from-mg = Dagsdose av det (mg)
field-switch-table = Ekvivalenstabell
field-switch-agreed-with = Bytte avtalt med
field-tail-mg-per-ml = Styrke på miksturen (mg per ml)
field-tail-min-ml = Minste volum du kan måle (ml)
field-tail-step-mg = Apotekproduserte doser: minste trinn (mg)
field-times = Vanlige tidspunkter
field-as-needed = Ved behov
field-from = Fra
field-to = Til
field-on = Dag
field-reason = Årsak (med dine ord)
field-medicine = Legemiddel
field-day-start = Dagen min starter kl.
field-day-start-help = En dose tatt før dette klokkeslettet regnes til dagen før (en kveldsdose kl. 00:10 hører til kvelden).
field-language = Språk
field-check-in = Daglig påminnelse om dagboken
field-table = Tabell for diazepamekvivalenter
field-format = Filformat
field-exclude = Utelat fra dette sammendraget
field-at = Klokkeslett
field-goal-id = Mål
field-goal = Mål
field-status = Status
field-set-at = Dato satt
field-latency-min = Minutter før du sovnet
field-awakenings = Oppvåkninger
field-waso-min = Minutter våken etter at du først sovnet
field-in-bed = La meg kl.
field-tried-to-sleep = Prøvde å sovne kl.
field-final-awakening = Siste oppvåkning kl.
field-out-of-bed = Sto opp kl.
field-id = Oppføring
field-plan = Nedtrappingsplan
field-now = Nå
field-date = Dato
field-time = Klokkeslett
field-instant = Dato og klokkeslett
field-item = Spørsmål { $number }
field-days = Dager
field-country = Land
field-setting = Innstilling
goal-type-stop = Slutte
goal-type-reduce = Trappe ned til en måldose
goal-type-stable = Holde seg stabil på forskrevet dose, uten ekstra bruk
goal-type-keep = Beholde ting som de er
split-whole = bare hele tabletter
split-half = halvdeler
split-quarter = firedeler
proposer-patient = meg
proposer-clinician = behandleren min
proposer-together = sammen
form-unit-mg = mg
form-unit-mg-per-ml = mg/ml
form-unit-ml = ml
form-unit-tablets = tabletter
form-unit-minutes = min
form-unit-hours = t
form-unit-percent = %
form-unit-days = dager
choice-none = ingen

## Daglig angst: ett spørsmål, én betydning, ikke noe svar valgt på forhånd

anxiety-question = Alt i alt, hvor engstelig har du vært i dag?
anxiety-help = 0 betyr ingen angst i det hele tatt, 10 den verste angsten du kan tenke deg. Tenk på hele dagen.
anxiety-min = Ingen angst
anxiety-max = Verst tenkelig angst

## GAD-7 (Spitzer mfl. 2006; fri til gjengivelse)

gad7-stem = I løpet av de siste 2 ukene, hvor ofte har du vært plaget av følgende problemer?
gad7-item-1 = Følt deg nervøs, engstelig eller veldig stresset
gad7-item-2 = Ikke klart å slutte å bekymre deg eller kontrollere bekymringene dine
gad7-item-3 = Bekymret deg for mye om forskjellige ting
gad7-item-4 = Hatt vanskelig for å slappe av
gad7-item-5 = Vært så rastløs at du har hatt vanskelig for å sitte stille
gad7-item-6 = Blitt lett irritert eller sint
gad7-item-7 = Følt deg redd, som om noe forferdelig kunne skje
gad7-answer-0 = Ikke i det hele tatt
gad7-answer-1 = Flere dager
gad7-answer-2 = Mer enn halvparten av dagene
gad7-answer-3 = Nesten hver dag

## Consensus Sleep Diary (Carney mfl. 2012), kjernespørsmål

csd-in-bed = Når la du deg i sengen?
csd-tried-to-sleep = Når prøvde du å sovne?
csd-latency = Hvor lang tid tok det før du sovnet (i minutter)?
csd-awakenings = Hvor mange ganger våknet du, uten å regne med den siste oppvåkningen?
csd-waso = Hvor lenge var du våken til sammen ved disse oppvåkningene (i minutter)?
csd-final-awakening = Når var den siste oppvåkningen?
csd-out-of-bed = Når sto du opp for dagen?
csd-quality = Hvordan vil du vurdere kvaliteten på søvnen din?
csd-hours = Hvor mange timer sov du, etter ditt eget anslag?

## Innstillinger

settings-day-start = Dagen min starter kl. { $time }
settings-language = Språk: { $language }
settings-check-in = Daglig påminnelse: kl. { $time }
settings-check-in-off = Daglig påminnelse: av
settings-table = Diazepamekvivalenter: { $table }
settings-app-lock = Lås dagboken med Face ID, fingeravtrykk eller enhetens kode
settings-lock-after = Lås etter { $minutes } min i bakgrunnen

## Problemer med det som ble skrevet inn (vises ved feltet)

problem-not-positive = { $field } må være større enn null.
problem-negative = { $field }: verdien kan ikke være negativ.
problem-not-a-number = { $field }: dette er ikke et tall.
problem-too-large = { $field }: verdien er større enn noe som er sannsynlig (over { $max }).
problem-too-small = { $field }: verdien er mindre enn noe som kan måles (under { $min }).
problem-out-of-range = { $field } må være mellom { $min } og { $max }.
problem-in-future = { $field }: dette er mer enn ett døgn frem i tid.
problem-too-old = { $field }: dette er for langt tilbake i tid.
problem-too-long = { $field }: teksten er for lang (høyst { $max } tegn).
problem-required = { $field } må fylles ut.
problem-not-a-quarter = Tabletter kan være hele, halve eller kvarte.
problem-unknown-drug = «{ $name }» er ikke et legemiddel Steady kjenner. Prøv navnet på pakningen eller virkestoffet.
problem-no-such-entry = Denne oppføringen finnes ikke lenger.
problem-unreadable = «{ $text }» kunne ikke leses som { $expected }.
problem-skipped-by-clocks = { $text } fantes ikke her: klokken hoppet over den timen. Velg et annet tidspunkt.
problem-sleep-disagrees = Timer sovet: du oppga { $reported } t, men tidspunktene dine gir { $items } t ({ $window } t fra du prøvde å sove til du våknet, minus { $awake } min for å sovne og våken i løpet av natten). Endre timene eller tidspunktene, eller la timene stå tomme.
problem-inconsistent = { $field }: { $rule }
problem-not-allowed = { $field }: { $rule }
expected-date = en dato (ÅÅÅÅ-MM-DD, eller «today» for i dag, «yesterday» for i går)
expected-clock-time = et klokkeslett (TT:MM)
expected-instant = en dato og et klokkeslett
expected-number = et tall som 2 eller 0,5
expected-tablets = et antall tabletter som 1, ½ eller 1 ¼
expected-gad7-items = sju svar fra 0 til 3
expected-whole-number = et helt tall
expected-entry-id = en oppføring
expected-id-prefix = en oppførings-ID
expected-one-of = et av valgene som tilbys
rule-period-starts-after-end = perioden starter etter at den slutter
rule-before-the-review = før selve evalueringen
rule-before-the-goal-was-set = før dagen målet ble satt
rule-more-sleep-than-time-in-bed = mer søvn enn tid i sengen
rule-more-awake-than-time-in-bed = mer tid våken enn tid i sengen
rule-out-of-bed-at-in-bed-time = samme tidspunkt som du la deg: en natt kan ikke vare 0 eller 24 timer
rule-awakening-at-sleep-time = samme tidspunkt som du sovnet: en natt kan ikke vare 0 eller 24 timer
rule-strength-in-whole-micrograms = en styrke er et helt antall mikrogram
rule-before-the-hold-started = før pausen startet
rule-before-the-last-pace-change = før siste endring av tempoet
rule-before-the-open-hold-started = før pausen startet
rule-before-the-plan-starts = før planen starter
rule-below-the-start-dose = den må være lavere enn startdosen
rule-not-possible-with-these-tablets = ikke mulig med disse tablettene
rule-overlaps-an-earlier-hold = overlapper en tidligere pause
rule-edit-keeps-the-kind = en endring beholder typen oppføring
rule-end-the-plan-first = avslutt den gjeldende planen før du starter en ny
rule-strength-goes-with-tablets = en styrke hører sammen med et antall tabletter, ikke med mg
rule-unknown-only-non-prescribed = et ukjent legemiddel kan bare registreres som ikke forskrevet
rule-mg-or-tablets-not-both = oppgi enten mg eller et antall tabletter, ikke begge
rule-goal-names-a-known-molecule = et mål gjelder et legemiddel Steady kjenner
rule-target-goes-with-reduce = en måldose hører til et mål om å trappe ned
rule-plan-needs-a-known-molecule = en plan trenger et legemiddel Steady kjenner
rule-switch-is-to-diazepam = et bytte går til diazepam
rule-split-is-one-two-or-four = tabletter deles i hele, halve eller kvarte
rule-switch-from-another-molecule = byttet går fra et annet legemiddel enn diazepam
rule-plan-has-ended = planen er avsluttet
rule-plan-already-on-hold = planen er allerede på pause
rule-plan-not-on-hold = planen er ikke på pause
rule-table-has-no-value = denne tabellen har ingen verdi for det legemidlet
rule-period-too-long = en periode kan være høyst tjue år
rule-medicine-needs-a-molecule = et legemiddel på listen må være et Steady kjenner
rule-times-or-as-needed = oppgi vanlige tidspunkter eller «Ved behov», ikke begge
rule-medicine-stopped = dette legemidlet er avsluttet
rule-same-molecule = en endring beholder det samme legemidlet (et annet virkestoff er et annet legemiddel)
rule-before-the-last-change = før siste endring av dette legemidlet
rule-before-it-started = før det ble startet
rule-which-medicine = du har flere legemidler: velg ett
rule-not-a-medicine = dette er ikke et legemiddel på listen din
rule-not-taken-that-day = dette legemidlet tas ikke den dagen
rule-not-a-form = innstillingene endres én om gangen, ikke med et skjema
rule-day-starts-by-noon = et døgn begynner mellom kl. 00:00 og 12:00
rule-no-dose-planned-today = planen har ingen dose i dag

## Feil som ikke gjelder et felt

error-wrong-key = Denne nøkkelen åpner ikke dagboken. Ingenting ble endret.
error-tampered = Én oppføring kunne ikke leses: den er skadet eller ble endret. De andre er trygge.
error-corrupt = Dagbokfilen er skadet. Steady kan redde oppføringene som fortsatt kan leses.
error-locked = Dagboken er låst. Lås den opp for å fortsette.
error-wrong-passphrase = Denne passordfrasen åpner ikke sikkerhetskopien. Ingenting ble importert.
error-bad-backup = Denne sikkerhetskopien kunne ikke brukes: den er skadet, ufullstendig eller fra en nyere versjon av Steady. Ingenting ble importert.
error-disk-full = Enheten er full: oppføringen ble ikke lagret. Tidligere oppføringer er trygge.
error-storage = Dagboken kunne ikke leses eller skrives. Ingenting gikk tapt.
error-key-provider = Enhetens sikre nøkkellager svarte ikke.
error-internal = Noe gikk galt i Steady. Ingenting ble skrevet.
error-key-damaged = Nøkkelen til dagboken er skadet (dette er ikke feil passordfrase). Redd dagboken, eller gjenopprett en sikkerhetskopi.
error-key-changed = Nøkkelen til dagboken ble endret i et annet vindu eller en annen app. Åpne dagboken på nytt; ingenting ble lagret med den gamle nøkkelen.
error-rolled-back = Denne dagbokfilen er eldre enn den som sist ble åpnet på denne enheten. Den ble ikke åpnet, og ingenting ble endret.

## The shells' own chrome (lock, key lost, summary options, reminders, backup)

shell-loading = Åpner dagboken din …
shell-locked = Dagboken din er låst.
shell-unlock-reason = Lås opp Steady-dagboken din
shell-unlock-failed = Ikke låst opp. Prøv igjen.
shell-key-lost-title = Denne dagboken kan ikke lenger åpnes på denne enheten
shell-key-lost-body = Nøkkelen som beskyttet den, er borte (for eksempel etter at skjermlåsen ble fjernet). Gjenopprett en sikkerhetskopi, eller slett dagboken og begynn på nytt.
shell-damaged-title = Deler av dagboken kunne ikke leses
shell-error-title = Noe gikk galt
shell-nothing-yet = Ingenting er ført ennå.
shell-no-plan = Ingen nedtrappingsplan ennå.
shell-no-question = Ingen spørsmål ennå.
shell-summary-period = Periode
shell-summary-format = Format
shell-summary-language = Språk i sammendraget
shell-summary-leave-out = Utelat
shell-format-text = Tekst
shell-format-pdf = PDF
shell-format-csv = Regneark (CSV)
shell-format-fhir = FHIR (for pasientjournaler)
shell-format-json = JSON
shell-language-en = English
shell-language-fr = Français
shell-language-nl = Nederlands
shell-language-nb = Norsk bokmål
shell-reminders = Påminnelser
shell-reminders-allow = Tillat varsler slik at Steady kan minne deg på det.
shell-backup-passphrase = Passordfrase for sikkerhetskopien
shell-backup-passphrase-again = Samme passordfrase en gang til
shell-backup-passphrase-help = Du trenger denne passordfrasen for å gjenopprette sikkerhetskopien. Ingen kan finne den igjen.
shell-backup-mismatch = De to passordfrasene er ulike.
shell-backup-done = Sikkerhetskopien er lagret.
shell-restore-done = Sikkerhetskopien er gjenopprettet.
shell-erase-done = Dagboken er slettet.
shell-undo = Angre
shell-close = Lukk
shell-now = Nå
shell-time-taken = Tidspunkt for dosen
shell-more = Mer
field-passphrase = Passordfrase
rule-passphrase-too-short = en passordfrase må ha minst 12 tegn
rule-repeated-or-sequential = gjentatte tegn eller tegn i rekkefølge (aaaa, 1234, abcabc) er lette å gjette
rule-easy-to-guess = for lett å gjette (et vanlig passord, ord eller mønster); flere ord som ikke har noe med hverandre å gjøre, er bedre
rule-tail-dose-in-whole-micrograms = den minste dosen det gir (mg per ml × minste volum, eller trinnet) er et helt antall mikrogram
