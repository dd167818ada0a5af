package app.steady.ui.logic

import app.steady.core.DoseDraft
import app.steady.core.EntryDraft
import app.steady.core.EntryKind
import app.steady.core.EquivalenceTable
import app.steady.core.Expected
import app.steady.core.Field
import app.steady.core.FormField
import app.steady.core.FormView
import app.steady.core.GoalDraft
import app.steady.core.GoalType
import app.steady.core.Input
import app.steady.core.LocalInstant
import app.steady.core.MedicineDraft
import app.steady.core.Pace
import app.steady.core.PlanDraft
import app.steady.core.Problem
import app.steady.core.Proposer
import app.steady.core.ReviewDecision
import app.steady.core.SleepDraft
import app.steady.core.Split
import app.steady.core.SteadyException
import app.steady.core.SwitchDraft
import app.steady.core.Tail
import app.steady.core.parseClockTime
import app.steady.core.parseNumber
import app.steady.core.parseTablets
import java.math.BigDecimal
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.format.DateTimeParseException

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
//
// One form engine for every kind of entry. The core describes each form (`FormView`: fields, labels,
// help, ranges, units, choices, the values to start from); the Compose layer draws a control per
// `Input` and keeps what the patient typed in a [FormState] (flat strings, so `rememberSaveable`
// keeps it across rotation and process death); [FormState.toDraft] turns it into the core's typed
// draft. Text is read with the core's own parsers (numbers, tablets, clock times, local date-times
// through `readInstant`); every rule (ranges, quarters, known drugs, dates in the future…) is the
// core's, which names the field it refuses.

/** The key a field's value is kept under: its name, with the number for a GAD-7 item. */
fun fieldKey(field: Field): String = when (field) {
    is Field.Item -> "Item${field.number}"
    else -> field::class.java.simpleName
}

/** What a form built: a draft for the core, or the field it could not even read. */
sealed interface Built<out T> {
    data class Ready<T>(val value: T) : Built<T>

    data class Refused(val field: Field, val problem: Problem) : Built<Nothing>
}

/** How an amount is given: milligrams, or tablets of a strength. */
enum class AmountUnit { MG, TABLETS }

/** A stable choice key of the core (`Keyed::key`) back to its enum value. */
fun <E : Enum<E>> keyed(values: Array<E>, key: String): E? {
    val k = key.trim().lowercase().replace('_', '-')
    return values.firstOrNull { it.name.lowercase().replace('_', '-') == k }
}

/** An enum value as the core's choice key (`ON_HOLD` → `on_hold`); matched loosely by [keyed]. */
fun Enum<*>.choiceKey(): String = name.lowercase()

private class Refusal(val field: Field, val problem: Problem) : Exception(null, null, false, false)

/**
 * What the patient has entered in one form, as text: the exact strings the controls show. Dates
 * are `YYYY-MM-DD`, clock times `HH:MM`, a date and time `YYYY-MM-DD HH:MM` (or the stored RFC 3339
 * instant while untouched; blank = now), usual times space-separated, toggles `true`/blank, a pick
 * its choice key, GAD-7 answers comma-separated (blank = not answered).
 */
data class FormState(val kind: EntryKind, val values: Map<String, String> = emptyMap()) {
    operator fun get(field: Field): String = values[fieldKey(field)].orEmpty()

    fun with(field: Field, value: String): FormState = copy(values = values + (fieldKey(field) to value))

    fun isOn(field: Field): Boolean = get(field) == ON

    fun toggled(field: Field, on: Boolean): FormState = with(field, if (on) ON else "")

    /** Milligrams or tablets (dose and medicine forms): from the value given, tablets by default. */
    val amountUnit: AmountUnit
        get() = values[UNIT_KEY]?.let { keyed(AmountUnit.values(), it) }
            ?: if (get(Field.Mg).isNotBlank() && get(Field.Tablets).isBlank()) AmountUnit.MG else AmountUnit.TABLETS

    fun withAmountUnit(unit: AmountUnit): FormState = copy(values = values + (UNIT_KEY to unit.name))

    /** Whether a field is shown: the amount fields of the unit not chosen are hidden. */
    fun shows(field: Field): Boolean = when (field) {
        Field.Mg -> amountUnit == AmountUnit.MG
        Field.Tablets, Field.StrengthMg -> amountUnit == AmountUnit.TABLETS
        Field.Times -> !isOn(Field.AsNeeded)
        else -> true
    }

    /** The medicine's usual times, in order. */
    val times: List<String> get() = get(Field.Times).split(' ').filter { it.isNotBlank() }

    fun withTime(time: String): FormState = with(Field.Times, (times + time).distinct().sorted().joinToString(" "))

    fun withoutTime(time: String): FormState = with(Field.Times, (times - time).joinToString(" "))

    /** The GAD-7 answers, one per item (null = not answered yet). */
    val answers: List<Int?>
        get() {
            val parts = get(Field.Items).split(',')
            return List(GAD7_ITEMS) { i -> parts.getOrNull(i)?.trim()?.toIntOrNull() }
        }

    fun withAnswer(item: Int, answer: Int): FormState {
        require(item in 0 until GAD7_ITEMS && answer in 0..3) { "GAD-7 item $item, answer $answer" }
        val next = answers.toMutableList().also { it[item] = answer }
        return with(Field.Items, next.joinToString(",") { it?.toString().orEmpty() })
    }

    /** A tablets stepper's move: one step (a quarter) up or down, within the field's range. */
    fun stepped(field: Field, input: Input.Number, up: Boolean): FormState {
        val now = readOrNull(field) ?: if (up) input.min - input.step else input.min
        val next = (now + if (up) input.step else -input.step).coerceIn(input.min, input.max)
        return with(field, plain(next))
    }

    private fun readOrNull(field: Field): Double? =
        try {
            if (field == Field.Tablets) tablets(field) else decimal(field)
        } catch (e: Refusal) {
            null
        }

    /** For `rememberSaveable`: a flat map of strings, the kind included. */
    fun save(): Map<String, String> = values + (KIND_KEY to kind.name)

    /**
     * The core's draft. [readInstant] is the diary's `readInstant` (`YYYY-MM-DD HH:MM` in the
     * device's zone, exact at DST changes); [today] is the diary's day, for date checks.
     */
    fun toDraft(readInstant: (String) -> LocalInstant): Built<EntryDraft> =
        try {
            Built.Ready(draft(readInstant))
        } catch (e: Refusal) {
            Built.Refused(e.field, e.problem)
        }

    /** The medicine form's draft, for `addMedicine` and `changeMedicine`. */
    fun toMedicineDraft(): Built<MedicineDraft> =
        try {
            Built.Ready(medicine())
        } catch (e: Refusal) {
            Built.Refused(e.field, e.problem)
        }

    private fun draft(readInstant: (String) -> LocalInstant): EntryDraft = when (kind) {
        EntryKind.DOSE -> EntryDraft.Dose(
            DoseDraft(
                takenAt = instant(Field.TakenAt, readInstant),
                drug = get(Field.Drug).trim(),
                mg = if (amountUnit == AmountUnit.MG) decimal(Field.Mg) else null,
                tablets = if (amountUnit == AmountUnit.TABLETS) tablets(Field.Tablets) else null,
                strengthMg = if (amountUnit == AmountUnit.TABLETS) decimal(Field.StrengthMg) else null,
                nonPrescribed = isOn(Field.NonPrescribed),
                note = text(Field.Note),
                medicine = values[MEDICINE_KEY]?.takeIf { it.isNotBlank() },
            ),
        )
        EntryKind.SLEEP -> EntryDraft.Sleep(
            SleepDraft(
                night = date(Field.Night),
                hours = decimal(Field.Hours),
                quality = whole(Field.Quality),
                latencyMin = whole(Field.LatencyMin),
                awakenings = whole(Field.Awakenings),
                wasoMin = whole(Field.WasoMin),
                inBed = clock(Field.InBed),
                triedToSleep = clock(Field.TriedToSleep),
                finalAwakening = clock(Field.FinalAwakening),
                outOfBed = clock(Field.OutOfBed),
                note = text(Field.Note),
            ),
        )
        EntryKind.ANXIETY -> EntryDraft.Anxiety(
            at = instant(Field.At, readInstant),
            score = required(Field.Score, whole(Field.Score)),
            note = text(Field.Note),
        )
        EntryKind.GAD7 -> {
            val missing = answers.indexOfFirst { it == null }
            if (missing >= 0) throw Refusal(gad7Field(missing), Problem.Required)
            EntryDraft.Gad7(at = instant(Field.At, readInstant), items = answers.map { it!!.toLong() })
        }
        EntryKind.GOAL -> EntryDraft.Goal(
            GoalDraft(
                setAt = instant(Field.SetAt, readInstant),
                kind = required(Field.Kind, pick(Field.Kind, GoalType.values())),
                whatMatters = get(Field.WhatMatters).trim(),
                drug = text(Field.Drug),
                targetMg = decimal(Field.TargetMg),
                due = date(Field.Due),
                reviewOn = date(Field.ReviewOn),
                proposedBy = required(Field.ProposedBy, pick(Field.ProposedBy, Proposer.values())),
                agreedWith = text(Field.AgreedWith),
            ),
        )
        EntryKind.REVIEW -> EntryDraft.Review(
            goal = required(Field.Goal, text(Field.Goal)),
            at = instant(Field.At, readInstant),
            gas = required(Field.Gas, whole(Field.Gas)),
            note = text(Field.Note),
            decision = required(Field.Decision, pick(Field.Decision, ReviewDecision.values())),
            nextReview = date(Field.NextReview),
        )
        EntryKind.PLAN -> EntryDraft.Plan(plan())
        EntryKind.QUESTION -> EntryDraft.Question(
            at = instant(Field.At, readInstant),
            text = get(Field.Text).trim(),
            discussed = isOn(Field.Discussed),
        )
        EntryKind.MEDICINE -> EntryDraft.Medicine(medicine())
        EntryKind.SKIP -> EntryDraft.Skip(
            medicine = required(Field.Medicine, text(Field.Medicine)),
            at = instant(Field.At, readInstant),
            note = text(Field.Note),
        )
        EntryKind.SETTINGS -> throw Refusal(Field.Setting, Problem.Inconsistent(app.steady.core.Rule.NOT_A_FORM))
    }

    private fun medicine(): MedicineDraft = MedicineDraft(
        drug = get(Field.Drug).trim(),
        mg = if (amountUnit == AmountUnit.MG) decimal(Field.Mg) else null,
        tablets = if (amountUnit == AmountUnit.TABLETS) tablets(Field.Tablets) else null,
        strengthMg = if (amountUnit == AmountUnit.TABLETS) decimal(Field.StrengthMg) else null,
        times = if (isOn(Field.AsNeeded)) emptyList() else times.map { clockOf(Field.Times, it) },
        asNeeded = isOn(Field.AsNeeded),
        nonPrescribed = isOn(Field.NonPrescribed),
        from = date(Field.From),
    )

    private fun plan(): PlanDraft {
        val switchFrom = text(Field.SwitchFrom)
        return PlanDraft(
            drug = get(Field.Drug).trim(),
            startMg = required(Field.StartMg, decimal(Field.StartMg)),
            start = date(Field.Start),
            percent = decimal(Field.Percent),
            intervalDays = whole(Field.IntervalDays),
            strengthsMg = strengths(Field.Strengths),
            split = pick(Field.Split, Split.values()) ?: Split.QUARTER,
            floorMg = decimal(Field.FloorMg),
            pace = pick(Field.Pace, Pace.values()),
            switch = switchFrom?.let {
                SwitchDraft(
                    fromDrug = it,
                    fromMg = required(Field.SwitchFromMg, decimal(Field.SwitchFromMg)),
                    table = pick(Field.SwitchTable, EquivalenceTable.values()),
                    agreedWith = get(Field.SwitchAgreedWith).trim(),
                )
            },
            tail = tail(),
        )
    }

    /** The tail: compounded doses, or an oral liquid with its smallest volume (required with it). */
    private fun tail(): Tail? {
        val stepMg = decimal(Field.TailStepMg)
        if (stepMg != null) return Tail.Compounded(stepMg = stepMg)
        val mgPerMl = decimal(Field.TailMgPerMl) ?: return null
        return Tail.Liquid(mgPerMl = mgPerMl, minMl = required(Field.TailMinMl, decimal(Field.TailMinMl)))
    }

    // --- reading text with the core's grammar ----------------------------------------------------

    private fun <T> required(field: Field, value: T?): T = value ?: throw Refusal(field, Problem.Required)

    private fun text(field: Field): String? = get(field).trim().takeIf { it.isNotEmpty() }

    /** Reads with one of the core's parsers; a refusal is put back on the form's own field. */
    private inline fun <T> parsed(field: Field, parse: (String) -> T): T? {
        val t = text(field) ?: return null
        return try {
            parse(t)
        } catch (e: SteadyException.InvalidInput) {
            throw Refusal(field, e.problem)
        }
    }

    private fun decimal(field: Field): Double? = parsed(field, ::parseNumber)

    private fun tablets(field: Field): Double? = parsed(field, ::parseTablets)

    private fun clock(field: Field): String? = parsed(field, ::parseClockTime)

    private fun clockOf(field: Field, text: String): String =
        try {
            parseClockTime(text)
        } catch (e: SteadyException.InvalidInput) {
            throw Refusal(field, e.problem)
        }

    private fun whole(field: Field): Long? {
        val t = text(field) ?: return null
        return t.toLongOrNull() ?: throw Refusal(field, Problem.Unreadable(t, Expected.WholeNumber))
    }

    private fun date(field: Field): String? {
        val t = text(field) ?: return null
        return try {
            LocalDate.parse(t).toString()
        } catch (e: DateTimeParseException) {
            throw Refusal(field, Problem.Unreadable(t, Expected.Date))
        }
    }

    private fun <E : Enum<E>> pick(field: Field, values: Array<E>): E? {
        val t = text(field) ?: return null
        return keyed(values, t) ?: throw Refusal(field, Problem.Unreadable(t, Expected.OneOf))
    }

    /** Tablet strengths as typed: "1 2", "1; 2", "0,5 / 1" (decimal commas allowed). */
    private fun strengths(field: Field): List<Double> {
        val t = text(field) ?: return emptyList()
        return t.split(Regex("""[\s;/+]+|,\s+""")).filter { it.isNotBlank() }.map { part ->
            try {
                parseNumber(part)
            } catch (e: SteadyException.InvalidInput) {
                throw Refusal(field, e.problem)
            }
        }
    }

    /** Blank = now; an untouched stored instant is sent back as it was; else read by the core. */
    private fun instant(field: Field, readInstant: (String) -> LocalInstant): LocalInstant? {
        val t = text(field) ?: return null
        if (isRfc3339(t)) return t
        return try {
            readInstant(t)
        } catch (e: SteadyException.InvalidInput) {
            throw Refusal(field, e.problem)
        }
    }

    companion object {
        const val GAD7_ITEMS = 7
        private const val ON = "true"
        private const val KIND_KEY = "_kind"
        private const val UNIT_KEY = "_unit"
        private const val MEDICINE_KEY = "_medicine"

        /** Back from `rememberSaveable`; null when the map is not a saved form. */
        fun restore(saved: Map<String, String>): FormState? {
            val kind = saved[KIND_KEY]?.let { k -> EntryKind.values().firstOrNull { it.name == k } } ?: return null
            return FormState(kind, saved - KIND_KEY)
        }

        /** The form as the core starts it: its prefill (the last entry of that kind, or the entry to edit). */
        fun start(view: FormView): FormState = of(view.kind, view.prefill)

        /** A form filled with a draft (an edit, or the core's prefill); null = blank. */
        fun of(kind: EntryKind, draft: EntryDraft?): FormState {
            val v = mutableMapOf<String, String>()
            fun put(field: Field, value: Any?) {
                val text = when (value) {
                    null -> return
                    is Double -> plain(value)
                    is Boolean -> if (value) ON else return
                    is Enum<*> -> value.choiceKey()
                    else -> value.toString()
                }
                v[fieldKey(field)] = text
            }
            fun putUnit(mg: Double?) {
                v[UNIT_KEY] = (if (mg != null) AmountUnit.MG else AmountUnit.TABLETS).name
            }
            when (draft) {
                null -> {}
                is EntryDraft.Dose -> draft.v1.run {
                    put(Field.TakenAt, takenAt)
                    put(Field.Drug, drug)
                    put(Field.Mg, mg)
                    put(Field.Tablets, tablets)
                    put(Field.StrengthMg, strengthMg)
                    put(Field.NonPrescribed, nonPrescribed)
                    put(Field.Note, note)
                    medicine?.let { v[MEDICINE_KEY] = it }
                    putUnit(mg)
                }
                is EntryDraft.Sleep -> draft.v1.run {
                    put(Field.Night, night)
                    put(Field.Hours, hours)
                    put(Field.Quality, quality)
                    put(Field.LatencyMin, latencyMin)
                    put(Field.Awakenings, awakenings)
                    put(Field.WasoMin, wasoMin)
                    put(Field.InBed, inBed)
                    put(Field.TriedToSleep, triedToSleep)
                    put(Field.FinalAwakening, finalAwakening)
                    put(Field.OutOfBed, outOfBed)
                    put(Field.Note, note)
                }
                is EntryDraft.Anxiety -> {
                    put(Field.At, draft.at)
                    put(Field.Score, draft.score)
                    put(Field.Note, draft.note)
                }
                is EntryDraft.Gad7 -> {
                    put(Field.At, draft.at)
                    v[fieldKey(Field.Items)] = draft.items.joinToString(",")
                }
                is EntryDraft.Goal -> draft.v1.run {
                    put(Field.SetAt, setAt)
                    put(Field.Kind, this.kind)
                    put(Field.WhatMatters, whatMatters)
                    put(Field.Drug, drug)
                    put(Field.TargetMg, targetMg)
                    put(Field.Due, due)
                    put(Field.ReviewOn, reviewOn)
                    put(Field.ProposedBy, proposedBy)
                    put(Field.AgreedWith, agreedWith)
                }
                is EntryDraft.Review -> {
                    put(Field.Goal, draft.goal)
                    put(Field.At, draft.at)
                    put(Field.Gas, draft.gas)
                    put(Field.Note, draft.note)
                    put(Field.Decision, draft.decision)
                    put(Field.NextReview, draft.nextReview)
                }
                is EntryDraft.Plan -> draft.v1.run {
                    put(Field.Drug, drug)
                    put(Field.StartMg, startMg)
                    put(Field.Start, start)
                    put(Field.Percent, percent)
                    put(Field.IntervalDays, intervalDays)
                    if (strengthsMg.isNotEmpty()) v[fieldKey(Field.Strengths)] = strengthsMg.joinToString(" ") { plain(it) }
                    put(Field.Split, split)
                    put(Field.FloorMg, floorMg)
                    put(Field.Pace, pace)
                    switch?.let { s ->
                        put(Field.SwitchFrom, s.fromDrug)
                        put(Field.SwitchFromMg, s.fromMg)
                        put(Field.SwitchTable, s.table)
                        put(Field.SwitchAgreedWith, s.agreedWith)
                    }
                    when (val t = tail) {
                        is Tail.Liquid -> {
                            put(Field.TailMgPerMl, t.mgPerMl)
                            put(Field.TailMinMl, t.minMl)
                        }
                        is Tail.Compounded -> put(Field.TailStepMg, t.stepMg)
                        null -> {}
                    }
                }
                is EntryDraft.Question -> {
                    put(Field.At, draft.at)
                    put(Field.Text, draft.text)
                    put(Field.Discussed, draft.discussed)
                }
                is EntryDraft.Medicine -> return medicine(draft.v1)
                is EntryDraft.Skip -> {
                    put(Field.Medicine, draft.medicine)
                    put(Field.At, draft.at)
                    put(Field.Note, draft.note)
                }
            }
            return FormState(kind, v)
        }

        /** The medicine form, filled with a medicine as it is now (a card's `draft`), or blank. */
        fun medicine(draft: MedicineDraft?): FormState {
            if (draft == null) return FormState(EntryKind.MEDICINE)
            val v = mutableMapOf<String, String>()
            v[fieldKey(Field.Drug)] = draft.drug
            draft.mg?.let { v[fieldKey(Field.Mg)] = plain(it) }
            draft.tablets?.let { v[fieldKey(Field.Tablets)] = plain(it) }
            draft.strengthMg?.let { v[fieldKey(Field.StrengthMg)] = plain(it) }
            if (draft.times.isNotEmpty()) v[fieldKey(Field.Times)] = draft.times.sorted().joinToString(" ")
            if (draft.asNeeded) v[fieldKey(Field.AsNeeded)] = ON
            if (draft.nonPrescribed) v[fieldKey(Field.NonPrescribed)] = ON
            draft.from?.let { v[fieldKey(Field.From)] = it }
            v[UNIT_KEY] = (if (draft.mg != null) AmountUnit.MG else AmountUnit.TABLETS).name
            return FormState(EntryKind.MEDICINE, v)
        }

        /** A number as the core's parsers read it back: no exponent, no trailing zeros. */
        fun plain(x: Double): String = BigDecimal.valueOf(x).stripTrailingZeros().toPlainString()

        private fun isRfc3339(text: String): Boolean =
            try {
                OffsetDateTime.parse(text)
                true
            } catch (e: DateTimeParseException) {
                false
            }
    }
}

/** The field of GAD-7 question `index` (0-based), as the core names it (`Field.Item(1…7)`). */
fun gad7Field(index: Int): Field = Field.Item((index + 1).toUByte())

/** The fields of a form the screen shows now (the amount fields follow the unit chosen). */
fun FormView.shown(state: FormState): List<FormField> = fields.filter { state.shows(it.field) }

/** The field of a form, by its typed name. */
fun FormView.field(field: Field): FormField? = fields.firstOrNull { it.field == field }
