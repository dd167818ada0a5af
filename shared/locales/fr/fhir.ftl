## Export FHIR (textes narratifs de la Composition et des ressources du Bundle ; conventions : voir
## summary.ftl). Les libellés des codes restent dans la langue de leur système de codes.

fhir-title = Résumé Steady { $range }
fhir-document-type = Résumé rédigé par le patient
fhir-overview = Résumé du journal Steady pour la période { $range }, rédigé par le patient à partir de ses propres saisies. Steady enregistre et calcule ; il ne prescrit pas.
fhir-overview-table = Équivalents diazépam selon { $table } : { $source }.
fhir-section-withheld = Le patient a choisi de ne pas inclure cette partie dans le résumé.
fhir-left-out-by-patient = non inclus dans ce résumé, au choix du patient.
fhir-section-allergies = Allergies et intolérances
fhir-section-problems = Problèmes de santé
fhir-no-allergy-info = Aucune information sur les allergies
fhir-no-problem-info = Aucune information sur les problèmes de santé
fhir-no-medication-info = Aucune information sur les médicaments
fhir-no-allergy-info-section = Le journal Steady n’enregistre ni allergies ni intolérances : absence d’information, ce qui ne signifie pas absence d’allergie.
fhir-no-problem-info-section = Le journal Steady n’enregistre ni diagnostics ni problèmes de santé : absence d’information, ce qui ne signifie pas absence de problème.
fhir-patient-anonymous = La personne qui a tenu ce journal et rédigé ce résumé ; aucune donnée d’identification incluse.
fhir-patient-ips-anonymous = La personne qui a tenu ce journal et rédigé ce résumé ; elle n’a saisi ni nom ni date de naissance, aucun n’est donc indiqué.
fhir-patient-identified = La personne qui a tenu ce journal et rédigé ce résumé, avec le nom et la date de naissance qu’elle a saisis.

## Doses

fhir-doses-intro = Doses notées par le patient, { $range } ({ $days ->
    [one] { $days } jour
   *[other] { $days } jours
}). Équivalents diazépam (ED) selon { $table } (source : { $source }). Une fourchette indique que la table donne une fourchette ; les doses sans équivalent connu sont comptées et nommées, jamais ajoutées comme zéro.
fhir-doses-total = { $n ->
    [one] { $n } dose
   *[other] { $n } doses
} ; { $total } ED au total, { $per_day } ED par jour en moyenne.
fhir-doses-unknown = { $n ->
    [one] { $n } dose de dosage ou de substance inconnus.
   *[other] { $n } doses de dosage ou de substance inconnus.
}
fhir-doses-ahead = { $n ->
    [one] { $n } dose a été notée pour une heure postérieure à la création de ce document : indiquée comme prévue, non comme prise.
   *[other] { $n } doses ont été notées pour une heure postérieure à la création de ce document : indiquées comme prévues, non comme prises.
}
fhir-doses-trend = ED prescrits par jour, première moitié { $first }, seconde moitié { $second }.
fhir-week-without-de = { $amount } + { $n ->
    [one] { $n } dose
   *[other] { $n } doses
} sans équivalent
fhir-week-only-without-de = { $n ->
    [one] { $n } dose
   *[other] { $n } doses
} sans équivalent
fhir-col-doses = Doses
fhir-col-known-mg = mg (dosage connu)
fhir-col-unknown-strength = Dosage inconnu
fhir-col-days = Jours
fhir-col-next-review = Prochaine évaluation
fhir-col-on = Saisie
fhir-use-prescribed = prescrit
fhir-use-non-prescribed = non prescrit
fhir-category-community = Prescrit ; pris à domicile (déclaré par le patient)
fhir-category-non-prescribed = Usage non prescrit (déclaré par le patient)
fhir-tablets = { $n } { $whole ->
    [1] comprimés
   *[other] comprimé
}
fhir-tablets-of = { $tablets } de { $strength }
fhir-tablets-unknown-strength = { $tablets }, dosage inconnu
fhir-dose-line = { $when } : { $substance }, { $amount } ({ $use }, déclaré par le patient).
fhir-dose-line-ahead = { $when } : { $substance }, { $amount } ({ $use }, déclaré par le patient), noté pour une heure postérieure à la création de ce document : prévu, pas encore pris.
fhir-regimen = à partir du { $date } : { $amount }, { $when }
fhir-regimen-at = à { $times }
fhir-regimen-as-needed = si besoin
fhir-medicine-line = { $name } ({ $molecule }, { $use }), { $range } : { $n ->
    [one] { $n } dose notée
   *[other] { $n } doses notées
}. Dose habituelle : { $regimen }.

## Plan

fhir-plan-line = Plan de diminution de { $molecule } à partir de { $dose } par jour, commencé le { $date } : { $schedule } ({ $steps ->
    [one] { $steps } étape
   *[other] { $steps } étapes
}, { $flagged ->
    [0] aucune plus rapide que le rythme choisi
    [one] { $flagged } plus rapide que le rythme choisi
   *[other] { $flagged } plus rapides que le rythme choisi
}). Une pause est une étape normale ; le patient fixe le rythme. Steady enregistre et calcule ; il ne prescrit pas.

## Sommeil, anxiété, objectifs

fhir-sleep-summary = { $n ->
    [one] { $n } nuit notée
   *[other] { $n } nuits notées
} (agenda du sommeil consensuel). Sommeil moyen { $mean }, efficacité { $efficiency }, qualité { $quality } (1 très mauvaise – 5 très bonne), réveils par nuit { $awakenings }. Première moitié { $first }, seconde moitié { $second }.
fhir-sleep-line = Nuit du { $date } : sommeil { $hours }, qualité { $quality }.
fhir-code-sleep-duration = Durée du sommeil
fhir-code-sleep-quality = Qualité du sommeil (1 très mauvaise – 5 très bonne)
fhir-code-awakenings = Nombre de réveils
fhir-code-sleep-latency = Temps d’endormissement
fhir-code-waso = Temps éveillé après l’endormissement
fhir-code-time-in-bed = Temps passé au lit
fhir-code-sleep-efficiency = Efficacité du sommeil
fhir-anxiety-summary = { $n ->
    [one] { $n } évaluation quotidienne
   *[other] { $n } évaluations quotidiennes
} (0 aucune – 10 maximale), moyenne { $mean } ; première moitié { $first }, seconde moitié { $second }.
fhir-anxiety-line = { $when } : anxiété { $score } sur une échelle de 0 à 10.
fhir-code-anxiety = Évaluation de l’anxiété 0–10
fhir-gad7-none = Aucun GAD-7 pendant cette période.
fhir-gad7-bands = GAD-7 (0–21 ; minimale 0–4, légère 5–9, modérée 10–14, sévère 15–21) :
fhir-gad7-panel-line = GAD-7 du { $when } : scores des items { $scores }.
fhir-gad7-total-line = GAD-7 total { $total } ({ $band }) le { $when }.
fhir-gad7-band = anxiété { $band } (GAD-7 { $range } ; Spitzer 2006)
fhir-goal-line = Objectif : « { $words } ». Objectif thérapeutique : { $goal }. Statut : { $status }.
fhir-review-line = Évaluation de l’objectif le { $when } : GAS { $gas } ({ $label }), décision : { $decision }.
fhir-code-gas = Échelle d’atteinte des objectifs (GAS), −2 à +2
fhir-code-next-review = Prochaine évaluation
fhir-no-review = aucune pendant cette période
fhir-goals-hidden = { $n ->
    [one] { $n } objectif non inclus par le patient.
   *[other] { $n } objectifs non inclus par le patient.
}
fhir-questions-intro = Questions que le patient a notées pour ce rendez-vous, dans ses propres mots :

## Texte libre des objectifs et du plan de soins (notes et descriptions). Les libellés des codes
## restent dans la langue du système de codes ; ces phrases sont ce que lit le lecteur.

fhir-goal-treatment = Objectif thérapeutique — { $goal }.
fhir-goal-proposed = { $proposed }.
fhir-goal-proposed-agreed = { $proposed } ; convenu avec { $who }.
fhir-goal-changed = Modifié lors d’une évaluation : remplacé par un autre objectif.
fhir-goal-measure-dose = dose quotidienne de { $molecule }
fhir-goal-measure-dose-all = dose quotidienne de benzodiazépines et de médicaments Z
fhir-goal-measure-outside = doses de { $molecule } en dehors de la prescription
fhir-goal-measure-outside-all = doses en dehors de la prescription
fhir-goal-clinician = soignant
fhir-plan-description = Diminution de { $molecule } à partir de { $dose } par jour : { $schedule }, { $rounding } ; la diminution s’arrête à { $floor }.
fhir-plan-rounding-whole = arrondie à des comprimés entiers de { $strengths }
fhir-plan-rounding-halves = arrondie à ce que permettent des comprimés de { $strengths } coupés en deux
fhir-plan-rounding-quarters = arrondie à ce que permettent des comprimés de { $strengths } coupés en quatre
fhir-plan-not-prescribed = Rythme fixé par le patient ; Steady enregistre et calcule, il ne prescrit pas.
fhir-step-start = { $dose } de { $molecule } par jour (dose de départ).
fhir-step-dose = Palier { $step } : { $dose } de { $molecule } par jour, { $cut } de moins que le palier précédent.
fhir-step-stop = Palier { $step } : { $molecule } arrêté (0 mg).
fhir-step-tablets = Comprimés : { $tablets }.
fhir-step-form = Sous forme de { $form }.
fhir-plan-switch-note = Passage au diazépam avant la diminution : { $switch }. Source de l’équivalence : { $source }.
fhir-plan-hold-days = { $span } ({ $days ->
    [one] { $days } jour
   *[other] { $days } jours
})
fhir-plan-hold-moves = Le calendrier est décalé d’autant de jours que la pause.
fhir-with-reason = { $what } : { $reason }.
fhir-code-gad7-total = Score total GAD-7
fhir-achievement-achieved = atteint
fhir-achievement-improving = en amélioration
fhir-achievement-in-progress = en cours
fhir-achievement-no-progress = sans progrès
fhir-achievement-sustaining = maintenu
fhir-step-extended-tail = Intervalle allongé : la plus petite quantité mesurable ne permet pas une réduction plus petite.
fhir-plan-pace-change = Rythme modifié à partir du { $date } : { $schedule }.
fhir-plan-flagged-note = { $flagged } (rythme : { $pace } ; limites d’après la recommandation ASAM 2025). { $informative }

## Parties non incluses, vérification du journal

fhir-left-out-nothing = Le patient n’a rien retiré de ce résumé.
fhir-left-out-intro = Le patient a choisi de ne pas inclure { $n ->
    [one] { $n } partie
   *[other] { $n } parties
} dans ce résumé ; elles sont absentes de toutes les sections et ressources de ce document :
fhir-integrity = Vérification du journal : { $unreadable } saisies illisibles, { $missing } supprimées et { $unexpected } ajoutées ou modifiées en dehors de Steady{ $unchecked ->
    [1] , et la liste des saisies n’a pas pu être vérifiée
   *[other] {""}
} ; les chiffres de ce document peuvent être incomplets.

## Patient identity (stored sealed; used only by the IPS export)

field-patient-name = Votre nom (uniquement pour le résumé patient international)
field-birth-date = Date de naissance
