# Synthèse Steady — français.
#
# Mêmes identifiants et mêmes arguments que en/summary.ftl (voir l'en-tête de ce fichier).
# Typographie : espace insécable ({"\u00A0"}) avant « : », espace fine insécable ({"\u202F"})
# avant « ; » et « % ».

## En-tête et pied de page

summary-title = Synthèse Steady
summary-subtitle = Journal tenu par le patient — uniquement des faits{"\u202F"}; Steady ne recommande jamais de dose
period = Période
period-value = { $range } ({ $days ->
    [one] { $days } jour
   *[other] { $days } jours
})
generated-on = Document généré le { $date }
de-basis = Équivalents diazépam (éq. diazépam) selon { $table }
de-abbr = éq. diazépam
de-source = Source des équivalences{"\u00A0"}: { $source }
source-label = Source
source-patient = Données saisies par le patient dans Steady
page-of = Page { $n } sur { $total }

## Titres des rubriques

section-doses = Prises
section-taper-plan = Plan de réduction progressive
section-sleep = Sommeil
section-anxiety = Anxiété
section-gad7 = GAD-7
section-goals = Objectifs
section-questions = Ce dont je veux parler
section-notes = Notes
section-left-out = Non inclus

## Prises

prescribed = Prescrit
non-prescribed = Non prescrit
unknown-strength = dosage inconnu
dose-count = { $n ->
    [one] { $n } prise
   *[other] { $n } prises
}
unknown-strength-count = { $n ->
    [one] { $n } prise de dosage inconnu
   *[other] { $n } prises de dosage inconnu
}
mean-per-day = Moyenne par jour
total = Total
de-per-day = { $amount } éq. diazépam par jour
de-per-day-label = Éq. diazépam par jour (mg)
de-in-total = { $amount } éq. diazépam au total
days-without-dose = Jours sans aucune prise
first-half = Première moitié
second-half = Seconde moitié
trend-per-week = Tendance par semaine
trend-value = { $amount } par semaine
weekly-means = Moyennes hebdomadaires
week-of = Semaine du { $date }
molecule-line = { $molecule }{"\u00A0"}: { $n ->
    [one] { $n } prise
   *[other] { $n } prises
}, { $amount } au total
none-logged = aucune saisie
unknown-substance = substance inconnue
substance = Substance
unknown-strength-note = Les prises de dosage inconnu sont comptées, jamais assimilées à zéro.
de-none = pas d'équivalence diazépam{"\u00A0"}: aucune prise n'a de valeur dans { $table }
de-no-value = aucune valeur dans { $table }
no-value-count = { $n ->
    [one] { $n } prise sans valeur dans { $table }
   *[other] { $n } prises sans valeur dans { $table }
}{"\u00A0"}: { $molecules }
no-value-note = Les prises d'une molécule sans valeur dans { $table } sont comptées et nommées avec leurs propres mg, jamais ajoutées comme zéro.
de-range-note = Une fourchette signifie que la table donne une fourchette pour cette molécule.
not-logged = non renseigné
week-day-not-over = aujourd'hui seulement, journée en cours
unknown = inconnu
days-count = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
days-n-of-total = { $n } { $n ->
    [one] jour
   *[other] jours
} sur { $total }

## Plan de réduction

plan-none = Pas de plan de réduction
plan-step = Palier
plan-date = Date
plan-dose = Dose
plan-cut = Réduction
plan-planned = Prévu
plan-logged = Noté
plan-at-or-under = Conforme au plan ou en dessous
plan-start-dose = Dose de départ
plan-start = Début
plan-flagged-steps = { $n ->
    [one] { $n } palier plus rapide que le rythme choisi
   *[other] { $n } paliers plus rapides que le rythme choisi
}
plan-end-dose = Dose finale
plan-schedule = { $percent } de la dose actuelle { $days ->
    [one] chaque jour
   *[other] tous les { $days } jours
}
plan-tablets = Comprimés
plan-hold = Pause
plan-holds = Pauses
plan-hold-range = Pause{"\u00A0"}: { $range }
plan-hold-open = En pause depuis le { $date }
plan-hold-note = Une pause est une étape normale de la réduction, pas un échec.
plan-reason = Motif
plan-pace = Rythme
plan-pace-standard = standard
plan-pace-gentle = doux
plan-pace-flag = Plus rapide que { $limit } par 2 semaines
plan-pace-rate = { $rate } par 2 semaines
plan-pace-reason = Ce palier correspond à { $rate } par 14 jours, plus rapide que { $rule }.
plan-pace-reason-last = Le dernier palier jusqu'à zéro arrête la dose en { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} ({ $rate } par 14 jours), plus rapide que { $rule }.
plan-pace-rule-standard = la limite habituelle de la recommandation ASAM 2025 ({ $limit } en 2 semaines)
plan-pace-rule-gentle = le rythme doux choisi pour ce plan ({ $limit } par 2 semaines)
plan-pace-informative = Les signalements de rythme sont informatifs{"\u202F"}; c'est le patient qui fixe le rythme.
plan-extended-interval = Intervalle allongé{"\u00A0"}: les comprimés ne permettent pas une réduction plus petite
plan-switch-title = Passage au diazépam
plan-switch = { $from } { $dose } ≈ { $diazepam } de diazépam ({ $table }), convenu avec { $who }
plan-pace-reason-cut = Ce palier réduit de { $cut } d'un coup, plus que { $rule }.
plan-final-dose = Dernière dose avant l'arrêt{"\u00A0"}: { $dose } à partir du { $date }, { $percent } de la dose de départ
plan-final-none = Le plan se termine à une dose d'entretien de { $dose }
plan-tail-liquid = Après les comprimés{"\u00A0"}: solution buvable à { $strength } par ml, mesurée par pas de { $ml } ml
plan-tail-compounded = Après les comprimés{"\u00A0"}: doses préparées en pharmacie par pas de { $step }
plan-step-liquid = { $ml } ml de solution
plan-step-compounded = dose préparée
plan-steps-omitted = … { $n ->
    [one] { $n } autre palier
   *[other] { $n } autres paliers
} …
plan-length-weeks = { $n ->
    [one] { $n } semaine
   *[other] { $n } semaines
} après le début
plan-length-years = { $years } ans après le début
plan-switch-check-within = { $start } de diazépam est dans la fourchette attendue de { $expected } pour { $from } { $dose } selon { $table }.
plan-switch-check-above = { $start } de diazépam vaut { $times } fois la dose attendue de { $expected } pour { $from } { $dose } selon { $table }.
plan-switch-check-below = { $start } de diazépam est sous la dose attendue de { $expected } pour { $from } { $dose } selon { $table } ({ $times } fois sa borne basse).
plan-switch-check-source = Source{"\u00A0"}: { $source }. À titre d'information{"\u00A0"}; le plan n'est pas modifié.
plan-end-date = Date de fin
plan-end-date-moves = recule à chaque pause
plan-end-open = non atteinte dans les paliers du plan
plan-ended-on = Plan arrêté le { $date }
step-status-done = effectué
step-status-current = en cours
step-status-upcoming = à venir
step-status-cancelled = annulé

## Sommeil

sleep-nights = { $n ->
    [one] { $n } nuit
   *[other] { $n } nuits
}
nights = Nuits
mean-sleep = Durée moyenne de sommeil
sleep-efficiency = Efficacité du sommeil
sleep-quality = Qualité du sommeil
sleep-quality-value = { $value }/5
awakenings = Réveils nocturnes
unit-hours = { $value } h
sleep-quality-very-poor = très mauvaise
sleep-quality-poor = mauvaise
sleep-quality-fair = passable
sleep-quality-good = bonne
sleep-quality-very-good = très bonne

## Anxiété et GAD-7

anxiety-ratings = { $n ->
    [one] { $n } évaluation
   *[other] { $n } évaluations
}
ratings = Évaluations
mean = Moyenne
anxiety-daily = Anxiété quotidienne (0–10)
anxiety-mean = Anxiété moyenne (0–10)
out-of-10 = { $value }/10
gad7-total = Score total
gad7-band = Sévérité
gad7-band-minimal = minime
gad7-band-mild = léger
gad7-band-moderate = modéré
gad7-band-severe = sévère

## Objectifs et évaluations

goal = Objectif
goal-what-matters = Ce qui compte pour moi
goal-kind = Type d'objectif
goal-kind-stop = Arrêter
goal-kind-stop-molecule = { $molecule }{"\u00A0"}: arrêter
goal-kind-reduce = { $molecule }{"\u00A0"}: réduire à { $dose }/jour
goal-kind-stable = Rester stable à la dose prescrite, sans prise supplémentaire
goal-kind-stable-molecule = { $molecule }{"\u00A0"}: rester stable à la dose prescrite, sans prise supplémentaire
goal-kind-keep = Laisser les choses en l'état
goal-due = Échéance
goal-status = Statut
goal-status-proposed = proposé
goal-status-active = actif
goal-status-on-hold = en pause
goal-status-achieved = atteint
goal-status-changed = modifié
goal-status-abandoned = abandonné
goal-proposed-patient = Proposé par le patient
goal-proposed-clinician = Proposé par le soignant
goal-proposed-together = Proposé ensemble
goal-none = Aucun objectif fixé
review = Évaluation
review-on = Évaluation du { $date }
review-next = Prochaine évaluation{"\u00A0"}: { $date }
gas = Atteinte de l'objectif (GAS)
gas-score = GAS { $score } ({ $label })
gas-minus-2 = beaucoup moins que prévu
gas-minus-1 = un peu moins que prévu
gas-zero = comme prévu
gas-plus-1 = un peu plus que prévu
gas-plus-2 = beaucoup plus que prévu
review-decision = Décision
review-decision-keep = maintenir l'objectif
review-decision-adjust = ajuster l'objectif
review-decision-change = changer d'objectif
progress-measured = Mesuré dans le journal
progress-days-with-dose = Jours avec une prise notée
progress-days-at-or-under-target = Jours à la dose cible ou en dessous
progress-days-non-prescribed = Jours avec une prise non prescrite
progress-mean-daily-dose = Dose quotidienne moyenne

## Questions et notes

questions-none = Aucune question pour ce rendez-vous
notes-none = Aucune note

## Ce que le patient n'a pas inclus

hidden-sections = { $n ->
    [one] { $n } rubrique masquée par le patient
   *[other] { $n } rubriques masquées par le patient
}
hidden-list = Non inclus par le patient{"\u00A0"}: { $list }
hideable-non-prescribed = prises non prescrites
hideable-notes = notes
hideable-sleep = sommeil
hideable-anxiety = anxiété
hideable-goals = objectifs
hideable-taper-plan = plan de réduction
hideable-questions = questions
hideable-goal = { $n ->
    [1] un objectif
   *[other] { $n } objectifs
}

## Graphiques

chart-daily-de = Dose quotidienne en équivalents diazépam (mg)
chart-de-range = Fourchette en éq. diazépam
chart-planned-dose = Dose prévue
chart-non-prescribed = Prise non prescrite
chart-sleep-anxiety = Sommeil et anxiété par semaine
chart-sleep-hours = Sommeil (h)
chart-anxiety = Anxiété (0–10)
chart-week = Semaine
chart-date = Date
chart-mg = mg
chart-no-data = Aucune donnée
# Texte lu par un lecteur d'écran pour les graphiques (PDF balisé, /Alt) : les chiffres du graphique.
chart-de-alt = { $title }, { $days } jours ({ $range }) : dose prescrite moyenne { $first } par jour la première semaine, { $last } la dernière semaine.
chart-de-alt-planned = Dose prévue de { $first } à { $last } par jour.
chart-de-alt-non-prescribed = Usage non prescrit { $n } jours.
chart-alt-from-to = de { $first } la première semaine à { $last } la dernière semaine
chart-sleep-anxiety-alt = { $title }, { $weeks } semaines : sommeil moyen { $sleep } ; anxiété moyenne { $anxiety }.

## En-têtes et valeurs du CSV

csv-date = date
csv-time = heure
csv-kind = type
csv-substance = substance
csv-atc = ATC
csv-amount-mg = quantité (mg)
csv-tablets = comprimés
csv-strength-mg = dosage (mg)
csv-prescribed = prescrit
csv-de-low-mg = éq. diazépam bas (mg)
csv-de-high-mg = éq. diazépam haut (mg)
csv-value = valeur
csv-note = note
csv-left-out-none = Rien n’a été omis par le patient
csv-sleep-in-bed = coucher
csv-sleep-tried = essai de dormir
csv-sleep-latency-min = minutes pour s’endormir
csv-sleep-awakenings = réveils
csv-sleep-waso-min = minutes éveillé après l’endormissement
csv-sleep-final-awakening = réveil final
csv-sleep-out-of-bed = lever
csv-sleep-efficiency = efficacité du sommeil (%)
csv-sleep-quality = qualité du sommeil (1-5)
csv-gad7-item-1 = GAD-7 question 1
csv-gad7-item-2 = GAD-7 question 2
csv-gad7-item-3 = GAD-7 question 3
csv-gad7-item-4 = GAD-7 question 4
csv-gad7-item-5 = GAD-7 question 5
csv-gad7-item-6 = GAD-7 question 6
csv-gad7-item-7 = GAD-7 question 7
ics-step-title = Steady : étape { $n } du plan
ics-step-cancelled = Annulé : étape { $n } du plan Steady
ics-step-description = Ouvrez Steady pour voir cette étape.
ics-alarm = Steady : l’étape { $n } du plan commence aujourd’hui
yes = oui
no = non
entry-kind-dose = prise
entry-kind-sleep = sommeil
entry-kind-anxiety = anxiété
entry-kind-gad7 = GAD-7
entry-kind-goal = objectif
entry-kind-review = évaluation
entry-kind-plan = plan de réduction
entry-kind-question = question
entry-kind-medicine = médicament
entry-kind-skip = prise sautée
entry-kind-settings = réglages

## Unités, nombres et dates

unit-mg = { $value } mg
percent = { $value }{"\u202F"}%
date-short = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-day = { $day ->
    [1] 1er
   *[other] { $day }
}
date-day-month = { $day ->
    [1] 1er
   *[other] { $day }
} { $month }
date-range = { $from } – { $to }
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
month-long-1 = janvier
month-long-2 = février
month-long-3 = mars
month-long-4 = avril
month-long-5 = mai
month-long-6 = juin
month-long-7 = juillet
month-long-8 = août
month-long-9 = septembre
month-long-10 = octobre
month-long-11 = novembre
month-long-12 = décembre

## Molécules (dénominations communes internationales)

molecule-alprazolam = alprazolam
molecule-bromazepam = bromazépam
molecule-brotizolam = brotizolam
molecule-chlordiazepoxide = chlordiazépoxide
molecule-clobazam = clobazam
molecule-clonazepam = clonazépam
molecule-clorazepate = clorazépate
molecule-diazepam = diazépam
molecule-estazolam = estazolam
molecule-flunitrazepam = flunitrazépam
molecule-flurazepam = flurazépam
molecule-loprazolam = loprazolam
molecule-lorazepam = lorazépam
molecule-lormetazepam = lormétazépam
molecule-nitrazepam = nitrazépam
molecule-oxazepam = oxazépam
molecule-prazepam = prazépam
molecule-temazepam = témazépam
molecule-triazolam = triazolam
molecule-zaleplon = zaleplon
molecule-zolpidem = zolpidem
molecule-zopiclone = zopiclone
molecule-eszopiclone = eszopiclone
molecule-ethyl-loflazepate = loflazépate d'éthyle
molecule-clotiazepam = clotiazépam

## Mise en page du PDF

label-value = { $label }{"\u00A0"}: { $value }
quoted = «{"\u00A0"}{ $value }{"\u00A0"}»
more-items = { $n ->
    [one] … et { $n } autre
   *[other] … et { $n } autres
}
value-range = { $from } à { $to }
chart-legend-taken = Pris comme prescrit{"\u00A0"}: éq. diazépam bas–haut
chart-legend-planned = Dose prévue (plan de réduction){"\u00A0"}: éq. diazépam bas–haut
chart-legend-unknown = Prise de dosage inconnu (comptée, non additionnée)

## Usual medicines and the diary day

section-medicines = Traitements habituels
day-boundary = Une journée du journal commence à { $time }{"\u00A0"}: une prise avant { $time } compte pour la veille.
day-boundary-midnight = Les journées du journal sont des jours civils (à partir de 00:00).
regimen-medicine = { $name } ({ $molecule }), { $use }
regimen-prescribed = prescrit
regimen-non-prescribed = non prescrit
regimen-times = depuis le { $date }{"\u00A0"}: { $amount } à { $times }
regimen-as-needed = depuis le { $date }{"\u00A0"}: { $amount } si besoin
regimen-tablets-unknown-strength = { $count } × comprimé, dosage inconnu
regimen-stopped = arrêté après le { $date }
regimen-skipped = { $n ->
    [one] { $n } prise habituelle notée comme sautée
   *[other] { $n } prises habituelles notées comme sautées
}

## The diary check (never silent)

integrity-warning = Contrôle du journal{"\u00A0"}: { $found }. Les chiffres ci-dessous peuvent être incomplets.
integrity-unreadable = { $n ->
    [one] { $n } entrée n'a pas pu être lue
   *[other] { $n } entrées n'ont pas pu être lues
}
integrity-missing = { $n ->
    [one] { $n } entrée a été supprimée en dehors de Steady
   *[other] { $n } entrées ont été supprimées en dehors de Steady
}
integrity-unexpected = { $n ->
    [one] { $n } entrée a été ajoutée ou modifiée en dehors de Steady
   *[other] { $n } entrées ont été ajoutées ou modifiées en dehors de Steady
}
integrity-unchecked = la liste des entrées n'a pas pu être vérifiée

## Une seule vérité dans tous les formats (issue 14)

current-dose = Dose prescrite actuelle (moyenne des { $days } derniers jours)
current-dose-value = { $molecule } { $amount } par jour
current-dose-none = aucune prise prescrite de dosage connu
de-per-day-note = Prescrit et non prescrit{"\u00A0"}: équivalents diazépam, moyenne par jour sur la période.
per-day-over-period = moyenne par jour sur la période
molecule-use-line = { $molecule } ({ $use }){"\u00A0"}: { $n ->
    [one] { $n } prise
   *[other] { $n } prises
}, { $amount } au total
plan-at-or-under-note = Conforme au plan ou en dessous{"\u00A0"}: jours à la dose du plan ou en dessous, toutes molécules en équivalents diazépam (prescrites et non prescrites affichées), sur les jours où le médicament du plan a été saisi.
