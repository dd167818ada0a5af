## FHIR-export (verhalende tekst van de Composition en de resources van de Bundle; conventies: zie
## summary.ftl). Weergavenamen van codes blijven in de taal van hun codesysteem.

fhir-title = Steady-overzicht { $range }
fhir-document-type = Overzicht opgesteld door de patiënt
fhir-overview = Overzicht uit het Steady-dagboek voor { $range }, door de patiënt opgesteld uit de eigen invoer. Steady registreert en rekent; het schrijft niets voor.
fhir-overview-table = Diazepam-equivalenten volgens { $table }: { $source }.
fhir-section-withheld = De patiënt heeft dit deel uit het overzicht weggelaten.
fhir-left-out-by-patient = door de patiënt uit dit overzicht weggelaten.
fhir-section-allergies = Allergieën en intoleranties
fhir-section-problems = Gezondheidsproblemen
fhir-no-allergy-info = Geen informatie over allergieën
fhir-no-problem-info = Geen informatie over gezondheidsproblemen
fhir-no-medication-info = Geen informatie over medicatie
fhir-no-allergy-info-section = Het Steady-dagboek registreert geen allergieën of intoleranties: geen informatie, wat niet betekent dat er geen zijn.
fhir-no-problem-info-section = Het Steady-dagboek registreert geen diagnoses of gezondheidsproblemen: geen informatie, wat niet betekent dat er geen zijn.
fhir-patient-anonymous = De persoon die dit dagboek bijhield en dit overzicht opstelde; zonder identificerende gegevens.
fhir-patient-ips-anonymous = De persoon die dit dagboek bijhield en dit overzicht opstelde; er is geen naam of geboortedatum ingevoerd, dus die ontbreken.
fhir-patient-identified = De persoon die dit dagboek bijhield en dit overzicht opstelde, met de ingevoerde naam en geboortedatum.

## Doses

fhir-doses-intro = Door de patiënt genoteerde doses, { $range } ({ $days ->
    [one] { $days } dag
   *[other] { $days } dagen
}). Diazepam-equivalenten (DE) volgens { $table } (bron: { $source }). Een bereik betekent dat de tabel een bereik geeft; doses zonder bekend equivalent worden geteld en benoemd, nooit als nul opgeteld.
fhir-doses-total = { $n ->
    [one] { $n } dosis
   *[other] { $n } doses
}; { $total } DE in totaal, gemiddeld { $per_day } DE per dag.
fhir-doses-unknown = { $n ->
    [one] { $n } dosis met onbekende sterkte of stof.
   *[other] { $n } doses met onbekende sterkte of stof.
}
fhir-doses-ahead = { $n ->
    [one] { $n } dosis is genoteerd voor een tijdstip na het opstellen van dit document: vermeld als voorgenomen, niet als ingenomen.
   *[other] { $n } doses zijn genoteerd voor een tijdstip na het opstellen van dit document: vermeld als voorgenomen, niet als ingenomen.
}
fhir-doses-trend = voorgeschreven DE per dag, eerste helft { $first }, tweede helft { $second }.
fhir-week-without-de = { $amount } + { $n ->
    [one] { $n } dosis
   *[other] { $n } doses
} zonder DE-waarde
fhir-week-only-without-de = { $n ->
    [one] { $n } dosis
   *[other] { $n } doses
} zonder DE-waarde
fhir-col-doses = Doses
fhir-col-known-mg = mg (bekende sterkte)
fhir-col-unknown-strength = Onbekende sterkte
fhir-col-days = Dagen
fhir-col-next-review = Volgende evaluatie
fhir-col-on = Invoer
fhir-use-prescribed = voorgeschreven
fhir-use-non-prescribed = niet voorgeschreven
fhir-category-community = Voorgeschreven; thuis ingenomen (gemeld door de patiënt)
fhir-category-non-prescribed = Niet-voorgeschreven gebruik (gemeld door de patiënt)
fhir-tablets = { $n } { $whole ->
    [1] tabletten
   *[other] tablet
}
fhir-tablets-of = { $tablets } van { $strength }
fhir-tablets-unknown-strength = { $tablets }, sterkte onbekend
fhir-dose-line = { $when }: { $substance }, { $amount } ({ $use }, gemeld door de patiënt).
fhir-dose-line-ahead = { $when }: { $substance }, { $amount } ({ $use }, gemeld door de patiënt), genoteerd voor een tijdstip na het opstellen van dit document: voorgenomen, nog niet ingenomen.
fhir-regimen = vanaf { $date }: { $amount }, { $when }
fhir-regimen-at = om { $times }
fhir-regimen-as-needed = zo nodig
fhir-medicine-line = { $name } ({ $molecule }, { $use }), { $range }: { $n ->
    [one] { $n } dosis genoteerd
   *[other] { $n } doses genoteerd
}. Gebruikelijke dosis: { $regimen }.

## Plan

fhir-plan-line = Afbouwplan voor { $molecule } vanaf { $dose } per dag, gestart op { $date }: { $schedule } ({ $steps ->
    [one] { $steps } stap
   *[other] { $steps } stappen
}, { $flagged ->
    [0] geen sneller dan het gekozen tempo
    [one] { $flagged } sneller dan het gekozen tempo
   *[other] { $flagged } sneller dan het gekozen tempo
}). Een pauze is een normale stap; de patiënt bepaalt het tempo. Steady registreert en rekent; het schrijft niets voor.

## Slaap, angst, doelen

fhir-sleep-summary = { $n ->
    [one] { $n } nacht
   *[other] { $n } nachten
} genoteerd (Consensus Sleep Diary). Gemiddelde slaap { $mean }, slaapefficiëntie { $efficiency }, kwaliteit { $quality } (1 zeer slecht – 5 zeer goed), keren wakker per nacht { $awakenings }. Eerste helft { $first }, tweede helft { $second }.
fhir-sleep-line = Nacht van { $date }: slaap { $hours }, kwaliteit { $quality }.
fhir-code-sleep-duration = Slaapduur
fhir-code-sleep-quality = Slaapkwaliteit (1 zeer slecht – 5 zeer goed)
fhir-code-awakenings = Aantal keren wakker
fhir-code-sleep-latency = Inslaaptijd
fhir-code-waso = Tijd wakker na het inslapen
fhir-code-time-in-bed = Tijd in bed
fhir-code-sleep-efficiency = Slaapefficiëntie
fhir-anxiety-summary = { $n ->
    [one] { $n } dagelijkse score
   *[other] { $n } dagelijkse scores
} (0 geen – 10 ergst), gemiddeld { $mean }; eerste helft { $first }, tweede helft { $second }.
fhir-anxiety-line = { $when }: angst { $score } op een schaal van 0 tot 10.
fhir-code-anxiety = Angstscore 0–10
fhir-gad7-none = Geen GAD-7 in deze periode.
fhir-gad7-bands = GAD-7 (0–21; minimaal 0–4, mild 5–9, matig 10–14, ernstig 15–21):
fhir-gad7-panel-line = GAD-7 op { $when }: itemscores { $scores }.
fhir-gad7-total-line = GAD-7 totaal { $total } ({ $band }) op { $when }.
fhir-gad7-band = { $band } angst (GAD-7 { $range }; Spitzer 2006)
fhir-goal-line = Doel: ‘{ $words }’. Behandeldoel: { $goal }. Status: { $status }.
fhir-review-line = Evaluatie van het doel op { $when }: GAS { $gas } ({ $label }), besluit: { $decision }.
fhir-code-gas = Goal Attainment Scaling (GAS), −2 tot +2
fhir-code-next-review = Volgende evaluatie
fhir-no-review = geen in deze periode
fhir-goals-hidden = { $n ->
    [one] { $n } doel door de patiënt weggelaten.
   *[other] { $n } doelen door de patiënt weggelaten.
}
fhir-questions-intro = Vragen die de patiënt voor deze afspraak noteerde, in eigen woorden:

## Vrije tekst van doelen en zorgplan (notities en beschrijvingen). Weergavenamen van codes blijven
## in de taal van het codesysteem; deze zinnen zijn wat de lezer leest.

fhir-goal-treatment = Behandeldoel: { $goal }.
fhir-goal-proposed = { $proposed }.
fhir-goal-proposed-agreed = { $proposed }; afgesproken met { $who }.
fhir-goal-changed = Gewijzigd bij een evaluatie: vervangen door een ander doel.
fhir-goal-measure-dose = dagdosis { $molecule }
fhir-goal-measure-dose-all = dagdosis benzodiazepinen en Z-drugs
fhir-goal-measure-outside = doses { $molecule } buiten het voorschrift
fhir-goal-measure-outside-all = doses buiten het voorschrift
fhir-goal-clinician = zorgverlener
fhir-plan-description = Afbouw van { $molecule } vanaf { $dose } per dag: { $schedule }, { $rounding }; de afbouw eindigt bij { $floor }.
fhir-plan-rounding-whole = afgerond op hele tabletten van { $strengths }
fhir-plan-rounding-halves = afgerond op wat tabletten van { $strengths }, in tweeën gedeeld, toelaten
fhir-plan-rounding-quarters = afgerond op wat tabletten van { $strengths }, in vieren gedeeld, toelaten
fhir-plan-not-prescribed = De patiënt bepaalt het tempo; Steady noteert en rekent, het schrijft niets voor.
fhir-step-start = { $dose } { $molecule } per dag (startdosis).
fhir-step-dose = Stap { $step }: { $dose } { $molecule } per dag, { $cut } minder dan de vorige stap.
fhir-step-stop = Stap { $step }: { $molecule } gestopt (0 mg).
fhir-step-tablets = Tabletten: { $tablets }.
fhir-step-form = In de vorm van { $form }.
fhir-plan-switch-note = Vóór de afbouw overgeschakeld naar diazepam: { $switch }. Bron van de equivalentie: { $source }.
fhir-plan-hold-days = { $span } ({ $days ->
    [one] { $days } dag
   *[other] { $days } dagen
})
fhir-plan-hold-moves = Het schema schuift op met het aantal pauzedagen.
fhir-with-reason = { $what }: { $reason }.
fhir-code-gad7-total = GAD-7-totaalscore
fhir-achievement-achieved = bereikt
fhir-achievement-improving = verbetert
fhir-achievement-in-progress = in uitvoering
fhir-achievement-no-progress = geen vooruitgang
fhir-achievement-sustaining = wordt volgehouden
fhir-step-extended-tail = Interval verlengd: de kleinste hoeveelheid die af te meten is, laat geen kleinere verlaging toe.
fhir-plan-pace-change = Tempo gewijzigd vanaf { $date }: { $schedule }.
fhir-plan-flagged-note = { $flagged } (tempo: { $pace }; grenzen volgens de ASAM-richtlijn 2025). { $informative }

## Weggelaten, controle van het dagboek

fhir-left-out-nothing = De patiënt heeft niets uit dit overzicht weggelaten.
fhir-left-out-intro = De patiënt heeft { $n ->
    [one] { $n } deel
   *[other] { $n } delen
} uit dit overzicht weggelaten; ze ontbreken in elke sectie en resource van dit document:
fhir-integrity = Controle van het dagboek: { $unreadable } invoeren waren onleesbaar, { $missing } verwijderd en { $unexpected } buiten Steady toegevoegd of gewijzigd{ $unchecked ->
    [1] , en de lijst van invoeren kon niet worden gecontroleerd
   *[other] {""}
}; de cijfers in dit document kunnen onvolledig zijn.

## Patient identity (stored sealed; used only by the IPS export)

field-patient-name = Uw naam (alleen voor de internationale patiëntsamenvatting)
field-birth-date = Geboortedatum
