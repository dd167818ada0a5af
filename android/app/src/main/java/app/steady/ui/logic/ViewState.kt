package app.steady.ui.logic

import app.steady.core.AppLabels
import app.steady.core.DayRow
import app.steady.core.DiaryStatus
import app.steady.core.EntryKind
import app.steady.core.EntryRow
import app.steady.core.EquivalenceTable
import app.steady.core.ExportFormat
import app.steady.core.GoalLine
import app.steady.core.Hideable
import app.steady.core.Lang
import app.steady.core.MedicineCard
import app.steady.core.PlanToday
import app.steady.core.PlanView
import app.steady.core.Settings
import app.steady.core.StepStatus
import app.steady.core.SummaryRequest
import app.steady.core.SummaryScreen
import app.steady.core.TodayView
import app.steady.core.summaryPeriod
import app.steady.core.integrityNotice
import java.time.LocalDate

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
//
// The core's views, reshaped for Compose: figures formatted in the patient's language, charts
// described for TalkBack with their numbers, nothing computed that the core did not compute, and no
// word of the shell's own.

/** The pages of the app. */
sealed interface Page {
    object Today : Page

    object Medicines : Page

    object Plan : Page

    object Goals : Page

    object Questions : Page

    data class History(val from: String? = null, val to: String? = null) : Page

    data class Summary(val choice: SummaryChoice) : Page

    object Settings : Page
}

/** What a page shows, as the core built it. */
sealed interface Screen {
    /** Before the diary is open. */
    object Loading : Screen

    data class Today(val state: TodayState) : Screen

    data class Medicines(val cards: List<MedicineCard>) : Screen

    data class Plan(val state: PlanState) : Screen

    data class Goals(val open: List<GoalLine>, val closed: List<EntryRow>) : Screen

    data class Questions(val open: List<EntryRow>, val discussed: List<EntryRow>) : Screen

    data class History(val days: List<HistoryDay>) : Screen

    data class Summary(val state: SummaryState) : Screen

    data class Settings(val settings: app.steady.core.Settings) : Screen
}

/** Everything a shell renders: the page, the diary's status, and the words of the chrome. */
data class DiaryView(
    val screen: Screen,
    /** The diary's status; null before it is open. */
    val status: DiaryStatus?,
    val words: ShellWords?,
    val settings: Settings?,
) {
    val labels: AppLabels? get() = words?.labels

    val lang: Lang get() = settings?.language ?: Lang.EN

    val entryCount: ULong get() = status?.entryCount ?: 0uL

    /**
     * True when opening the diary found something wrong with its entries (a record that failed
     * authentication, an entry missing or unexpected, a damaged manifest): the app says so on
     * every page until the patient rescues the readable entries.
     */
    val damaged: Boolean
        get() {
            val s = status ?: return false
            val i = s.integrity
            return s.damagedIds.isNotEmpty() || i.unreadable.isNotEmpty() || i.missing.isNotEmpty() ||
                i.unexpected.isNotEmpty() || i.manifestDamaged
        }

    /**
     * What the diary check found, in the patient's words: the core's own sentence ("Diary check:
     * 2 entries could not be read. …", the one the summaries print), or the damaged-diary title when
     * only a record's authentication failed; null when all is well. Shown above every page.
     */
    val damageNotice: String? by lazy {
        val s = status ?: return@lazy null
        integrityNotice(s.integrity, lang) ?: labels?.shellDamagedTitle?.takeIf { s.damagedIds.isNotEmpty() }
    }
}

/** One point of a chart: its axis label, value and the bar's height (0…1); null = nothing logged. */
data class ChartPoint(val axis: String, val date: String, val value: Double?, val valueText: String?, val fraction: Float?)

/**
 * A chart with what TalkBack reads: the heading, the core's sentence about it, and every point's
 * date and number ("1 Mar: 3; 2 Mar: –; …"), so the bars are never the only way to the numbers.
 */
data class ChartState(val title: String, val points: List<ChartPoint>, val summary: String) {
    val description: String
        get() = buildString {
            append(title)
            if (summary.isNotBlank()) append(". ").append(summary)
            append(". ")
            append(points.joinToString("; ") { "${it.date}: ${it.valueText ?: NO_VALUE}" })
        }

    companion object {
        const val NO_VALUE = "–"
    }
}

/** The Today page: the core's view, and its anxiety week as a chart. */
data class TodayState(val view: TodayView, val anxiety: ChartState) {
    val medicines: List<MedicineCard> get() = view.medicines.filter { it.active }
}

fun TodayView.toState(f: Formats): TodayState = TodayState(
    view = this,
    anxiety = ChartState(
        title = labels.anxietyWeek,
        points = anxiety7d.map { day ->
            ChartPoint(
                axis = f.weekday(day.date),
                date = f.shortDate(day.date),
                value = day.mean,
                valueText = day.mean?.let(f::mean),
                fraction = day.mean?.let { (it / 10.0).coerceIn(0.0, 1.0).toFloat() },
            )
        },
        summary = anxietyText,
    ),
)

/** One day of the history list, newest day first, entries in time order within the day. */
data class HistoryDay(val date: String, val dateText: String, val entries: List<EntryRow>)

/** The core lists entries oldest first; a phone shows the newest diary day on top. */
fun List<EntryRow>.byDayNewestFirst(f: Formats): List<HistoryDay> =
    groupBy { it.date }.toSortedMap(compareByDescending { it })
        .map { (date, rows) -> HistoryDay(date, f.date(date), rows.sortedBy { it.time }) }

/** Entries of one kind (a filter chip); null = all. */
fun List<EntryRow>.ofKind(kind: EntryKind?): List<EntryRow> = if (kind == null) this else filter { it.kind == kind }

/** Kinds the history screen can edit through a core form (settings change one at a time). */
fun EntryRow.editable(): Boolean = kind != EntryKind.SETTINGS

/** One step of the plan screen, its figures in the patient's language. */
data class StepRow(
    val index: Int,
    val date: String,
    val dose: String,
    val tablets: String,
    /** "−10 %" (empty for the start dose). */
    val cut: String,
    val status: StepStatus,
    val paceFlag: String?,
    val extended: Boolean,
) {
    val current: Boolean get() = status == StepStatus.CURRENT
}

/** One hold: its dates ("1 Mar – 15 Mar", open-ended while holding) and the patient's reason. */
data class HoldRow(val dates: String, val reason: String, val open: Boolean)

/** The plan page: the plan (null = none yet), today's step in words, rows, and the dose chart. */
data class PlanState(
    val plan: PlanView?,
    val today: PlanToday?,
    val steps: List<StepRow>,
    val holds: List<HoldRow>,
    val endDate: String?,
) {
    val holding: Boolean get() = plan?.holding == true

    /** Hold, resume, adjust and end only for a plan that has not ended. */
    val active: Boolean get() = plan != null && plan.endedOn == null
}

fun planState(plan: PlanView?, today: PlanToday?, f: Formats, mgUnit: String): PlanState {
    if (plan == null) return PlanState(null, today, emptyList(), emptyList(), null)
    val mg = " $mgUnit"
    return PlanState(
        plan = plan,
        today = today,
        steps = plan.steps.map { s ->
            StepRow(
                index = s.index.toInt(),
                date = f.date(s.date),
                dose = f.number(s.doseMg) + mg,
                tablets = s.tablets,
                cut = if (s.index == 0u) "" else "−" + f.mean(s.cutPercent) + " %",
                status = s.status,
                paceFlag = s.paceFlag,
                extended = s.extended,
            )
        },
        holds = plan.holds.map { h ->
            HoldRow(
                dates = f.date(h.from) + " – " + (h.until?.let(f::date) ?: ""),
                reason = h.reason,
                open = h.until == null,
            )
        },
        endDate = plan.endDate?.let(f::date),
    )
}

/** Summary formats, in the order the screen offers them: PDF first (what a clinician reads). */
val SHARE_FORMATS: List<ExportFormat> = listOf(ExportFormat.PDF, ExportFormat.TEXT, ExportFormat.CSV, ExportFormat.FHIR, ExportFormat.JSON)

/** Every language the core writes a summary in. */
val SUMMARY_LANGUAGES: List<Lang> = Lang.values().toList()

/** The parts of a summary the patient can leave out, in the order the screen lists them. */
val OPTIONAL_SECTIONS: List<Hideable> = Hideable.values().toList()

/**
 * Everything picked on the Summary screen. `from`/`to` null = the core's default period (the last
 * 8 weeks, the usual time between two appointments); `table` null = the diary's table; `language`
 * null = the diary's language; `exclude` = what the patient leaves out (the summary then says so).
 */
data class SummaryChoice(
    val from: String? = null,
    val to: String? = null,
    val language: Lang? = null,
    val table: EquivalenceTable? = null,
    val format: ExportFormat = ExportFormat.PDF,
    val exclude: Set<Hideable> = emptySet(),
) {
    fun toggled(section: Hideable): SummaryChoice =
        copy(exclude = if (section in exclude) exclude - section else exclude + section)

    fun includes(section: Hideable): Boolean = section !in exclude

    /** The period as the core will use it on the diary day `today` (open ends take the core's defaults). */
    fun period(today: String): Pair<String, String> {
        val period = summaryPeriod(from, to, today)
        return period[0] to period[1]
    }

    fun request(format: ExportFormat = this.format, diaryLanguage: Lang = Lang.EN): SummaryRequest = SummaryRequest(
        from = from,
        to = to,
        format = format,
        table = table,
        language = language ?: diaryLanguage,
        exclude = OPTIONAL_SECTIONS.filter { it in exclude },
    )

    /** For `rememberSaveable`. */
    fun save(): Map<String, String> = buildMap {
        from?.let { put("from", it) }
        to?.let { put("to", it) }
        language?.let { put("language", it.name) }
        table?.let { put("table", it.name) }
        put("format", format.name)
        put("exclude", exclude.joinToString(",") { it.name })
    }

    companion object {
        fun restore(saved: Map<String, String>): SummaryChoice = SummaryChoice(
            from = saved["from"],
            to = saved["to"],
            language = saved["language"]?.let { n -> Lang.values().firstOrNull { it.name == n } },
            table = saved["table"]?.let { n -> EquivalenceTable.values().firstOrNull { it.name == n } },
            format = saved["format"]?.let { n -> ExportFormat.values().firstOrNull { it.name == n } } ?: ExportFormat.PDF,
            exclude = saved["exclude"].orEmpty().split(',').mapNotNull { n -> Hideable.values().firstOrNull { it.name == n } }.toSet(),
        )

        /** The `from` and `to` of a period of `days` days ending on `to`. */
        fun lastDays(to: LocalDate, days: Long): Pair<String, String> =
            CoreTime.date(to.minusDays(days - 1)) to CoreTime.date(to)
    }
}

/**
 * The Summary page: the figures the patient checks before sharing (the core's summary screen), the
 * prescribed dose per day as a chart TalkBack reads, and the summary itself as the core writes it
 * (its text form, in the chosen language), so the patient sees exactly what will be shared.
 */
data class SummaryState(
    val choice: SummaryChoice,
    val screen: SummaryScreen,
    val period: String,
    val chart: ChartState,
    val preview: String,
)

fun summaryState(
    choice: SummaryChoice,
    screen: SummaryScreen,
    preview: String,
    chartTitle: String,
    f: Formats,
    mgUnit: String,
): SummaryState {
    val top = screen.days.maxOfOrNull { maxOf(it.deHighMg, it.nonprescribedDeHighMg ?: 0.0) }?.takeIf { it > 0 } ?: 1.0
    return SummaryState(
        choice = choice,
        screen = screen,
        period = f.date(screen.from) + " – " + f.date(screen.to),
        chart = ChartState(
            title = chartTitle,
            points = screen.days.map { d: DayRow ->
                val known = d.deHighMg > 0 || d.unknownDoses == 0u
                ChartPoint(
                    axis = f.weekday(d.date),
                    date = f.shortDate(d.date),
                    value = d.deHighMg,
                    valueText = if (d.deHighMg > 0) f.range(d.deLowMg, d.deHighMg) + " " + mgUnit else if (known) "0" else null,
                    fraction = (d.deHighMg / top).coerceIn(0.0, 1.0).toFloat(),
                )
            },
            summary = screen.tableName,
        ),
        preview = preview,
    )
}

/** The view a shell shows before the diary is open. */
fun loadingView(): DiaryView = DiaryView(Screen.Loading, null, null, null)
