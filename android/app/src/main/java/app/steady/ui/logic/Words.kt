package app.steady.ui.logic

import app.steady.core.AppLabels
import app.steady.core.EntryKind
import app.steady.core.EquivalenceTable
import app.steady.core.ExportFormat
import app.steady.core.Field
import app.steady.core.FormView
import app.steady.core.Hideable
import app.steady.core.Input
import app.steady.core.Lang
import app.steady.core.Problem
import app.steady.core.Rule
import app.steady.core.SteadyException
import app.steady.core.errorMessage

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/**
 * Every word the shell shows that is not in a view: the core's `AppLabels`, plus the few names the
 * core gives only inside its forms (equivalence tables, the parts of a summary), gathered once per
 * language. Nothing here is written by the shell.
 *
 * Where the core has no word yet, the nearest word it does give is used, and the gap is a request to
 * the core (android/README.md, "Words the core does not give yet"):
 * - the parts of a summary the patient can leave out (`Hideable`) are named by the screen or form
 *   the core names them with (Goals, Taper plan, Questions, "Last night's sleep", "Anxiety",
 *   "Note", "Not part of my prescription");
 * - the day-start setting is introduced by the core's own sentence about its rule ("My day starts
 *   at: a day starts between 00:00 and 12:00").
 */
data class ShellWords(
    val lang: Lang,
    val labels: AppLabels,
    /** "Equivalence table" (the plan form's switch-table field). */
    val tableLabel: String,
    /** Each table's name in the patient's language. */
    val tableNames: Map<EquivalenceTable, String>,
    /** Each part of a summary the patient can leave out. */
    val hideable: Map<Hideable, String>,
    /** The day-start row's words. */
    val dayStart: String,
    /** The unit "mg" as the core writes it beside a field. */
    val mgUnit: String,
    /** The plan form's "cut per step" and "days between steps" fields (for changing the pace). */
    val percentLabel: String,
    val intervalLabel: String,
) {
    fun format(format: ExportFormat): String = when (format) {
        ExportFormat.TEXT -> labels.shellFormatText
        ExportFormat.PDF -> labels.shellFormatPdf
        ExportFormat.CSV -> labels.shellFormatCsv
        ExportFormat.FHIR -> labels.shellFormatFhir
        ExportFormat.JSON -> labels.shellFormatJson
    }

    fun language(language: Lang): String = languageName(labels, language)

    fun table(table: EquivalenceTable): String = tableNames[table] ?: table.name

    /** The word the patient types to confirm erasing, as the confirmation text asks for it. */
    val eraseWord: String get() = eraseWord(labels.actionEraseConfirm)

    companion object {
        /**
         * Gathers the words from the core's forms: [form] is `diary.form(FormRequest.New(kind))`.
         */
        fun gather(lang: Lang, labels: AppLabels, form: (EntryKind) -> FormView): ShellWords {
            val plan = form(EntryKind.PLAN)
            val dose = form(EntryKind.DOSE)
            val sleep = form(EntryKind.SLEEP)
            val anxiety = form(EntryKind.ANXIETY)
            val switchTable = plan.field(Field.SwitchTable)
            val tables = (switchTable?.input as? Input.Pick)?.choices.orEmpty()
                .mapNotNull { c -> keyed(EquivalenceTable.values(), c.key)?.let { it to c.label } }
                .toMap()
            val hideable = mapOf(
                Hideable.NON_PRESCRIBED to (dose.field(Field.NonPrescribed)?.label ?: dose.title),
                Hideable.NOTES to (dose.field(Field.Note)?.label ?: dose.title),
                Hideable.SLEEP to sleep.title,
                Hideable.ANXIETY to anxiety.title,
                Hideable.GOALS to labels.screenGoals,
                Hideable.PLAN to labels.screenPlan,
                Hideable.QUESTIONS to labels.screenQuestions,
            )
            val dayStart = errorMessage(
                SteadyException.InvalidInput(Field.DayStart, Problem.Inconsistent(Rule.DAY_STARTS_BY_NOON), ""),
                lang,
            )
            val mg = dose.field(Field.Mg)?.unit ?: "mg"
            return ShellWords(
                lang = lang,
                labels = labels,
                tableLabel = switchTable?.label ?: labels.screenSettings,
                tableNames = tables,
                hideable = hideable,
                dayStart = dayStart,
                mgUnit = mg,
                percentLabel = plan.field(Field.Percent)?.label ?: labels.actionAdjust,
                intervalLabel = plan.field(Field.IntervalDays)?.label ?: labels.actionAdjust,
            )
        }
    }
}

fun languageName(labels: AppLabels, language: Lang): String = when (language) {
    Lang.EN -> labels.shellLanguageEn
    Lang.FR -> labels.shellLanguageFr
    Lang.NL -> labels.shellLanguageNl
    Lang.NB -> labels.shellLanguageNb
}

/**
 * The word to type to confirm erasing, read from the confirmation sentence ("… Type ERASE to
 * confirm."): its one word in capitals. The shell compares what the patient typed with it.
 */
fun eraseWord(confirmation: String): String =
    Regex("""\b\p{Lu}{3,}\b""").findAll(confirmation).map { it.value }.lastOrNull() ?: "ERASE"

/** True when what the patient typed confirms erasing (spaces around it ignored, capitals required). */
fun confirmsErase(typed: String, confirmation: String): Boolean = typed.trim() == eraseWord(confirmation)
