# Application Steady — français. Tous les mots que les téléphones et la ligne de commande montrent au patient.
#
# Mêmes conventions que summary.ftl (chargé dans le même bundle, ses identifiants servent donc aussi
# ici) : les nombres de choses sont des nombres (variantes de pluriel) ; dates, quantités et pourcentages
# arrivent déjà formatés. Chaque identifiant existe aussi en en, nl et nb (un test le vérifie). Aucun
# message ne nomme un médicament ou une dose là où un écran verrouillé ou un agenda pourrait l'afficher
# (reminder-*, calendar-*).
# Typographie : espace fine insécable ({"\u202F"}) avant « : ; ? ! » et à l'intérieur des guillemets.
# Pluriel : en français, [one] couvre 0 et 1 ; ces variantes ne disent donc jamais « une fois ».
# Les mots que l'application vérifie tels quels restent en anglais : ERASE, unknown, today, yesterday.

## Écrans

screen-today = Aujourd'hui
screen-log = Noter
screen-medicines = Mes médicaments
screen-plan = Plan de réduction
screen-goals = Objectifs
screen-questions = Mes questions
screen-history = Historique
screen-summary = Synthèse
screen-settings = Réglages
screen-unlock = Déverrouiller

## Actions

action-save = Enregistrer
action-cancel = Annuler
action-edit = Modifier
action-delete = Supprimer
action-delete-confirm = Supprimer cette entrée{"\u202F"}? Cette action ne peut pas être annulée.
action-taken = Pris
action-skipped = Sauté
action-something-else = J'ai pris autre chose
action-add-medicine = Ajouter un médicament
action-change-medicine = Modifier la quantité ou les heures
action-stop-medicine = Arrêter ce médicament
action-log-dose = Noter une prise
action-log-sleep = Noter la nuit dernière
action-log-anxiety = Évaluer l'anxiété
action-log-gad7 = Remplir le GAD-7
action-add-question = Ajouter une question
action-question-done = On en a parlé
action-set-goal = Fixer un objectif
action-review-goal = Évaluer cet objectif
action-create-plan = Créer un plan de réduction
action-hold = Faire une pause à ce palier
action-resume = Reprendre
action-adjust = Changer le rythme
action-end-plan = Arrêter le plan
action-calendar = Ajouter les paliers à mon agenda
action-share = Partager
action-make-summary = Créer la synthèse
action-backup = Faire une sauvegarde
action-restore = Restaurer une sauvegarde
action-erase = Effacer le journal
action-erase-confirm = Effacer définitivement tout le contenu de ce journal{"\u202F"}? Tapez ERASE pour confirmer.
action-unlock = Déverrouiller
action-recover = Récupérer les entrées lisibles

## Aujourd'hui

today-title = Aujourd'hui{"\u00A0"}: { $date }
today-de-basis = (éq. diazépam = mg en équivalent diazépam, selon { $table })
today-doses = Prises
today-no-dose = aucune prise notée aujourd'hui
today-de-totals = Éq. diazépam prescrit{"\u00A0"}: { $prescribed }{"\u202F"}; non prescrit{"\u00A0"}: { $nonprescribed }
today-unknown-strength = { $n ->
    [one] { $n } prise de dosage inconnu
   *[other] { $n } prises de dosage inconnu
}
today-unknown-substance = { $n ->
    [one] { $n } prise d'une substance inconnue
   *[other] { $n } prises d'une substance inconnue
}
today-no-table-value = { $n ->
    [one] { $n } prise sans valeur selon { $table }
   *[other] { $n } prises sans valeur selon { $table }
}
today-last-night = La nuit dernière ({ $date }){"\u00A0"}:
today-last-night-none = La nuit dernière{"\u00A0"}: aucun sommeil noté
today-asleep = { $hours } de sommeil
today-efficiency = efficacité { $percent }
today-quality = qualité { $score }/5 ({ $label })
today-anxiety-week = Anxiété, 7 derniers jours{"\u00A0"}:
today-anxiety-mean = moyenne { $value }
today-goals = Objectifs
today-no-goal = aucun objectif en cours
today-review-due = prochaine évaluation le { $date }{"\u00A0"}: ÉVALUATION À FAIRE
today-next-review = prochaine évaluation le { $date }
today-no-review = aucune date d'évaluation fixée
today-medicines = Mes médicaments
today-no-medicine = Aucun médicament dans votre liste pour l'instant.
today-taken-count = { $n ->
    [one] pris { $n } fois aujourd'hui
   *[other] pris { $n } fois aujourd'hui
}
today-skipped-count = { $n ->
    [one] sauté { $n } fois aujourd'hui
   *[other] sauté { $n } fois aujourd'hui
}
today-planned = dose prévue aujourd'hui{"\u00A0"}: { $dose }
today-next-time = prochaine prise à { $time }

## Évolution depuis la dernière évaluation (des faits, aucun jugement)

progress-since = depuis le { $date }{"\u00A0"}: { $facts }
today-progress-days-with-dose = { $n ->
    [one] { $n } jour sur { $total } avec une prise
   *[other] { $n } jours sur { $total } avec une prise
}
progress-mean-mg = (moyenne { $dose })
progress-at-or-under = { $n ->
    [one] { $n } jour à la dose cible ou en dessous
   *[other] { $n } jours à la dose cible ou en dessous
}
progress-nonprescribed = { $n ->
    [one] { $n } jour avec une prise non prescrite
   *[other] { $n } jours avec une prise non prescrite
}
progress-sleep = sommeil { $hours }
progress-anxiety = anxiété { $value }

## Tables d'équivalence (noms courts)

table-ashton = Manuel Ashton
table-va-dod = VA/DoD
table-dutch = Table néerlandaise
table-norwegian = Helsedirektoratet (Norvège)

## Plan de réduction, aujourd'hui

plan-today = Plan de réduction ({ $molecule })
plan-today-dose = aujourd'hui { $dose }
plan-today-holding = en pause
plan-today-next = prochain palier le { $date }{"\u00A0"}: { $dose }
plan-today-end = fin prévue le { $date }
plan-today-line = { $plan }{"\u00A0"}: { $details }

## Lignes des entrées (historique et listes)

line-dose = { $drug } { $amount }, { $use }, { $de }
line-planned = (dose prévue du jour)
line-note = — «{"\u00A0"}{ $note }{"\u00A0"}»
line-use-prescribed = prescrit
line-use-non-prescribed = non prescrit
line-de = éq. diazépam { $range }
line-de-unknown = éq. diazépam inconnu
line-amount-tablets = { $count } × { $strength } ({ $dose })
line-amount-unknown-strength = { $n ->
    [one] { $count } comprimé, dosage inconnu
   *[other] { $count } comprimés, dosage inconnu
}
line-amount-unknown = quantité inconnue
line-sleep = { $hours } de sommeil, qualité { $score }/5 ({ $label })
line-sleep-in-bed = au lit de { $from } à { $to }
line-sleep-latency = { $minutes } min pour s'endormir
line-sleep-awakenings = { $n ->
    [one] { $n } réveil
   *[other] { $n } réveils
}
line-sleep-waso = ({ $minutes } min d'éveil)
line-sleep-efficiency = efficacité { $percent }
line-anxiety = { $score }/10
line-gad7 = score total { $total } ({ $band }){"\u202F"}; réponses { $items }
line-goal = { $goal } — «{"\u00A0"}{ $words }{"\u00A0"}»
line-review = de l'objectif { $goal }{"\u00A0"}: GAS { $gas } ({ $label }), décision{"\u00A0"}: { $decision }
line-question = «{"\u00A0"}{ $text }{"\u00A0"}»
line-question-discussed = (abordée)
line-plan = réduction{"\u00A0"}: { $molecule } à partir de { $dose }, −{ $percent } { $days ->
    [one] chaque jour
   *[other] tous les { $days } jours
}
line-plan-ended = (arrêté le { $date })
line-plan-holding = (en pause)
line-medicine = { $name } ({ $molecule }) { $amount }, { $times }, { $use }
line-medicine-stopped = (arrêté le { $date })
line-skip = prise habituelle sautée ({ $name })
line-skip-unknown = prise habituelle sautée
line-settings = réglages{"\u00A0"}: la journée commence à { $time }
times-as-needed = si besoin
decision-keep = maintenir
decision-adjust = ajuster
decision-change = changer

## Mes médicaments

medicine-usual = { $amount }, { $times }
medicine-started = depuis le { $date }
medicine-stopped = arrêté le { $date }
medicine-planned-note = Ce médicament suit un plan de réduction{"\u00A0"}: «{"\u00A0"}Pris{"\u00A0"}» note la dose prévue ce jour-là.
medicine-changed-from = à partir du { $date }{"\u00A0"}: { $regimen }
catalogue-brand-of = { $brand } ({ $molecule })
catalogue-strengths = dosages{"\u00A0"}: { $strengths }

## Pris, sauté

taken-logged = Noté{"\u00A0"}: { $drug } { $amount } à { $time }.
taken-logged-planned = Noté{"\u00A0"}: { $drug } { $amount } à { $time } (dose prévue aujourd'hui).
skipped-logged = Noté{"\u00A0"}: la prise de { $time } a été sautée.

## Rappels (les écrans verrouillés sont publics : aucun médicament, aucune dose)

reminder-title = Steady
reminder-medicine = Votre rappel de { $time }.
reminder-check-in = Comment s'est passée votre journée{"\u202F"}? Un moment pour votre journal.
reminder-moved = L'heure a avancé{"\u00A0"}: ce rappel de { $time } arrive aujourd'hui à { $moved }.

## Formulaires : le cœur de l'application décrit chaque champ

form-dose = Prise
form-sleep = Le sommeil de la nuit dernière
form-anxiety = Anxiété
form-gad7 = GAD-7
form-goal = Un objectif personnel
form-review = Évaluation d'un objectif
form-plan = Plan de réduction
form-question = Une question pour mon prochain rendez-vous
form-medicine = Un médicament que je prends
form-skip = Une prise sautée
form-required = obligatoire
form-optional = facultatif
field-drug = Médicament (nom sur la boîte)
field-drug-help = La molécule ou le nom commercial, par ex. Imovane, Temesta, diazépam. Écrivez «{"\u00A0"}unknown{"\u00A0"}» si vous ne savez pas ce que c'était.
field-mg = Quantité (mg)
field-tablets = Nombre de comprimés
field-tablets-help = Comprimés entiers, demis ou quarts{"\u00A0"}: 1, ½, 1¼…
field-strength-mg = Dosage du comprimé (mg)
field-strength-mg-help = Laissez vide si vous ne connaissez pas le dosage (uniquement pour les prises en dehors d'une prescription).
field-taken-at = Heure de la prise
field-non-prescribed = Ne fait pas partie de ma prescription
field-non-prescribed-help = En plus, acheté ou emprunté. Noté tel quel{"\u202F"}; vous décidez si cela figure dans une synthèse.
field-note = Note
field-night = Nuit du
field-hours = Heures de sommeil (votre estimation)
field-quality = Qualité du sommeil
field-score = Anxiété
field-items = Réponses
field-what-matters = Ce qui compte pour moi
field-what-matters-help = Avec vos propres mots, par ex. «{"\u00A0"}dormir toute la nuit{"\u00A0"}», «{"\u00A0"}conduire mes petits-enfants{"\u00A0"}».
field-kind = Mon objectif
field-target-mg = Dose quotidienne cible (mg)
field-due = À atteindre d'ici le
field-review-on = À évaluer le
field-proposed-by = Proposé par
field-agreed-with = Convenu avec
field-gas = Comment cela s'est passé
field-decision = Ce que nous avons décidé
field-next-review = Prochaine évaluation
field-discussed = Abordée lors d'un rendez-vous
field-text = Ma question
field-start-mg = Dose de départ par jour (mg)
field-start = Premier jour
field-percent = Réduction par palier (% de la dose actuelle)
field-interval-days = Jours entre les paliers
field-strengths = Dosages des comprimés que j'ai (mg)
field-split = Je peux couper les comprimés en
field-floor-mg = S'arrêter à (mg par jour{"\u202F"}; 0 = arrêt complet)
field-pace = Rythme
field-switch-from = Passer au diazépam depuis
field-switch-from-mg = Sa dose quotidienne (mg)
field-switch-table = Table d'équivalence
field-switch-agreed-with = Passage convenu avec
field-tail-mg-per-ml = Concentration de la solution buvable (mg par ml)
field-tail-min-ml = Plus petit volume mesurable (ml)
field-tail-step-mg = Doses préparées{"\u00A0"}: plus petit pas (mg)
field-times = Heures habituelles
field-as-needed = Si besoin
field-from = Du
field-to = Au
field-on = Jour
field-reason = Motif (avec vos mots)
field-medicine = Médicament
field-day-start = Ma journée commence à
field-day-start-help = Une prise avant cette heure compte pour la veille (une prise au coucher à 00:10 appartient à la soirée).
field-language = Langue
field-check-in = Rappel quotidien du journal
field-table = Table des équivalents diazépam
field-format = Type de fichier
field-exclude = Ne pas inclure dans cette synthèse
field-at = Heure
field-goal-id = Objectif
field-goal = Objectif
field-status = Statut
field-set-at = Fixé le
field-latency-min = Minutes pour s'endormir
field-awakenings = Réveils nocturnes
field-waso-min = Minutes d'éveil après le premier endormissement
field-in-bed = Au lit à
field-tried-to-sleep = J'ai essayé de m'endormir à
field-final-awakening = Réveil final à
field-out-of-bed = Levé(e) à
field-id = Entrée
field-plan = Plan de réduction
field-now = Maintenant
field-date = Date
field-time = Heure
field-instant = Date et heure
field-item = Question n°{"\u00A0"}{ $number }
field-days = Jours
field-country = Pays
field-setting = Réglage
goal-type-stop = Arrêter
goal-type-reduce = Réduire jusqu'à une dose cible
goal-type-stable = Rester stable à la dose prescrite, sans prise supplémentaire
goal-type-keep = Laisser les choses en l'état
split-whole = comprimés entiers uniquement
split-half = moitiés
split-quarter = quarts
proposer-patient = moi
proposer-clinician = mon soignant
proposer-together = ensemble
form-unit-mg = mg
form-unit-mg-per-ml = mg/ml
form-unit-ml = ml
form-unit-tablets = comprimés
form-unit-minutes = min
form-unit-hours = h
form-unit-percent = %
form-unit-days = jours
choice-none = aucun

## Anxiété quotidienne : une question, un seul sens, aucune réponse choisie d'avance

anxiety-question = Dans l'ensemble, à quel point vous êtes-vous senti(e) anxieux(se) aujourd'hui{"\u202F"}?
anxiety-help = 0 signifie pas d'anxiété du tout, 10 l'anxiété la plus forte que vous puissiez imaginer. Pensez à l'ensemble de la journée.
anxiety-min = Pas d'anxiété
anxiety-max = Anxiété maximale imaginable

## GAD-7 (Spitzer et al. 2006 ; reproduction libre) — version « French (France) »

gad7-stem = Au cours des 2 dernières semaines, selon quelle fréquence avez-vous été gêné(e) par les problèmes suivants{"\u202F"}?
gad7-item-1 = Un sentiment de nervosité, d'anxiété ou de tension
gad7-item-2 = Une incapacité à arrêter de s'inquiéter ou à contrôler ses inquiétudes
gad7-item-3 = Une inquiétude excessive à propos de différentes choses
gad7-item-4 = Des difficultés à se détendre
gad7-item-5 = Une agitation telle qu'il est difficile à tenir en place
gad7-item-6 = Une tendance à être facilement contrarié(e) ou irritable
gad7-item-7 = Un sentiment de peur comme si quelque chose de terrible risquait de se produire
gad7-answer-0 = Jamais
gad7-answer-1 = Plusieurs jours
gad7-answer-2 = Plus de la moitié du temps
gad7-answer-3 = Presque tous les jours

## Agenda du sommeil consensuel (Consensus Sleep Diary, Carney et al. 2012), questions de base

csd-in-bed = À quelle heure vous êtes-vous mis(e) au lit{"\u202F"}?
csd-tried-to-sleep = À quelle heure avez-vous essayé de vous endormir{"\u202F"}?
csd-latency = Combien de temps avez-vous mis à vous endormir (en minutes){"\u202F"}?
csd-awakenings = Combien de fois vous êtes-vous réveillé(e), sans compter votre réveil final{"\u202F"}?
csd-waso = Au total, combien de temps ces réveils ont-ils duré (en minutes){"\u202F"}?
csd-final-awakening = À quelle heure a eu lieu votre réveil final{"\u202F"}?
csd-out-of-bed = À quelle heure vous êtes-vous levé(e) pour de bon{"\u202F"}?
csd-quality = Comment évalueriez-vous la qualité de votre sommeil{"\u202F"}?
csd-hours = Combien d'heures avez-vous dormi, selon votre estimation{"\u202F"}?

## Réglages

settings-day-start = Ma journée commence à { $time }
settings-language = Langue{"\u00A0"}: { $language }
settings-check-in = Rappel quotidien du journal{"\u00A0"}: { $time }
settings-check-in-off = Rappel quotidien du journal{"\u00A0"}: désactivé
settings-table = Équivalents diazépam{"\u00A0"}: { $table }
settings-app-lock = Verrouiller le journal avec Face ID, l'empreinte digitale ou le code de l'appareil
settings-lock-after = Verrouiller après { $minutes } min en arrière-plan

## Problèmes dans ce qui a été saisi (affichés à côté du champ)

problem-not-positive = { $field }{"\u00A0"}: la valeur doit être supérieure à zéro.
problem-negative = { $field }{"\u00A0"}: la valeur ne peut pas être négative.
problem-not-a-number = { $field }{"\u00A0"}: ce n'est pas un nombre.
problem-too-large = { $field }{"\u00A0"}: la valeur est trop grande pour être plausible (plus de { $max }).
problem-too-small = { $field }{"\u00A0"}: la valeur est trop petite pour être mesurée (moins de { $min }).
problem-out-of-range = { $field }{"\u00A0"}: la valeur doit être comprise entre { $min } et { $max }.
problem-in-future = { $field }{"\u00A0"}: c'est plus d'un jour dans l'avenir.
problem-too-old = { $field }{"\u00A0"}: c'est trop loin dans le passé.
problem-too-long = { $field }{"\u00A0"}: le texte est trop long ({ $max } caractères au maximum).
problem-required = { $field }{"\u00A0"}: à remplir.
problem-not-a-quarter = Les comprimés peuvent être entiers, en moitiés ou en quarts.
problem-unknown-drug = «{"\u00A0"}{ $name }{"\u00A0"}» n'est pas un médicament connu de Steady. Essayez le nom sur la boîte ou la molécule.
problem-no-such-entry = Cette entrée n'existe plus.
problem-unreadable = «{"\u00A0"}{ $text }{"\u00A0"}» n'a pas pu être lu comme { $expected }.
problem-skipped-by-clocks = { $text } n'a pas existé ici{"\u00A0"}: le changement d'heure a sauté cette heure-là. Choisissez une autre heure.
problem-sleep-disagrees = Heures de sommeil{"\u00A0"}: vous avez indiqué { $reported }{"\u00A0"}h, mais vos heures donnent { $items }{"\u00A0"}h ({ $window }{"\u00A0"}h entre l'essai de dormir et le réveil, moins { $awake }{"\u00A0"}min pour vous endormir et éveillé pendant la nuit). Corrigez les heures de sommeil ou les horaires, ou laissez les heures de sommeil vides.
problem-inconsistent = { $field }{"\u00A0"}: { $rule }
problem-not-allowed = { $field }{"\u00A0"}: { $rule }
expected-date = une date (AAAA-MM-JJ, ou «{"\u00A0"}today{"\u00A0"}» pour aujourd'hui, «{"\u00A0"}yesterday{"\u00A0"}» pour hier)
expected-clock-time = une heure (HH:MM)
expected-instant = une date et une heure
expected-number = un nombre comme 2 ou 0,5
expected-tablets = un nombre de comprimés comme 1, ½ ou 1 ¼
expected-gad7-items = sept réponses de 0 à 3
expected-whole-number = un nombre entier
expected-entry-id = une entrée
expected-id-prefix = un identifiant d'entrée
expected-one-of = l'un des choix proposés
rule-period-starts-after-end = la période commence après sa fin
rule-before-the-review = avant l'évaluation elle-même
rule-before-the-goal-was-set = avant le jour où l'objectif a été fixé
rule-more-sleep-than-time-in-bed = plus de sommeil que de temps passé au lit
rule-more-awake-than-time-in-bed = plus de temps éveillé que de temps passé au lit
rule-out-of-bed-at-in-bed-time = la même heure que le coucher{"\u00A0"}: une nuit ne peut pas durer 0 ou 24{"\u00A0"}heures
rule-awakening-at-sleep-time = la même heure que l'endormissement{"\u00A0"}: une nuit ne peut pas durer 0 ou 24{"\u00A0"}heures
rule-strength-in-whole-micrograms = un dosage s'exprime en nombre entier de microgrammes
rule-before-the-hold-started = avant le début de la pause
rule-before-the-last-pace-change = avant le dernier changement de rythme
rule-before-the-open-hold-started = avant le début de la pause
rule-before-the-plan-starts = avant le début du plan
rule-below-the-start-dose = la valeur doit être inférieure à la dose de départ
rule-not-possible-with-these-tablets = impossible avec ces comprimés
rule-overlaps-an-earlier-hold = chevauche une pause précédente
rule-edit-keeps-the-kind = une modification garde le même type d'entrée
rule-end-the-plan-first = arrêtez le plan en cours avant d'en commencer un autre
rule-strength-goes-with-tablets = un dosage va avec un nombre de comprimés, pas avec des mg
rule-unknown-only-non-prescribed = une substance inconnue ne peut être notée que comme non prescrite
rule-mg-or-tablets-not-both = indiquez soit des mg, soit un nombre de comprimés, pas les deux
rule-goal-names-a-known-molecule = un objectif doit nommer un médicament connu de Steady
rule-target-goes-with-reduce = une dose cible va avec un objectif de réduction
rule-plan-needs-a-known-molecule = un plan nécessite un médicament connu de Steady
rule-switch-is-to-diazepam = un passage se fait vers le diazépam
rule-split-is-one-two-or-four = les comprimés se prennent entiers ou se coupent en moitiés ou en quarts
rule-switch-from-another-molecule = le passage se fait depuis un médicament autre que le diazépam
rule-plan-has-ended = le plan est terminé
rule-plan-already-on-hold = le plan est déjà en pause
rule-plan-not-on-hold = le plan n'est pas en pause
rule-table-has-no-value = cette table ne donne aucune valeur pour ce médicament
rule-period-too-long = une période couvre au maximum vingt ans
rule-medicine-needs-a-molecule = un médicament de la liste doit être connu de Steady
rule-times-or-as-needed = indiquez des heures habituelles ou «{"\u00A0"}Si besoin{"\u00A0"}», pas les deux
rule-medicine-stopped = ce médicament a été arrêté
rule-same-molecule = une modification garde le même médicament (une autre molécule est un autre médicament)
rule-before-the-last-change = avant la dernière modification de ce médicament
rule-before-it-started = avant son début
rule-which-medicine = vous avez plusieurs médicaments{"\u00A0"}: choisissez-en un
rule-not-a-medicine = ce n'est pas un médicament de votre liste
rule-not-taken-that-day = ce médicament n'est pas pris ce jour-là
rule-not-a-form = les réglages se modifient un par un, pas avec un formulaire
rule-day-starts-by-noon = une journée commence entre 00:00 et 12:00
rule-no-dose-planned-today = le plan ne prévoit pas de dose aujourd'hui

## Erreurs qui ne concernent pas un champ

error-wrong-key = Cette clé n'ouvre pas le journal. Rien n'a été modifié.
error-tampered = Une entrée n'a pas pu être lue{"\u00A0"}: elle est endommagée ou a été modifiée. Les autres sont intactes.
error-corrupt = Le fichier du journal est endommagé. Steady peut récupérer les entrées encore lisibles.
error-locked = Le journal est verrouillé. Déverrouillez-le pour continuer.
error-wrong-passphrase = Cette phrase secrète n'ouvre pas la sauvegarde. Rien n'a été importé.
error-bad-backup = Cette sauvegarde n'a pas pu être utilisée{"\u00A0"}: elle est endommagée, incomplète ou vient d'une version plus récente de Steady. Rien n'a été importé.
error-disk-full = L'appareil est plein{"\u00A0"}: l'entrée n'a pas été enregistrée. Les entrées précédentes sont intactes.
error-storage = Le journal n'a pas pu être lu ou écrit. Rien n'a été perdu.
error-key-provider = Le stockage sécurisé des clés de l'appareil n'a pas répondu.
error-internal = Une erreur s'est produite dans Steady. Rien n'a été écrit.
error-key-damaged = La clé du journal est endommagée (ce n'est pas une erreur de phrase secrète). Récupérez le journal, ou restaurez une sauvegarde.
error-key-changed = La clé du journal a été changée dans une autre fenêtre ou application. Rouvrez le journal{"\u00A0"}; rien n'a été enregistré avec l'ancienne clé.
error-rolled-back = Ce fichier de journal est plus ancien que celui ouvert en dernier sur cet appareil. Il n'a pas été ouvert, et rien n'a été modifié.

## The shells' own chrome (lock, key lost, summary options, reminders, backup)

shell-loading = Ouverture de votre journal…
shell-locked = Votre journal est verrouillé.
shell-unlock-reason = Déverrouiller votre journal Steady
shell-unlock-failed = Non déverrouillé. Réessayez.
shell-key-lost-title = Ce journal ne peut plus être ouvert sur cet appareil
shell-key-lost-body = La clé qui le protégeait a disparu (par exemple après la suppression du verrouillage de l'écran). Restaurez une sauvegarde, ou effacez le journal et recommencez.
shell-damaged-title = Une partie de votre journal n'a pas pu être lue
shell-error-title = Un problème est survenu
shell-nothing-yet = Rien d'enregistré pour l'instant.
shell-no-plan = Pas encore de plan de diminution.
shell-no-question = Pas encore de question.
shell-summary-period = Période
shell-summary-format = Format
shell-summary-language = Langue du résumé
shell-summary-leave-out = Laisser de côté
shell-format-text = Texte
shell-format-pdf = PDF
shell-format-csv = Tableur (CSV)
shell-format-fhir = FHIR (pour les dossiers de santé)
shell-format-json = JSON
shell-language-en = English
shell-language-fr = Français
shell-language-nl = Nederlands
shell-language-nb = Norsk bokmål
shell-reminders = Rappels
shell-reminders-allow = Autorisez les notifications pour que Steady puisse vous le rappeler.
shell-backup-passphrase = Phrase secrète de la sauvegarde
shell-backup-passphrase-again = La même phrase secrète, à nouveau
shell-backup-passphrase-help = Cette phrase secrète sera nécessaire pour restaurer la sauvegarde. Personne ne peut la retrouver.
shell-backup-mismatch = Les deux phrases secrètes diffèrent.
shell-backup-done = Sauvegarde enregistrée.
shell-restore-done = Sauvegarde restaurée.
shell-erase-done = Le journal a été effacé.
shell-undo = Annuler
shell-close = Fermer
shell-now = Maintenant
shell-time-taken = Heure de la prise
shell-more = Plus
field-passphrase = Phrase secrète
rule-passphrase-too-short = une phrase secrète compte au moins 12 caractères
rule-repeated-or-sequential = des caractères répétés ou qui se suivent (aaaa, 1234, abcabc) se devinent facilement
rule-easy-to-guess = trop facile à deviner (mot de passe courant, mot ou motif connu) — plusieurs mots sans rapport entre eux valent mieux
rule-tail-dose-in-whole-micrograms = la plus petite dose qu'il donne (mg par ml × plus petit volume, ou le pas) s'exprime en nombre entier de microgrammes
