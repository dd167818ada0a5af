## FHIR-eksport (fortellende tekst i Bundle-ens Composition og ressurser; konvensjoner: se
## summary.ftl). Visningsnavn for koder står på kodesystemets språk.

fhir-title = Steady-sammendrag { $range }
fhir-document-type = Sammendrag skrevet av pasienten
fhir-overview = Sammendrag fra Steady-dagboken for { $range }, skrevet av pasienten ut fra egne registreringer. Steady registrerer og regner; den forskriver ikke.
fhir-overview-table = Diazepamekvivalenter etter { $table }: { $source }.
fhir-section-withheld = Pasienten har utelatt denne delen fra sammendraget.
fhir-left-out-by-patient = utelatt fra dette sammendraget av pasienten.
fhir-section-allergies = Allergier og intoleranser
fhir-section-problems = Helseproblemer
fhir-no-allergy-info = Ingen opplysninger om allergier
fhir-no-problem-info = Ingen opplysninger om helseproblemer
fhir-no-medication-info = Ingen opplysninger om legemidler
fhir-no-allergy-info-section = Steady-dagboken registrerer ikke allergier eller intoleranser: ingen opplysninger, som ikke betyr at det ikke finnes noen.
fhir-no-problem-info-section = Steady-dagboken registrerer ikke diagnoser eller helseproblemer: ingen opplysninger, som ikke betyr at det ikke finnes noen.
fhir-patient-anonymous = Personen som førte denne dagboken og skrev dette sammendraget; ingen identifiserende opplysninger er tatt med.
fhir-patient-ips-anonymous = Personen som førte denne dagboken og skrev dette sammendraget; verken navn eller fødselsdato er registrert, så ingen er oppgitt.
fhir-patient-identified = Personen som førte denne dagboken og skrev dette sammendraget, med navnet og fødselsdatoen personen registrerte.

## Doser

fhir-doses-intro = Doser pasienten registrerte, { $range } ({ $days ->
    [one] { $days } dag
   *[other] { $days } dager
}). Diazepamekvivalenter (DE) etter { $table } (kilde: { $source }). Et intervall betyr at tabellen oppgir et intervall; doser uten kjent ekvivalent telles og navngis, legges aldri til som null.
fhir-doses-total = { $n ->
    [one] { $n } dose
   *[other] { $n } doser
}; { $total } DE totalt, i snitt { $per_day } DE per dag.
fhir-doses-unknown = { $n ->
    [one] { $n } dose med ukjent styrke eller stoff.
   *[other] { $n } doser med ukjent styrke eller stoff.
}
fhir-doses-ahead = { $n ->
    [one] { $n } dose ble registrert for et tidspunkt etter at dette dokumentet ble laget: oppført som planlagt, ikke som tatt.
   *[other] { $n } doser ble registrert for et tidspunkt etter at dette dokumentet ble laget: oppført som planlagt, ikke som tatt.
}
fhir-doses-trend = forskrevet DE per dag, første halvdel { $first }, andre halvdel { $second }.
fhir-week-without-de = { $amount } + { $n ->
    [one] { $n } dose
   *[other] { $n } doser
} uten DE-verdi
fhir-week-only-without-de = { $n ->
    [one] { $n } dose
   *[other] { $n } doser
} uten DE-verdi
fhir-col-doses = Doser
fhir-col-known-mg = mg (kjent styrke)
fhir-col-unknown-strength = Ukjent styrke
fhir-col-days = Dager
fhir-col-next-review = Neste evaluering
fhir-col-on = Registrering
fhir-use-prescribed = forskrevet
fhir-use-non-prescribed = ikke forskrevet
fhir-category-community = Forskrevet; tatt hjemme (rapportert av pasienten)
fhir-category-non-prescribed = Bruk utenfor resept (rapportert av pasienten)
fhir-tablets = { $n } { $whole ->
    [1] tabletter
   *[other] tablett
}
fhir-tablets-of = { $tablets } à { $strength }
fhir-tablets-unknown-strength = { $tablets }, ukjent styrke
fhir-dose-line = { $when }: { $substance }, { $amount } ({ $use }, rapportert av pasienten).
fhir-dose-line-ahead = { $when }: { $substance }, { $amount } ({ $use }, rapportert av pasienten), registrert for et tidspunkt etter at dette dokumentet ble laget: planlagt, ikke tatt ennå.
fhir-regimen = fra { $date }: { $amount }, { $when }
fhir-regimen-at = kl. { $times }
fhir-regimen-as-needed = ved behov
fhir-medicine-line = { $name } ({ $molecule }, { $use }), { $range }: { $n ->
    [one] { $n } dose registrert
   *[other] { $n } doser registrert
}. Vanlig dose: { $regimen }.

## Plan

fhir-plan-line = Nedtrappingsplan for { $molecule } fra { $dose } per dag, startet { $date }: { $schedule } ({ $steps ->
    [one] { $steps } trinn
   *[other] { $steps } trinn
}, { $flagged ->
    [0] ingen raskere enn valgt tempo
    [one] { $flagged } raskere enn valgt tempo
   *[other] { $flagged } raskere enn valgt tempo
}). En pause er et vanlig trinn; pasienten bestemmer tempoet. Steady registrerer og regner; den forskriver ikke.

## Søvn, angst, mål

fhir-sleep-summary = { $n ->
    [one] { $n } natt
   *[other] { $n } netter
} registrert (Consensus Sleep Diary). Gjennomsnittlig søvn { $mean }, søvneffektivitet { $efficiency }, kvalitet { $quality } (1 svært dårlig – 5 svært god), oppvåkninger per natt { $awakenings }. Første halvdel { $first }, andre halvdel { $second }.
fhir-sleep-line = Natten til { $date }: søvn { $hours }, kvalitet { $quality }.
fhir-code-sleep-duration = Søvnvarighet
fhir-code-sleep-quality = Søvnkvalitet (1 svært dårlig – 5 svært god)
fhir-code-awakenings = Antall oppvåkninger
fhir-code-sleep-latency = Tid før innsovning
fhir-code-waso = Tid våken etter innsovning
fhir-code-time-in-bed = Tid i sengen
fhir-code-sleep-efficiency = Søvneffektivitet
fhir-anxiety-summary = { $n ->
    [one] { $n } daglig vurdering
   *[other] { $n } daglige vurderinger
} (0 ingen – 10 verst), snitt { $mean }; første halvdel { $first }, andre halvdel { $second }.
fhir-anxiety-line = { $when }: angst { $score } på en skala fra 0 til 10.
fhir-code-anxiety = Angstvurdering 0–10
fhir-gad7-none = Ingen GAD-7 i denne perioden.
fhir-gad7-bands = GAD-7 (0–21; minimal 0–4, mild 5–9, moderat 10–14, alvorlig 15–21):
fhir-gad7-panel-line = GAD-7 { $when }: poeng per spørsmål { $scores }.
fhir-gad7-total-line = GAD-7 totalt { $total } ({ $band }) { $when }.
fhir-gad7-band = { $band } angst (GAD-7 { $range }; Spitzer 2006)
fhir-goal-line = Mål: «{ $words }». Behandlingsmål: { $goal }. Status: { $status }.
fhir-review-line = Evaluering av målet { $when }: GAS { $gas } ({ $label }), beslutning: { $decision }.
fhir-code-gas = Goal Attainment Scaling (GAS), −2 til +2
fhir-code-next-review = Neste evaluering
fhir-no-review = ingen i denne perioden
fhir-goals-hidden = { $n ->
    [one] { $n } mål utelatt av pasienten.
   *[other] { $n } mål utelatt av pasienten.
}
fhir-questions-intro = Spørsmål pasienten skrev ned til denne timen, med egne ord:

## Fritekst i mål og behandlingsplan (notater og beskrivelser). Visningsnavn for koder forblir på
## kodesystemets språk; disse setningene er det leseren leser.

fhir-goal-treatment = Behandlingsmål: { $goal }.
fhir-goal-proposed = { $proposed }.
fhir-goal-proposed-agreed = { $proposed }; avtalt med { $who }.
fhir-goal-changed = Endret ved en evaluering: erstattet av et annet mål.
fhir-goal-measure-dose = døgndose av { $molecule }
fhir-goal-measure-dose-all = døgndose av benzodiazepiner og z-hypnotika
fhir-goal-measure-outside = doser av { $molecule } utenom resepten
fhir-goal-measure-outside-all = doser utenom resepten
fhir-goal-clinician = behandler
fhir-plan-description = Nedtrapping av { $molecule } fra { $dose } per dag: { $schedule }, { $rounding }; nedtrappingen slutter ved { $floor }.
fhir-plan-rounding-whole = avrundet til hele tabletter à { $strengths }
fhir-plan-rounding-halves = avrundet til det tabletter à { $strengths } delt i to tillater
fhir-plan-rounding-quarters = avrundet til det tabletter à { $strengths } delt i fire tillater
fhir-plan-not-prescribed = Pasienten bestemmer tempoet; Steady registrerer og beregner, den forskriver ikke.
fhir-step-start = { $dose } { $molecule } per dag (startdose).
fhir-step-dose = Trinn { $step }: { $dose } { $molecule } per dag, { $cut } mindre enn forrige trinn.
fhir-step-stop = Trinn { $step }: { $molecule } stoppet (0 mg).
fhir-step-tablets = Tabletter: { $tablets }.
fhir-step-form = Som { $form }.
fhir-plan-switch-note = Byttet til diazepam før nedtrappingen: { $switch }. Kilde for ekvivalensen: { $source }.
fhir-plan-hold-days = { $span } ({ $days ->
    [one] { $days } dag
   *[other] { $days } dager
})
fhir-plan-hold-moves = Planen flyttes senere med like mange dager som pausen varte.
fhir-with-reason = { $what }: { $reason }.
fhir-code-gad7-total = GAD-7 totalskår
fhir-achievement-achieved = oppnådd
fhir-achievement-improving = i bedring
fhir-achievement-in-progress = pågår
fhir-achievement-no-progress = ingen fremgang
fhir-achievement-sustaining = opprettholdes
fhir-step-extended-tail = Intervallet er forlenget: den minste mengden som kan måles, tillater ikke en mindre reduksjon.
fhir-plan-pace-change = Tempoet ble endret fra { $date }: { $schedule }.
fhir-plan-flagged-note = { $flagged } (tempo: { $pace }; grenser etter ASAM-retningslinjen fra 2025). { $informative }

## Utelatt, kontroll av dagboken

fhir-left-out-nothing = Pasienten har ikke utelatt noe fra dette sammendraget.
fhir-left-out-intro = Pasienten valgte å utelate { $n ->
    [one] { $n } del
   *[other] { $n } deler
} fra dette sammendraget; de mangler i alle seksjoner og ressurser i dette dokumentet:
fhir-integrity = Kontroll av dagboken: { $unreadable } registreringer kunne ikke leses, { $missing } ble fjernet og { $unexpected } ble lagt til eller endret utenfor Steady{ $unchecked ->
    [1] , og listen over registreringer kunne ikke kontrolleres
   *[other] {""}
}; tallene i dette dokumentet kan være ufullstendige.

## Patient identity (stored sealed; used only by the IPS export)

field-patient-name = Navnet ditt (bare for det internasjonale pasientsammendraget)
field-birth-date = Fødselsdato
