package app.steady.ui.logic

import app.steady.core.Decision
import app.steady.core.DoseInput
import app.steady.core.EntryInput
import app.steady.core.GoalInput
import app.steady.core.GoalKindInput
import app.steady.core.ProposedBy
import app.steady.core.SleepInput
import java.time.LocalDate
import java.time.OffsetDateTime

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
//
// Form state as the Compose screens hold it (text as typed), turned into the core's typed input.
// Only text → number conversion happens here; every rule (ranges, quarters, known drugs, dates
// in the future…) is the core's, which names the field it refuses. Field names used here are the
// core's own, so the screens show local and core refusals the same way.

/** What a form produced: an entry for the core, or a field the shell could not even read. */
sealed interface FormResult {
    data class Ready(val entry: EntryInput) : FormResult

    data class Unreadable(val field: String, val problem: LocalProblem) : FormResult
}

/** Problems found before the core sees the input. */
enum class LocalProblem { REQUIRED, NOT_A_NUMBER, NOT_A_WHOLE_NUMBER }

/** A form the Log screen can submit. */
fun interface EntryForm {
    fun toEntry(): FormResult
}

private class Unreadable(val field: String, val problem: LocalProblem) : Exception()

private inline fun build(block: () -> EntryInput): FormResult =
    try {
        FormResult.Ready(block())
    } catch (e: Unreadable) {
        FormResult.Unreadable(e.field, e.problem)
    }

private fun decimal(field: String, text: String): Double? {
    val v = Amounts.parse(text) ?: return null
    if (v.isNaN()) throw Unreadable(field, LocalProblem.NOT_A_NUMBER)
    return v
}

private fun whole(field: String, text: String): Long? {
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
            DoseUnit.MG -> Triple(decimal("mg", mgText), null, null)
            DoseUnit.TABLETS -> Triple(
                null,
                tablets,
                if (strengthUnknown) null else decimal("strength_mg", strengthText),
            )
        }
        EntryInput.Dose(
            DoseInput(
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
    /** Clock times as typed, `HH:MM`; blank = not given. The core reads them. */
    val inBed: String = "",
    val triedToSleep: String = "",
    val finalAwakening: String = "",
    val outOfBed: String = "",
    val note: String = "",
) : EntryForm {
    override fun toEntry(): FormResult = build {
        if (quality == 0) throw Unreadable("quality", LocalProblem.REQUIRED)
        EntryInput.Sleep(
            SleepInput(
                night = CoreTime.date(night),
                hours = decimal("hours", hoursText),
                quality = quality.toLong(),
                latencyMin = whole("latency_min", latencyText),
                awakenings = whole("awakenings", awakeningsText),
                wasoMin = whole("waso_min", wasoText),
                inBed = inBed.orNullIfBlank(),
                triedToSleep = triedToSleep.orNullIfBlank(),
                finalAwakening = finalAwakening.orNullIfBlank(),
                outOfBed = outOfBed.orNullIfBlank(),
                note = note.orNullIfBlank(),
            ),
        )
    }
}

/** Daily anxiety, 0–10 from a slider. */
data class AnxietyForm(val score: Int = 0, val note: String = "") : EntryForm {
    override fun toEntry(): FormResult =
        FormResult.Ready(EntryInput.Anxiety(at = null, score = score.toLong(), note = note.orNullIfBlank()))
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
        if (missing >= 0) return FormResult.Unreadable("item${missing + 1}", LocalProblem.REQUIRED)
        return FormResult.Ready(EntryInput.Gad7(at = null, items = answers.map { it!!.toLong() }))
    }
}

/** Setting a goal: what matters, in the patient's words, and a treatment goal. */
data class GoalForm(
    val kind: GoalKindInput = GoalKindInput.KEEP,
    val whatMatters: String = "",
    val drug: String = "",
    val targetText: String = "",
    val due: LocalDate? = null,
    val reviewOn: LocalDate? = null,
    val proposedBy: ProposedBy = ProposedBy.PATIENT,
    val agreedWith: String = "",
) : EntryForm {
    override fun toEntry(): FormResult = build {
        EntryInput.Goal(
            GoalInput(
                kind = kind,
                whatMatters = whatMatters.trim(),
                drug = if (kind == GoalKindInput.KEEP) null else drug.orNullIfBlank(),
                targetMg = if (kind == GoalKindInput.REDUCE) decimal("target_mg", targetText) else null,
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
    val goalId: String,
    val gas: Int = 0,
    val decision: Decision = Decision.KEEP,
    val note: String = "",
    /** The next review date agreed at this one; null = none. */
    val nextReview: LocalDate? = null,
) : EntryForm {
    override fun toEntry(): FormResult = FormResult.Ready(
        EntryInput.Review(
            goalId = goalId,
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
