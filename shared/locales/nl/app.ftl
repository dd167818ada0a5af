# Steady-app — Nederlands (neutraal voor Vlaanderen en Nederland). Alle woorden die de telefoons en de
# opdrachtregel aan de patiënt tonen.
#
# Dezelfde afspraken als summary.ftl (die in dezelfde bundel wordt geladen, dus de id's daarvan
# gelden hier ook): aantallen zijn getallen (meervoudsvarianten); datums, hoeveelheden en percentages
# komen al opgemaakt binnen. Elke id bestaat ook in en, fr en nb (een test controleert dat). Geen
# enkel bericht noemt een geneesmiddel of een dosis waar een vergrendelscherm of een agenda het kan
# tonen (reminder-*, calendar-*).
# Aanspreekvorm: u. Aanhalingstekens: ‘ ’ zoals in summary.ftl.
# Woorden die de app letterlijk controleert, blijven Engels: ERASE, unknown, today, yesterday.

## Schermen

screen-today = Vandaag
screen-log = Noteren
screen-medicines = Mijn geneesmiddelen
screen-plan = Afbouwschema
screen-goals = Doelen
screen-questions = Vragen
screen-history = Geschiedenis
screen-summary = Overzicht
screen-settings = Instellingen
screen-unlock = Ontgrendelen

## Acties

action-save = Opslaan
action-cancel = Annuleren
action-edit = Wijzigen
action-delete = Verwijderen
action-delete-confirm = Deze registratie verwijderen? Dit kan niet ongedaan worden gemaakt.
action-taken = Ingenomen
action-skipped = Overgeslagen
action-something-else = Iets anders ingenomen
action-add-medicine = Een geneesmiddel toevoegen
action-change-medicine = Hoeveelheid of tijdstippen wijzigen
action-stop-medicine = Dit geneesmiddel stoppen
action-log-dose = Een inname noteren
action-log-sleep = Afgelopen nacht noteren
action-log-anxiety = Angst scoren
action-log-gad7 = De GAD-7 invullen
action-add-question = Een vraag toevoegen
action-question-done = Besproken
action-set-goal = Een doel vastleggen
action-review-goal = Dit doel evalueren
action-create-plan = Een afbouwschema maken
action-hold = Op deze stap pauzeren
action-resume = Hervatten
action-adjust = Het tempo wijzigen
action-end-plan = Het schema beëindigen
action-calendar = De stappen aan mijn agenda toevoegen
action-share = Delen
action-make-summary = Het overzicht maken
action-backup = Een back-up maken
action-restore = Een back-up terugzetten
action-erase = Het dagboek wissen
action-erase-confirm = Alles in dit dagboek definitief wissen? Typ ERASE om te bevestigen.
action-unlock = Ontgrendelen
action-recover = De leesbare registraties redden

## Vandaag

today-title = Vandaag: { $date }
today-de-basis = (DE = mg diazepamequivalent, volgens { $table })
today-doses = Innames
today-no-dose = vandaag niets genoteerd
today-de-totals = DE voorgeschreven: { $prescribed }; niet voorgeschreven: { $nonprescribed }
today-unknown-strength = { $n ->
    [one] { $n } inname met onbekende sterkte
   *[other] { $n } innames met onbekende sterkte
}
today-unknown-substance = { $n ->
    [one] { $n } inname van een onbekend middel
   *[other] { $n } innames van een onbekend middel
}
today-no-table-value = { $n ->
    [one] { $n } inname zonder waarde volgens { $table }
   *[other] { $n } innames zonder waarde volgens { $table }
}
today-last-night = Afgelopen nacht ({ $date }):
today-last-night-none = Afgelopen nacht: geen slaap genoteerd
today-asleep = { $hours } geslapen
today-efficiency = efficiëntie { $percent }
today-quality = kwaliteit { $score }/5 ({ $label })
today-anxiety-week = Angst, afgelopen 7 dagen:
today-anxiety-mean = gemiddeld { $value }
today-goals = Doelen
today-no-goal = geen lopend doel
today-review-due = volgende evaluatie op { $date }: TIJD VOOR EVALUATIE
today-next-review = volgende evaluatie op { $date }
today-no-review = geen evaluatiedatum vastgelegd
today-medicines = Mijn geneesmiddelen
today-no-medicine = Nog geen geneesmiddel op uw lijst.
today-taken-count = { $n ->
    [one] vandaag één keer ingenomen
   *[other] vandaag { $n } keer ingenomen
}
today-skipped-count = { $n ->
    [one] vandaag één keer overgeslagen
   *[other] vandaag { $n } keer overgeslagen
}
today-planned = geplande dosis vandaag: { $dose }
today-next-time = volgende inname om { $time }

## Verloop sinds de laatste evaluatie (alleen feiten, geen oordeel)

progress-since = sinds { $date }: { $facts }
today-progress-days-with-dose = { $n } van de { $total } { $total ->
    [one] dag
   *[other] dagen
} met een inname
progress-mean-mg = (gemiddeld { $dose })
progress-at-or-under = { $n ->
    [one] { $n } dag op of onder de streefdosis
   *[other] { $n } dagen op of onder de streefdosis
}
progress-nonprescribed = { $n ->
    [one] { $n } dag met niet-voorgeschreven gebruik
   *[other] { $n } dagen met niet-voorgeschreven gebruik
}
progress-sleep = slaap { $hours }
progress-anxiety = angst { $value }

## Equivalentietabellen (korte namen)

table-ashton = Ashton Manual
table-va-dod = VA/DoD
table-dutch = Nederlandse tabel
table-norwegian = Helsedirektoratet (Noorwegen)

## Afbouwschema, vandaag

plan-today = Afbouwschema ({ $molecule })
plan-today-dose = vandaag { $dose }
plan-today-holding = gepauzeerd
plan-today-next = volgende stap op { $date }: { $dose }
plan-today-end = verwacht einde op { $date }
plan-today-line = { $plan }: { $details }

## Regels van registraties (geschiedenis en lijsten)

line-dose = { $drug } { $amount }, { $use }, { $de }
line-planned = (geplande dosis van de dag)
line-note = — ‘{ $note }’
line-use-prescribed = voorgeschreven
line-use-non-prescribed = niet voorgeschreven
line-de = DE { $range }
line-de-unknown = DE onbekend
line-amount-tablets = { $count } × { $strength } ({ $dose })
line-amount-unknown-strength = { $n ->
    [one] { $count } tablet, sterkte onbekend
   *[other] { $count } tabletten, sterkte onbekend
}
line-amount-unknown = hoeveelheid onbekend
line-sleep = { $hours } geslapen, kwaliteit { $score }/5 ({ $label })
line-sleep-in-bed = in bed van { $from } tot { $to }
line-sleep-latency = { $minutes } min om in slaap te vallen
line-sleep-awakenings = { $n ->
    [one] { $n } keer wakker geworden
   *[other] { $n } keer wakker geworden
}
line-sleep-waso = ({ $minutes } min wakker)
line-sleep-efficiency = efficiëntie { $percent }
line-anxiety = { $score }/10
line-gad7 = totaalscore { $total } ({ $band }); antwoorden { $items }
line-goal = { $goal } — ‘{ $words }’
line-review = van doel { $goal }: GAS { $gas } ({ $label }), beslissing: { $decision }
line-question = ‘{ $text }’
line-question-discussed = (besproken)
line-plan = { $molecule } afbouwen vanaf { $dose }, −{ $percent } { $days ->
    [one] elke dag
   *[other] om de { $days } dagen
}
line-plan-ended = (beëindigd op { $date })
line-plan-holding = (gepauzeerd)
line-medicine = { $name } ({ $molecule }) { $amount }, { $times }, { $use }
line-medicine-stopped = (gestopt op { $date })
line-skip = gebruikelijke inname van { $name } overgeslagen
line-skip-unknown = gebruikelijke inname overgeslagen
line-settings = instellingen: de dag begint om { $time }
times-as-needed = zo nodig
decision-keep = behouden
decision-adjust = bijstellen
decision-change = ander doel kiezen

## Mijn geneesmiddelen

medicine-usual = { $amount }, { $times }
medicine-started = sinds { $date }
medicine-stopped = gestopt op { $date }
medicine-planned-note = Voor dit geneesmiddel loopt een afbouwschema: ‘Ingenomen’ noteert de geplande dosis van die dag.
medicine-changed-from = vanaf { $date }: { $regimen }
catalogue-brand-of = { $brand } ({ $molecule })
catalogue-strengths = sterktes: { $strengths }

## Ingenomen, overgeslagen

taken-logged = Genoteerd: { $drug } { $amount } om { $time }.
taken-logged-planned = Genoteerd: { $drug } { $amount } om { $time } (geplande dosis van vandaag).
skipped-logged = Genoteerd: de inname van { $time } is overgeslagen.

## Herinneringen (vergrendelschermen zijn openbaar: geen geneesmiddel, geen dosis)

reminder-title = Steady
reminder-medicine = Uw herinnering van { $time }.
reminder-check-in = Hoe was uw dag? Een moment voor uw dagboek.
reminder-moved = De klok is vooruitgezet: deze herinnering van { $time } komt vandaag om { $moved }.

## Formulieren: de kern beschrijft elk veld

form-dose = Inname
form-sleep = Slaap van afgelopen nacht
form-anxiety = Angst
form-gad7 = GAD-7
form-goal = Een eigen doel
form-review = Evaluatie van een doel
form-plan = Afbouwschema
form-question = Een vraag voor mijn volgende afspraak
form-medicine = Een geneesmiddel dat ik gebruik
form-skip = Een overgeslagen inname
form-required = verplicht
form-optional = niet verplicht
field-drug = Geneesmiddel (naam op de verpakking)
field-drug-help = De werkzame stof of de merknaam, bijv. Stilnoct, Noctamid, diazepam. Typ ‘unknown’ als u niet weet wat het was.
field-mg = Hoeveelheid (mg)
field-tablets = Aantal tabletten
field-tablets-help = Hele, halve of kwart tabletten: 1, ½, 1¼…
field-strength-mg = Sterkte van de tablet (mg)
field-strength-mg-help = Laat dit leeg als u de sterkte niet kent (alleen voor innames buiten een voorschrift).
field-taken-at = Tijdstip van inname
field-non-prescribed = Hoort niet bij mijn voorschrift
field-non-prescribed-help = Extra, gekocht of geleend. Gewoon genoteerd; u beslist zelf of het in een overzicht komt.
field-note = Notitie
field-night = Nacht van
field-hours = Uren geslapen (uw schatting)
field-quality = Slaapkwaliteit
field-score = Angst
field-items = Antwoorden
field-what-matters = Wat voor mij belangrijk is
field-what-matters-help = In uw eigen woorden, bijv. ‘de hele nacht doorslapen’, ‘mijn kleinkinderen met de auto rondrijden’.
field-kind = Mijn doel
field-target-mg = Streefdosis per dag (mg)
field-due = Te bereiken op
field-review-on = Evalueren op
field-proposed-by = Voorgesteld door
field-agreed-with = Afgesproken met
field-gas = Hoe het ging
field-decision = Wat we hebben beslist
field-next-review = Volgende evaluatie
field-discussed = Besproken tijdens een afspraak
field-text = Vraag
field-start-mg = Startdosis per dag (mg)
field-start = Eerste dag
field-percent = Verlaging per stap (% van de huidige dosis)
field-interval-days = Dagen tussen de stappen
field-strengths = Tabletsterktes die ik heb (mg)
field-split = Ik kan tabletten breken in
field-floor-mg = Stoppen bij (mg per dag; 0 = helemaal stoppen)
field-pace = Tempo
field-switch-from = Overschakelen van
field-switch-from-mg = Dagdosis daarvan (mg)
field-switch-table = Equivalentietabel
field-switch-agreed-with = Overschakeling afgesproken met
field-tail-mg-per-ml = Sterkte van de drank (mg per ml)
field-tail-min-ml = Kleinste volume dat u kunt afmeten (ml)
field-tail-step-mg = Bereide doses: kleinste stap (mg)
field-times = Gebruikelijke tijdstippen
field-as-needed = Zo nodig
field-from = Van
field-to = Tot
field-on = Dag
field-reason = Reden (in uw eigen woorden)
field-medicine = Geneesmiddel
field-day-start = Mijn dag begint om
field-day-start-help = Een inname vóór dit tijdstip telt voor de dag ervoor (een inname bij het slapengaan om 00:10 hoort bij de avond).
field-language = Taal
field-check-in = Dagelijkse herinnering voor het dagboek
field-table = Tabel met diazepamequivalenten
field-format = Bestandsformaat
field-exclude = Weglaten uit dit overzicht
field-at = Tijdstip
field-goal-id = Doel
field-goal = Doel
field-status = Status
field-set-at = Vastgelegd op
field-latency-min = Minuten tot inslapen
field-awakenings = Keren wakker geworden
field-waso-min = Minuten wakker na het eerste inslapen
field-in-bed = Naar bed om
field-tried-to-sleep = Geprobeerd te slapen om
field-final-awakening = Voor het laatst wakker geworden om
field-out-of-bed = Opgestaan om
field-id = Registratie
field-plan = Afbouwschema
field-now = Nu
field-date = Datum
field-time = Tijdstip
field-instant = Datum en tijdstip
field-item = Vraag { $number }
field-days = Dagen
field-country = Land
field-setting = Instelling
goal-type-stop = Stoppen
goal-type-reduce = Afbouwen tot een streefdosis
goal-type-stable = Stabiel blijven op de voorgeschreven dosis, zonder extra gebruik
goal-type-keep = Alles laten zoals het is
split-whole = alleen hele tabletten
split-half = helften
split-quarter = kwarten
proposer-patient = ik
proposer-clinician = mijn zorgverlener
proposer-together = samen
form-unit-mg = mg
form-unit-mg-per-ml = mg/ml
form-unit-ml = ml
form-unit-tablets = tabletten
form-unit-minutes = min
form-unit-hours = u
form-unit-percent = %
form-unit-days = dagen
choice-none = geen

## Dagelijkse angst: één vraag, één betekenis, geen antwoord op voorhand gekozen

anxiety-question = Hoe angstig heeft u zich vandaag in het algemeen gevoeld?
anxiety-help = 0 betekent helemaal geen angst, 10 de ergste angst die u zich kunt voorstellen. Denk aan de hele dag.
anxiety-min = Geen angst
anxiety-max = Ergst denkbare angst

## GAD-7 (Spitzer et al. 2006; vrij te gebruiken)

gad7-stem = Hoe vaak heeft u in de afgelopen 2 weken last gehad van de volgende problemen?
gad7-item-1 = Zich zenuwachtig, angstig of gespannen voelen
gad7-item-2 = Niet in staat zijn om te stoppen met piekeren of om controle te krijgen over het piekeren
gad7-item-3 = Zich te veel zorgen maken over verschillende dingen
gad7-item-4 = Moeite om te ontspannen
gad7-item-5 = Zo rusteloos zijn dat het moeilijk is om stil te zitten
gad7-item-6 = Snel geïrriteerd of prikkelbaar zijn
gad7-item-7 = Zich bang voelen alsof er iets vreselijks zou kunnen gebeuren
gad7-answer-0 = Helemaal niet
gad7-answer-1 = Meerdere dagen
gad7-answer-2 = Meer dan de helft van de dagen
gad7-answer-3 = Bijna elke dag

## Consensus Sleep Diary (Carney et al. 2012), kernvragen

csd-in-bed = Hoe laat bent u in bed gaan liggen?
csd-tried-to-sleep = Hoe laat probeerde u te gaan slapen?
csd-latency = Hoe lang duurde het voordat u in slaap viel (in minuten)?
csd-awakenings = Hoe vaak werd u wakker, zonder het laatste wakker worden mee te tellen?
csd-waso = Hoe lang was u in totaal wakker tijdens deze keren (in minuten)?
csd-final-awakening = Hoe laat werd u voor het laatst wakker?
csd-out-of-bed = Hoe laat kwam u uit bed om de dag te beginnen?
csd-quality = Hoe zou u de kwaliteit van uw slaap beoordelen?
csd-hours = Hoeveel uur heeft u geslapen, naar uw eigen schatting?

## Instellingen

settings-day-start = Mijn dag begint om { $time }
settings-language = Taal: { $language }
settings-check-in = Dagelijkse herinnering: { $time }
settings-check-in-off = Dagelijkse herinnering: uit
settings-table = Diazepamequivalenten: { $table }
settings-app-lock = Het dagboek vergrendelen met Face ID, vingerafdruk of de toegangscode van het apparaat
settings-lock-after = Vergrendelen na { $minutes } min op de achtergrond

## Problemen met wat er getypt is (naast het veld getoond)

problem-not-positive = { $field } moet groter zijn dan nul.
problem-negative = { $field } mag niet negatief zijn.
problem-not-a-number = { $field } is geen getal.
problem-too-large = { $field } is groter dan wat aannemelijk is (meer dan { $max }).
problem-too-small = { $field } is kleiner dan wat gemeten kan worden (minder dan { $min }).
problem-out-of-range = { $field } moet tussen { $min } en { $max } liggen.
problem-in-future = { $field } ligt meer dan een dag in de toekomst.
problem-too-old = { $field } ligt te ver in het verleden.
problem-too-long = { $field } is te lang (hoogstens { $max } tekens).
problem-required = { $field } moet worden ingevuld.
problem-not-a-quarter = Tabletten kunnen heel, half of in kwarten zijn.
problem-unknown-drug = ‘{ $name }’ is geen geneesmiddel dat Steady kent. Probeer de naam op de verpakking of de werkzame stof.
problem-no-such-entry = Deze registratie bestaat niet meer.
problem-unreadable = ‘{ $text }’ kon niet gelezen worden als { $expected }.
problem-skipped-by-clocks = { $text } bestond hier niet: de klok is over dat uur heen gesprongen. Kies een ander tijdstip.
problem-sleep-disagrees = Uren geslapen: u gaf { $reported } uur op, maar uw tijden geven { $items } uur ({ $window } uur van proberen te slapen tot wakker worden, min { $awake } min om in slaap te vallen en wakker in de nacht). Pas de uren of de tijden aan, of laat de uren leeg.
problem-inconsistent = { $field }: { $rule }
problem-not-allowed = { $field }: { $rule }
expected-date = een datum (JJJJ-MM-DD, of ‘today’ voor vandaag, ‘yesterday’ voor gisteren)
expected-clock-time = een tijdstip (UU:MM)
expected-instant = een datum en tijdstip
expected-number = een getal zoals 2 of 0,5
expected-tablets = een aantal tabletten zoals 1, ½ of 1 ¼
expected-gad7-items = zeven antwoorden van 0 tot 3
expected-whole-number = een geheel getal
expected-entry-id = een registratie
expected-id-prefix = een registratie-id
expected-one-of = een van de aangeboden keuzes
rule-period-starts-after-end = de periode begint na het einde ervan
rule-before-the-review = vóór de evaluatie zelf
rule-before-the-goal-was-set = vóór de dag waarop het doel werd vastgelegd
rule-more-sleep-than-time-in-bed = meer slaap dan tijd in bed
rule-more-awake-than-time-in-bed = meer tijd wakker dan tijd in bed
rule-out-of-bed-at-in-bed-time = hetzelfde tijdstip als naar bed gaan: een nacht kan geen 0 of 24 uur duren
rule-awakening-at-sleep-time = hetzelfde tijdstip als in slaap vallen: een nacht kan geen 0 of 24 uur duren
rule-strength-in-whole-micrograms = een sterkte is een geheel aantal microgram
rule-before-the-hold-started = vóór het begin van de pauze
rule-before-the-last-pace-change = vóór de laatste wijziging van het tempo
rule-before-the-open-hold-started = vóór het begin van de pauze
rule-before-the-plan-starts = vóór het begin van het schema
rule-below-the-start-dose = het moet lager zijn dan de startdosis
rule-not-possible-with-these-tablets = niet mogelijk met deze tabletten
rule-overlaps-an-earlier-hold = overlapt met een eerdere pauze
rule-edit-keeps-the-kind = een wijziging behoudt de soort registratie
rule-end-the-plan-first = beëindig het huidige schema voordat u een nieuw begint
rule-strength-goes-with-tablets = een sterkte hoort bij een aantal tabletten, niet bij mg
rule-unknown-only-non-prescribed = een onbekend middel kan alleen als niet voorgeschreven worden genoteerd
rule-mg-or-tablets-not-both = geef mg of een aantal tabletten, niet allebei
rule-goal-names-a-known-molecule = een doel noemt een geneesmiddel dat Steady kent
rule-target-goes-with-reduce = een streefdosis hoort bij een doel om af te bouwen
rule-plan-needs-a-known-molecule = een schema heeft een geneesmiddel nodig dat Steady kent
rule-switch-is-to-diazepam = overschakelen gebeurt naar diazepam
rule-split-is-one-two-or-four = tabletten worden heel, in helften of in kwarten gebruikt
rule-switch-from-another-molecule = overschakelen gebeurt vanaf een ander geneesmiddel dan diazepam
rule-plan-has-ended = het schema is beëindigd
rule-plan-already-on-hold = het schema is al gepauzeerd
rule-plan-not-on-hold = het schema is niet gepauzeerd
rule-table-has-no-value = deze tabel geeft geen waarde voor dat geneesmiddel
rule-period-too-long = een periode omvat hoogstens twintig jaar
rule-medicine-needs-a-molecule = een geneesmiddel op de lijst moet er een zijn dat Steady kent
rule-times-or-as-needed = geef gebruikelijke tijdstippen of ‘Zo nodig’, niet allebei
rule-medicine-stopped = dit geneesmiddel is gestopt
rule-same-molecule = een wijziging behoudt hetzelfde geneesmiddel (een andere werkzame stof is een ander geneesmiddel)
rule-before-the-last-change = vóór de laatste wijziging van dit geneesmiddel
rule-before-it-started = vóór de start ervan
rule-which-medicine = u heeft meerdere geneesmiddelen: kies er een
rule-not-a-medicine = dit is geen geneesmiddel op uw lijst
rule-not-taken-that-day = dit geneesmiddel wordt op die dag niet ingenomen
rule-not-a-form = de instellingen worden een voor een gewijzigd, niet met een formulier
rule-day-starts-by-noon = een dag begint tussen 00:00 en 12:00
rule-no-dose-planned-today = het schema heeft vandaag geen dosis

## Fouten die niet over een veld gaan

error-wrong-key = Deze sleutel opent het dagboek niet. Er is niets gewijzigd.
error-tampered = Eén registratie kon niet gelezen worden: ze is beschadigd of gewijzigd. De andere zijn veilig.
error-corrupt = Het dagboekbestand is beschadigd. Steady kan de registraties redden die nog leesbaar zijn.
error-locked = Het dagboek is vergrendeld. Ontgrendel het om verder te gaan.
error-wrong-passphrase = Deze wachtwoordzin opent de back-up niet. Er is niets geïmporteerd.
error-bad-backup = Deze back-up kon niet gebruikt worden: ze is beschadigd, onvolledig of afkomstig van een nieuwere versie van Steady. Er is niets geïmporteerd.
error-disk-full = Het apparaat is vol: de registratie is niet opgeslagen. Eerdere registraties zijn veilig.
error-storage = Het dagboek kon niet gelezen of geschreven worden. Er is niets verloren gegaan.
error-key-provider = De beveiligde sleutelopslag van het apparaat gaf geen antwoord.
error-internal = Er ging iets mis in Steady. Er is niets geschreven.
error-key-damaged = De sleutel van het dagboek is beschadigd (dit is geen verkeerde wachtzin). Red het dagboek, of zet een back-up terug.
error-key-changed = De sleutel van het dagboek is in een ander venster of een andere app gewijzigd. Open het dagboek opnieuw; niets is met de oude sleutel opgeslagen.
error-rolled-back = Dit dagboekbestand is ouder dan het laatst op dit apparaat geopende. Het is niet geopend en er is niets gewijzigd.

## The shells' own chrome (lock, key lost, summary options, reminders, backup)

shell-loading = Uw dagboek wordt geopend…
shell-locked = Uw dagboek is vergrendeld.
shell-unlock-reason = Uw Steady-dagboek ontgrendelen
shell-unlock-failed = Niet ontgrendeld. Probeer het opnieuw.
shell-key-lost-title = Dit dagboek kan op dit apparaat niet meer worden geopend
shell-key-lost-body = De sleutel die het beschermde is verdwenen (bijvoorbeeld nadat de schermvergrendeling is verwijderd). Zet een back-up terug, of wis het dagboek en begin opnieuw.
shell-damaged-title = Een deel van uw dagboek kon niet worden gelezen
shell-error-title = Er ging iets mis
shell-nothing-yet = Nog niets genoteerd.
shell-no-plan = Nog geen afbouwschema.
shell-no-question = Nog geen vraag.
shell-summary-period = Periode
shell-summary-format = Formaat
shell-summary-language = Taal van de samenvatting
shell-summary-leave-out = Weglaten
shell-format-text = Tekst
shell-format-pdf = PDF
shell-format-csv = Spreadsheet (CSV)
shell-format-fhir = FHIR (voor medische dossiers)
shell-format-json = JSON
shell-language-en = English
shell-language-fr = Français
shell-language-nl = Nederlands
shell-language-nb = Norsk bokmål
shell-reminders = Herinneringen
shell-reminders-allow = Sta meldingen toe zodat Steady u kan herinneren.
shell-backup-passphrase = Wachtzin van de back-up
shell-backup-passphrase-again = Dezelfde wachtzin nog eens
shell-backup-passphrase-help = U hebt deze wachtzin nodig om de back-up terug te zetten. Niemand kan hem terughalen.
shell-backup-mismatch = De twee wachtzinnen verschillen.
shell-backup-done = Back-up opgeslagen.
shell-restore-done = Back-up teruggezet.
shell-erase-done = Het dagboek is gewist.
shell-undo = Ongedaan maken
shell-close = Sluiten
shell-now = Nu
shell-time-taken = Tijdstip van inname
shell-more = Meer
field-passphrase = Wachtwoordzin
rule-passphrase-too-short = een wachtwoordzin heeft minstens 12 tekens
rule-repeated-or-sequential = herhaalde of opeenvolgende tekens (aaaa, 1234, abcabc) zijn makkelijk te raden
rule-easy-to-guess = te makkelijk te raden (een veelgebruikt wachtwoord, woord of patroon); een paar losse woorden die niets met elkaar te maken hebben, zijn beter
rule-tail-dose-in-whole-micrograms = de kleinste dosis die het geeft (mg per ml × kleinste volume, of de stap) is een geheel aantal microgram
