package app.steady.ui.logic

import app.steady.core.DoseDraft
import app.steady.core.EntryDraft
import app.steady.core.EntryId
import app.steady.core.Field
import app.steady.core.GoalDraft
import app.steady.core.GoalType
import app.steady.core.Proposer
import app.steady.core.ReviewDecision
import app.steady.core.SleepDraft
import app.steady.core.SteadyException
import app.steady.core.parseClockTime
import app.steady.core.parseNumber
import java.time.LocalDate
import java.time.OffsetDateTime

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
//
// Form state as the Compose screens hold it (text as typed), turned into the core's typed drafts.
// Text is read with the core's own grammar (parseNumber, parseClockTime: the same as the desktop's);
// every rule (ranges, quarters, known drugs, dates in the future…) is the core's, which names the
// field it refuses with a typed `Field`. The fields used here are the same typed values, so the
// screens show local and core refusals the same way.

/** What a form produced: a draft for the core, or a field the shell could not even read. */
sealed interface FormResult {
    data class Ready(val entry: EntryDraft) : FormResult

    data class Unreadable(val field: Field, val problem: LocalProblem) : FormResult
}

/** Problems found before the core sees the draft. */
enum class LocalProblem { REQUIRED, NOT_A_NUMBER, NOT_A_WHOLE_NUMBER, NOT_A_CLOCK_TIME }

/** A form the Log screen can submit. */
fun interface EntryForm {
    fun toEntry(): FormResult
}

private class Unreadable(val field: Field, val problem: LocalProblem) : Exception()

private inline fun build(block: () -> EntryDraft): FormResult =
    try {
        FormResult.Ready(block())
    } catch (e: Unreadable) {
        FormResult.Unreadable(e.field, e.problem)
    }

/**
 * Reads typed text with one of the core's parsers; blank = not given. The core's parsers name a
 * generic field (a number is read as `mg`, a time as `time`), so a refusal is put back on the form
 * field it came from.
 */
private inline fun <T> read(field: Field, text: String, problem: LocalProblem, parse: (String) -> T): T? {
    if (text.isBlank()) return null
    return try {
        parse(text)
    } catch (e: SteadyException.InvalidInput) {
        throw Unreadable(field, problem)
    }
}

/** A decimal number as typed (`2`, `0.5`, `2,5`), read by the core. */
private fun decimal(field: Field, text: String): Double? = read(field, text, LocalProblem.NOT_A_NUMBER, ::parseNumber)

/** A clock time `HH:MM` as typed, read by the core. */
private fun clock(field: Field, text: String): String? =
    read(field, text, LocalProblem.NOT_A_CLOCK_TIME, ::parseClockTime)

/** A whole number (minutes, awakenings); the core exports no parser for these. */
private fun whole(field: Field, text: String): Long? {
    val t = text.trim()
    if (t.isEmpty()) return null
    return t.toLongOrNull() ?: throw Unreadable(field, LocalProblem.NOT_A_WHOLE_NUMBER)
}

private fun String.orNullIfBlank(): String? = trim().takeIf { it.isNotEmpty() }

/** How a dose is counted. */
enum class DoseUnit { MG, TABLETS }

/** The tablet amounts offered as one-tap choices: ¼ ½ ¾ 1. */
val TABLET_CHOICES: List<Double> = listOf(0.25, 0.5, 0.75, 1.0)

/**
 * The dose form: a drug typed as on the box (brand or molecule), an amount in mg or in tablets
 * (a one-tap fraction plus extra whole tablets) of a strength, which may be unknown for
 * non-prescribed pills.
 */
data class DoseForm(
    val drug: String = "",
    val unit: DoseUnit = DoseUnit.TABLETS,
    val mgText: String = "",
    val tabletChoice: Double = 1.0,
    val extraWholeTablets: Int = 0,
    val strengthText: String = "",
    val strengthUnknown: Boolean = false,
    val nonPrescribed: Boolean = false,
    val note: String = "",
    /** `null` = now (the core reads the device clock). */
    val takenAt: OffsetDateTime? = null,
) : EntryForm {
    val tablets: Double get() = tabletChoice + extraWholeTablets

    override fun toEntry(): FormResult = build {
        val (mg, tablets, strength) = when (unit) {
            DoseUnit.MG -> Triple(decimal(Field.Mg, mgText), null, null)
            DoseUnit.TABLETS -> Triple(
                null,
                tablets,
                if (strengthUnknown) null else decimal(Field.StrengthMg, strengthText),
            )
        }
        EntryDraft.Dose(
            DoseDraft(
                takenAt = takenAt?.let(CoreTime::instant),
                drug = drug.trim(),
                mg = mg,
                tablets = tablets,
                strengthMg = strength,
                nonPrescribed = nonPrescribed,
                note = note.orNullIfBlank(),
            ),
        )
    }
}

/** A clock time from a time picker, in the sleep form's `HH:MM` text form. */
data class ClockTime(val hour: Int, val minute: Int) {
    override fun toString(): String = CoreTime.clock(hour, minute)
}

/** The Consensus Sleep Diary form for one night (the evening's date). */
data class SleepForm(
    val night: LocalDate,
    /** 1 very poor … 5 very good; 0 = not answered yet. */
    val quality: Int = 0,
    val hoursText: String = "",
    val latencyText: String = "",
    val awakeningsText: String = "",
    val wasoText: String = "",
    /** Clock times as typed, `HH:MM`; blank = not given. The core's parser reads them. */
    val inBed: String = "",
    val triedToSleep: String = "",
    val finalAwakening: String = "",
    val outOfBed: String = "",
    val note: String = "",
) : EntryForm {
    override fun toEntry(): FormResult = build {
        if (quality == 0) throw Unreadable(Field.Quality, LocalProblem.REQUIRED)
        EntryDraft.Sleep(
            SleepDraft(
                night = CoreTime.date(night),
                hours = decimal(Field.Hours, hoursText),
                quality = quality.toLong(),
                latencyMin = whole(Field.LatencyMin, latencyText),
                awakenings = whole(Field.Awakenings, awakeningsText),
                wasoMin = whole(Field.WasoMin, wasoText),
                inBed = clock(Field.InBed, inBed),
                triedToSleep = clock(Field.TriedToSleep, triedToSleep),
                finalAwakening = clock(Field.FinalAwakening, finalAwakening),
                outOfBed = clock(Field.OutOfBed, outOfBed),
                note = note.orNullIfBlank(),
            ),
        )
    }
}

/** Daily anxiety, 0–10 from a slider. */
data class AnxietyForm(val score: Int = 0, val note: String = "") : EntryForm {
    override fun toEntry(): FormResult =
        FormResult.Ready(EntryDraft.Anxiety(at = null, score = score.toLong(), note = note.orNullIfBlank()))
}

/** GAD-7: seven answers 0–3, each `null` until answered. */
data class Gad7Form(val answers: List<Int?> = List(7) { null }) : EntryForm {
    init {
        require(answers.size == 7) { "GAD-7 has seven items" }
    }

    fun answer(item: Int, value: Int): Gad7Form = copy(answers = answers.toMutableList().also { it[item] = value })

    /** True once every item has an answer (the Save button's state). */
    val complete: Boolean get() = answers.all { it != null }

    override fun toEntry(): FormResult {
        val missing = answers.indexOfFirst { it == null }
        if (missing >= 0) return FormResult.Unreadable(gad7Field(missing), LocalProblem.REQUIRED)
        return FormResult.Ready(EntryDraft.Gad7(at = null, items = answers.map { it!!.toLong() }))
    }
}

/** The field of GAD-7 question `index` (0-based), as the core names it (`Field.Item(1…7)`). */
fun gad7Field(index: Int): Field = Field.Item((index + 1).toUByte())

/** Setting a goal: what matters, in the patient's words, and a treatment goal. */
data class GoalForm(
    val kind: GoalType = GoalType.KEEP,
    val whatMatters: String = "",
    val drug: String = "",
    val targetText: String = "",
    val due: LocalDate? = null,
    val reviewOn: LocalDate? = null,
    val proposedBy: Proposer = Proposer.PATIENT,
    val agreedWith: String = "",
) : EntryForm {
    override fun toEntry(): FormResult = build {
        EntryDraft.Goal(
            GoalDraft(
                kind = kind,
                whatMatters = whatMatters.trim(),
                drug = if (kind == GoalType.KEEP) null else drug.orNullIfBlank(),
                targetMg = if (kind == GoalType.REDUCE) decimal(Field.TargetMg, targetText) else null,
                due = due?.let(CoreTime::date),
                reviewOn = reviewOn?.let(CoreTime::date),
                proposedBy = proposedBy,
                agreedWith = agreedWith.orNullIfBlank(),
            ),
        )
    }
}

/** Reviewing a goal: Goal Attainment Scaling −2 … +2, then keep, adjust or change it. */
data class ReviewForm(
    val goalId: EntryId,
    val gas: Int = 0,
    val decision: ReviewDecision = ReviewDecision.KEEP,
    val note: String = "",
    /** The next review date agreed at this one; null = none. */
    val nextReview: LocalDate? = null,
) : EntryForm {
    override fun toEntry(): FormResult = FormResult.Ready(
        EntryDraft.Review(
            goal = goalId,
            at = null,
            gas = gas.toLong(),
            note = note.orNullIfBlank(),
            decision = decision,
            nextReview = nextReview?.let(CoreTime::date),
        ),
    )

    companion object {
        /** The five GAS levels, from much less than expected to much more. */
        val GAS_LEVELS: List<Int> = (-2..2).toList()
    }
}
